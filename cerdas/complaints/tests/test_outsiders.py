"""Every officials' page refuses outsiders: anonymous visitors go to the login, citizens and
other regions' teams get 403, and agency officers see only their agency's reports."""

import pytest

from cerdas.complaints import keys, services
from cerdas.complaints.models import Report
from conftest import make_user


@pytest.fixture
def dispatched(road, other_agency_a, member_a, submit):
    report = submit(road)
    services.dispatch(
        member_a,
        report.pk,
        category_id=road.pk,
        agency_id=other_agency_a.pk,
        handling="standard",
        public_text="x",
    )
    return Report.objects.get(pk=report.pk)


@pytest.fixture
def key_id(member_a):
    record, _raw = keys.issue(member_a, "35.22", "Aplikasi")
    return record.pk


def _pages(report, road, key_id):
    return [
        ("get", "/pengaduan/kelola/"),
        ("get", "/pengaduan/kelola/statistik/?wilayah=35.22"),
        ("get", f"/pengaduan/kelola/laporan/{report.pk}/"),
        ("post", f"/pengaduan/kelola/laporan/{report.pk}/note/"),
        ("post", f"/pengaduan/kelola/laporan/{report.pk}/follow_up/"),
        ("get", "/pengaduan/kelola/wilayah/35.22/topik/"),
        ("post", "/pengaduan/kelola/wilayah/35.22/pengaturan/"),
        ("get", "/pengaduan/kelola/wilayah/35.22/kunci-api/"),
        ("get", f"/pengaduan/kelola/topik/{road.pk}/"),
        ("get", f"/pengaduan/kelola/kunci-api/{key_id}/cabut/"),
        ("get", "/kalender/"),
    ]


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_the_login(client, dispatched, road, key_id):
    for method, url in _pages(dispatched, road, key_id):
        response = getattr(client, method)(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/akun/masuk/"), url


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["citizen", "member_b", "assessor_a"])
def test_citizens_other_regions_and_assessors_are_refused(
    client, request, who, dispatched, road, key_id
):
    client.force_login(request.getfixturevalue(who))
    for method, url in _pages(dispatched, road, key_id):
        response = getattr(client, method)(url, {"text": "x", "note": "x"})
        if who == "member_b" and url.startswith(
            ("/pengaduan/kelola/?", "/pengaduan/kelola/statistik")
        ):
            continue
        if who == "member_b" and url == "/pengaduan/kelola/":
            assert dispatched.tracking_number not in response.content.decode()
            continue
        assert response.status_code == 403, (who, url)


@pytest.mark.django_db
def test_another_regions_team_sees_nothing_of_this_region(client, member_b, dispatched):
    client.force_login(member_b)
    queue = client.get("/pengaduan/kelola/").content.decode()
    assert dispatched.tracking_number not in queue
    assert client.get("/pengaduan/kelola/statistik/?wilayah=35.22").status_code in (200, 403)
    stats = client.get("/pengaduan/kelola/statistik/").content.decode()
    assert "Bojonegoro" not in stats


@pytest.mark.django_db
def test_an_officer_sees_only_reports_dispatched_to_their_agency(
    client, officer_a, officer_a2, dispatched, road, submit
):
    waiting = submit(road)
    client.force_login(officer_a)  # Diskominfo: the report went to Dinas PU
    assert client.get(dispatched.get_manage_url()).status_code == 403
    assert dispatched.tracking_number not in client.get("/pengaduan/kelola/").content.decode()
    client.force_login(officer_a2)  # Dinas PU
    assert client.get(dispatched.get_manage_url()).status_code == 200
    assert client.get(waiting.get_manage_url()).status_code == 403  # not verified yet
    queue = client.get("/pengaduan/kelola/").content.decode()
    assert dispatched.tracking_number in queue and waiting.tracking_number not in queue


@pytest.mark.django_db
def test_an_officer_cannot_take_the_coordinators_steps(client, officer_a2, dispatched):
    client.force_login(officer_a2)
    response = client.post(
        f"/pengaduan/kelola/laporan/{dispatched.pk}/extend/",
        {"days": "5", "reason": "x", "confirmed": "1"},
    )
    assert response.status_code in (400, 403)
    assert Report.objects.get(pk=dispatched.pk).extension_days == 0
    for path in (
        "/pengaduan/kelola/wilayah/35.22/topik/",
        "/pengaduan/kelola/wilayah/35.22/kunci-api/",
    ):
        assert client.get(path).status_code == 403


@pytest.mark.django_db
def test_an_unknown_report_is_404_for_officials(client, member_a):
    client.force_login(member_a)
    assert client.get("/pengaduan/kelola/laporan/999999/").status_code == 404


@pytest.mark.django_db
def test_an_unknown_action_is_refused(client, member_a, dispatched):
    client.force_login(member_a)
    assert client.post(f"/pengaduan/kelola/laporan/{dispatched.pk}/delete/").status_code == 403


@pytest.mark.django_db
def test_national_admins_work_on_any_region(client, national_admin, dispatched):
    client.force_login(national_admin)
    assert client.get(dispatched.get_manage_url()).status_code == 200
    page = client.get("/pengaduan/kelola/?wilayah=35.22").content.decode()
    assert dispatched.tracking_number in page
    assert client.get("/kalender/").status_code == 200


@pytest.mark.django_db
def test_a_team_member_without_a_region_has_no_queue(client):
    user = make_user("loose", "citizen")
    client.force_login(user)
    assert client.get("/pengaduan/kelola/").status_code == 403

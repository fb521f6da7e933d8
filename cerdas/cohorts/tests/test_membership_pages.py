"""The program office adds members from pasted names and records who leaves, with reasons."""

import pytest

from cerdas.cohorts.models import Membership

URL = "/angkatan/2017/anggota/"


@pytest.mark.django_db
def test_pasted_names_are_resolved_and_added_with_the_reason(client, cohort, national_admin):
    client.force_login(national_admin)
    response = client.post(
        URL,
        {"names": "Kab. Gresik\n35.15", "joined_on": "2017-05-23", "reason": "Surat Mei 2017"},
    )
    assert response.status_code == 302
    added = cohort.memberships.filter(region_id__in=["35.25", "35.15"])
    assert added.count() == 2 and all(m.reason == "Surat Mei 2017" for m in added)


@pytest.mark.django_db
def test_unknown_names_are_listed_and_nothing_is_saved(client, cohort, national_admin):
    client.force_login(national_admin)
    response = client.post(
        URL, {"names": "Kab. Gresik\nKota Atlantis", "joined_on": "2017-05-23", "reason": "x"}
    )
    assert response.status_code == 200
    assert "Kota Atlantis" in response.content.decode()
    assert "Kab. Gresik" in response.content.decode()  # what was typed stays
    assert cohort.memberships.count() == 3


@pytest.mark.django_db
def test_an_ambiguous_name_is_offered_to_pick(client, cohort, national_admin):
    client.force_login(national_admin)
    data = {"names": "Bandung", "joined_on": "2017-05-23", "reason": "x"}
    response = client.post(URL, data)
    assert 'name="names_pick_0"' in response.content.decode()
    assert cohort.memberships.count() == 3
    response = client.post(URL, {**data, "names_pick_0": "32.04"})
    assert response.status_code == 302
    assert cohort.memberships.filter(region_id="32.04").exists()


@pytest.mark.django_db
def test_a_change_without_a_reason_is_refused_with_a_message(client, cohort, national_admin):
    client.force_login(national_admin)
    response = client.post(URL, {"names": "Kab. Gresik", "joined_on": "2017-05-23", "reason": ""})
    assert response.status_code == 200 and "errorlist" in response.content.decode()
    m = cohort.memberships.get(region_id="32.73")
    response = client.post(
        f"{URL}{m.pk}/akhiri/", {"left_on": "2017-11-01", "status": "withdrawn", "reason": ""}
    )
    assert response.status_code == 400
    m.refresh_from_db()
    assert m.left_on is None


@pytest.mark.django_db
def test_a_replacement_is_recorded_as_two_rows(client, cohort, national_admin):
    client.force_login(national_admin)
    m = cohort.memberships.get(region_id="32.73")
    answers = {
        "left_on": "2017-11-01",
        "status": "replaced",
        "replacement": "Kab. Lombok Timur",
        "reason": "Berita November",
        "dates_approximate": "on",
    }
    # A leaving is not undone: a page repeats the answers and asks first.
    page = client.post(f"{URL}{m.pk}/akhiri/", answers)
    assert page.status_code == 200
    assert "Kabupaten Lombok Timur" in page.content.decode()
    assert Membership.objects.get(pk=m.pk).left_on is None
    response = client.post(f"{URL}{m.pk}/akhiri/", {**answers, "confirmed": "yes"})
    assert response.status_code == 302
    new = cohort.memberships.get(region_id="52.03")
    assert new.replaces_id == m.pk and new.dates_approximate
    assert Membership.objects.get(pk=m.pk).status == "replaced"


@pytest.mark.django_db
def test_an_anonymous_visitor_is_sent_to_log_in(client, cohort):
    assert client.get(URL).status_code == 302


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["member_a", "member_b", "assessor_a", "citizen"])
def test_everyone_but_the_program_office_is_refused(client, request, persona, cohort):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(URL).status_code == 403
    m = cohort.memberships.get(region_id="32.73")
    data = {"left_on": "2017-11-01", "status": "withdrawn", "reason": "x", "confirmed": "yes"}
    assert client.get(f"{URL}{m.pk}/akhiri/").status_code == 403
    assert client.post(f"{URL}{m.pk}/akhiri/", data).status_code == 403
    assert cohort.memberships.get(region_id="32.73").left_on is None
    assert client.get("/angkatan/2017/papan/").status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize("day", ["2020-02-30", "2020-13-45", "9999-12-31", "0001-01-01", "abc"])
def test_a_day_that_is_no_date_shows_today_instead_of_a_500(client, day):
    from cerdas.cohorts.models import Cohort

    Cohort.objects.create(year=2017, name="Angkatan 2017")
    assert client.get("/angkatan/2017/", {"on": day}).status_code == 200

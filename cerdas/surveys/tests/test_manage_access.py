"""The team's pages are for those who manage the unit: outsiders get 403, strangers log in."""

import pytest

from cerdas.regions.models import Agency
from cerdas.surveys.models import ImportBatch, Response, ServiceUnit, Survey
from cerdas.surveys.tests.factories import add_responses, make_survey, make_unit


@pytest.fixture
def survey(db):
    survey = make_survey()
    add_responses(survey, [[4] * 9])
    return survey


def manage_urls(survey, uploader=None):
    batch = ImportBatch.objects.create(
        survey=survey, filename="x.csv", rows=[], created_by=uploader
    )
    return [
        f"/survei/kelola/unit/{survey.unit.pk}/",
        f"/survei/kelola/unit/{survey.unit.pk}/survei-baru/",
        f"/survei/kelola/{survey.pk}/",
        f"/survei/kelola/{survey.pk}/ubah/",
        f"/survei/kelola/{survey.pk}/terbitkan/",
        f"/survei/kelola/{survey.pk}/tarik/",
        f"/survei/kelola/{survey.pk}/impor/",
        f"/survei/kelola/{survey.pk}/impor/{batch.pk}/",
        f"/survei/kelola/{survey.pk}/qr.svg",
        f"/survei/kelola/{survey.pk}/qr.pdf",
        f"/survei/kelola/{survey.pk}/jawaban.csv",
    ]


GENERAL = ["/survei/kelola/", "/survei/kelola/unit/baru/", "/survei/kelola/templat.csv"]


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_log_in(client, survey):
    for url in [*GENERAL, *manage_urls(survey)]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/akun/masuk/"), url


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["member_b", "citizen", "assessor_a"])
def test_other_regions_citizens_and_assessors_are_refused(client, request, survey, persona):
    user = request.getfixturevalue(persona)
    client.force_login(user)
    for url in manage_urls(survey, uploader=user):
        assert client.get(url).status_code == 403, url
    posts = {
        f"/survei/kelola/{survey.pk}/terbitkan/": {},
        f"/survei/kelola/{survey.pk}/penerimaan/": {"answering": "closed"},
        f"/survei/kelola/{survey.pk}/ubah/": {
            "period_start": "2020-01-01",
            "period_end": "2020-02-01",
        },
        f"/survei/kelola/unit/{survey.unit.pk}/": {"name": "Diambil alih"},
    }
    for url, data in posts.items():
        assert client.post(url, data).status_code == 403, url
    survey.refresh_from_db()
    assert not survey.is_published and survey.status == Survey.Status.OPEN
    assert survey.unit.name != "Diambil alih"


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["citizen", "assessor_a"])
def test_people_who_manage_no_unit_cannot_open_the_dashboard(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    for url in GENERAL:
        assert client.get(url).status_code == 403, url
    assert client.post("/survei/kelola/unit/baru/", {"name": "X"}).status_code == 403
    assert not ServiceUnit.objects.exists()


@pytest.mark.django_db
def test_missing_objects_are_404_for_managers(client, member_a):
    client.force_login(member_a)
    for url in ("/survei/kelola/999999/", "/survei/kelola/unit/999999/", "/survei/999999/"):
        assert client.get(url).status_code == 404, url


@pytest.mark.django_db
def test_the_regions_team_manages_every_unit_of_its_region(client, member_a, survey):
    client.force_login(member_a)
    for url in manage_urls(survey, uploader=member_a):
        assert client.get(url).status_code == 200, url
    assert survey.unit.name in client.get("/survei/kelola/").content.decode()


@pytest.mark.django_db
def test_an_opd_officer_manages_only_its_own_agencys_units(client, officer_a):
    own = make_unit("Diskominfo — layanan aduan", agency=officer_a.agency)
    other_agency = Agency.objects.create(region_id="35.22", name="Dinas Kesehatan")
    other = make_unit("Puskesmas — layanan umum", agency=other_agency)
    without_agency = make_unit("Mal Pelayanan Publik")
    client.force_login(officer_a)
    assert client.get(f"/survei/kelola/unit/{own.pk}/").status_code == 200
    for unit in (other, without_agency):
        assert client.get(f"/survei/kelola/unit/{unit.pk}/").status_code == 403
    dashboard = client.get("/survei/kelola/").content.decode()
    assert own.name in dashboard and other.name not in dashboard
    # A unit the officer adds belongs to their own agency, whatever is posted.
    client.post(
        "/survei/kelola/unit/baru/", {"name": "Diskominfo — PPID", "agency": other_agency.pk}
    )
    added = ServiceUnit.objects.get(name="Diskominfo — PPID")
    assert (added.region_id, added.agency_id) == ("35.22", officer_a.agency_id)


@pytest.mark.django_db
def test_exports_keep_text_from_becoming_a_formula(client, member_a, survey):
    add_responses(survey, [[3] * 9], suggestion='=HYPERLINK("http://x")')
    client.force_login(member_a)
    body = client.get(f"/survei/kelola/{survey.pk}/jawaban.csv").content.decode()
    assert "'=HYPERLINK" in body
    assert body.splitlines()[0].lstrip("\ufeff").startswith("U1,U2,U3")
    assert Response.objects.count() == 2

"""A team adds its service units and opens a survey per period; mistakes are explained."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cerdas.core.models import AuditEntry
from cerdas.regions.models import Agency
from cerdas.surveys.models import ServiceUnit, Survey
from cerdas.surveys.tests.factories import answer, make_survey, make_unit


@pytest.mark.django_db
def test_a_team_adds_a_unit_of_its_region_and_opens_its_first_survey(client, member_a):
    agency = Agency.objects.create(
        region_id="35.22", name="Dinas Kependudukan dan Pencatatan Sipil"
    )
    client.force_login(member_a)
    response = client.post(
        "/survei/kelola/unit/baru/",
        {"name": "  Disdukcapil —  layanan KTP-el ", "agency": agency.pk},
    )
    unit = ServiceUnit.objects.get()
    assert response["Location"] == f"/survei/kelola/unit/{unit.pk}/survei-baru/"
    assert (unit.name, unit.region_id, unit.agency_id) == (
        "Disdukcapil — layanan KTP-el",
        "35.22",
        agency.pk,
    )
    response = client.post(
        response["Location"],
        {"period_start": "2026-01-01", "period_end": "2026-06-30", "population": "1200"},
    )
    survey = Survey.objects.get()
    assert response["Location"] == f"/survei/kelola/{survey.pk}/"
    assert survey.population == 1200 and survey.created_by == member_a
    page = client.get(response["Location"]).content.decode()
    assert f"/survei/isi/{survey.pk}/" in page and "qr.svg" in page
    assert {e.action for e in AuditEntry.objects.filter(region_code="35.22")} >= {
        "surveys.unit_created",
        "surveys.survey_opened",
    }


@pytest.mark.django_db
def test_another_regions_agency_cannot_be_chosen(client, member_a):
    foreign = Agency.objects.create(region_id="32.73", name="Dinas Bandung")
    client.force_login(member_a)
    response = client.post("/survei/kelola/unit/baru/", {"name": "Loket", "agency": foreign.pk})
    assert response.status_code == 400
    assert "Pilih salah satu" in response.content.decode() or "pilihan" in response.content.decode()
    assert not ServiceUnit.objects.exists()


@pytest.mark.django_db
def test_a_duplicate_unit_name_is_refused_and_the_typing_kept(client, member_a):
    make_unit("Loket Terpadu")
    client.force_login(member_a)
    response = client.post("/survei/kelola/unit/baru/", {"name": "loket terpadu"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Wilayah ini sudah memiliki unit dengan nama tersebut." in page
    assert 'value="loket terpadu"' in page


@pytest.mark.django_db
def test_a_national_admin_picks_the_region(client, national_admin):
    client.force_login(national_admin)
    client.post("/survei/kelola/unit/baru/", {"region": "32.73", "name": "Loket Kota"})
    assert ServiceUnit.objects.get().region_id == "32.73"


@pytest.mark.django_db
def test_a_region_not_in_the_list_is_refused_and_the_name_kept(client, national_admin):
    client.force_login(national_admin)
    response = client.post("/survei/kelola/unit/baru/", {"region": "99.99", "name": "Loket Kota"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Masukkan pilihan yang valid" in page and 'value="Loket Kota"' in page
    assert not ServiceUnit.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"period_start": "", "period_end": "2026-06-30"}, "Isi tanggal awal periode."),
        (
            {"period_start": "kemarin", "period_end": "2026-06-30"},
            "Tulis tanggal awal sebagai tanggal",
        ),
        (
            {"period_start": "2026-06-30", "period_end": "2026-01-01"},
            "Tanggal akhir tidak boleh sebelum",
        ),
        ({"period_start": "2026-01-01", "period_end": "2027-06-30"}, "paling lama satu tahun"),
        (
            {"period_start": "2026-01-01", "period_end": "2026-06-30", "population": "-3"},
            "paling sedikit 1",
        ),
        (
            {"period_start": "2025-12-01", "period_end": "2026-02-28"},
            "periode tidak boleh tumpang tindih",
        ),
    ],
)
def test_a_bad_period_is_explained_and_the_form_keeps_what_was_typed(
    client, member_a, data, message
):
    unit = make_unit()
    make_survey(unit=unit, start=dt.date(2025, 7, 1), end=dt.date(2025, 12, 31))
    client.force_login(member_a)
    response = client.post(
        f"/survei/kelola/unit/{unit.pk}/survei-baru/", {"follow_up": "Tambah loket.", **data}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert "Tambah loket." in page
    assert Survey.objects.count() == 1


@pytest.mark.django_db
def test_day_month_year_dates_are_understood(client, member_a):
    unit = make_unit()
    client.force_login(member_a)
    client.post(
        f"/survei/kelola/unit/{unit.pk}/survei-baru/",
        {"period_start": "01-01-2026", "period_end": "30/06/2026"},
    )
    survey = Survey.objects.get()
    assert (survey.period_start, survey.period_end) == (dt.date(2026, 1, 1), dt.date(2026, 6, 30))


@pytest.mark.django_db
def test_stopping_and_taking_answers_again(client, member_a):
    survey = make_survey()
    client.force_login(member_a)
    client.post(f"/survei/kelola/{survey.pk}/penerimaan/", {"answering": "closed"})
    survey.refresh_from_db()
    assert survey.status == Survey.Status.CLOSED
    assert "tidak lagi menerima jawaban" in client.get(f"/survei/isi/{survey.pk}/").content.decode()
    client.post(f"/survei/kelola/{survey.pk}/penerimaan/", {"answering": "open"})
    survey.refresh_from_db()
    assert survey.status == Survey.Status.OPEN


@pytest.mark.django_db
def test_a_published_surveys_period_is_locked_but_its_follow_up_plan_is_not(client, member_a):
    from cerdas.surveys.tests.factories import add_responses, publish

    survey = make_survey(start=dt.date(2025, 1, 1), end=dt.date(2025, 6, 30))
    add_responses(survey, [[4] * 9])
    publish(survey)
    client.force_login(member_a)
    client.post(
        f"/survei/kelola/{survey.pk}/ubah/",
        {"period_start": "2024-01-01", "period_end": "2024-06-30", "follow_up": "Loket ditambah."},
    )
    survey.refresh_from_db()
    assert survey.period_start == dt.date(2025, 1, 1)
    assert survey.follow_up == "Loket ditambah."


@pytest.mark.django_db
def test_a_surveys_page_reads_its_suggestions_in_one_query_however_many(
    client, member_a, django_capture_on_commit_callbacks
):
    survey = make_survey()
    client.force_login(member_a)

    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(f"/survei/kelola/{survey.pk}/").status_code == 200
        return len(ctx.captured_queries)

    queries()  # the first view of a session reads a little more
    # Each answer retires the kept results (test_survey_page_kept.py): each view reads them.
    with django_capture_on_commit_callbacks(execute=True):
        answer(survey, [4] * 9, suggestion="Antrean pagi terlalu panjang.")
    few = queries()
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(6):
            answer(survey, [3] * 9, suggestion=f"Saran nomor {number}.")
    assert queries() == few
    assert "Saran nomor 5." in client.get(f"/survei/kelola/{survey.pk}/").content.decode()

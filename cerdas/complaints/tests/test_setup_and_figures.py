"""A coordinator's topics, settings and keys; the figures, their exports, the profile line,
the open API and the open-data rows."""

import datetime as dt
from io import BytesIO

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from cerdas.complaints import opendata, services
from cerdas.complaints.models import ApiKey, Category, ComplaintSettings
from cerdas.complaints.tests.conftest import MONDAY
from cerdas.core.models import AuditEntry
from cerdas.regions.models import Agency


@pytest.mark.django_db
def test_the_coordinator_adds_a_topic_with_its_agency(client, member_a, other_agency_a):
    client.force_login(member_a)
    bad = client.post(
        "/pengaduan/kelola/wilayah/35.22/topik/",
        {
            "new-name": "Sampah",
            "new-code": "Sampah Liar!",
            "new-agency": other_agency_a.pk,
            "new-handling": "standard",
            "new-is_active": "on",
        },
    )
    assert bad.status_code == 400 and "huruf kecil" in bad.content.decode()
    assert "Sampah" in bad.content.decode()  # kept
    client.post(
        "/pengaduan/kelola/wilayah/35.22/topik/",
        {
            "new-name": "Sampah",
            "new-code": "sampah",
            "new-agency": other_agency_a.pk,
            "new-handling": "standard",
            "new-is_active": "on",
        },
    )
    category = Category.objects.get(code="sampah")
    assert category.agency == other_agency_a and category.region_id == "35.22"
    assert AuditEntry.objects.filter(action="complaint_category.saved").exists()


@pytest.mark.django_db
def test_a_topic_may_only_use_an_agency_of_its_region(client, member_a):

    elsewhere = Agency.objects.create(region_id="32.73", name="Dinas Kota Bandung")
    client.force_login(member_a)
    response = client.post(
        "/pengaduan/kelola/wilayah/35.22/topik/",
        {"new-name": "X", "new-code": "x", "new-agency": elsewhere.pk, "new-handling": "standard"},
    )
    assert response.status_code == 400
    assert not Category.objects.exists()


@pytest.mark.django_db
def test_the_coordinator_changes_the_settings(client, member_a):
    client.force_login(member_a)
    client.post(
        "/pengaduan/kelola/wilayah/35.22/pengaturan/",
        {"settings-escalation_email": "kadis@example.org"},
    )
    saved = ComplaintSettings.objects.get(region_id="35.22")
    assert saved.moderate_first is False and saved.escalation_email == "kadis@example.org"


@pytest.mark.django_db
def test_a_key_is_shown_once_and_revoked_after_a_check(client, member_a):
    client.force_login(member_a)
    issued = client.post("/pengaduan/kelola/wilayah/35.22/kunci-api/", {"name": "Aplikasi Warga"})
    key = ApiKey.objects.get()
    page = issued.content.decode()
    assert "hanya ditampilkan sekarang" in page and "no-store" in issued["Cache-Control"]
    again = client.get("/pengaduan/kelola/wilayah/35.22/kunci-api/").content.decode()
    assert "hanya ditampilkan sekarang" not in again and key.prefix in again
    ask = client.get(f"/pengaduan/kelola/kunci-api/{key.pk}/cabut/")
    assert "tidak dapat dibatalkan" in ask.content.decode()
    assert (
        client.post(f"/pengaduan/kelola/kunci-api/{key.pk}/cabut/", {"reason": ""}).status_code
        == 400
    )
    client.post(f"/pengaduan/kelola/kunci-api/{key.pk}/cabut/", {"reason": "Bocor"})
    key.refresh_from_db()
    assert key.revoked_at is not None
    assert AuditEntry.objects.get(action="open311_key.revoked").reason == "Bocor"


@pytest.fixture
def history(member_a, road, other_agency_a, submit):
    """Three reports: answered on time, answered late, and waiting past its deadline."""
    late_day = MONDAY + dt.timedelta(days=20)
    on_time = submit(road, now=MONDAY)
    services.dispatch(
        member_a,
        on_time.pk,
        category_id=road.pk,
        agency_id=other_agency_a.pk,
        handling="standard",
        public_text="x",
        now=MONDAY,
    )
    services.follow_up(member_a, on_time.pk, "Sudah.", now=MONDAY + dt.timedelta(days=1))
    services.reply(on_time.pk, "", True, now=MONDAY + dt.timedelta(days=2))
    services.rate(on_time.pk, "sangat_puas", now=MONDAY + dt.timedelta(days=2))
    late = submit(road, now=MONDAY)
    services.dispatch(
        member_a,
        late.pk,
        category_id=road.pk,
        agency_id=other_agency_a.pk,
        handling="standard",
        public_text="x",
        now=MONDAY,
    )
    services.follow_up(member_a, late.pk, "Telat.", now=late_day)
    waiting = submit(road, now=MONDAY)
    services.dispatch(
        member_a,
        waiting.pk,
        category_id=road.pk,
        agency_id=other_agency_a.pk,
        handling="standard",
        public_text="x",
        now=MONDAY,
    )
    return on_time, late, waiting


@pytest.mark.django_db
def test_the_figures_count_late_answers_and_the_unanswered_past_due(client, member_a, history):
    client.force_login(member_a)
    page = client.get("/pengaduan/kelola/statistik/").content.decode()
    assert "33,3%" in page  # one of three answered within its deadline
    assert "100,0%" in page  # every rating satisfied
    rows = list(opendata.region_rows())
    assert len(rows) == 1
    row = rows[0]
    assert row["reports"] == 3 and row["answered_on_time_count"] == 1 and row["answers_due"] == 3
    assert row["median_working_days_to_answer"] == 7.5  # 1 and 14 working days
    assert row["rating_sangat_puas"] == 1 and row["satisfied_percent"] == 100.0
    assert not {"description", "reporter_name", "reporter_email", "tracking_number"} & set(row)


@pytest.mark.django_db
def test_the_figures_export_as_csv_and_xlsx_with_a_row_per_agency(client, member_a, history):
    client.force_login(member_a)
    csv = client.get("/pengaduan/kelola/statistik/?format=csv")
    assert csv["Content-Type"].startswith("text/csv")
    lines = csv.content.decode().strip().splitlines()
    assert lines[0].startswith("region_code,region,agency,reports")
    assert len(lines) == 3  # header, region total, one agency
    book = load_workbook(BytesIO(client.get("/pengaduan/kelola/statistik/?format=xlsx").content))
    assert book.active.max_row == 3


@pytest.mark.django_db
def test_text_a_person_typed_is_never_a_formula_in_an_export(client, member_a, submit):

    agency = Agency.objects.create(region_id="35.22", name='=HYPERLINK("http://x","klik")')
    category = Category.objects.create(region_id="35.22", code="x", name="+SUM(A1)", agency=agency)
    report = submit(category)
    services.dispatch(
        member_a,
        report.pk,
        category_id=category.pk,
        agency_id=agency.pk,
        handling="standard",
        public_text="x",
    )
    client.force_login(member_a)
    body = client.get("/pengaduan/kelola/statistik/?export=reports&format=csv").content.decode()
    assert "'+SUM(A1)" in body and "'=HYPERLINK" in body


@pytest.mark.django_db
def test_the_profile_shows_the_share_answered_on_time(client, history):
    page = client.get("/wilayah/35.22/").content.decode()
    assert "Laporan warga" in page and "33,3% dijawab tepat waktu" in page


@pytest.mark.django_db
def test_the_open_api_gives_figures_and_public_reports(client, history, submit, road):
    secret = submit(road, privacy="confidential")
    figures = client.get("/api/v1/complaints/regions/35.22/figures").json()
    assert figures["reports"] == 4 and figures["answered_on_time_percent"] == 33.3
    listed = client.get("/api/v1/complaints/regions/35.22/reports?status=open").json()
    numbers = [r["tracking_number"] for r in listed]
    assert secret.tracking_number not in numbers and len(numbers) == 2
    assert client.get("/api/v1/complaints/regions/99.99/figures").status_code == 404


@pytest.mark.django_db
def test_the_agencies_offered_are_read_in_one_query_however_many(client, member_a, submit, road):
    """Each agency is offered by name and region (Agency.__str__): the topics page and a
    report's page read the agencies and their region together, not the region per agency."""

    from cerdas.regions.models import Agency

    report = submit(road)
    client.force_login(member_a)
    pages = ["/pengaduan/kelola/wilayah/35.22/topik/", f"/pengaduan/kelola/laporan/{report.pk}/"]

    def queries() -> list[int]:
        """What drawing each page reads (the kept copies dropped first)."""
        counts = []
        for page in pages:
            cache.clear()
            with CaptureQueriesContext(connection) as ctx:
                assert client.get(page).status_code == 200
            counts.append(len(ctx.captured_queries))
        return counts

    queries()  # the first view of a session reads a little more
    few = queries()
    for number in range(5):
        Agency.objects.create(region_id="35.22", name=f"Dinas Nomor {number}")
    assert queries() == few
    assert "Dinas Nomor 4 — Kabupaten Bojonegoro" in client.get(pages[0]).content.decode()

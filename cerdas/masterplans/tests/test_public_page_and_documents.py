"""An approved plan is public: its page, its documents, and the region profile's section."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from cerdas.masterplans import services
from cerdas.masterplans.models import Horizon
from cerdas.masterplans.tests.factories import add_program, make_plan, take_through


@pytest.fixture
def approved(member_a, assessor_a):
    plan = make_plan()
    services.save_section(plan.pk, "vision", {"vision": "Bojonegoro Produktif & Energik"}, 1)
    add_program(
        plan,
        name="Mal Pelayanan Publik Digital",
        horizon=Horizon.QUICK_WIN,
        citizen_benefit="Urus KTP tanpa antre panjang",
    )
    add_program(
        plan,
        name="Pasar Tani Daring",
        dimension="economy",
        start=2026,
        end=2030,
        budgets=[{"year": 2027, "source": "apbn", "amount": 2_000_000_000}],
    )
    return take_through(plan, member_a, assessor_a, "submit", "start_review", "approve")


@pytest.mark.django_db
def test_anyone_reads_the_public_page_with_vision_programs_and_roadmap(client, approved):
    body = client.get(f"/masterplan/{approved.pk}/").content.decode()
    assert "Bojonegoro Produktif &amp; Energik" in body
    assert "Mal Pelayanan Publik Digital" in body
    assert "Urus KTP tanpa antre panjang" in body
    assert "<svg" in body and "Pasar Tani Daring" in body
    assert "Rp 2.150.000.000" in body  # the budget summary's total


@pytest.mark.django_db
def test_the_docx_opens_with_its_headings_and_tables(client, approved):
    response = client.get(f"/masterplan/{approved.pk}/unduh/docx/")
    assert response.status_code == 200
    document = Document(io.BytesIO(response.content))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Visi, misi, dan sasaran" in headings or "Vision, mission and goals" in headings
    assert "Smart Governance" in headings
    texts = "\n".join(p.text for p in document.paragraphs)
    assert approved.title in texts
    assert "Bojonegoro Produktif & Energik" in texts
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert "Mal Pelayanan Publik Digital" in cells
    assert "Rp\u00a02.000.000.000" in cells  # no line break between Rp and the amount
    assert "TOC" not in document.element.xml  # contents are links, not a field to update


@pytest.mark.django_db
def test_the_pdf_renders_several_pages(client, approved):
    response = client.get(f"/masterplan/{approved.pk}/unduh/pdf/")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF-")
    pdf = PdfReader(io.BytesIO(response.content))
    assert len(pdf.pages) > 1
    titles = [item.title for item in pdf.outline if not isinstance(item, list)]
    assert approved.title in titles
    text = " ".join(page.extract_text() for page in pdf.pages)
    assert "Bojonegoro Produktif & Energik" in text
    assert "Mal Pelayanan Publik Digital" in text
    assert "Smart Governance" in text


@pytest.mark.django_db
def test_the_xlsx_lists_programs_budgets_and_indicators(client, approved):
    response = client.get(f"/masterplan/{approved.pk}/unduh/xlsx/")
    workbook = load_workbook(io.BytesIO(response.content))
    names = [row[0] for row in workbook["Programs"].iter_rows(min_row=2, values_only=True)]
    assert sorted(names) == ["Mal Pelayanan Publik Digital", "Pasar Tani Daring"]
    assert workbook["Budgets"].max_row == 3 and workbook["Indicators"].max_row == 3


@pytest.mark.django_db
def test_the_region_profile_links_the_approved_plan(client, approved):
    body = client.get("/wilayah/35.22/").content.decode()
    assert approved.title in body
    assert f"/masterplan/{approved.pk}/unduh/pdf/" in body
    assert approved.title not in client.get("/wilayah/32.73/").content.decode()


@pytest.mark.django_db
def test_a_draft_is_not_on_the_profile_nor_in_the_public_list(client, member_a):
    plan = make_plan(title="Draf rahasia")
    assert "Draf rahasia" not in client.get("/wilayah/35.22/").content.decode()
    assert "Draf rahasia" not in client.get("/masterplan/").content.decode()
    assert client.get(f"/masterplan/{plan.pk}/unduh/docx/").status_code == 302


@pytest.mark.django_db
def test_the_comparison_shows_each_approved_region(client, approved):
    body = client.get("/masterplan/bandingkan/").content.decode()
    assert "Kabupaten Bojonegoro" in body
    assert "Mal Pelayanan Publik Digital" in body


@pytest.mark.django_db
def test_a_signed_in_reader_gets_the_comparison_kept_and_a_new_approval_at_once(
    client, approved, member_b, make_assessor_b, django_capture_on_commit_callbacks
):
    client.force_login(member_b)
    client.get("/masterplan/bandingkan/")
    with CaptureQueriesContext(connection) as ctx:
        body = client.get("/masterplan/bandingkan/").content.decode()
    assert not [q for q in ctx.captured_queries if '"masterplans_' in q["sql"]]  # kept
    assert "Kabupaten Bojonegoro" in body and "Kota Bandung" not in body
    with django_capture_on_commit_callbacks(execute=True):
        plan = make_plan(region="32.73", title="Masterplan Smart City Bandung")
        add_program(plan, name="Bandung Command Center", horizon=Horizon.QUICK_WIN)
        take_through(plan, member_b, make_assessor_b, "submit", "start_review", "approve")
    body = client.get("/masterplan/bandingkan/").content.decode()
    assert "Kota Bandung" in body and "Bandung Command Center" in body
    chosen = client.get("/masterplan/bandingkan/", {"region": "32.73"}).content.decode()
    assert "Mal Pelayanan Publik Digital" not in chosen  # each choice its own copy


@pytest.mark.django_db
def test_an_unknown_format_is_a_404(client, approved):
    assert client.get(f"/masterplan/{approved.pk}/unduh/exe/").status_code == 404


@pytest.mark.django_db
def test_the_approved_plan_has_no_draft_mark_anywhere(client, approved):
    for fmt in ("pdf", "docx"):
        response = client.get(f"/masterplan/{approved.pk}/unduh/{fmt}/")
        assert response["Content-Disposition"] == (
            f'attachment; filename="masterplan-3522-2025-2034.{fmt}"'
        )
    pdf = PdfReader(io.BytesIO(client.get(f"/masterplan/{approved.pk}/unduh/pdf/").content))
    assert not any("DRAF" in page.extract_text() for page in pdf.pages)
    document = Document(io.BytesIO(client.get(f"/masterplan/{approved.pk}/unduh/docx/").content))
    assert "DRAF" not in document.element.xml
    assert all("DRAF" not in s.header.paragraphs[0].text for s in document.sections)


@pytest.mark.django_db
def test_a_draft_is_marked_as_a_draft_in_its_documents_and_file_names(client, member_a):
    plan = make_plan()
    add_program(plan, name="Satu Data")
    client.force_login(member_a)
    for fmt in ("pdf", "docx", "xlsx"):
        response = client.get(f"/masterplan/{plan.pk}/unduh/{fmt}/")
        assert response.status_code == 200
        assert response["Content-Disposition"] == (
            f'attachment; filename="masterplan-3522-2025-2034-DRAF.{fmt}"'
        )
    pdf = PdfReader(io.BytesIO(client.get(f"/masterplan/{plan.pk}/unduh/pdf/").content))
    assert all("DRAF — belum disetujui" in page.extract_text() for page in pdf.pages)
    document = Document(io.BytesIO(client.get(f"/masterplan/{plan.pk}/unduh/docx/").content))
    assert "DRAF — belum disetujui" in "\n".join(p.text for p in document.paragraphs[:12])
    assert "DRAF — belum disetujui" in document.sections[0].header.paragraphs[0].text


@pytest.mark.django_db
def test_a_signed_in_reader_gets_the_page_everyone_gets_in_their_own_frame(
    client, approved, member_b
):
    """The plan's body is rendered once for every reader; the header stays the reader's."""
    anonymous = client.get(f"/masterplan/{approved.pk}/").content.decode()
    client.force_login(member_b)
    signed_in = client.get(f"/masterplan/{approved.pk}/").content.decode()

    def main(body):
        return body[body.index("<main") : body.index("</main>")]

    assert main(signed_in) == main(anonymous)
    assert "Mal Pelayanan Publik Digital" in main(signed_in)
    assert f"Masuk sebagai {member_b}" in signed_in and "Masuk sebagai" not in anonymous

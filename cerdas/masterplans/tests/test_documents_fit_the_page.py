"""The documents an official hands in: every table fits its page, in PDF and in DOCX.

A deliberately hard plan (120 programs over ten years, 200-character names, the largest
budget the plan accepts on every line) is rendered once per module; each test reads what a
person would see: where each line of the PDF's text sits, and the DOCX's sections, language,
tables and marks.
"""

import io
import re

import pytest
from django.db import transaction
from django.utils import translation
from docx import Document
from docx.oxml.ns import qn

from cerdas.masterplans import services
from cerdas.masterplans.documents import document_context
from cerdas.masterplans.documents.docx import render_docx
from cerdas.masterplans.documents.pdf import render_pdf
from cerdas.masterplans.engine import figures
from cerdas.masterplans.engine.layout import text_width
from cerdas.masterplans.models import MAX_BUDGET, Dimension, Horizon
from cerdas.masterplans.reference import seed_reference_data
from cerdas.masterplans.snapshot import build_snapshot
from cerdas.masterplans.tests import pdf_pages
from cerdas.regions.models import Agency, Region

YEARS = list(range(2025, 2035))
PROGRAMS = 120
A4_PORTRAIT, A4_LANDSCAPE = (11906, 16838), (16838, 11906)


def _name(index: int) -> str:
    words = "Program Peningkatan Kapasitas dan Transformasi Digital Layanan Publik Terpadu "
    return (f"P{index:03d} " + words * 3)[:200]


def _build_hard_plan():
    if not Region.objects.exists():
        from cerdas.regions.services import import_regions

        import_regions()
    seed_reference_data()
    plan = services.create_masterplan("35.22", ("Masterplan " * 20)[:200], YEARS[0], YEARS[-1])
    agency = Agency.objects.create(
        region_id="35.22",
        name="Dinas Komunikasi, Informatika, Persandian dan Statistik Kabupaten Bojonegoro",
    )
    dimensions = list(Dimension.objects.all())
    horizons = list(Horizon.values)
    for index in range(PROGRAMS):
        start = YEARS[index % 10]
        end = min(YEARS[-1], start + index % 7)
        values = {
            "name": _name(index),
            "dimension": dimensions[index % len(dimensions)],
            "horizon": horizons[index % 4],
            "start_year": start,
            "end_year": end,
            "agency": agency,
            "description": "Uraian program yang panjang. " * 12,
            "citizen_benefit": "Warga merasakan manfaat langsung. " * 4,
        }
        budgets = [
            {"year": year, "source": source, "amount": MAX_BUDGET}
            for year in range(start, end + 1)
            for source in ("apbd", "apbn", "private", "other")
        ]
        indicators = [
            {
                "name": "Indikator kinerja " * 4,
                "unit": "persen",
                "baseline": 1234567.5,
                "target": 99999999.25,
            }
        ]
        services.save_program(plan.pk, values, budgets, indicators)
    for kind, field in (("introduction", "background"), ("vision", "vision")):
        text = "Teks panjang tanpa batas. " * 150 + "Katasangatpanjangtanpaspasi" * 8
        services.save_section(plan.pk, kind, {field: text}, 1)
    return plan


@pytest.fixture(scope="module")
def hard(django_db_setup, django_db_blocker):
    """The hard plan's snapshot and documents (a draft), made once and rolled back."""
    with django_db_blocker.unblock(), transaction.atomic(), translation.override("id"):
        plan = _build_hard_plan()
        snapshot = build_snapshot(plan)
        context = document_context(snapshot)
        result = {
            "snapshot": snapshot,
            "summary": context["summary"],
            "pdf": render_pdf(context),
            "docx": render_docx(document_context(snapshot)),
        }
        transaction.set_rollback(True)
    result["pages"] = pdf_pages.read(result["pdf"])
    return result


# The PDF


def test_nothing_runs_off_any_page_of_the_pdf(hard):
    """Every line of text and every drawn shape lies inside the page's printable box;
    only the page number and the draft mark sit in the margins, and inside the paper."""
    problems = [problem for page in hard["pages"] for problem in pdf_pages.outside_box(page)]
    assert problems == []


def test_the_margins_hold_only_the_page_number_and_the_draft_mark(hard):
    for page in hard["pages"]:
        texts = {line.text for line in page.margins}
        assert texts <= {str(page.number), "DRAF — belum disetujui"}, page.number
        assert str(page.number) in texts


def test_no_heading_is_the_last_thing_on_a_page(hard):
    """A heading always has some of what it heads below it (the cover page aside)."""
    for page in hard["pages"][1:]:
        body = page.body
        assert body and not body[-1].is_heading, (page.number, body[-1].text)


def test_the_wide_chapters_are_on_landscape_pages(hard):
    sections = pdf_pages.sections(hard["pages"])
    for title in ("Program", "Quick win", "Peta jalan", "Ringkasan anggaran"):
        assert all(page.landscape for page in sections[title]), title
    assert not any(page.landscape for page in sections["Pendahuluan dan dasar hukum"])


def test_every_roadmap_page_starts_with_the_years(hard):
    """The roadmap runs over many pages; each repeats the header row with every year."""
    pages = pdf_pages.sections(hard["pages"])["Peta jalan"]
    assert len(pages) > 3
    header = " ".join(["Program", *map(str, YEARS)])
    for page in pages:
        first_program = next(line for line in page.body if re.match(r"P\d{3} ", line.text))
        above = [line.text for line in page.body if line.bottom <= first_program.top]
        assert header in above, page.number


def test_every_program_table_page_starts_with_its_header_row(hard):
    pages = pdf_pages.sections(hard["pages"])["Program"]
    assert len(pages) > 3
    for page in pages:
        first_program = next(line for line in page.body if re.match(r"P\d{3} ", line.text))
        above = " ".join(line.text for line in page.body if line.bottom <= first_program.top)
        for label in ("Program", "Tahun", "Indikator", "Anggaran"):
            assert label in above, (page.number, label)


def test_every_budget_year_and_the_total_appear(hard):
    pages = pdf_pages.sections(hard["pages"])["Ringkasan anggaran"]
    words = [word for page in pages for line in page.lines for word in line.words]
    text = " ".join(line.text for page in pages for line in page.lines)
    for year in YEARS:
        assert str(year) in words
    summary = hard["summary"]
    assert figures.money(summary["total"]).replace("\u00a0", " ") in text
    for total in summary["year_totals"]:
        assert figures.money(total).replace("\u00a0", " ") in text
    assert "Jumlah" in words and "Porsi" in words and "100%" in words


def test_figures_are_written_the_indonesian_way(hard):
    text = "\n".join(page.text for page in hard["pages"])
    assert "Rp 10.000.000.000.000" not in text  # a cell sums four sources: far more
    assert re.search(r"Rp \d{1,3}(\.\d{3})+", text)
    assert "1.234.567,5" in text and "99.999.999,25" in text  # an indicator's baseline, target
    assert "2.025" not in text  # years are never grouped


def test_the_draft_says_so_on_the_cover(hard):
    cover = hard["pages"][0].text
    assert "DRAF — belum disetujui" in cover
    assert "Status: Draf" in cover


# The DOCX


def _sections(document):
    """Each section's properties with the tables that lie in it, in order."""
    found, current = [], []
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:tbl"):
            current.append(element)
        properties = (
            element.find(qn("w:pPr") + "/" + qn("w:sectPr"))
            if element.tag == qn("w:p")
            else element
            if element.tag == qn("w:sectPr")
            else None
        )
        if properties is not None:
            found.append((properties, current))
            current = []
    return found


def _twips(properties, tag, attribute):
    return int(properties.find(qn(tag)).get(qn(attribute)))


def test_every_docx_section_is_a4_and_the_wide_ones_landscape(hard):
    document = Document(io.BytesIO(hard["docx"]))
    orientations = []
    for properties, _tables in _sections(document):
        size = (_twips(properties, "w:pgSz", "w:w"), _twips(properties, "w:pgSz", "w:h"))
        assert size in (A4_PORTRAIT, A4_LANDSCAPE)
        landscape = properties.find(qn("w:pgSz")).get(qn("w:orient")) == "landscape"
        assert landscape == (size == A4_LANDSCAPE)
        orientations.append(landscape)
    assert orientations == [False, True, False]


def test_every_docx_table_fits_between_its_sections_margins(hard):
    document = Document(io.BytesIO(hard["docx"]))
    for properties, tables in _sections(document):
        room = (
            _twips(properties, "w:pgSz", "w:w")
            - _twips(properties, "w:pgMar", "w:left")
            - _twips(properties, "w:pgMar", "w:right")
        )
        for table in tables:
            grid = table.find(qn("w:tblGrid"))
            width = sum(int(column.get(qn("w:w"))) for column in grid)
            assert width <= room
            layout = table.find(qn("w:tblPr") + "/" + qn("w:tblLayout"))
            assert layout.get(qn("w:type")) == "fixed"


def test_docx_figures_never_wrap(hard):
    """A figure's cell does not wrap and is wider than the figure, which has a no-break
    space after Rp; Word would otherwise break it inside a narrow cell."""
    document = Document(io.BytesIO(hard["docx"]))
    money = 0
    for table in document.tables:
        grid = [int(c.get(qn("w:w"))) / 20 for c in table._tbl.find(qn("w:tblGrid"))]
        for row in table.rows:
            for cell, width in zip(row.cells, grid, strict=False):
                if not cell.text.startswith("Rp"):
                    continue
                money += 1
                assert cell.text.startswith("Rp\u00a0") and " " not in cell.text
                assert cell._tc.tcPr.find(qn("w:noWrap")) is not None
                assert text_width(cell.text, 8) < width
    assert money > PROGRAMS


def test_the_docx_is_in_indonesian(hard):
    document = Document(io.BytesIO(hard["docx"]))
    lang = document.styles.element.find(
        "/".join(qn(tag) for tag in ("w:docDefaults", "w:rPrDefault", "w:rPr", "w:lang"))
    )
    assert lang.get(qn("w:val")) == "id-ID"
    assert lang.get(qn("w:eastAsia")) == "id-ID"
    assert document.core_properties.language == "id-ID"


def test_the_docx_contents_link_to_chapters_without_a_field_to_update(hard):
    document = Document(io.BytesIO(hard["docx"]))
    xml = document.element.xml
    assert "TOC \\" not in xml and "instrText" not in xml
    assert "Right-click" not in xml and "Klik kanan" not in xml
    anchors = re.findall(r'w:anchor="(bab\d+)"', xml)
    bookmarks = re.findall(r'w:bookmarkStart w:id="\d+" w:name="(bab\d+)"', xml)
    assert anchors and anchors == bookmarks


def test_the_docx_table_headers_repeat_on_every_page(hard):
    document = Document(io.BytesIO(hard["docx"]))
    for table in document.tables:
        first = table.rows[0]._tr
        assert first.trPr.find(qn("w:tblHeader")) is not None


def test_the_draft_docx_is_marked_on_the_cover_and_every_page(hard):
    document = Document(io.BytesIO(hard["docx"]))
    cover = "\n".join(p.text for p in document.paragraphs[:12])
    assert "DRAF — belum disetujui" in cover
    for section in document.sections:
        assert "DRAF — belum disetujui" in section.header.paragraphs[0].text

# ruff: noqa: RUF001 - en dashes as the documents print them
"""The official report (PDF and DOCX, A4, Indonesian) and the counter's QR code."""

import datetime as dt
import io
import zipfile

import pytest
from docx import Document
from pypdf import PdfReader

from cerdas.surveys.tests.factories import add_responses, make_survey, publish


@pytest.fixture
def published(db):
    survey = make_survey(
        start=dt.date(2025, 1, 1),
        end=dt.date(2025, 6, 30),
        population=10,
        follow_up="Menambah satu loket pada jam sibuk.\nMemasang papan alur layanan.",
    )
    add_responses(survey, [[4] * 9], sex="L")
    add_responses(survey, [[3] * 9, [3] * 9], sex="P")
    add_responses(survey, [[2] * 8 + [None]])
    return publish(survey)


@pytest.mark.django_db
def test_the_pdf_report_is_a4_in_indonesian_with_every_official_part(client, published):
    response = client.get(f"/survei/{published.pk}/laporan.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    reader = PdfReader(io.BytesIO(response.content))
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    text = " ".join(page.extract_text() for page in reader.pages)
    for expected in (
        "Laporan Hasil Survei Kepuasan Masyarakat",
        published.unit.name,
        "1 Januari 2025 – 30 Juni 2025",
        "75,93",
        "3,0370",
        "3,3333",
        "Kurang Baik",
        "Sampel minimum",
        "belum tercapai (kurang 6)",
        "Penanganan Pengaduan, Saran dan Masukan",
        "Perempuan",
        "Menambah satu loket pada jam sibuk.",
    ):
        assert expected in text, expected
    # Both the English and the Indonesian visitor get the Indonesian report.
    client.cookies["cerdas_lang"] = "en"
    english = client.get(f"/survei/{published.pk}/laporan.pdf").content
    assert "Laporan Hasil" in PdfReader(io.BytesIO(english)).pages[0].extract_text()


@pytest.mark.django_db
def test_the_docx_report_is_a4_marked_indonesian_and_has_no_field_placeholders(client, published):
    response = client.get(f"/survei/{published.pk}/laporan.docx")
    assert response.status_code == 200
    document = Document(io.BytesIO(response.content))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    styles = zipfile.ZipFile(io.BytesIO(response.content)).read("word/styles.xml").decode()
    assert 'w:val="id-ID"' in styles
    body = zipfile.ZipFile(io.BytesIO(response.content)).read("word/document.xml").decode()
    assert "instrText" not in body and "Update Field" not in body
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "Laporan Hasil Survei Kepuasan Masyarakat" in text
    assert "75,93 — mutu C (Kurang Baik)" in text
    assert "Memasang papan alur layanan." in text
    assert "3,3333" in cells and "Penanganan Pengaduan, Saran dan Masukan" in cells
    assert "10 untuk 10 penerima layanan — belum tercapai (kurang 6)" in cells


@pytest.mark.django_db
def test_the_qr_code_is_an_svg_of_the_form_address_and_a_printable_pdf(client, member_a):
    survey = make_survey()
    client.force_login(member_a)
    svg = client.get(f"/survei/kelola/{survey.pk}/qr.svg")
    assert svg["Content-Type"] == "image/svg+xml"
    assert svg.content.startswith(b"<svg") and b"<path" in svg.content
    assert f"http://testserver/survei/isi/{survey.pk}/".encode() in svg.content  # its title
    pdf = client.get(f"/survei/kelola/{survey.pk}/qr.pdf")
    text = " ".join(PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text().split())
    assert "Bagaimana pelayanan kami?" in text
    assert f"http://testserver/survei/isi/{survey.pk}/" in text

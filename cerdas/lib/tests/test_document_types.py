"""Uploads are told apart by content and extension together."""

import io
import zipfile

from cerdas.lib import document_types as dt

PDF_HEAD = b"%PDF-1.7\n"
PNG_HEAD = b"\x89PNG\r\n\x1a\n\x00\x00"
JPEG_HEAD = b"\xff\xd8\xff\xe0\x00\x10JFIF"
MB = 1024 * 1024


def test_a_pdf_named_pdf_is_accepted():
    assert dt.check("MoU Bojonegoro.PDF", PDF_HEAD, 1000, max_bytes=MB) == ("pdf", None)


def test_jpeg_and_png_are_accepted_with_their_usual_extensions():
    assert dt.check("sk.jpg", JPEG_HEAD, 10, max_bytes=MB)[0] == "jpeg"
    assert dt.check("sk.jpeg", JPEG_HEAD, 10, max_bytes=MB)[0] == "jpeg"
    assert dt.check("sk.png", PNG_HEAD, 10, max_bytes=MB)[0] == "png"


def test_a_file_larger_than_the_limit_is_refused():
    assert dt.check("a.pdf", PDF_HEAD, MB + 1, max_bytes=MB) == (None, ("too_large", str(MB)))


def test_an_empty_file_is_refused():
    assert dt.check("a.pdf", b"", 0, max_bytes=MB)[1][0] == "empty"


def test_an_unlisted_extension_is_refused():
    assert dt.check("a.exe", PDF_HEAD, 10, max_bytes=MB)[1] == ("extension", "exe")
    assert dt.check("noextension", PDF_HEAD, 10, max_bytes=MB)[1][0] == "extension"


def test_html_renamed_to_pdf_is_refused_by_its_content():
    assert dt.check("a.pdf", b"<html><script>", 10, max_bytes=MB)[1] == ("content", "pdf")


def test_a_png_named_pdf_is_refused_as_a_mismatch():
    assert dt.check("a.pdf", PNG_HEAD, 10, max_bytes=MB)[1] == ("mismatch", "pdf")


def test_only_the_allowed_kinds_pass():
    assert dt.check("a.png", PNG_HEAD, 10, allowed=(dt.PDF,), max_bytes=MB)[1][0] == "extension"


def _package(folder: str) -> io.BytesIO:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr(f"{folder}document.xml", "<x/>")
    buffer.seek(0)
    return buffer


def test_office_documents_are_told_apart_by_the_folder_inside_the_package():
    docx, xlsx = _package("word/"), _package("xl/")
    office = (dt.DOCX, dt.XLSX)
    head = docx.getvalue()[:16]
    assert dt.check("laporan.docx", head, 100, allowed=office, max_bytes=MB, file=docx)[0] == "docx"
    assert dt.check("data.xlsx", head, 100, allowed=office, max_bytes=MB, file=xlsx)[0] == "xlsx"
    assert dt.check("data.xlsx", head, 100, allowed=office, max_bytes=MB, file=docx)[1][0] == (
        "mismatch"
    )


def test_a_zip_that_is_no_office_document_is_refused():
    other = _package("misc/")
    head = other.getvalue()[:16]
    assert dt.check("a.docx", head, 100, allowed=(dt.DOCX,), max_bytes=MB, file=other)[1][0] == (
        "content"
    )
    assert dt.check("a.docx", head, 100, allowed=(dt.DOCX,), max_bytes=MB)[1][0] == "content"


def _members(members: dict) -> io.BytesIO:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    out.seek(0)
    return out


WORD = {"word/document.xml": b"<w:document/>"}


def test_a_plain_docx_package_has_no_problem():
    assert dt.package_problem(_members(WORD)) is None


def test_a_package_inflating_past_the_limit_is_refused_by_its_directory():
    package = _members({**WORD, "word/big.xml": b" " * (2 * MB)})
    assert dt.package_problem(package, max_inflated_bytes=MB) == ("inflated", str(MB))


def test_too_many_members_macros_and_programs_are_refused():
    many = _members({**WORD, **{f"word/{n}.xml": b"x" for n in range(20)}})
    assert dt.package_problem(many, max_members=10) == ("members", "10")
    assert dt.package_problem(_members({**WORD, "word/vbaProject.bin": b"x"}))[0] == "macros"
    assert dt.package_problem(_members({**WORD, "word/a.dll": b"x"}))[0] == "executable"
    elf = _members({**WORD, "word/media/a.png": b"\x7fELF\x02\x01"})
    assert dt.package_problem(elf) == ("executable", "word/media/a.png")


def test_a_damaged_package_is_refused():
    assert dt.package_problem(io.BytesIO(b"PK\x03\x04 not really"))[0] == "damaged"


def test_check_looks_into_a_docx_before_accepting_it():
    package = _members({**WORD, "word/embeddings/setup.exe": b"MZ"})
    head = package.getvalue()[:16]
    kind, problem = dt.check("a.docx", head, 100, allowed=(dt.DOCX,), max_bytes=MB, file=package)
    assert kind is None and problem[0] == "executable"

"""Deliverables are Word and Excel documents as often as PDFs: accepted, but looked into."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cerdas.cohorts.models import Submission
from cerdas.cohorts.tests.test_region_pages import BOARD

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def package(name, members: dict[str, bytes]) -> SimpleUploadedFile:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, content in members.items():
            archive.writestr(member, content)
    return SimpleUploadedFile(name, out.getvalue())


WORD = {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"}
EXCEL = {"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "upload", [lambda: package("masterplan.docx", WORD), lambda: package("rab.xlsx", EXCEL)]
)
def test_a_word_or_excel_deliverable_is_accepted_and_downloads_as_an_attachment(
    client, cohort, deliverable, member_a, mentored, upload
):
    client.force_login(member_a)
    url = f"{BOARD}luaran/{deliverable.pk}/"
    response = client.post(url, {"action": "submit", "document": upload()})
    assert response.status_code == 302
    submission = Submission.objects.get()
    download = client.get(f"{BOARD}berkas/submission/{submission.pk}/")
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert download["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("members", "message"),
    [
        ({**WORD, "word/media/zeros.bin": b"\0" * (3 * 1024 * 1024)}, "far more than its size"),
        ({**WORD, "word/embeddings/setup.exe": b"MZ\x90\x00"}, "contains a program"),
        ({**WORD, "word/media/image1.png": b"MZ\x90\x00 a renamed program"}, "contains a program"),
        ({**WORD, "word/vbaProject.bin": b"\xd0\xcf\x11\xe0"}, "contains macros"),
        ({**WORD, **{f"word/p{n}.xml": b"x" for n in range(1001)}}, "more than 1,000 parts"),
    ],
)
def test_an_archive_bomb_or_a_package_with_a_program_is_refused(
    client, cohort, deliverable, member_a, mentored, members, message
):
    client.force_login(member_a)
    url = f"{BOARD}luaran/{deliverable.pk}/"
    upload = package("laporan.docx", members)
    response = client.post(url, {"action": "submit", "document": upload})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Submission.objects.exists()

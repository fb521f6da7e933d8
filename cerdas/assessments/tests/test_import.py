"""Importing indicator values: every row previewed with its fate, nothing written before confirm."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from cerdas.assessments import importing
from cerdas.assessments.models import Answer, ImportBatch
from cerdas.core.models import AuditEntry
from conftest import make_user

ROWS = [
    ["wilayah", "internet_households", "ict_staff", "kolom_lain"],
    ["Kab. Bojonegoro", "75,5", "12", "x"],  # 2 matched (Indonesian decimal comma)
    ["Bandung", "60", "8", ""],  # 3 ambiguous: Kota or Kabupaten Bandung
    ["Kota Atlantis", "50", "1", ""],  # 4 unknown
    ["Kota Surabaya", "banyak", "3", ""],  # 5 not a number
    ["Kota Makassar", "150", "2", ""],  # 6 out of range (a percentage)
    ["Kota Jayapura", "40", "5", ""],  # 7 duplicate of row 8
    ["91.71", "41", "5", ""],  # 8
    ["Kota Medan", "70", "9", ""],  # 9 not invited
]


def _csv(rows=ROWS) -> SimpleUploadedFile:
    text = "\n".join(",".join(f'"{cell}"' for cell in row) for row in rows)
    return SimpleUploadedFile("nilai.csv", text.encode())


def _xlsx(rows=ROWS) -> SimpleUploadedFile:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("nilai.xlsx", buffer.getvalue())


def _upload(client, round_, upload):
    response = client.post(f"/penilaian/kelola/{round_.pk}/impor/", {"file": upload})
    assert response.status_code == 302, response.content.decode()[:2000]
    return response["Location"]


def _status_cells(body: str) -> dict[str, str]:
    """Row number -> the text of its status cell, from the preview table."""
    cells = {}
    for line, status in re.findall(r"<tr><td>(\d+)</td><td>.*?</td>\s*<td>(.*?)</td>", body, re.S):
        cells[line] = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", status)).strip()
    return cells


@pytest.mark.parametrize("make_file", [_csv, _xlsx])
def test_the_preview_shows_every_row_with_its_status_and_writes_nothing(
    client, open_round, national_admin, make_file
):
    client.force_login(national_admin)
    body = client.get(_upload(client, open_round, make_file())).content.decode()
    cells = _status_cells(body)
    assert sorted(cells, key=int) == [str(n) for n in range(2, 10)]
    assert cells["2"] == "cocok"
    assert cells["3"].startswith("ambigu")
    assert "Tidak ada wilayah dengan nama ini." in cells["4"]
    assert "“banyak” bukan angka" in cells["5"]
    assert "150 berada di luar rentang" in cells["6"]
    assert "91.71 muncul lebih dari sekali (baris 7, 8)" in cells["7"]
    assert "91.71 muncul lebih dari sekali (baris 7, 8)" in cells["8"]
    assert "Wilayah ini tidak diundang ke putaran ini." in cells["9"]
    # Both Bandungs are offered to pick from.
    assert 'value="32.73"' in body and 'value="32.04"' in body
    assert "kolom_lain" in body
    assert not Answer.objects.exists()


def test_confirming_writes_the_matched_rows_and_the_picked_region(
    client, open_round, national_admin
):
    client.force_login(national_admin)
    preview = _upload(client, open_round, _csv())
    batch = ImportBatch.objects.get()
    response = client.post(preview, {"batch": batch.pk, "pick-3": "32.73"})
    body = response.content.decode()
    assert "2 baris diimpor, 6 tidak diambil." in body
    values = {
        (a.participant.region_id, a.indicator.code): a.value
        for a in Answer.objects.select_related("participant", "indicator")
    }
    assert values == {
        ("35.22", "internet_households"): 75.5,
        ("35.22", "ict_staff"): 12,
        ("32.73", "internet_households"): 60,
        ("32.73", "ict_staff"): 8,
    }
    assert all(a.source == "import" for a in Answer.objects.all())
    entry = AuditEntry.objects.get(action="assessments.values_imported")
    assert entry.changes["rows"] == 2 and entry.changes["not_taken"] == 6
    # Each row not taken is listed with its reason.
    for line in ("4", "5", "6", "7", "8", "9"):
        assert f"Baris {line} (" in body


def test_an_ambiguous_row_left_without_a_pick_is_reported_not_guessed(
    client, open_round, national_admin
):
    client.force_login(national_admin)
    preview = _upload(client, open_round, _csv(ROWS[:3]))
    body = client.post(preview, {"batch": ImportBatch.objects.get().pk}).content.decode()
    assert "Nama ambigu dan belum ada wilayah yang dipilih." in body
    assert set(Answer.objects.values_list("participant__region_id", flat=True)) == {"35.22"}


@pytest.mark.parametrize(
    "forged",
    [
        {"pick-3": "35.78"},  # a region the preview did not offer for this row
        {"pick-2": "32.73"},  # a pick for a row that was not ambiguous
    ],
)
def test_a_forged_pick_writes_nothing_and_says_why(client, open_round, national_admin, forged):
    client.force_login(national_admin)
    preview = _upload(client, open_round, _csv())
    batch = ImportBatch.objects.get()
    response = client.post(preview, {"batch": batch.pk, **forged}, follow=True)
    assert "bukan salah satu wilayah yang ditawarkan" in response.content.decode()
    assert not Answer.objects.exists()
    batch.refresh_from_db()
    assert batch.confirmed_at is None


def test_values_posted_with_the_confirmation_are_ignored(client, open_round, national_admin):
    client.force_login(national_admin)
    preview = _upload(client, open_round, _csv(ROWS[:2]))
    batch = ImportBatch.objects.get()
    client.post(preview, {"batch": batch.pk, "internet_households-2": "99", "value": "99"})
    assert Answer.objects.get(indicator__code="internet_households").value == 75.5


def test_a_confirmation_naming_another_preview_writes_nothing(client, open_round, national_admin):
    client.force_login(national_admin)
    first = _upload(client, open_round, _csv())
    _upload(client, open_round, _csv())
    other = ImportBatch.objects.order_by("-pk").first()
    response = client.post(first, {"batch": other.pk, "pick-3": "32.73"}, follow=True)
    assert "Konfirmasi tidak sesuai dengan pratinjau ini" in response.content.decode()
    assert not Answer.objects.exists()


def test_another_admins_preview_cannot_be_confirmed(client, open_round, national_admin):
    client.force_login(national_admin)
    preview = _upload(client, open_round, _csv())
    batch = ImportBatch.objects.get()
    client.force_login(make_user("admin2", "national_admin"))
    response = client.post(preview, {"batch": batch.pk}, follow=True)
    assert "Hanya orang yang mengunggah berkas ini" in response.content.decode()
    assert not Answer.objects.exists()


def test_another_rounds_preview_cannot_be_confirmed_through_this_round(
    client, open_round, national_admin
):
    from cerdas.assessments import services

    other = services.open_round(
        user=national_admin,
        framework_id=open_round.framework_id,
        name="Putaran lain",
        purpose="selection",
        year=2030,
        opens_on=open_round.opens_on,
        deadline=open_round.deadline,
    )
    client.force_login(national_admin)
    _upload(client, open_round, _csv())
    batch = ImportBatch.objects.get()
    url = f"/penilaian/kelola/{other.pk}/impor/{batch.pk}/"
    response = client.post(url, {"batch": batch.pk, "pick-3": "32.73"}, follow=True)
    assert "Pratinjau ini milik putaran lain" in response.content.decode()
    assert not Answer.objects.exists()


def test_a_preview_is_confirmed_only_once(client, open_round, national_admin):
    client.force_login(national_admin)
    preview = _upload(client, open_round, _csv(ROWS[:2]))
    batch = ImportBatch.objects.get()
    client.post(preview, {"batch": batch.pk})
    Answer.objects.all().delete()
    response = client.post(preview, {"batch": batch.pk}, follow=True)
    assert "Impor ini sudah dikonfirmasi." in response.content.decode()
    assert not Answer.objects.exists()


def test_a_file_over_the_limit_is_refused_with_a_message(client, open_round, national_admin):
    client.force_login(national_admin)
    big = SimpleUploadedFile("besar.csv", b"wilayah,ict_staff\n" + b"0" * importing.MAX_BYTES)
    response = client.post(f"/penilaian/kelola/{open_round.pk}/impor/", {"file": big})
    assert response.status_code == 200
    assert "Berkas lebih besar dari 5 MB" in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_a_file_of_another_kind_is_refused_with_a_message(client, open_round, national_admin):
    client.force_login(national_admin)
    upload = SimpleUploadedFile("nilai.txt", b"wilayah,ict_staff\nBojonegoro,3\n")
    response = client.post(f"/penilaian/kelola/{open_round.pk}/impor/", {"file": upload})
    assert "Unggah berkas .csv atau .xlsx." in response.content.decode()
    assert not ImportBatch.objects.exists()


def _bomb() -> SimpleUploadedFile:
    workbook = Workbook()
    workbook.active.append(["wilayah", "ict_staff"])
    workbook.active.cell(row=1_048_576, column=16_384, value=1)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("bom.xlsx", buffer.getvalue())


def test_a_workbook_declaring_a_million_rows_is_refused_naming_the_limit(
    client, open_round, national_admin
):
    client.force_login(national_admin)
    response = client.post(f"/penilaian/kelola/{open_round.pk}/impor/", {"file": _bomb()})
    assert response.status_code == 200
    assert "paling banyak 5.000 baris" in response.content.decode()
    assert not ImportBatch.objects.exists()


@pytest.mark.parametrize(
    ("rows", "line", "problem"),
    [
        ([*ROWS[:1], ["=HYPERLINK('http://x')", "75", "12", ""]], "2", "rumus"),
        ([*ROWS[:1], ["Kab. Bojonegoro", "9" * 200000, "12", ""]], "2", ""),
        ([*ROWS[:1], ["Kab. Bojonegoro", "1.5", "12", ""]], "2", "dua cara"),
    ],
)
def test_a_row_that_cannot_be_read_is_reported_not_a_500(
    client, open_round, national_admin, rows, line, problem
):
    client.force_login(national_admin)
    preview = _upload(client, open_round, _csv(rows))
    body = client.get(preview).content.decode()
    assert _status_cells(body)[line].startswith("tidak valid")
    assert problem in body


def test_a_one_column_csv_is_refused_with_a_message_not_a_500(client, open_round, national_admin):
    client.force_login(national_admin)
    upload = SimpleUploadedFile("satu.csv", b"wilayah\nKab. Bojonegoro\nKota Bandung\n")
    response = client.post(f"/penilaian/kelola/{open_round.pk}/impor/", {"file": upload})
    assert response.status_code == 200
    assert "internet_households" in response.content.decode()

"""Paper questionnaires: every row previewed with its verdict; nothing written before confirm."""

import io
import time
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from cerdas.surveys import importing
from cerdas.surveys.models import ImportBatch, Response
from cerdas.surveys.tests.factories import make_survey, publish

HEADER = "U1,U2,U3,U4,U5,U6,U7,U8,U9,jenis_kelamin,umur,pendidikan,pekerjaan,saran\n"
GOOD = "4,3,3,4,3,4,4,3,2,P,34,SMA,Swasta,Loket kurang\n"


def csv_file(text: str, name="kuesioner.csv"):
    return SimpleUploadedFile(name, text.encode())


def xlsx_bytes(rows) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


@pytest.fixture
def survey(db):
    return make_survey()


def upload(client, survey, file):
    return client.post(f"/survei/kelola/{survey.pk}/impor/", {"file": file})


@pytest.mark.django_db
def test_every_row_is_previewed_with_its_line_and_reason_and_nothing_is_written(
    client, member_a, survey
):
    text = HEADER + GOOD + "4,3,5,4,3,4,4,3,2,,,,,\n" + "\n" + "a,b,c,d,a,b,c,d,,X,200,,Petani,\n"
    client.force_login(member_a)
    response = upload(client, survey, csv_file(text))
    assert response.status_code == 302
    batch = ImportBatch.objects.get()
    assert [(row["line"], row["valid"]) for row in batch.rows] == [
        (2, True),
        (3, False),
        (5, False),
    ]
    assert batch.rows[1]["problems"] == ["U3: “5” bukan nilai 1 sampai 4."]
    assert batch.rows[2]["problems"] == [
        "Isian jenis kelamin tidak dikenal: “X”.",
        "Isian pekerjaan tidak dikenal: “Petani”.",
        "Umur tidak dikenal: “200” (umur dalam tahun dari 10 sampai 120, atau kelompok umur).",
    ]
    # Letters a-d on the paper form are scores 1-4; a blank U9 is a blank answer.
    assert batch.rows[2]["answers"]["U1"] == 1 and batch.rows[2]["answers"]["U9"] is None
    page = client.get(response["Location"]).content.decode()
    assert "1 baris sah, 2 baris tidak sah." in page
    assert "Impor 1 baris sah dan lewati 2 baris tidak sah" in page
    assert Response.objects.count() == 0


@pytest.mark.django_db
def test_confirming_writes_the_valid_rows_of_the_stored_preview_once(client, member_a, survey):
    client.force_login(member_a)
    upload(client, survey, csv_file(HEADER + GOOD + GOOD + "9,9,9,9,9,9,9,9,9,,,,,\n"))
    batch = ImportBatch.objects.get()
    url = f"/survei/kelola/{survey.pk}/impor/{batch.pk}/"
    assert client.post(url, {"batch": batch.pk}).status_code == 302
    assert Response.objects.filter(source="paper").count() == 2
    saved = Response.objects.first()
    assert (saved.sex, saved.age_band, saved.education, saved.occupation) == (
        "P",
        "30_39",
        "sma",
        "swasta",
    )
    assert saved.suggestion == "Loket kurang"
    # Confirming again writes nothing more.
    client.post(url, {"batch": batch.pk})
    assert Response.objects.count() == 2
    assert "Berkas ini sudah diimpor." in client.get(url).content.decode()


@pytest.mark.django_db
def test_a_forged_confirmation_writes_nothing(client, member_a, survey, national_admin):
    client.force_login(member_a)
    upload(client, survey, csv_file(HEADER + GOOD))
    batch = ImportBatch.objects.get()
    url = f"/survei/kelola/{survey.pk}/impor/{batch.pk}/"
    # A confirmation naming another batch than the page it is posted to.
    assert client.post(url, {"batch": batch.pk + 1}).status_code == 302
    # The preview of another survey, through this survey's address.
    other = make_survey(
        start=survey.period_start.replace(year=2020), end=survey.period_end.replace(year=2020)
    )
    assert (
        client.post(f"/survei/kelola/{other.pk}/impor/{batch.pk}/", {"batch": batch.pk}).status_code
        == 404
    )
    # Someone else (allowed on the survey) confirming a preview they did not upload.
    client.force_login(national_admin)
    assert client.post(url, {"batch": batch.pk}).status_code == 404
    assert Response.objects.count() == 0


@pytest.mark.django_db
def test_an_xlsx_file_is_read_like_a_csv(client, member_a, survey):
    content = xlsx_bytes(
        [
            ["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9", "Pendidikan"],
            [4, 4, 3, 3, 4, 4, 3, 3, 4, "S1"],
            [1.0, 2, 3, 4, 1, 2, 3, 4, None, "D4"],
        ]
    )
    client.force_login(member_a)
    upload(client, survey, SimpleUploadedFile("kuesioner.xlsx", content))
    rows = ImportBatch.objects.get().rows
    assert [row["valid"] for row in rows] == [True, True]
    assert rows[1]["answers"]["U1"] == 1 and rows[1]["education"] == "d4"


@pytest.mark.django_db
def test_a_file_without_the_element_columns_is_refused_naming_them(client, member_a, survey):
    client.force_login(member_a)
    response = upload(client, survey, csv_file("U1,U2,U3\n4,4,4\n"))
    assert response.status_code == 400
    assert "yang belum ada: U4, U5, U6, U7, U8, U9" in response.content.decode()
    assert not ImportBatch.objects.exists()


@pytest.mark.django_db
def test_importing_into_published_results_is_refused(client, member_a, survey):
    from cerdas.surveys.tests.factories import add_responses

    add_responses(survey, [[4] * 9])
    publish(survey)
    client.force_login(member_a)
    response = upload(client, survey, csv_file(HEADER + GOOD))
    assert response.status_code == 400
    assert "tarik dulu sebelum mengimpor" in response.content.decode()


def test_too_many_rows_is_refused_naming_the_limit(settings):
    text = HEADER + GOOD * (importing.MAX_ROWS + 1)
    with pytest.raises(ValidationError, match=r"lebih dari 5\.000 responden"):
        importing.parse("k.csv", text.encode())
    assert len(importing.parse("k.csv", (HEADER + GOOD * importing.MAX_ROWS).encode())[0]) == 5000


def test_too_many_columns_is_refused_naming_the_limit():
    wide = ",".join(["x"] * (importing.MAX_COLUMNS + 1))
    with pytest.raises(ValidationError, match="lebih dari 30 kolom"):
        importing.parse("k.csv", (wide + "\n" + wide + "\n").encode())


def test_a_file_over_five_megabytes_is_refused():
    with pytest.raises(ValidationError, match="lebih besar dari 5 MB"):
        importing.read_table("k.csv", b"x" * (importing.MAX_BYTES + 1))


def test_a_small_xlsx_declaring_a_huge_sheet_is_read_quickly():
    """A few kilobytes can declare A1:XFD1048576 and put a cell on the last row: the read
    stays bounded by the columns it takes and the deadline."""
    content = xlsx_bytes([[*["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"]], [4] * 9])
    source = io.BytesIO(content)
    patched = io.BytesIO()
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(patched, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                text = text.replace('<dimension ref="A1:I2"/>', '<dimension ref="A1:XFD1048576"/>')
                text = text.replace(
                    "</sheetData>",
                    '<row r="1048576"><c r="A1048576" t="n"><v>3</v></c></row></sheetData>',
                )
                data = text.encode()
            new.writestr(item, data)
    assert len(patched.getvalue()) < 10_000
    started = time.monotonic()
    rows, _unknown = importing.parse("k.xlsx", patched.getvalue())
    assert time.monotonic() - started < importing.MAX_SECONDS
    assert [row["line"] for row in rows] == [2, 1048576]
    assert rows[1]["problems"] == []  # U1 answered, the rest blank


def test_an_xlsx_that_unpacks_to_gigabytes_is_refused_before_it_is_opened():
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings.xml", "A" * (importing.MAX_UNPACKED_BYTES + 1))
    assert len(bomb.getvalue()) < 200_000
    with pytest.raises(ValidationError, match="lebih dari 50 MB"):
        importing.parse("bom.xlsx", bomb.getvalue())


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("k.txt", b"U1", "Unggah berkas .csv atau .xlsx."),
        ("k.csv", "U1;é".encode("latin-1"), "Simpan berkas CSV sebagai UTF-8"),
        ("k.xlsx", b"not a zip", "Berkas XLSX ini tidak dapat dibaca."),
        ("k.csv", HEADER.encode(), "paling sedikit satu responden"),
    ],
)
def test_unreadable_files_get_a_message_saying_what_to_do(name, content, message):
    with pytest.raises(ValidationError, match=message):
        importing.parse(name, content)


def test_semicolon_separated_csv_and_age_bands_are_read():
    text = "U1;U2;U3;U4;U5;U6;U7;U8;U9;umur\n4;4;4;4;4;4;4;4;4;60 ke atas\n1;1;1;1;1;1;1;1;1;19\n"
    rows, _unknown = importing.parse("k.csv", text.encode())
    assert [row["age_band"] for row in rows] == ["60_plus", "under_20"]


@pytest.mark.parametrize(
    ("age", "band"),
    [
        ("10", "under_20"),
        ("19", "under_20"),
        ("20", "20_29"),
        ("29", "20_29"),
        ("30", "30_39"),
        ("49", "40_49"),
        ("50", "50_59"),
        ("59", "50_59"),
        ("60", "60_plus"),
        ("120", "60_plus"),
        ("9", None),
        ("121", None),
    ],
)
def test_an_age_in_years_becomes_its_band_at_each_boundary(age, band):
    assert importing.age_band(age, {}) == band

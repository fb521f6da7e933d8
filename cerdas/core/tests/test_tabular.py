"""Uploaded tables are read within limits: a hostile file is refused fast, with the limit named."""

import io
import time
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from openpyxl import Workbook

from cerdas.core.tabular import Limits, open_workbook, read_csv, read_table


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


LIMITS = Limits(max_rows=100, max_columns=10, max_cells=500, max_cell_chars=50, seconds=5)


def _xlsx(fill) -> bytes:
    book = Workbook()
    fill(book.active)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def declared_million_rows(sheet):
    sheet.append(["wilayah", "nilai"])
    sheet.cell(row=1_048_576, column=16_384, value=1)  # declares A1:XFD1048576


def test_a_small_workbook_declaring_a_million_rows_is_refused_at_once():
    content = _xlsx(declared_million_rows)
    assert len(content) < 10_000
    started = time.monotonic()
    with pytest.raises(ValidationError) as error:
        read_table("bom.xlsx", content, LIMITS)
    assert time.monotonic() - started < 2
    assert "at most 100 rows" in error.value.messages[0]


def test_a_workbook_wider_than_the_limit_is_refused_naming_the_limit():
    content = _xlsx(lambda sheet: sheet.append(list(range(11))))
    with pytest.raises(ValidationError) as error:
        read_table("lebar.xlsx", content, LIMITS)
    assert "at most 10 columns" in error.value.messages[0]


def test_a_csv_with_more_rows_than_the_limit_is_refused_naming_the_limit():
    content = "\n".join(f"r{n},1" for n in range(102)).encode()
    with pytest.raises(ValidationError) as error:
        read_csv(content, LIMITS)
    assert "at most 100 rows" in error.value.messages[0]


def test_a_csv_with_too_many_cells_is_refused_naming_the_limit():
    content = "\n".join(",".join(["x"] * 10) for _ in range(60)).encode()
    with pytest.raises(ValidationError) as error:
        read_csv(content, LIMITS)
    assert "at most 500 cells" in error.value.messages[0]


def test_a_file_over_the_size_limit_is_refused_before_reading():
    with pytest.raises(ValidationError) as error:
        read_table("besar.csv", b"x" * (LIMITS.max_bytes + 1), LIMITS)
    assert error.value.code == "too_large"


def test_a_zip_that_inflates_past_the_limit_is_refused_before_openpyxl_reads_it():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("xl/workbook.xml", b"<workbook/>")
        package.writestr("xl/sharedStrings.xml", b" " * (60 * 1024 * 1024))
    with pytest.raises(ValidationError) as error:
        open_workbook(out.getvalue(), Limits())
    assert error.value.code in ("inflated", "ratio")


def test_a_one_column_csv_is_read_not_refused():
    rows = read_csv(b"wilayah\nKab. Bojonegoro\nKota Bandung\n", LIMITS)
    assert [row.cells for row in rows] == [["wilayah"], ["Kab. Bojonegoro"], ["Kota Bandung"]]


def test_a_field_longer_than_the_csv_module_allows_is_one_bad_row():
    content = b"wilayah,nilai\nKab. Bojonegoro," + b"9" * 200_000 + b"\nKota Bandung,3\n"
    rows = read_csv(content, Limits())
    assert [row.number for row in rows] == [1, 2, 3]
    assert rows[1].problem and not rows[2].problem
    assert rows[2].cells == ["Kota Bandung", "3"]


def test_a_cell_longer_than_the_limit_is_a_bad_row_with_the_limit_named():
    rows = read_csv(b"a,b\nx," + b"y" * 60 + b"\n", LIMITS)
    assert "50 characters" in rows[1].problem


def test_semicolons_and_row_numbers_are_kept():
    rows = read_csv(b"wilayah;nilai\n\nKab. Bojonegoro;75,5\n", LIMITS)
    assert [(row.number, row.cells) for row in rows] == [
        (1, ["wilayah", "nilai"]),
        (3, ["Kab. Bojonegoro", "75,5"]),
    ]

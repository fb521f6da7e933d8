import datetime

import pytest

from cerdas.lib.spreadsheet import safe_cell


@pytest.mark.parametrize(
    "text",
    ['=HYPERLINK("http://x")', "+1+2", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "=", "-"],
)
def test_text_that_would_start_a_formula_is_kept_as_text(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("text", ["Jalan rusak", "1.500.000", "", " =1", "a=b", "'quoted"])
def test_ordinary_text_is_unchanged(text):
    assert safe_cell(text) == text


@pytest.mark.parametrize("value", [-5, 1.5, None, datetime.date(2026, 1, 1), True])
def test_numbers_dates_and_empty_cells_pass_unchanged(value):
    assert safe_cell(value) is value

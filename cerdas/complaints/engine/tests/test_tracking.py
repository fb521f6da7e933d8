"""Tracking numbers: region, month, number; readable, and read back exactly."""

from datetime import date

import pytest

from cerdas.complaints.engine import tracking


def test_the_number_has_the_region_the_month_and_four_digits():
    assert tracking.tracking_number("35.22", date(2026, 11, 29), 42) == "35.22-2611-0042"


def test_the_ten_thousandth_report_of_a_month_gets_five_digits():
    assert tracking.tracking_number("35.22", date(2026, 1, 1), 9999) == "35.22-2601-9999"
    assert tracking.tracking_number("35.22", date(2026, 1, 1), 10000) == "35.22-2601-10000"


def test_the_year_2100_wraps_to_00():
    assert tracking.period_of(date(2100, 3, 5)) == "0003"


def test_numbers_start_at_one():
    assert tracking.tracking_number("35.22", date(2026, 1, 1), 1) == "35.22-2601-0001"
    with pytest.raises(ValueError):
        tracking.tracking_number("35.22", date(2026, 1, 1), 0)


@pytest.mark.parametrize("code", ["35", "35.2", "3522", "35.22.01", "ab.cd"])
def test_only_kabupaten_kota_codes_make_tracking_numbers(code):
    with pytest.raises(ValueError):
        tracking.tracking_number(code, date(2026, 1, 1), 1)


def test_a_tracking_number_reads_back():
    assert tracking.parse(" 35.22-2611-0042 ") == ("35.22", "2611", 42)
    assert tracking.parse("35.22-2601-10000") == ("35.22", "2601", 10000)


@pytest.mark.parametrize(
    "text", ["", "35.22-2611-042", "35.22-261-0042", "3522-2611-0042", "35.22-2611-0042x"]
)
def test_anything_else_is_not_a_tracking_number(text):
    assert tracking.parse(text) is None


def test_refusals_say_what_was_wrong():
    with pytest.raises(ValueError, match=r"^report numbers start at 1$"):
        tracking.tracking_number("35.22", date(2026, 11, 29), 0)
    with pytest.raises(ValueError, match=r"^not a kabupaten/kota code: '35'$"):
        tracking.tracking_number("35", date(2026, 11, 29), 1)

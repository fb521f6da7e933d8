"""Figures at their edges: zero, below one, negative, empty and not a number at all."""

from decimal import Decimal

from cerdas.masterplans.engine import figures


def test_negative_whole_numbers_keep_their_sign_before_the_groups():
    assert figures.grouped(-1500000) == "-1.500.000"
    assert figures.grouped(0) == "0"
    assert figures.money(-2500) == "Rp\u00a0-2.500"


def test_zero_and_a_fraction_of_one_have_no_minus_sign():
    assert figures.number(0) == "0"
    assert figures.number(Decimal("0.50")) == "0,5"
    assert figures.number(-0.25) == "-0,25"


def test_an_empty_value_is_a_dash_and_text_that_is_no_number_stays_as_written():
    assert figures.number("") == figures.NONE == "—"
    assert figures.number(None) == "—"
    assert figures.number("n/a") == "n/a"


def test_a_span_of_one_year_is_that_year():
    assert figures.years(2025, 2025) == "2025"
    assert figures.years(2025, 2027) == "2025\u20132027"

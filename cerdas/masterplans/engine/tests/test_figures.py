"""Figures in Indonesian notation that never break across lines."""

from cerdas.masterplans.engine import figures


def test_rupiah_has_dots_between_groups_and_a_no_break_space_after_rp():
    assert figures.money(1_500_000_000) == "Rp\u00a01.500.000.000"
    assert figures.money(0) == "Rp\u00a00"
    assert figures.money(None) == "Rp\u00a00"


def test_decimals_take_a_comma_and_drop_trailing_zeros():
    assert figures.number(96.92) == "96,92"
    assert figures.number(12.5) == "12,5"
    assert figures.number(1250) == "1.250"
    assert figures.number(1234567.5) == "1.234.567,5"
    assert figures.number(-3.25) == "-3,25"
    assert figures.number(None) == "—"


def test_years_are_never_grouped():
    assert figures.years(2025, 2025) == "2025"
    assert figures.years(2025, 2034) == "2025\u20132034"

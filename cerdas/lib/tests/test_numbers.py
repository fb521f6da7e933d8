"""Numbers typed the Indonesian way are read exactly, or refused with a reason."""

import contextlib
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cerdas.lib.numbers import LARGEST, NumberError, format, parse


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("500.000.000", 500_000_000),
        ("1.500.000", 1_500_000),
        ("1.500", 1500),
        ("1500000", 1_500_000),
        ("Rp 1.500.000", 1_500_000),
        ("Rp1.500.000", 1_500_000),
        ("Rp. 1.500.000", 1_500_000),
        ("IDR 2.000", 2000),
        ("1 500 000", 1_500_000),
        ("1\u00a0500\u00a0000", 1_500_000),
        ("  750  ", 750),
        ("-1.500", -1500),
        ("\u22121.500", -1500),
        ("1,500,000", 1_500_000),
        ("0", 0),
        ("-0", 0),
        ("007", 7),
    ],
)
def test_whole_numbers_in_indonesian_notation(text, expected):
    assert parse(text, currency=True) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.500.000,50", Decimal("1500000.50")),
        ("1,5", Decimal("1.5")),
        ("96,92", Decimal("96.92")),
        ("0,05", Decimal("0.05")),
        ("1,500,000.50", Decimal("1500000.50")),
        ("1 500 000,5", Decimal("1500000.5")),
        ("12", Decimal("12")),
    ],
)
def test_decimals_in_indonesian_notation(text, expected):
    assert parse(text, places=2) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("96.92", Decimal("96.92")),
        ("1,500", Decimal("1500")),
        ("1,500,000.50", Decimal("1500000.50")),
        ("1500000.5", Decimal("1500000.5")),
        ("1.500.000,50", Decimal("1500000.50")),
    ],
)
def test_english_notation_when_the_page_is_in_english(text, expected):
    assert parse(text, places=2, language="en") == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("1.5", "ambiguous"),
        ("1.50", "ambiguous"),
        ("1.5000", "ambiguous"),
        ("0.125", "ambiguous"),
        ("1.50.000", "grouping"),
        ("1.5000.000", "grouping"),
        ("01.500.000", "grouping"),
        ("1.500.000,5,0", "grouping"),
        ("1 500.000", "mixed"),
        ("1e15", "invalid"),
        ("NaN", "invalid"),
        ("Infinity", "invalid"),
        ("-inf", "invalid"),
        ("abc", "invalid"),
        ("1.500.", "invalid"),
        (",5", "invalid"),
        ("", "empty"),
        ("   ", "empty"),
        ("1" * 65, "too_long"),
        ("Rp 1.000", "invalid"),  # currency only where the field is money
    ],
)
def test_what_the_rules_do_not_settle_is_refused(text, code):
    with pytest.raises(NumberError) as error:
        parse(text, places=2)
    assert error.value.code == code


def test_a_whole_number_field_refuses_decimals_instead_of_rounding():
    with pytest.raises(NumberError) as error:
        parse("1,5")
    assert error.value.code == "decimals"
    assert error.value.params == {"places": 0}


def test_three_digits_after_the_comma_are_refused_where_two_are_allowed():
    # "1,500" is one and a half in Indonesian, fifteen hundred in English: neither is taken.
    with pytest.raises(NumberError) as error:
        parse("1,500", places=2)
    assert error.value.code == "decimals"


def test_negative_numbers_only_where_allowed():
    with pytest.raises(NumberError) as error:
        parse("-5", negative=False)
    assert error.value.code == "negative"


def test_format_writes_indonesian_and_english_notation():
    assert format(1_500_000) == "1.500.000"
    assert format(Decimal("1500000.5"), places=2) == "1.500.000,50"
    assert format(96.92, places=2) == "96,92"
    assert format(1_500_000, language="en") == "1,500,000"
    assert format(96.92, places=2, language="en") == "96.92"
    assert format(1_500_000, language="en", grouping=False) == "1500000"
    assert format(-1500) == "-1.500"


whole = st.integers(min_value=-LARGEST, max_value=LARGEST)
cents = st.integers(min_value=-(10**14 - 1), max_value=10**14 - 1).map(
    lambda n: Decimal(n).scaleb(-2)
)


@given(whole, st.sampled_from(["id", "en"]), st.booleans())
def test_every_whole_number_reads_back_as_written(value, language, grouping):
    assert parse(format(value, language=language, grouping=grouping), language=language) == value


@given(cents, st.sampled_from(["id", "en"]), st.booleans())
def test_every_two_decimal_number_reads_back_as_written(value, language, grouping):
    text = format(value, places=2, language=language, grouping=grouping)
    assert parse(text, places=2, language=language) == value


@given(st.text(max_size=20))
def test_any_text_is_a_number_or_a_number_error(text):
    with contextlib.suppress(NumberError):
        parse(text, places=2, currency=True)

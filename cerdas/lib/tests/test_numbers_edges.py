"""`numbers.parse` and `numbers.format` at each rule's edge, case by case."""

from decimal import Decimal

import pytest

from cerdas.lib.numbers import MAX_LENGTH, NumberError, format, parse


@pytest.mark.parametrize(
    ("text", "options", "expected"),
    [
        ("+5", {}, 5),
        ("- 5", {}, -5),
        ("Rp -1.000", {"currency": True}, -1000),
        ("Rp - 1.000", {"currency": True}, -1000),
        ("+Rp -1.000", {"currency": True}, -1000),
        ("1,5", {"places": 1}, Decimal("1.5")),
        # Any mix of the grouping spaces, as a spreadsheet may paste them.
        ("1 000\u00a0000\u202f000\u2009000\u2007000", {}, 1_000_000_000_000_000),
        ("1 000\u00a0000", {}, 1_000_000),
        ("1" + ".000" * 15 + ",00", {"places": 2}, Decimal("1" + "000" * 15)),
    ],
)
def test_edges_that_read_as_a_number(text, options, expected):
    value = parse(text, **options)
    assert value == expected
    assert type(value) is type(expected)


@pytest.mark.parametrize(
    ("text", "options", "code", "params"),
    [
        (5, {}, "invalid", {}),
        ("X12", {}, "invalid", {}),
        ("5\x0c", {}, "invalid", {}),
        ("-\t5", {}, "invalid", {}),
        ("Rp -\t5", {"currency": True}, "invalid", {}),
        ("-Rp -5", {"currency": True}, "invalid", {}),
        ("1.500,5 5", {"places": 2}, "invalid", {}),
        ("1.500,000.5", {"places": 2}, "grouping", {}),
        ("1,500.000,5", {"places": 2}, "grouping", {}),
        ("0.500,5", {"places": 1}, "grouping", {}),
        ("1234.500", {}, "ambiguous", {"decimal": ",", "grouping": "."}),
        ("1.5", {}, "ambiguous", {"decimal": ",", "grouping": "."}),
        ("1,5", {"language": "en"}, "ambiguous", {"decimal": ".", "grouping": ","}),
        ("1" + ".000" * 15 + ",000", {"places": 3}, "too_long", {"length": MAX_LENGTH}),
    ],
)
def test_edges_that_are_refused_with_their_rule(text, options, code, params):
    with pytest.raises(NumberError) as refused:
        parse(text, **options)
    assert (refused.value.code, refused.value.params) == (code, params)
    assert str(refused.value) == code


def test_the_longest_text_accepted_is_max_length():
    text = "1" + ".000" * 15 + ",00"
    assert len(text) == MAX_LENGTH
    assert parse(text, places=2) == Decimal("1" + "000" * 15)


@pytest.mark.parametrize(
    ("value", "options", "expected"),
    [
        (0, {}, "0"),
        (Decimal("0.00"), {"places": 2}, "0,00"),
        (Decimal("2.5"), {}, "3"),
        (Decimal("-2.5"), {}, "-3"),
        (Decimal("0.125"), {"places": 2}, "0,13"),
        (1234567.891, {"places": 2, "language": "en"}, "1,234,567.89"),
        (1234567, {"grouping": False}, "1234567"),
    ],
)
def test_format_rounds_half_away_from_zero_and_writes_zero_without_a_sign(value, options, expected):
    assert format(value, **options) == expected


@pytest.mark.parametrize("value", [Decimal("NaN"), Decimal("Infinity"), float("-inf")])
def test_format_refuses_what_is_not_a_number(value):
    with pytest.raises(NumberError) as refused:
        format(value)
    assert refused.value.code == "invalid"


@pytest.mark.parametrize("text", ["1.000.000 000", "1 000.500"])
def test_dots_and_spaces_grouping_one_number_are_mixed(text):
    with pytest.raises(NumberError) as refused:
        parse(text)
    assert refused.value.code == "mixed"

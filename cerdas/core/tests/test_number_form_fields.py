"""Core's number fields: Indonesian text in, bounded numbers out, the page's notation shown."""

from decimal import Decimal

import pytest
from django import forms
from django.utils import translation

from cerdas.core import forms as bounded


class BudgetForm(forms.Form):
    amount = bounded.RupiahField(max_value=10**13)
    year = bounded.YearField()
    share = bounded.DecimalField(max_digits=5, decimal_places=2, min_value=0, max_value=100)
    value = bounded.FloatField(required=False)


def clean(**data):
    form = BudgetForm({"amount": "0", "year": "2025", "share": "0", **data})
    form.is_valid()
    return form


@pytest.mark.parametrize(
    ("typed", "amount"),
    [("500.000.000", 500_000_000), ("Rp 1.500.000", 1_500_000), ("1 500 000", 1_500_000)],
)
def test_rupiah_is_read_the_indonesian_way(typed, amount):
    assert clean(amount=typed).cleaned_data["amount"] == amount


@pytest.mark.parametrize("typed", ["1,5", "1.5", "-1", "1e15", "NaN", "Infinity", "10" * 20])
def test_rupiah_that_is_not_whole_or_out_of_range_is_refused(typed):
    assert "amount" in clean(amount=typed).errors


def test_the_limits_in_messages_are_in_indonesian_notation():
    with translation.override("id"):
        errors = clean(amount="20.000.000.000.000").errors["amount"]
    assert "Rp 10.000.000.000.000" in errors[0]


def test_decimals_take_a_comma_and_stay_within_the_columns_digits():
    assert clean(share="96,92").cleaned_data["share"] == Decimal("96.92")
    assert "share" in clean(share="100,01").errors
    assert "share" in clean(share="96,925").errors


def test_floats_are_finite_and_bounded():
    assert clean(value="12,5").cleaned_data["value"] == 12.5
    for typed in ("NaN", "inf", "1" + "0" * 20):
        assert "value" in clean(value=typed).errors


def test_values_are_shown_in_the_pages_notation_and_typed_text_is_kept():
    form = BudgetForm(initial={"amount": 1_500_000, "year": 2025, "share": Decimal("96.90")})
    with translation.override("id"):
        html = str(form["amount"]) + str(form["year"]) + str(form["share"])
    assert 'value="1.500.000"' in html and 'value="2025"' in html and 'value="96,9"' in html
    assert 'inputmode="decimal"' in html and 'type="text"' in html
    with translation.override("en"):
        assert 'value="1500000"' in str(form["amount"])
    assert 'value="1.5"' in str(clean(amount="1.5")["amount"])


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31", "1899-12-31"])
def test_dates_outside_1900_to_2100_are_refused(day):
    class DayForm(forms.Form):
        day = bounded.DateField()
        when = bounded.DateTimeField(required=False)

    form = DayForm({"day": day, "when": f"{day} 00:00"})
    assert not form.is_valid()
    assert set(form.errors) == {"day", "when"}

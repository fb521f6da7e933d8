"""Figures are rounded half up, not cut off, and written the Indonesian way."""

import pytest
from django.utils import translation

from cerdas.surveys.numbers import shown


@pytest.mark.parametrize(
    ("value", "places", "indonesian", "english"),
    [
        ("3.3082", 2, "3,31", "3.31"),
        ("3.305", 2, "3,31", "3.31"),
        ("3.3049", 2, "3,30", "3.30"),
        ("88.305", 2, "88,31", "88.31"),
        (1500, 0, "1.500", "1,500"),
        ("75.93", 2, "75,93", "75.93"),
    ],
)
def test_figures_round_half_up_in_each_languages_notation(value, places, indonesian, english):
    from decimal import Decimal

    with translation.override("id"):
        assert shown(Decimal(str(value)), places) == indonesian
    with translation.override("en"):
        assert shown(Decimal(str(value)), places) == english


def test_no_figure_is_a_dash():
    assert shown(None) == "—"

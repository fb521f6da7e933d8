"""{% load numbers %} shows amounts as the page's language writes them."""

from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

TEMPLATE = Template(
    "{% load numbers %}{{ amount|rupiah }}|{{ count|number }}|{{ score|decimal:2 }}|{{ x|number }}"
)


@pytest.mark.parametrize(
    ("language", "expected"),
    [("id", "Rp 1.500.000|12.345|96,92|"), ("en", "Rp 1,500,000|12,345|96.92|")],
)
def test_numbers_follow_the_page_language(language, expected):
    context = Context({"amount": 1_500_000, "count": 12345, "score": 96.9213, "x": "abc"})
    with translation.override(language):
        assert TEMPLATE.render(context) == expected


def test_decimals_show_only_the_places_they_need():
    with translation.override("id"):
        rendered = Template("{% load numbers %}{{ a|number }} {{ b|number }}").render(
            Context({"a": Decimal("1250.50"), "b": Decimal("12.00")})
        )
    assert rendered == "1.250,5 12"

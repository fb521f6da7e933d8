"""Numbers shown in the page's language: ``{% load numbers %}``.

- ``{{ amount|rupiah }}``: ``Rp 1.500.000`` (Indonesian) or ``Rp 1,500,000`` (English).
- ``{{ count|number }}``: ``1.500.000`` / ``1,500,000``; decimals as the value needs them
  (``96,92``), up to six.
- ``{{ score|decimal:2 }}``: exactly two decimals, ``96,92`` / ``96.92``.

Something that is not a number shows as an empty string, never as an error.
"""

from django import template

from cerdas.core.numbers import show

register = template.Library()


@register.filter
def rupiah(value) -> str:
    """Whole Rupiah with thousands separators: ``Rp 1.500.000``."""
    try:
        amount = round(value) if value not in (None, "") else 0
    except (TypeError, ValueError):
        return ""
    return show(amount, 0, currency=True)


@register.filter
def number(value) -> str:
    """A number with thousands separators and the decimals it needs."""
    return show(value, None)


@register.filter
def decimal(value, places=2) -> str:
    """A number with exactly ``places`` decimals (two by default)."""
    try:
        places = max(0, min(int(places), 6))
    except (TypeError, ValueError):
        places = 2
    return show(value, places)

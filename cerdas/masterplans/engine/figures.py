"""Figures written the way an Indonesian reader expects them in an official document.

Rupiah in whole numbers with dots between groups of three (``Rp 1.500.000.000``), decimals
with a comma (``96,92``), years as they are (``2025``, never ``2.025``). The space after
``Rp`` is a no-break space, so that no line ever ends between the currency and its amount;
the dots and the comma are not break opportunities either, so a figure never wraps.
"""

from decimal import Decimal, InvalidOperation

NO_BREAK_SPACE = "\u00a0"
NONE = "—"


def grouped(whole: int) -> str:
    """An integer with dots between groups of three digits: ``1500000`` → ``1.500.000``."""
    sign = "-" if whole < 0 else ""
    return sign + f"{abs(whole):,}".replace(",", ".")


def money(amount) -> str:
    """Whole Rupiah: ``Rp 1.500.000.000`` with a no-break space after ``Rp``."""
    return f"Rp{NO_BREAK_SPACE}{grouped(int(amount or 0))}"


def number(value) -> str:
    """A measured value (an indicator's baseline or target): ``96,92``, ``1.250``, ``12,5``.

    Up to two decimals, as the plan stores them; trailing zeros dropped. ``None`` (no
    baseline measured yet) is a dash.
    """
    if value is None or value == "":
        return NONE
    try:
        exact = Decimal(str(value)).quantize(Decimal("0.01"))
    except InvalidOperation:
        return str(value)
    whole, _dot, fraction = f"{abs(exact):f}".partition(".")
    fraction = fraction.rstrip("0")
    text = grouped(int(whole)) + ("," + fraction if fraction else "")
    return "-" + text if exact < 0 else text


def years(start: int, end: int) -> str:
    """A span of years with an en dash (``2025\u20132027``), or ``2025`` for one year."""
    return str(start) if start == end else f"{start}\u2013{end}"

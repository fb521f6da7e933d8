"""Numbers read and shown in the visitor's language: the Django side of ``lib/numbers``.

``read`` turns what a person typed (or an import cell) into a number or a ``ValidationError``
whose message says what to type instead; ``show`` writes a number the way the page's language
does (``1.500.000`` and ``96,92`` in Indonesian, ``1,500,000`` and ``96.92`` in English).
Forms (``cerdas.core.forms``), imports (``cerdas.core.tabular``) and the ``numbers`` template
filters all go through these two, so every page reads and shows numbers alike.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from cerdas.lib import numbers
from cerdas.lib.numbers import LARGEST, SIGNIFICANT, NumberError

__all__ = [
    "LARGEST",
    "SIGNIFICANT",
    "NumberError",
    "decimal_limit",
    "example",
    "message_for",
    "read",
    "show",
    "shown_places",
]


def language() -> str:
    return get_language() or numbers.INDONESIAN


def example(places: int = 0, currency: bool = False) -> str:
    """A sample number in the page's notation, for messages: ``1.500.000`` or ``1,5``."""
    sample = numbers.format(
        Decimal("1500000.5") if places else 1_500_000, places=min(places, 2), language=language()
    )
    return f"Rp {sample}" if currency else sample


def message_for(error: NumberError, text: str, *, places: int = 0, currency: bool = False) -> str:
    """What to tell the person who typed ``text``, in their language."""
    decimal_mark, grouping_mark = numbers.marks(language())
    params = {
        "text": text.strip()[:40],
        "example": example(places, currency),
        "decimal": decimal_mark,
        "grouping": grouping_mark,
        **error.params,
    }
    code = error.code
    if code == "too_long":
        message = _("This number is too long: at most %(length)s characters.")
    elif code == "negative":
        message = _("Enter a number of 0 or more.")
    elif code == "ambiguous" and places:
        message = _(
            "“%(text)s” can be read two ways: write decimals after “%(decimal)s” and use "
            "“%(grouping)s” only between groups of three digits, e.g. %(example)s."
        )
    elif code in ("grouping", "mixed", "ambiguous"):
        message = _(
            "Check the thousands separators in “%(text)s”: one kind of separator, between "
            "groups of three digits, e.g. %(example)s."
        )
    elif code == "decimals" and not error.params.get("places"):
        message = _(
            "Enter a whole number: “%(text)s” has decimals. Thousands are separated by "
            "“%(grouping)s”, e.g. %(example)s."
        )
    elif code == "decimals":
        message = _("Enter at most %(places)s digits after the decimal mark “%(decimal)s”.")
    else:
        message = _("Enter a number, e.g. %(example)s.")
    return message % params


def read(
    text,
    *,
    places: int = 0,
    currency: bool = False,
    negative: bool = True,
    minimum=None,
    maximum=None,
):
    """The number typed in ``text`` (``int`` for ``places=0``, else ``Decimal``).

    Raises ``ValidationError`` with a message in the page's language when the text is not a
    number by ``lib.numbers``' rules or lies outside ``minimum``..``maximum`` (which default
    to what every store and renderer holds, ``±LARGEST``).
    """
    text = str(text)
    try:
        value = numbers.parse(
            text, places=places, language=language(), currency=currency, negative=negative
        )
    except NumberError as error:
        raise ValidationError(
            message_for(error, text, places=places, currency=currency), code=error.code
        ) from error
    check_range(value, minimum, maximum, places=places, currency=currency)
    return value


def decimal_limit(max_digits: int, places: int) -> Decimal:
    """The largest decimal a ``max_digits``/``places`` column holds and reads back exactly."""
    digits = min(max_digits, SIGNIFICANT)
    return Decimal(10) ** (digits - places) - Decimal(1).scaleb(-places)


def check_range(value, minimum=None, maximum=None, *, places: int = 0, currency: bool = False):
    """Refuse ``value`` outside ``minimum``..``maximum`` (by default ``±LARGEST``)."""
    low = -LARGEST if minimum is None else minimum
    high = LARGEST if maximum is None else maximum
    if value < low:
        raise ValidationError(
            _("Enter %(limit)s or more.") % {"limit": show(low, places, currency=currency)},
            code="min_value",
        )
    if value > high:
        raise ValidationError(
            _("Enter at most %(limit)s: check the number of zeros.")
            % {"limit": show(high, places, currency=currency)},
            code="max_value",
        )


def shown_places(value, places: int) -> int:
    """How many decimals ``value`` needs, at most ``places``: 12.50 needs 1, 12.00 none."""
    if isinstance(value, int) or places == 0:
        return 0
    exponent = Decimal(str(value)).normalize().as_tuple().exponent
    return max(0, min(places, -exponent if isinstance(exponent, int) else 0))


def show(value, places: int | None = 0, *, grouping: bool = True, currency: bool = False) -> str:
    """``value`` in the page's notation; ``places=None`` shows the decimals it needs (up to 6).

    Grouping marks appear in both languages when ``grouping``; English form fields turn
    them off to show plain numbers. Not a finite number: an empty string.
    """
    if value is None or value == "" or isinstance(value, bool):
        return ""
    try:
        number = value if isinstance(value, int | Decimal) else Decimal(str(value))
        if isinstance(number, Decimal) and not number.is_finite():
            return ""
        used = shown_places(number, 6) if places is None else places
        text = numbers.format(number, places=used, language=language(), grouping=grouping)
    except (ArithmeticError, ValueError, TypeError):
        return ""
    return f"Rp {text}" if currency else text

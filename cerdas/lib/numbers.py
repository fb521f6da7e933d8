"""Numbers as Indonesians write them, read exactly or refused — never misread.

Indonesian notation groups thousands with dots and marks decimals with a comma:
``1.500.000`` is one and a half million, ``1.500.000,50`` has fifty sen, ``1,5`` is one and
a half. English notation is the other way round. A field that silently read ``500.000.000``
as 500 (as a browser's number input does) would misstate a budget a millionfold, so
``parse`` follows explicit rules and refuses whatever they do not settle:

1. Spaces at either end, a leading ``Rp``/``Rp.``/``IDR`` (when ``currency`` is allowed) and
   a sign (``-``, ``+`` or the minus sign U+2212) are taken off first.
2. Spaces (ordinary, non-breaking, narrow and thin) between digits group thousands.
3. When both ``.`` and ``,`` appear, the one that comes last is the decimal mark and must
   appear once; the other groups thousands: ``1.500.000,50`` and ``1,500,000.50`` both read
   as 1500000.50.
4. A mark that appears two or more times groups thousands: ``500.000.000``, ``1,500,000``.
5. A mark that appears once is the decimal mark of the language (``,`` in Indonesian,
   ``.`` in English), so ``1,5`` is 1.5 in Indonesian. The other mark followed by exactly
   three digits groups thousands (``1.500`` is 1500 in Indonesian); followed by anything
   else it is refused as ambiguous: ``1.5`` in Indonesian could be one and a half written
   the English way or fifteen hundred with a group missing, so the person is asked to write
   ``1,5`` or ``1.500``.
6. Groups are checked: the first has one to three digits, every later one exactly three
   (``1.50.000`` is refused), and only one kind of grouping mark is used.
7. At most ``places`` digits may follow the decimal mark (none for whole numbers), so
   ``1,500`` in a field of two decimals is refused rather than read as 1.5.
8. Letters, exponents (``1e15``), ``NaN`` and ``Infinity`` are refused.

``format`` writes a number so that ``parse`` in the same language reads it back exactly.

Errors are ``NumberError`` with a ``code`` and ``params``; the Django layer turns them into
messages in the reader's language (``cerdas.core.forms``).
"""

import re
from decimal import Decimal, InvalidOperation

INDONESIAN = "id"
ENGLISH = "en"

# The largest magnitude a number field accepts anywhere: fifteen digits is what a
# spreadsheet keeps exactly, and below 2**53 a JSON client reads every whole number exactly.
LARGEST = 10**15 - 1
# Significant digits kept exactly by a float: SQLite stores decimal columns as REAL, and a
# spreadsheet holds fifteen digits. A decimal with more may come back as a different number
# (99999999999999.99 reads back as 100000000000000.00, which no longer fits its column).
SIGNIFICANT = 15
# Longer text is refused before any work is done on it.
MAX_LENGTH = 64

_SPACES = "\u0020\u00a0\u202f\u2009\u2007"
_MINUS = ("-", "\u2212")
_CURRENCY = re.compile(r"^(?:rp\.?|idr)\s*", re.IGNORECASE)
_ALLOWED = re.compile(r"^[0-9.,\u0020\u00a0\u202f\u2009\u2007]+$")


class NumberError(ValueError):
    """Why a text is not a number; ``code`` names the rule, ``params`` fill the message.

    Codes: ``empty``, ``too_long``, ``invalid`` (letters or other signs), ``negative``,
    ``ambiguous`` (a single mark the rules cannot settle), ``grouping`` (misplaced
    thousands marks), ``decimals`` (more digits after the decimal mark than ``places``;
    ``params["places"]``), ``mixed`` (two kinds of grouping marks).
    """

    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code = code
        self.params = params


def marks(language: str | None) -> tuple[str, str]:
    """(decimal mark, grouping mark) of a language: Indonesian unless it is English."""
    if (language or "").lower().startswith(ENGLISH):
        return ".", ","
    return ",", "."


def parse(
    text: str,
    *,
    places: int = 0,
    language: str = INDONESIAN,
    currency: bool = False,
    negative: bool = True,
) -> int | Decimal:
    """The number in ``text``: an ``int`` when ``places`` is 0, else a ``Decimal``.

    Raises ``NumberError`` when the text breaks one of the module's rules.
    """
    if not isinstance(text, str):
        raise NumberError("invalid")
    body = text.strip(_SPACES + "\t\r\n")
    if not body:
        raise NumberError("empty")
    if len(body) > MAX_LENGTH:
        raise NumberError("too_long", length=MAX_LENGTH)
    sign = 1
    if body[0] in (*_MINUS, "+"):
        sign = -1 if body[0] in _MINUS else 1
        body = body[1:].lstrip(_SPACES)
    if currency:
        body = _CURRENCY.sub("", body, count=1)
        if body[:1] in _MINUS and sign == 1:  # "Rp -1.000"
            sign, body = -1, body[1:].lstrip(_SPACES)
    if not body or not _ALLOWED.match(body) or not body[0].isdigit() or not body[-1].isdigit():
        raise NumberError("invalid")
    if sign < 0 and not negative:
        raise NumberError("negative")
    whole, fraction = _split(body, language)
    if len(fraction) > places:
        raise NumberError("decimals", places=places)
    if places == 0:
        value = int(whole)
        return -value if sign < 0 and value else value
    try:
        value = Decimal(f"{whole}.{fraction or '0'}")
    except InvalidOperation as error:  # unreachable: digits only by now
        raise NumberError("invalid") from error
    return -value if sign < 0 and value else value


def _split(body: str, language: str) -> tuple[str, str]:
    """The digits before and after the decimal mark, grouping checked and removed."""
    decimal_mark, grouping_mark = marks(language)
    dots, commas = body.count("."), body.count(",")
    if dots and commas:
        last = "." if body.rfind(".") > body.rfind(",") else ","
        if body.count(last) > 1:
            raise NumberError("grouping")
        whole, fraction = body.rsplit(last, 1)
        group = "," if last == "." else "."
    elif dots > 1 or commas > 1:
        whole, fraction, group = body, "", "." if dots else ","
    elif dots or commas:
        mark = "." if dots else ","
        before, after = body.split(mark)
        if mark == decimal_mark:
            whole, fraction, group = before, after, None
        elif any(space in before for space in _SPACES):
            raise NumberError("mixed")
        elif len(after) == 3 and _ungrouped(before) and not _leading_zero(before):
            whole, fraction, group = body, "", grouping_mark
        else:
            raise NumberError("ambiguous", decimal=decimal_mark, grouping=grouping_mark)
    else:
        whole, fraction, group = body, "", None
    if not fraction.isdigit() and fraction:
        raise NumberError("invalid")
    return _ungroup(whole, group), fraction


def _ungrouped(digits: str) -> bool:
    return 1 <= len(digits) <= 3 and digits.isdigit()


def _leading_zero(digits: str) -> bool:
    return digits.startswith("0")


def _ungroup(whole: str, group: str | None) -> str:
    """The digits of the whole part, checking its groups of three."""
    spaced = any(space in whole for space in _SPACES)
    if group and spaced:
        raise NumberError("mixed")
    separator = group or (next(s for s in _SPACES if s in whole) if spaced else None)
    if separator is None:
        if not whole.isdigit():
            raise NumberError("grouping")
        return whole
    parts = re.split(f"[{_SPACES}]", whole) if spaced else whole.split(separator)
    first, rest = parts[0], parts[1:]
    if (
        not _ungrouped(first)
        or (_leading_zero(first) and len(parts) > 1)
        or not all(len(part) == 3 and part.isdigit() for part in rest)
    ):
        raise NumberError("grouping")
    return "".join(parts)


def format(value, *, places: int = 0, language: str = INDONESIAN, grouping: bool = True) -> str:
    """``value`` in the language's notation with exactly ``places`` decimals.

    ``format(1500000.5, places=2)`` is ``1.500.000,50``; in English ``1,500,000.50``, or
    ``1500000.50`` without grouping. Rounds half away from zero to ``places``.
    """
    decimal_mark, grouping_mark = marks(language)
    number = Decimal(str(value)) if not isinstance(value, Decimal) else value
    if not number.is_finite():
        raise NumberError("invalid")
    quantum = Decimal(1).scaleb(-places)
    number = number.quantize(quantum, rounding="ROUND_HALF_UP")
    sign = "-" if number < 0 else ""
    whole, _dot, fraction = f"{abs(number):f}".partition(".")
    if grouping:
        whole = f"{int(whole):,}".replace(",", grouping_mark)
    return sign + whole + (decimal_mark + fraction if places else "")

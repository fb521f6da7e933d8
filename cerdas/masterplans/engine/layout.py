"""Page geometry of the printed masterplan: how wide a figure is, and which columns fit a page.

Figures never wrap (see ``figures``), so a table whose figures are wider than the page would
run off it. These functions size columns from the widest figure they must hold and split a
table's year columns into as few, evenly sized parts as the page allows. Widths are in
points (1/72 inch); nothing here knows HTML, Word or Django.
"""

from math import ceil

POINTS_PER_CM = 72 / 2.54
A4_SHORT = 595.28  # 210 mm
A4_LONG = 841.89  # 297 mm

# Advance widths in em, the larger of DejaVu Sans Bold (the PDF) and Liberation Sans/Arial
# (the DOCX) for each character a figure is made of. Any other character counts a full em,
# more than any letter of either family but the widest, so estimates err towards room.
_EM = {
    **dict.fromkeys("0123456789", 0.696),
    **dict.fromkeys(".,", 0.38),
    **dict.fromkeys(" \u00a0\u202f", 0.348),
    "R": 0.77,
    "p": 0.716,
    "-": 0.415,
    "\u2013": 0.556,
    "%": 1.002,
}


def text_width(text: str, size: float) -> float:
    """An upper bound of the width of ``text`` set in ``size`` points, in points."""
    return size * sum(_EM.get(character, 1.0) for character in text)


def widest(texts, size: float) -> float:
    """The width of the widest of ``texts`` (0 when there is none)."""
    return max((text_width(text, size) for text in texts), default=0.0)


def content_width(landscape: bool, margin_left_cm: float, margin_right_cm: float) -> float:
    """The width between an A4 page's side margins."""
    paper = A4_LONG if landscape else A4_SHORT
    return paper - (margin_left_cm + margin_right_cm) * POINTS_PER_CM


def split_columns(count: int, width: float, available: float, tail: float = 0.0) -> list[range]:
    """Split ``count`` columns of ``width`` into parts that each fit ``available``.

    The last part also holds ``tail`` (the columns that close the table, such as the total
    and the share). Parts are as few as possible and as even as possible, larger ones first;
    when not even the tail fits beside one column, it closes a part of its own. A column
    wider than ``available`` still gets a part to itself: callers size ``width`` to fit.
    """
    if count <= 0:
        return [range(0, 0)]
    per_part = max(1, int(available // width)) if width > 0 else count
    beside_tail = max(0, int((available - tail) // width)) if width > 0 else count
    if beside_tail == 0:  # the tail closes a part of its own
        sizes = [*_even(count, ceil(count / per_part)), 0]
    else:
        parts = ceil(count / per_part)
        while count > (parts - 1) * per_part + beside_tail:
            parts += 1
        last = min(beside_tail, ceil(count / parts))
        sizes = [*_even(count - last, parts - 1), last]
    ranges, start = [], 0
    for size in sizes:
        ranges.append(range(start, start + size))
        start += size
    return ranges


def _even(count: int, parts: int) -> list[int]:
    if parts <= 0:
        return []
    whole, extra = divmod(count, parts)
    return [whole + 1] * extra + [whole] * (parts - extra)


def share_widths(available: float, columns: list[tuple[float, float]]) -> list[float]:
    """Widths for columns given as ``(minimum, weight)``: each gets its minimum, then the
    room left over in proportion to its weight (weight 0: exactly its minimum).

    When the minimums alone exceed ``available`` they are returned as they are: the caller
    has to choose smaller type or fewer columns, and a test will say so.
    """
    minimums = [minimum for minimum, _weight in columns]
    room = available - sum(minimums)
    weights = sum(weight for _minimum, weight in columns)
    if room <= 0 or weights <= 0:
        return minimums
    return [minimum + room * weight / weights for minimum, weight in columns]

"""Server-side SVG charts: the element bars and the index across periods.

Drawn with presentation attributes (``fill``, ``stroke``) rather than styles, so the same
SVG reads on a page under a strict Content-Security-Policy, in a PDF and on its own. Text
is escaped; numbers are written in the active language's notation (82,47 in Indonesian).
"""

from django.utils.html import escape
from django.utils.translation import gettext as _

from cerdas.surveys.numbers import shown

GREEN = "#0b5d4b"
RED = "#a4161a"
INK = "#1b1f23"
MUTED = "#4a5560"
LINE = "#d5dbe0"
BAND_COLOURS = {"A": "#e3f1ec", "B": "#eef5e6", "C": "#fbf2d5", "D": "#f8e1e1"}


def _number(value, places: int) -> str:
    return shown(value, places)


def element_bars(elements, weakest_codes=(), title: str = "") -> str:
    """Nine horizontal bars, one per element, the average score (NRR) on a 1-4 scale.

    The weakest elements are drawn in red and named as such in their labels.
    """
    row, left, width, right = 30, 34, 400, 58
    plot = width - left - right
    height = row * len(elements) + 34
    nobody = _("nobody answered")
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'role="img" aria-labelledby="elements-chart-title" class="survey-chart">',
        f'<title id="elements-chart-title">{escape(title)}</title>',
    ]
    for tick in (1, 2, 3, 4):
        x = left + plot * (tick - 1) / 3
        parts.append(
            f'<line x1="{x:.1f}" y1="4" x2="{x:.1f}" y2="{height - 24}" stroke="{LINE}" />'
            f'<text x="{x:.1f}" y="{height - 8}" font-size="13" fill="{MUTED}" '
            f'text-anchor="middle">{tick}</text>'
        )
    for index, element in enumerate(elements):
        y = 6 + index * row
        weak = element.code in weakest_codes
        colour = RED if weak else GREEN
        parts.append(
            f'<text x="0" y="{y + 18}" font-size="14" font-weight="bold" fill="{INK}">'
            f"{escape(element.code)}</text>"
        )
        if element.nrr is None:
            parts.append(
                f'<text x="{left + 4}" y="{y + 18}" font-size="12" fill="{MUTED}">'
                f"{escape(nobody)}</text>"
            )
            continue
        length = max(plot * (float(element.nrr) - 1) / 3, 2)
        label = _number(element.nrr, 2) + (" ▼" if weak else "")
        parts.append(
            f'<rect x="{left}" y="{y + 4}" width="{length:.1f}" height="19" rx="2" '
            f'fill="{colour}"><title>{escape(element.code)} {escape(str(element.name))}: '
            f"{_number(element.nrr, 4)}</title></rect>"
            f'<text x="{left + length + 5:.1f}" y="{y + 19}" font-size="14" '
            f'fill="{INK}">{escape(label)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def trend(points, title: str = "") -> str:
    """The converted index (25-100) of each published period, with the grade bands behind.

    ``points`` are (period label, converted index, grade letter), oldest first.
    """
    width, height, left, right, top, bottom = 400, 220, 44, 12, 12, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    low, high = 25, 100

    def y(value) -> float:
        return top + plot_h * (high - float(value)) / (high - low)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'role="img" aria-labelledby="trend-chart-title" class="survey-chart">',
        f'<title id="trend-chart-title">{escape(title)}</title>',
    ]
    bands = (("A", 100, 88.31), ("B", 88.31, 76.61), ("C", 76.61, 65), ("D", 65, 25))
    for letter, upper, lower in bands:
        parts.append(
            f'<rect x="{left}" y="{y(upper):.1f}" width="{plot_w}" '
            f'height="{y(lower) - y(upper):.1f}" fill="{BAND_COLOURS[letter]}" />'
            f'<text x="{left + plot_w - 4}" y="{y(upper) + 14:.1f}" font-size="12" '
            f'fill="{MUTED}" text-anchor="end">{letter}</text>'
        )
    for tick in (25, 50, 65, 76.61, 88.31, 100):
        parts.append(
            f'<text x="{left - 4}" y="{y(tick) + 4:.1f}" font-size="11" fill="{MUTED}" '
            f'text-anchor="end">{_number(tick, 0 if float(tick).is_integer() else 2)}</text>'
        )
    count = len(points)
    step = plot_w / count if count else plot_w
    coords = []
    for index, (label, value, _letter) in enumerate(points):
        x = left + step * (index + 0.5)
        coords.append((x, y(value)))
        parts.append(
            f'<text x="{x:.1f}" y="{height - 22}" font-size="12" fill="{INK}" '
            f'text-anchor="middle">{escape(label)}</text>'
        )
    if len(coords) > 1:
        path = " ".join(f"{x:.1f},{yy:.1f}" for x, yy in coords)
        parts.append(f'<polyline points="{path}" fill="none" stroke="{GREEN}" stroke-width="2" />')
    for (x, yy), (label, value, letter) in zip(coords, points, strict=True):
        parts.append(
            f'<circle cx="{x:.1f}" cy="{yy:.1f}" r="5" fill="{GREEN}">'
            f"<title>{escape(label)}: {_number(value, 2)} ({escape(letter)})</title></circle>"
            f'<text x="{x:.1f}" y="{yy - 9:.1f}" font-size="13" font-weight="bold" '
            f'fill="{INK}" text-anchor="middle">{_number(value, 2)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)

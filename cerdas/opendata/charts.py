"""Server-side SVG bar charts for the dashboards: no JavaScript, readable on any phone.

Drawn with presentation attributes (``fill``), so the SVG reads under a strict
Content-Security-Policy and on its own. Labels are escaped; values are written in the page's
language (1.500 in Indonesian). Each chart has a title and a description for screen
readers, and the page shows the same figures in a table under it.
"""

from django.utils.html import escape

from cerdas.core.numbers import show

BAR = "#0b5d4b"
MUTED = "#4a5560"
INK = "#1b1f23"
TRACK = "#e8ecef"


def _short(label, limit: int = 44) -> str:
    """A label that fits the chart's width; the table under the chart has it whole."""
    text = str(label)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def bars(items, *, title: str, maximum: float | None = None, places: int = 0, suffix=""):
    """Horizontal bars, one per ``(label, value)``; a value of None is drawn as no bar.

    ``maximum`` fixes the scale (100 for percentages); by default the largest value.
    """
    values = [value for _label, value in items if value is not None]
    top = maximum or max(values, default=0) or 1
    row, width = 38, 360
    height = row * len(items) + 8
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" aria-label="{escape(title)}" class="dashboard-chart">',
        f"<title>{escape(title)}</title>",
    ]
    plot = width - 78
    for index, (label, value) in enumerate(items):
        y = 4 + index * row
        parts.append(
            f'<text x="0" y="{y + 13}" font-size="14" fill="{INK}">{escape(_short(label))}</text>'
            f'<rect x="0" y="{y + 18}" width="{plot}" height="14" fill="{TRACK}" />'
        )
        if value is None:
            parts.append(
                f'<text x="{plot + 6}" y="{y + 30}" font-size="14" fill="{MUTED}">&#8211;</text>'
            )
            continue
        length = max(plot * min(float(value), top) / top, 1)
        parts.append(
            f'<rect x="0" y="{y + 18}" width="{length:.1f}" height="14" fill="{BAR}" />'
            f'<text x="{plot + 6}" y="{y + 30}" font-size="14" fill="{INK}">'
            f"{escape(show(value, places))}{escape(suffix)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)

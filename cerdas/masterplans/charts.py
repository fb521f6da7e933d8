"""The roadmap as a server-rendered SVG: programs by dimension over the plan's years."""
# ruff: noqa: RUF001 - en dashes in year ranges are intended typography

from django.utils.html import escape
from django.utils.translation import gettext as _

from cerdas.masterplans.models import Horizon

LABEL_WIDTH = 260
YEAR_WIDTH = 56
ROW = 18
HEADER = 28
GROUP = 24
COLOURS = {
    Horizon.QUICK_WIN: "#b45309",
    Horizon.SHORT: "#0b5d4b",
    Horizon.MEDIUM: "#1d4ed8",
    Horizon.LONG: "#6b21a8",
}


def _cut(text: str, size: int = 40) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def roadmap_svg(groups: list[dict], years: list[int]) -> str:
    """SVG markup; ``groups`` as from ``reports.programs_by_dimension``."""
    width = LABEL_WIDTH + YEAR_WIDTH * len(years) + 8
    rows = sum(len(g["programs"]) for g in groups)
    height = HEADER + GROUP * len(groups) + ROW * rows + 8
    title = _("Roadmap: programs by dimension over the plan years")
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-labelledby="roadmap-title" '
        'font-family="DejaVu Sans, sans-serif" font-size="11">',
        f'<title id="roadmap-title">{escape(title)}</title>',
    ]
    for index, year in enumerate(years):
        x = LABEL_WIDTH + index * YEAR_WIDTH
        parts.append(
            f'<rect x="{x}" y="0" width="{YEAR_WIDTH}" height="{height}" '
            f'fill="{"#f3f6f5" if index % 2 == 0 else "#ffffff"}"/>'
            f'<text x="{x + YEAR_WIDTH / 2}" y="18" text-anchor="middle" '
            f'font-weight="bold">{year}</text>'
        )
    y = HEADER
    for group in groups:
        parts.append(
            f'<text x="4" y="{y + 16}" font-weight="bold" fill="#063f33">'
            f"{escape(group['dimension'].name)}</text>"
        )
        y += GROUP
        for program in group["programs"]:
            parts.append(_bar(program, years, y))
            y += ROW
    parts.append("</svg>")
    return "".join(parts)


def _bar(program: dict, years: list[int], y: int) -> str:
    first, last = years[0], years[-1]
    start = max(program["start_year"], first)
    end = min(program["end_year"], last)
    label = escape(_cut(program["name"]))
    text = f'<text x="12" y="{y + 13}">{label}</text>'
    if end < start:
        return text
    x = LABEL_WIDTH + (start - first) * YEAR_WIDTH + 2
    bar_width = (end - start + 1) * YEAR_WIDTH - 4
    colour = COLOURS.get(program["horizon"], "#4a5560")
    return (
        f'{text}<rect x="{x}" y="{y + 3}" width="{bar_width}" height="{ROW - 6}" rx="3" '
        f'fill="{colour}"><title>{escape(program["name"])}: {program["start_year"]}–'
        f"{program['end_year']}</title></rect>"
    )


def legend() -> list[tuple[str, str]]:
    return [(COLOURS[value], label) for value, label in Horizon.choices]

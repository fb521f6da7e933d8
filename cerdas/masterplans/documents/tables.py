"""The document's tables laid out for a page: which columns, how wide, split where.

The PDF and the DOCX share these decisions, each with its own page (``Page``): column widths
come from the widest figure a column holds, so figures never wrap and never run off the
page, and the budget's year columns are split into parts when they do not fit side by side.
"""

from dataclasses import dataclass

from cerdas.masterplans.engine import figures
from cerdas.masterplans.engine.layout import share_widths, split_columns, text_width, widest

# The smallest useful width of a column of running text, in points.
MIN_TEXT = 60.0
# The gap between a roadmap bar and the year lines it starts and ends on, in points.
BAR_INSET = 1.0


@dataclass(frozen=True)
class Page:
    """Where a table goes: the width it may take and how its cells are set (points)."""

    width: float
    size: float  # text size in table cells
    padding: float  # a cell's left and right padding and border, together

    def fit(self, texts, floor: float = 0.0) -> float:
        """A column just wide enough for the widest of ``texts`` on one line."""
        return max(widest(texts, self.size), floor) + self.padding

    def words(self, *labels) -> list[str]:
        return [word for label in labels for word in str(label).split()]


def indicator_line(indicator: dict) -> str:
    """``Name: 10 → 90 %``, the figures in Indonesian notation."""
    line = (
        f"{indicator['name']}: {figures.number(indicator['baseline'])} \u2192 "
        f"{figures.number(indicator['target'])}"
    )
    return f"{line} {indicator['unit']}" if indicator["unit"] else line


def money_or_dash(amount: int) -> str:
    return figures.money(amount) if amount else figures.NONE


def program_widths(page: Page, programs: list[dict], headers: list[str]) -> list[float]:
    """Program, years, agency, indicators, budget: figures sized, text sharing the rest."""
    program, years, agency, indicators, budget = headers
    values = [
        figures.number(value)
        for p in programs
        for i in p["indicators"]
        for value in (i["baseline"], i["target"])
    ]
    lines = [" ".join(p["indicator_lines"]) for p in programs]
    return share_widths(
        page.width,
        [
            (
                page.fit(page.words(program), MIN_TEXT),
                _text([p["name"] + p["description"] for p in programs]),
            ),
            (page.fit(_years(programs) + page.words(years)), 0),
            (page.fit(page.words(agency), MIN_TEXT), _text([p["agency"] for p in programs])),
            (page.fit(values + page.words(indicators), MIN_TEXT), _text(lines)),
            (page.fit([p["budget_text"] for p in programs] + page.words(budget)), 0),
        ],
    )


def quick_win_widths(page: Page, programs: list[dict], headers: list[str]) -> list[float]:
    """Quick win, dimension, years, what citizens notice."""
    name, dimension, years, benefit = headers
    return share_widths(
        page.width,
        [
            (page.fit(page.words(name), MIN_TEXT), _text([p["name"] for p in programs])),
            (
                page.fit(page.words(dimension), MIN_TEXT),
                _text([p["dimension_name"] for p in programs]),
            ),
            (page.fit(_years(programs) + page.words(years)), 0),
            (
                page.fit(page.words(benefit), MIN_TEXT),
                _text([p["citizen_benefit"] for p in programs]),
            ),
        ],
    )


def _years(programs: list[dict]) -> list[str]:
    return [p["years_text"] for p in programs]


def _text(texts: list[str]) -> float:
    """How much room a column of running text asks for: its cells' mean length.

    Sharing the room in proportion to it gives every column about as many lines, which
    keeps rows, and so the document, as short as the text allows.
    """
    return max(1.0, sum(len(text or "") for text in texts) / max(1, len(texts)))


def roadmap(page: Page, groups: list[dict], years: list[int], label_size: float) -> dict:
    """The roadmap as table rows: a program's name, then one bar over the years it runs.

    A row's bar says where it starts and how many years it spans (``start``, ``span``,
    counted in year columns), its horizon, and its years as a label when the label fits
    inside, and how many year columns follow it (``after``). ``offsets`` are the room that
    0, 1, 2 … year columns take beside a bar, in points. A program entirely outside the
    plan's years has no bar, as on the web chart.
    """
    year_width = max(page.fit([str(year) for year in years]), page.width * 0.65 / len(years))
    name_width = page.width - year_width * len(years)
    first, last = years[0], years[-1]
    rows_by_group = []
    for group in groups:
        rows = []
        for program in group["programs"]:
            start, end = max(program["start_year"], first), min(program["end_year"], last)
            bar = None
            if start <= end:
                label = figures.years(program["start_year"], program["end_year"])
                span = end - start + 1
                fits = text_width(label, label_size) + page.padding <= span * year_width
                bar = {
                    "start": start - first,
                    "span": span,
                    "horizon": program["horizon"],
                    "label": label if fits else "",
                    "after": last - end,
                }
            rows.append({"program": program, "bar": bar})
        rows_by_group.append({"dimension": group["dimension"], "rows": rows})
    return {
        "years": years,
        "width": page.width,
        "name_width": name_width,
        "year_width": year_width,
        "offsets": [count * year_width + BAR_INSET for count in range(len(years))],
        "groups": rows_by_group,
    }


def budget_parts(page: Page, summary: dict, headers: list[str]) -> list[dict]:
    """The budget by dimension and year in as few parts as fit the page, side by side.

    Every part repeats the dimension column and the year totals; the last one closes with
    each dimension's total and share. Column widths come from the widest figure.
    """
    dimension, total, share = headers
    rows = summary["rows"]
    year_figures = [figures.money(cell) for row in rows for cell in row["cells"] if cell]
    year_figures += [figures.money(cell) for cell in summary["year_totals"]]
    year_width = page.fit(year_figures + [str(year) for year in summary["years"]])
    total_width = page.fit(
        [figures.money(row["total"]) for row in rows]
        + [figures.money(summary["total"])]
        + page.words(total)
    )
    share_width = page.fit(["100%", *page.words(share)])
    label_width = max(page.fit(page.words(dimension), MIN_TEXT), page.width * 0.15)
    ranges = split_columns(
        len(summary["years"]),
        year_width,
        page.width - label_width,
        tail=total_width + share_width,
    )
    parts = []
    for number, columns in enumerate(ranges, start=1):
        last = number == len(ranges)
        widths = [label_width] + [year_width] * len(columns)
        if last:
            widths += [total_width, share_width]
        parts.append(
            {
                "number": number,
                "count": len(ranges),
                "last": last,
                "years": [summary["years"][index] for index in columns],
                "rows": [
                    {
                        "dimension": row["dimension"],
                        "cells": [money_or_dash(row["cells"][index]) for index in columns],
                        "total": figures.money(row["total"]),
                        "share": f"{row['share']}%",
                    }
                    for row in rows
                ],
                "year_totals": [figures.money(summary["year_totals"][index]) for index in columns],
                "total": figures.money(summary["total"]),
                "share": "100%" if summary["total"] else "0%",
                "widths": widths,
                "width": sum(widths),
            }
        )
    return parts


def source_widths(page: Page, summary: dict, headers: list[str]) -> list[float]:
    """Source, total, share."""
    source, total, share = headers
    return [
        max(page.fit(page.words(source), MIN_TEXT), page.width * 0.3),
        page.fit([figures.money(s["total"]) for s in summary["sources"]] + page.words(total)),
        page.fit(["100%", *page.words(share)]),
    ]

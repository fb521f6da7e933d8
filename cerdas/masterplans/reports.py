"""Figures drawn from a plan's snapshot: budget summaries and the roadmap's rows."""

from collections import defaultdict

from cerdas.lib.percentages import largest_remainder
from cerdas.masterplans.models import Budget, Dimension, Horizon

SOURCES = Budget.Source


def budget_summary(snapshot: dict, dimensions=None) -> dict:
    """Totals by dimension and year, by source, and each dimension's share of the whole."""
    dimensions = dimensions if dimensions is not None else list(Dimension.objects.all())
    years = list(range(snapshot["period_start"], snapshot["period_end"] + 1))
    by_cell: dict[tuple, int] = defaultdict(int)
    by_source: dict[str, int] = defaultdict(int)
    by_dimension: dict[str, int] = defaultdict(int)
    by_year: dict[int, int] = defaultdict(int)
    for program in snapshot["programs"]:
        for budget in program["budgets"]:
            by_cell[program["dimension"], budget["year"]] += budget["amount"]
            by_source[budget["source"]] += budget["amount"]
            by_dimension[program["dimension"]] += budget["amount"]
            by_year[budget["year"]] += budget["amount"]
    totals = [by_dimension[d.code] for d in dimensions]
    shares = largest_remainder(totals)
    rows = [
        {
            "dimension": d,
            "cells": [by_cell[d.code, year] for year in years],
            "total": total,
            "share": share,
        }
        for d, total, share in zip(dimensions, totals, shares, strict=True)
    ]
    source_totals = [by_source[s] for s in SOURCES.values]
    return {
        "years": years,
        "rows": rows,
        "year_totals": [by_year[year] for year in years],
        "total": sum(totals),
        "sources": [
            {"source": label, "code": code, "total": total, "share": share}
            for (code, label), total, share in zip(
                SOURCES.choices, source_totals, largest_remainder(source_totals), strict=True
            )
        ],
    }


def programs_by_dimension(snapshot: dict, dimensions=None) -> list[dict]:
    """The programs grouped under each dimension, quick wins first, then by first year."""
    dimensions = dimensions if dimensions is not None else list(Dimension.objects.all())
    order = {value: index for index, value in enumerate(Horizon.values)}
    groups = []
    for dimension in dimensions:
        programs = sorted(
            (p for p in snapshot["programs"] if p["dimension"] == dimension.code),
            key=lambda p: (order.get(p["horizon"], 9), p["start_year"], p["name"]),
        )
        for program in programs:
            program["budget_total"] = sum(b["amount"] for b in program["budgets"])
            program["quick_win"] = program["horizon"] == Horizon.QUICK_WIN
        groups.append(
            {
                "dimension": dimension,
                "programs": programs,
                "quick_wins": [p for p in programs if p["quick_win"]],
                "budget_total": sum(p["budget_total"] for p in programs),
            }
        )
    return groups

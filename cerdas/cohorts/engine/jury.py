"""Summaries of a jury's scores: each nominee's mean, spread and rank."""

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Summary:
    key: object
    count: int
    mean: float | None
    spread: float | None  # population standard deviation of the jurors' totals
    low: float | None
    high: float | None


def summarise(key, totals: list[float]) -> Summary:
    """Mean, standard deviation and range of the jurors' totals for one nominee."""
    if not totals:
        return Summary(key, 0, None, None, None, None)
    mean = math.fsum(totals) / len(totals)
    variance = math.fsum((t - mean) ** 2 for t in totals) / len(totals)
    return Summary(key, len(totals), mean, math.sqrt(variance), min(totals), max(totals))


def rank(summaries: list[Summary]) -> list[Summary]:
    """Highest mean first; unscored last; ties broken by lower spread, then more jurors."""
    return sorted(
        summaries,
        key=lambda s: (
            s.mean is None,
            -(s.mean or 0),
            s.spread if s.spread is not None else math.inf,
            -s.count,
        ),
    )

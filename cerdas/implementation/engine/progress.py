"""How far a masterplan's programs have come: plain rules, no Django.

A program's indicator moves from its baseline towards its target. Its *achievement* is the
share of that way already covered (0 at the baseline, 1 at the target, more past it; a
target below the baseline means lower is better). An indicator is *on track* when its
achievement is at least the share of the program's years that have begun: halfway through
a four-year program, an indicator halfway to its target is on track.

A program's update is *stale* once a reporting period (some months) has passed since its
last update; each period that passes without an update is one reminder, never more.
"""

import calendar
import datetime
from dataclasses import dataclass
from decimal import Decimal


def achievement(baseline: Decimal | None, target: Decimal, value: Decimal) -> Decimal:
    """The share of the way from baseline (0 when unknown) to target that ``value`` covers.

    >>> achievement(Decimal(20), Decimal(90), Decimal(55))
    Decimal('0.5')
    """
    start = Decimal(0) if baseline is None else Decimal(baseline)
    target, value = Decimal(target), Decimal(value)
    if target == start:
        return Decimal(1) if value == target else Decimal(0)
    return (value - start) / (target - start)


def expected_share(start_year: int, end_year: int, year: int) -> Decimal:
    """The share of a program's years that have begun by ``year`` (0 before, 1 after)."""
    if year < start_year:
        return Decimal(0)
    years = max(end_year - start_year + 1, 1)
    begun = min(year - start_year + 1, years)
    return Decimal(begun) / Decimal(years)


def on_track(
    baseline: Decimal | None,
    target: Decimal,
    value: Decimal | None,
    start_year: int,
    end_year: int,
    year: int,
) -> bool:
    """Whether an indicator has come at least as far as the program's elapsed years ask.

    An indicator with no value reported is not on track.
    """
    if value is None:
        return False
    return achievement(baseline, target, value) >= expected_share(start_year, end_year, year)


def share_percent(part: int | Decimal, whole: int | Decimal) -> int | None:
    """``part`` of ``whole`` in whole percent, rounded half up; None when there is no whole."""
    if not whole:
        return None
    ratio = Decimal(part) * 100 / Decimal(whole)
    return int(ratio.quantize(Decimal(1), rounding="ROUND_HALF_UP"))


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` later; the month's last day when it is shorter (31 Jan + 1:
    28 or 29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def stale_since(
    last: datetime.date, period_months: int, today: datetime.date
) -> datetime.date | None:
    """The day the current stale period began, or None while the last update is fresh.

    The first period ends ``period_months`` after ``last``; each further period is as long.
    The day returned names the period, so one reminder per period can be claimed by it.
    """
    if period_months < 1:
        raise ValueError("a reporting period is at least one month")
    due, periods = None, 1
    while (candidate := add_months(last, period_months * periods)) <= today:
        due, periods = candidate, periods + 1
    return due


@dataclass(frozen=True)
class Item:
    """One program or quick win as the glance counts it."""

    is_quick_win: bool
    status: str  # not_started, in_progress, done, dropped
    planned: int
    realised: int
    indicators: int
    indicators_on_track: int


@dataclass(frozen=True)
class Glance:
    programs: int
    programs_done: int
    quick_wins: int
    quick_wins_done: int
    quick_wins_done_percent: int | None
    planned: int
    realised: int
    realised_percent: int | None
    indicators: int
    indicators_on_track: int
    indicators_on_track_percent: int | None
    dropped: int


def glance(items: list[Item]) -> Glance:
    """A region's implementation in a few figures. Dropped quick wins still count among the
    quick wins: a quick win given up is not done."""
    quick = [i for i in items if i.is_quick_win]
    quick_done = sum(1 for i in quick if i.status == "done")
    planned = sum(i.planned for i in items)
    realised = sum(i.realised for i in items)
    indicators = sum(i.indicators for i in items)
    on_track_count = sum(i.indicators_on_track for i in items)
    return Glance(
        programs=len(items),
        programs_done=sum(1 for i in items if i.status == "done"),
        quick_wins=len(quick),
        quick_wins_done=quick_done,
        quick_wins_done_percent=share_percent(quick_done, len(quick)),
        planned=planned,
        realised=realised,
        realised_percent=share_percent(realised, planned),
        indicators=indicators,
        indicators_on_track=on_track_count,
        indicators_on_track_percent=share_percent(on_track_count, indicators),
        dropped=sum(1 for i in items if i.status == "dropped"),
    )

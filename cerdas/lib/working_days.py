"""Working days and deadlines: when a complaint must be answered, counted as officials count.

SP4N-LAPOR! gives the coordinating admin 3 working days to verify and dispatch a report, the
agency 5 working days to write its follow-up, and closes a report 10 working days after the
follow-up when the citizen does not reply. This module does the counting. No Django imports.

The rules, as a citizen can check them on a calendar:

- **A working day** is Monday to Friday, except national holidays and *cuti bersama*
  (collective leave days the government declares around holidays). An administrator may also
  record an **extra working day**: a Saturday declared a working day, or a holiday the
  government called off at the last minute. An extra working day is always a working day;
  it wins over everything else.
- **Counting starts the day after.** "3 working days after Friday" means: skip Friday itself,
  then count Monday (1), Tuesday (2), Wednesday (3). The day a report arrives never counts,
  whether or not it is a working day, so a report sent on a Saturday or on a holiday gets
  the same deadline as one sent on the working day before it.
- **Zero working days after a day is that day itself**; a negative count is a mistake and
  is refused.
- **The deadline is the end of the last day** in the region's own time zone (WIB, WITA or
  WIT): the instant of local midnight that starts the next calendar day. Something done
  before that instant is on time; at that instant or later it is late. So a report sent in
  Jayapura (WIT) is due two hours of world time earlier than one sent in Medan (WIB) on the
  same local dates. The time of day of a submission does not matter, only its local date.

Where the non-working days come from. `national_holidays` reads the `holidays` package
(Indonesian names), which lists both the national holidays (its ``public`` category) and the
cuti bersama days of the joint ministerial decree, SKB 3 Menteri (its ``government``
category), for the years its release knows; the installed release (0.109) knows cuti bersama
up to 2027. Islamic holidays beyond the years the package has confirmed are astronomical
estimates and carry "(perkiraan)" in their name. What the package cannot know, the
administrator's table must add: years after the package's release, changes to the decree
after it (a cuti bersama added, moved or cancelled), one-off holidays such as an election
day declared late, and Saturdays declared working days. The caller builds a `Calendar` from
both; this module never reads a database.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo

import holidays

SATURDAY = 5  # date.weekday(): Monday is 0, so Saturday and Sunday are 5 and 6.
ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Calendar:
    """The non-working and extra working dates of a deployment; weekends are built in."""

    non_working: frozenset[date] = field(default_factory=frozenset)
    extra_working: frozenset[date] = field(default_factory=frozenset)

    def __post_init__(self):
        # Accept any iterable of dates (a set, a dict's keys, a queryset's values) but keep
        # an immutable set, so a calendar can be shared and cached safely.
        for name in ("non_working", "extra_working"):
            dates = frozenset(getattr(self, name))
            for day in dates:
                _require_date(day)
            object.__setattr__(self, name, dates)

    def is_working_day(self, day: date) -> bool:
        """Whether officials work on ``day``."""
        _require_date(day)
        if day in self.extra_working:
            return True
        return day.weekday() < SATURDAY and day not in self.non_working

    def add_working_days(self, start: date, n: int) -> date:
        """The date of the ``n``-th working day after ``start`` (``start`` itself never counts).

        ``n == 0`` gives ``start`` unchanged; a negative ``n`` raises ``ValueError``.
        """
        _require_date(start)
        if not isinstance(n, int):
            raise TypeError(f"the number of working days must be an int, got {type(n).__name__}")
        if n < 0:
            raise ValueError("the number of working days must not be negative")
        day = start
        counted = 0
        while counted < n:
            day += ONE_DAY
            if self.is_working_day(day):
                counted += 1
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """How many working days lie after ``start`` up to and including ``end``.

        That is the number of working days ``d`` with ``start < d <= end``, so it is 0 when
        ``end == start`` and ``add_working_days(start, n)`` is always ``n`` working days
        after ``start``. When ``end`` is before ``start`` the answer is the same count with
        the roles swapped, negated: ``working_days_between(a, b) == -working_days_between(b,
        a)``. A positive answer for (deadline date, today) is how many working days late.
        """
        _require_date(start)
        _require_date(end)
        if end < start:
            return -self.working_days_between(end, start)
        count = 0
        day = start
        while day < end:
            day += ONE_DAY
            if self.is_working_day(day):
                count += 1
        return count

    def deadline(self, submitted_at: datetime, n: int, tz: tzinfo) -> datetime:
        """The instant ``n`` working days after ``submitted_at`` ends, in the zone ``tz``.

        ``submitted_at`` must be aware. Its local date in ``tz`` is the day that never
        counts; the answer is local midnight at the start of the calendar day after the
        ``n``-th working day, as an aware datetime in ``tz``. Compare with ``now <
        deadline``: true means on time.
        """
        if submitted_at.utcoffset() is None:  # naive, or a tzinfo that gives no offset
            raise ValueError("the submission time must be timezone-aware")
        local_date = submitted_at.astimezone(tz).date()
        last_day = self.add_working_days(local_date, n)
        return datetime.combine(last_day + ONE_DAY, time(0), tzinfo=tz)


def national_holidays(
    years: int | Iterable[int], *, collective_leave: bool = True
) -> dict[date, str]:
    """Indonesia's national holidays (and cuti bersama) in ``years``, by date, in Indonesian.

    ``collective_leave=False`` leaves the cuti bersama days out. Two holidays on one date
    share it, their names joined by "; ". Dates on a weekend are included as published.
    """
    categories = (holidays.PUBLIC, holidays.GOVERNMENT) if collective_leave else holidays.PUBLIC
    found = holidays.country_holidays("ID", years=years, language="id", categories=categories)
    return dict(sorted(found.items()))


def _require_date(value: object) -> None:
    # A datetime is a date too, but never equal to one: a datetime would silently miss every
    # holiday in the calendar, so it is refused here rather than miscounted.
    if isinstance(value, datetime) or not isinstance(value, date):
        raise TypeError(f"expected a date, got {type(value).__name__}")

"""The working-day calendar of the deployment: national holidays plus the program office's table.

``cerdas.lib.working_days`` counts working days on a ``Calendar``; this module builds that
calendar from the ``holidays`` package (national holidays and the cuti bersama it knows) and
the ``CalendarDay`` table, where the national admin records what the package cannot know:
collective leave of later decrees, holidays declared at the last minute, and days declared
working days. An extra working day wins over everything; a table holiday adds to the
package's.

Building a calendar reads the package and the table, so each process keeps the calendars it
built, keyed by the years they cover and a version number kept in the shared cache. A change
to the table bumps the version once it commits, so every process (sharing Redis in
production) builds afresh on its next use; a version lost from the cache only costs a
rebuild. As a last resort for processes that do not share a cache (several local-memory
workers), a kept calendar is rebuilt after ``MAX_AGE`` seconds anyway.

``calendar_changed`` is sent after a change commits, with the dates that changed, so the apps
that store deadlines (complaints) can count them again; and content of kind ``CONTENT_KIND``
is announced changed, so pages kept under it (the complaints desk, whose "due soon" follows
the next working day) retire.
"""

import threading
import time
from collections.abc import Iterable
from datetime import date
from functools import lru_cache

from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.dispatch import Signal

from cerdas.core.models import CalendarDay
from cerdas.core.signals import content_changed
from cerdas.lib.working_days import Calendar, national_holidays

VERSION_KEY = "core:calendar-version"
CONTENT_KIND = "working-days"
MAX_AGE = 600

calendar_changed = Signal()
"""Sent after a change to the calendar table has committed.

Sender: ``"core"``. Arguments: ``dates``, the tuple of dates added or removed. Receivers
return nothing; the complaints app counts again the deadlines that span those dates.
"""

_lock = threading.Lock()
_kept: dict[tuple[int, ...], tuple[str, float, Calendar]] = {}


class CalendarError(ValueError):
    """A change to the calendar that cannot be made; the message says why."""


@lru_cache(maxsize=64)
def _package_holidays(year: int) -> dict[date, str]:
    return national_holidays(year)


def holidays_in(years: Iterable[int]) -> dict[date, str]:
    """The national holidays and cuti bersama the ``holidays`` package lists in ``years``."""
    found: dict[date, str] = {}
    for year in sorted(set(years)):
        found.update(_package_holidays(year))
    return found


def _version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, time.time_ns(), timeout=None)
        version = cache.get(VERSION_KEY, 0)
    return str(version)


def _build(years: tuple[int, ...]) -> Calendar:
    rows = CalendarDay.objects.filter(date__year__in=years).values_list("date", "kind")
    non_working = set(holidays_in(years))
    extra_working = set()
    for day, kind in rows:
        if kind == CalendarDay.Kind.WORKING_DAY:
            extra_working.add(day)
        else:
            non_working.add(day)
    return Calendar(non_working=non_working, extra_working=extra_working)


def working_calendar(years: Iterable[int]) -> Calendar:
    """The calendar of working days for ``years`` (weekends, holidays, the table)."""
    key = tuple(sorted(set(years)))
    version = _version()
    now = time.monotonic()
    kept = _kept.get(key)
    if kept is not None and kept[0] == version and now - kept[1] < MAX_AGE:
        return kept[2]
    calendar = _build(key)
    with _lock:
        _kept[key] = (version, now, calendar)
    return calendar


def calendar_around(day: date) -> Calendar:
    """A calendar covering ``day``'s year and the next: enough for any complaint deadline."""
    return working_calendar((day.year, day.year + 1))


def _changed(dates: tuple[date, ...]) -> None:
    def announce():
        cache.set(VERSION_KEY, time.time_ns(), timeout=None)
        with _lock:
            _kept.clear()
        calendar_changed.send(sender="core", dates=dates)

    transaction.on_commit(announce)
    content_changed("core", CONTENT_KIND)


@transaction.atomic
def add_calendar_day(user, day: date, kind: str, name: str, reason: str = "") -> CalendarDay:
    """Record a collective leave day, an extra holiday or a working day (national admins)."""
    if not (user.is_authenticated and user.can("manage_program")):
        raise PermissionDenied
    if kind not in CalendarDay.Kind.values:
        raise CalendarError(kind)
    if CalendarDay.objects.filter(date=day).exists():
        raise CalendarError("date already recorded")
    entry = CalendarDay.objects.create(date=day, kind=kind, name=name.strip())
    entry.log_action(
        "calendar.day_added",
        user=user,
        reason=reason,
        changes={"date": day.isoformat(), "kind": kind, "name": entry.name},
    )
    _changed((day,))
    return entry


@transaction.atomic
def remove_calendar_day(user, entry_id: int, reason: str) -> None:
    """Remove a recorded day; the reason is kept in the audit log."""
    if not (user.is_authenticated and user.can("manage_program")):
        raise PermissionDenied
    entry = CalendarDay.objects.select_for_update().get(pk=entry_id)
    entry.log_action(
        "calendar.day_removed",
        user=user,
        reason=reason,
        changes={"date": entry.date.isoformat(), "kind": entry.kind, "name": entry.name},
    )
    day = entry.date
    entry.delete()
    _changed((day,))

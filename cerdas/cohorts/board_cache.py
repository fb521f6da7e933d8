"""The national board's table, rendered once per board version, filter, language and hour.

Rendering 100 regions x 20 milestones on every request is most of the board's cost, and
the table changes only when somebody changes the cohort's data or when the clock turns a
deadline into "overdue". So the rendered table is kept in the cache under a key holding:

- the cohort's board version, bumped (on commit) by every save or delete of a row the
  board reads (see ``signals.py``), so nobody ever sees a stale table after a change;
- the filter and the chosen day, and the language the table was rendered in;
- the UTC date and hour: every deadline is the end of a day in WIB, WITA or WIT, which are
  whole hours from UTC, so an item turns overdue on an hour boundary and the next hour's
  key renders it afresh.
"""

import datetime

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone, translation

BODY_TIMEOUT = 2 * 3600


def _version_key(cohort_id: int) -> str:
    return f"cohorts:board-version:{cohort_id}"


def board_version(cohort_id: int) -> int:
    return cache.get(_version_key(cohort_id), 0)


def bump_board(cohort_id: int) -> None:
    """Retire every cached table of this cohort's board."""
    key = _version_key(cohort_id)
    cache.add(key, 0, timeout=None)
    try:
        cache.incr(key)
    except ValueError:
        # Evicted between add and incr: any value other than the cached tables' one will do.
        cache.set(key, timezone.now().timestamp(), timeout=None)


def bump_board_on_commit(cohort_id: int | None) -> None:
    if cohort_id is not None:
        transaction.on_commit(lambda: bump_board(cohort_id))


def body_key(cohort_id: int, *, only: str | None, day: datetime.date | None, now=None) -> str:
    now = (now or timezone.now()).astimezone(datetime.UTC)
    return ":".join(
        [
            "cohorts:board",
            str(cohort_id),
            str(board_version(cohort_id)),
            only or "all",
            day.isoformat() if day else "today",
            translation.get_language() or "",
            now.strftime("%Y%m%d%H"),
        ]
    )


def cached_body(cohort_id: int, *, only, day, render) -> str:
    """The table's HTML from the cache, or from ``render()`` (then kept for the next time)."""
    key = body_key(cohort_id, only=only, day=day)
    body = cache.get(key)
    if body is None:
        body = render()
        cache.set(key, body, BODY_TIMEOUT)
    return body

"""The national board, rendered once per board version, filter, language and hour.

Rendering 100 regions x 20 milestones on every request is most of the board's cost, and
the table changes only when somebody changes the cohort's data or when the clock turns a
deadline into "overdue". So the rendered table is kept in the cache under a key holding:

- the cohort's board version, bumped (on commit) by every save or delete of a row the
  board reads (see ``signals.py``), so nobody ever sees a stale table after a change;
- the filter and the chosen day, and the language the table was rendered in;
- the UTC date and hour: every deadline is the end of a day in WIB, WITA or WIT, which are
  whole hours from UTC, so an item turns overdue on an hour boundary and the next hour's
  key renders it afresh.

On top of that, each national admin's whole page is kept (``cached_page``), because the
layout around the table (header, navigation, footer, filter form) costs more to render
than the cached table does to fetch. That page is personal, so its key also holds the user,
the name the footer shows, the secret behind the CSRF token in the logout form, the full
address (the language switch links back to it) and the demo banner's state; a request with
pending messages, or without a CSRF cookie yet, is rendered and never kept.
"""

import datetime
import hashlib
import time

from django.contrib import messages
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.templatetags.static import static
from django.utils import timezone, translation

from cerdas.core.context_processors import site

BODY_TIMEOUT = 2 * 3600
PAGE_TIMEOUT = 3600


def _version_key(cohort_id: int) -> str:
    return f"cohorts:board-version:{cohort_id}"


# Bumped with every cohort's version: the whole pages are found by year, without asking the
# database which cohort that is, so any change to any board retires them all.
ALL_BOARDS = "cohorts:board-version:all"


def _current(key: str) -> int:
    """A version's value; one evicted starts again from the clock, not from a number that
    pages kept before the eviction may still carry."""
    version = cache.get(key)
    if version is None:
        cache.add(key, time.time_ns(), timeout=None)
        version = cache.get(key, 0)
    return version


def board_version(cohort_id: int) -> int:
    return _current(_version_key(cohort_id))


def _bump(key: str) -> None:
    cache.add(key, time.time_ns(), timeout=None)
    try:
        cache.incr(key)
    except ValueError:
        # Evicted between add and incr: a fresh start from the clock will do.
        cache.set(key, time.time_ns(), timeout=None)


def bump_board(cohort_id: int) -> None:
    """Retire every cached table of this cohort's board, and every cached board page."""
    _bump(_version_key(cohort_id))
    _bump(ALL_BOARDS)


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


def page_key(request, year: int, *, now=None) -> str | None:
    """The key of this user's whole board page, or None when the page must not be kept.

    Messages are shown once, so a request carrying any is never served from or kept in the
    cache. Without a CSRF cookie the page's token comes with a new cookie, so it is not kept
    either; with one, the token stays valid for as long as the cookie does, and a new
    secret (after a login) gives a new key.
    """
    secret = request.META.get("CSRF_COOKIE")
    if not secret or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return None
    if request.method not in ("GET", "HEAD"):
        return None
    if len(messages.get_messages(request)):  # len() reads them without marking them shown
        return None
    user = request.user
    personal = "\n".join(
        [
            str(user.pk),
            str(user),
            secret,
            request.get_full_path(),
            str(site(request)["has_demo_data"]),
            static("css/cerdas.css"),  # a deploy with new styles renders afresh
        ]
    )
    now = (now or timezone.now()).astimezone(datetime.UTC)
    return ":".join(
        [
            "cohorts:board-page",
            str(year),
            str(_current(ALL_BOARDS)),
            translation.get_language() or "",
            now.strftime("%Y%m%d%H"),
            hashlib.sha256(personal.encode()).hexdigest(),
        ]
    )


def cached_page(request, year: int, *, render) -> HttpResponse:
    """This user's board page of the cohort of ``year`` from the cache, or ``render()``'s
    (kept when it may be). The key is read before ``render()`` reads any data, so a change
    committed meanwhile retires what is kept."""
    key = page_key(request, year)
    if key is not None:
        content = cache.get(key)
        if content is not None:
            # Unlike a rendered token, this does not renew the CSRF cookie's expiry (a year
            # away); should it ever lapse, the request has no secret and renders afresh.
            return HttpResponse(content)
    response = render()
    if key is not None and response.status_code == 200 and not response.streaming:
        cache.set(key, response.content, PAGE_TIMEOUT)
    return response

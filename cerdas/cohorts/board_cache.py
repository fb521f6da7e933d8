"""The national board, rendered once per board version, filter, language and hour.

Rendering 100 regions x 20 milestones on every request is most of the board's cost, and
the table changes only when somebody changes the cohort's data or when the clock turns a
deadline into "overdue". So the rendered table is kept in the cache under a key holding:

- the version of cohorts content in the public page cache (with the site's), which every
  committed save or delete of a cohorts row moves on (``signals.py``), so nobody ever sees
  a stale table after a change;
- the filter and the chosen day, and the language the table was rendered in;
- the UTC date and hour: every deadline is the end of a day in WIB, WITA or WIT, which are
  whole hours from UTC, so an item turns overdue on an hour boundary and the next hour's
  key renders it afresh.

On top of that, each national admin's whole page is kept (``cached_page``), because the
layout around the table (header, navigation, footer, filter form) costs more to render
than the cached table does to fetch. That page is personal, so its key also holds the user,
the name the footer shows, the secret behind the CSRF token in the logout form, the full
address (the language switch links back to it); a request with
pending messages, or without a CSRF cookie yet, is rendered and never kept.
"""

import datetime
import hashlib

from django.contrib import messages
from django.core.cache import cache
from django.http import HttpResponse
from django.templatetags.static import static
from django.utils import timezone, translation

from cerdas.core.cache import content_version
from cerdas.core.registries import milestone_kinds

BODY_TIMEOUT = 2 * 3600
PAGE_TIMEOUT = 3600


def kinds() -> list[str]:
    """The content a board shows: cohorts, and what other apps know of its milestones."""
    return ["cohorts", *milestone_kinds()]


def utc_hour(now=None) -> str:
    """The UTC date and hour, on whose turn every deadline in WIB, WITA or WIT passes."""
    return (now or timezone.now()).astimezone(datetime.UTC).strftime("%Y%m%d%H")


def body_key(cohort_id: int, *, only: str | None, day: datetime.date | None, now=None) -> str:
    return ":".join(
        [
            "cohorts:board",
            str(cohort_id),
            content_version(*kinds()),
            only or "all",
            day.isoformat() if day else "today",
            translation.get_language() or "",
            utc_hour(now),
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
            static("css/cerdas.css"),  # a deploy with new styles renders afresh
        ]
    )
    return ":".join(
        [
            "cohorts:board-page",
            str(year),
            content_version(*kinds()),
            translation.get_language() or "",
            utc_hour(now),
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

"""A shared cache of public pages for anonymous visitors.

Citizens on slow phones read the same public pages again and again; rendering each of
them once per language and address is enough. A page is cached only when the visitor has
no session or pending messages (so nobody's personal page is ever stored) and the
response is a plain 200 that sets no cookie. Each kind of content has a version stamp in
the ``versions`` cache, which every worker reads; a new stamp (when the content changes)
retires every cached page of that kind,
and bumping the site's version (when the layout's content changes, like the demo banner)
retires them all. Apps do not bump versions themselves: they announce what changed with
``cerdas.core.signals.content_changed``, and ``retire_pages`` listens.
"""

import functools
import hashlib
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache, caches
from django.utils.cache import patch_vary_headers
from django.utils.module_loading import import_string
from django.utils.translation import get_language

from cerdas.core.signals import content_changed

PAGE_TIMEOUT = 300


SITE = "site"
# What a kept fragment holds where a form's CSRF token goes (``{% shared %}`` puts each
# reader's own token there): a NUL, which no form lets anyone type (Django refuses it), so
# no text a reader wrote can pass for it.
CSRF_PLACEHOLDER = "\x00csrf-token\x00"


def content_version(*kinds: str) -> str:
    """The site-wide and these kinds' version stamps, as part of a cache key.

    The stamps are in the ``versions`` cache, which every worker shares (settings.CACHES)."""
    versions = caches["versions"]
    keys = [f"content-version:{kind}" for kind in (SITE, *kinds)]
    found = versions.get_many(keys)
    missing = [key for key in keys if key not in found]
    for key in missing:
        # A stamp evicted starts again from the clock, never from a number that pages kept
        # before the eviction may still carry.
        versions.add(key, time.time_ns(), timeout=None)
    if missing:
        found.update(versions.get_many(missing))
    return ".".join(str(found.get(key, 0)) for key in keys)


def bump_version(kind: str) -> None:
    """Retire every cached page showing this kind of content (``SITE``: every page).

    A new stamp from the clock, not an increment: two workers bumping at once each leave a
    stamp no kept page carries, with no read-modify-write to lose one (a file cache has no
    atomic increment)."""
    caches["versions"].set(f"content-version:{kind}", time.time_ns(), timeout=None)


def retire_pages(sender, kinds, **kwargs) -> None:
    """Receiver of ``public_content_changed``: retire the pages of the kinds that changed."""
    for kind in kinds:
        bump_version(kind)


def shared_fragment(kinds, name: str, vary, render) -> str:
    """A part of a page that is the same for every reader: ``render()`` once per language,
    per ``vary`` and per version of the content ``kinds``, kept as long as a public page.

    ``{% shared %}`` (``cerdas/core/templatetags/shared.py``) is the same in a template.
    Empty ``kinds`` render every time (content whose changes are not announced). What holds
    a CSRF token other than ``CSRF_PLACEHOLDER`` is never kept. Returns the HTML as
    ``render`` gave it.
    """
    if not kinds:
        return render()
    fragment = f"{name}:{content_version(*kinds)}:{get_language()}:{vary}"
    key = "fragment:" + hashlib.sha256(fragment.encode()).hexdigest()
    html = cache.get(key)
    if html is None:
        html = render()
        if html.count("csrfmiddlewaretoken") <= html.count(CSRF_PLACEHOLDER):
            cache.set(key, html, PAGE_TIMEOUT)
    return html


def desk_kinds(desk: str, region_code: str | None, *more: str) -> list[str]:
    """The content versions an official's desk (a list of the records they work on) is kept
    under, with ``shared_fragment``: the regions' (their names), ``more``, and the desk's own
    for one region or, with None, for every region (where any region's change retires it)."""
    return ["regions", *more, desk if region_code is None else f"{desk}:{region_code}"]


def desk_changed(sender: str, desk: str, region_code: str | None) -> None:
    """Announce a change a region's desk shows: that region's copies and the ministry's (of
    every region) retire once the change commits."""
    content_changed(sender, desk, f"{desk}:{region_code}")


AUDIT_LOG = "audit-log"


def audit_written(sender, instance, **kwargs) -> None:
    """An audit entry was written: the lists of recent changes that show it (a region's
    team's, the ministry's) are kept under ``desk_kinds(AUDIT_LOG, region)``."""
    desk_changed("core", AUDIT_LOG, instance.region_code)


def is_shareable(request) -> bool:
    """Whether this request may get (and fill) the shared page cache: a GET or HEAD from a
    visitor without a session or a pending message, whose page therefore shows nobody."""
    cookies = request.COOKIES
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in cookies
        and "messages" not in cookies
    )


def _page_key(request, kinds) -> str:
    """One key per content versions, language and address; hashed, so that a page showing
    many kinds of content still has a key every cache backend takes (at most 250 bytes)."""
    versions = content_version(*kinds)
    page = f"{'.'.join(kinds)}:{versions}:{request.LANGUAGE_CODE}:{request.get_full_path()}"
    return "page:" + hashlib.sha256(page.encode()).hexdigest()


def _early_key(request) -> str:
    address = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"early-page:{request.LANGUAGE_CODE}:{address}"


def public_page(*kinds: str, timeout: int = PAGE_TIMEOUT, served: str | None = None):
    """Serve a GET view from the cache for anonymous visitors, per language and address.

    ``kinds`` name the content the page shows; bumping any of them retires the page.

    ``served`` names (dotted path) a function ``served(request, response, *args, **kwargs)``
    (the view's own arguments) that the page's own view calls on every serving, cached or
    not, for what is personal and must not be cached (the portal counts the view and hands
    out the reader cookie). With it the page is also served early, by
    ``cerdas.core.middleware.SharedPageMiddleware``, before the session, authentication, CSRF
    and messages middleware and the URL resolver, none of which a shared page needs; the
    middleware then calls ``served`` itself.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not is_shareable(request):
                return view(request, *args, **kwargs)
            key = _page_key(request, kinds)
            response = cache.get(key)
            if response is None:
                response = view(request, *args, **kwargs)
                # A page holding a CSRF token belongs to one visitor's cookie: never shared.
                personal = request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or response.cookies
                if response.status_code == 200 and not personal and not response.streaming:
                    patch_vary_headers(response, ["Cookie"])
                    cache.set(key, response, timeout)
                    if served:
                        entry = (kinds, served, args, kwargs)
                        cache.set(_early_key(request), entry, timeout)
            return response

        return wrapped

    return decorator


@functools.cache
def _served_function(path: str):
    return import_string(path)


def early_page(request):
    """The cached copy of a page declared with ``served``, for a shareable request, or None.

    The caller has already set ``request.LANGUAGE_CODE``. The copy is found only while the
    versions of its kinds are the ones it was stored with, as in ``public_page``; then the
    page's ``served`` function runs, as the page's view would have run it.
    """
    entry = cache.get(_early_key(request))
    if entry is None:
        return None
    kinds, served, args, kwargs = entry
    response = cache.get(_page_key(request, kinds))
    if response is None:
        return None
    return _served_function(served)(request, response, *args, **kwargs)

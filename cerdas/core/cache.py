"""A shared cache of public pages for anonymous visitors.

Citizens on slow phones read the same public pages again and again; rendering each of
them once per language and address is enough. A page is cached only when the visitor has
no session or pending messages (so nobody's personal page is ever stored) and the
response is a plain 200 that sets no cookie. Each kind of content has a version number in
the cache; bumping it (when the content changes) retires every cached page of that kind,
and bumping the site's version (when the layout's content changes, like the demo banner)
retires them all. Apps do not bump versions themselves: they announce what changed with
``cerdas.core.signals.content_changed``, and ``retire_pages`` listens.
"""

import hashlib
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_vary_headers

PAGE_TIMEOUT = 300


SITE = "site"


def content_version(*kinds: str) -> str:
    """The site-wide and these kinds' version numbers, as part of a cache key."""
    keys = [f"content-version:{kind}" for kind in (SITE, *kinds)]
    found = cache.get_many(keys)
    missing = [key for key in keys if key not in found]
    for key in missing:
        # A version evicted starts again from the clock, never from a number that pages
        # kept before the eviction may still carry.
        cache.add(key, time.time_ns(), timeout=None)
    if missing:
        found.update(cache.get_many(missing))
    return ".".join(str(found.get(key, 0)) for key in keys)


def bump_version(kind: str) -> None:
    """Retire every cached page showing this kind of content (``SITE``: every page)."""
    key = f"content-version:{kind}"
    cache.add(key, time.time_ns(), timeout=None)
    try:
        cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, time.time_ns(), timeout=None)


def retire_pages(sender, kinds, **kwargs) -> None:
    """Receiver of ``public_content_changed``: retire the pages of the kinds that changed."""
    for kind in kinds:
        bump_version(kind)


def is_shareable(request) -> bool:
    """Whether this request may get (and fill) the shared page cache: a GET or HEAD from a
    visitor without a session or a pending message, whose page therefore shows nobody."""
    cookies = request.COOKIES
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in cookies
        and "messages" not in cookies
    )


def public_page(*kinds: str, timeout: int = PAGE_TIMEOUT):
    """Serve a GET view from the cache for anonymous visitors, per language and address.

    ``kinds`` name the content the page shows; bumping any of them retires the page.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not is_shareable(request):
                return view(request, *args, **kwargs)
            address = hashlib.sha256(request.get_full_path().encode()).hexdigest()
            versions = content_version(*kinds)
            key = f"page:{'.'.join(kinds)}:{versions}:{request.LANGUAGE_CODE}:{address}"
            response = cache.get(key)
            if response is None:
                response = view(request, *args, **kwargs)
                # A page holding a CSRF token belongs to one visitor's cookie: never shared.
                personal = request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or response.cookies
                if response.status_code == 200 and not personal and not response.streaming:
                    patch_vary_headers(response, ["Cookie"])
                    cache.set(key, response, timeout)
            return response

        return wrapped

    return decorator

"""Whether a POST comes from a page of this site, judged by the browser's Origin or Referer.

For forms on pages shared from the cache, which cannot carry a per-visitor CSRF token (the
portal's reactions). Browsers send ``Origin`` with every POST and another site cannot forge
it; an old browser without it still sends ``Referer`` to our own origin, since Cerdas sets
``Referrer-Policy: same-origin``. A post with neither is refused.
"""

from urllib.parse import urlsplit

from django.conf import settings


def own_origins(request) -> set[str]:
    scheme = "https" if request.is_secure() else "http"
    return {f"{scheme}://{request.get_host()}", *settings.CSRF_TRUSTED_ORIGINS}


def same_origin(request) -> bool:
    """True when the request's Origin (or, lacking it, Referer) is this site or a trusted one."""
    # Django's test client marks requests that skip CSRF checks; honoured as Django's own
    # CSRF middleware does, so tests opt in with Client(enforce_csrf_checks=True).
    if getattr(request, "_dont_enforce_csrf_checks", False):
        return True
    origin = request.META.get("HTTP_ORIGIN")
    if origin is not None:
        return origin in own_origins(request)
    referer = urlsplit(request.META.get("HTTP_REFERER", ""))
    if not (referer.scheme and referer.netloc):
        return False
    return f"{referer.scheme}://{referer.netloc}" in own_origins(request)

from django.conf import settings
from django.http import HttpResponseBadRequest
from django.utils import translation

from cerdas.core.cache import early_page, is_shareable


def chosen_language(request) -> str:
    """The language the visitor chose with the switch (its cookie), else Bahasa Indonesia."""
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    codes = {code for code, _name in settings.LANGUAGES}
    return chosen if chosen in codes else settings.LANGUAGE_CODE


class LanguageMiddleware:
    """Activate the language the visitor chose, else Bahasa Indonesia.

    Django's LocaleMiddleware would follow the browser's Accept-Language, but Cerdas is
    Indonesian first: English appears only when the visitor picks it with the switch,
    which stores the choice in the language cookie.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = chosen_language(request)
        request.LANGUAGE_CODE = language
        # override() restores the previous language afterwards, so one visitor's choice
        # never leaks into whatever this thread does next.
        with translation.override(language):
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        response.headers["Vary"] = _vary_with(response.headers.get("Vary", ""), "Cookie")
        return response


def _vary_with(vary: str, header: str) -> str:
    parts = [part.strip() for part in vary.split(",") if part.strip()]
    if header.lower() not in (part.lower() for part in parts):
        parts.append(header)
    return ", ".join(parts)


class ContentSecurityPolicyMiddleware:
    """Send the Content-Security-Policy header from settings on every response.

    A view that needs another policy (the API docs page loads its own scripts) sets the
    header itself; this middleware leaves such a header alone.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = settings.CONTENT_SECURITY_POLICY
        if policy:
            response.headers.setdefault("Content-Security-Policy", policy)
        return response


class ForwardedForMiddleware:
    """Take the visitor's address from X-Forwarded-For behind a known number of proxies.

    Login throttling and the portal's reaction limits count per address; behind a reverse
    proxy every request would otherwise come from the proxy. Only the last
    ``TRUSTED_PROXY_COUNT`` hops are trusted, so a visitor cannot forge their address by
    sending the header themselves.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        hops = settings.TRUSTED_PROXY_COUNT
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if hops and forwarded:
            addresses = [part.strip() for part in forwarded.split(",") if part.strip()]
            if len(addresses) >= hops:
                request.META["REMOTE_ADDR"] = addresses[-hops]
        return self.get_response(request)


class SharedPageMiddleware:
    """Serve the shared copy of a page early, before the middleware that a shared page does
    not need (sessions, authentication, CSRF, messages) and the URL resolver.

    Only pages declared with ``public_page(..., served=...)`` are served here, only to
    visitors ``public_page`` would serve the shared copy to (no session, no pending message),
    and only while the copy is current. The response gets what the skipped middleware would
    have added to it (its language, ``Vary: Cookie``, the frame policy). Everything else falls
    through to the full stack, which serves the page as usual.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_shareable(request):
            request.get_host()  # refuse a host outside ALLOWED_HOSTS, as CommonMiddleware would
            request.LANGUAGE_CODE = chosen_language(request)
            response = early_page(request)
            if response is not None:
                response.headers["Content-Language"] = request.LANGUAGE_CODE
                response.headers["Vary"] = _vary_with(response.headers.get("Vary", ""), "Cookie")
                response.headers.setdefault("X-Frame-Options", settings.X_FRAME_OPTIONS)
                return response
        return self.get_response(request)


class NullCharacterMiddleware:
    """Answer 400 to a request whose address, query or JSON body holds a NUL character.

    No text in Cerdas contains one, PostgreSQL cannot store one, and a form field refuses
    one already; this stops it for the query parameters and JSON bodies that reach the
    database without a form (the API's filters and writes).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _has_nul(request):
            return HttpResponseBadRequest(
                "Text with a NUL character (\\0 or \\u0000) is not accepted.",
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)


def _has_nul(request) -> bool:
    if "\x00" in request.path or any("\x00" in key for key in request.GET):
        return True
    if any("\x00" in value for values in request.GET.lists() for value in values[1]):
        return True
    if request.content_type == "application/json" and request.method in ("POST", "PUT", "PATCH"):
        body = request.body
        return b"\\u0000" in body or b"\x00" in body
    return False

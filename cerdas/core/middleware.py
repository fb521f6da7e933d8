from django.conf import settings
from django.http import HttpResponseBadRequest
from django.utils import translation


class LanguageMiddleware:
    """Activate the language the visitor chose, else Bahasa Indonesia.

    Django's LocaleMiddleware would follow the browser's Accept-Language, but Cerdas is
    Indonesian first: English appears only when the visitor picks it with the switch,
    which stores the choice in the language cookie.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        codes = {code for code, _name in settings.LANGUAGES}
        language = chosen if chosen in codes else settings.LANGUAGE_CODE
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

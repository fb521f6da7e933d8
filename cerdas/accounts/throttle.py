"""Login throttling: a pause after too many failed logins for one username or address.

Counted in the cache so every app server shares the count when Redis is configured. The
per-address limit is higher than the per-username one because a whole government office
often shares one public address.
"""

from django.conf import settings
from django.core.cache import cache

ADDRESS_FACTOR = 4


def _keys(username: str, address: str) -> list[tuple[str, int]]:
    limit = settings.LOGIN_FAILURE_LIMIT
    return [
        (f"login-failures:user:{username.strip().lower()}", limit),
        (f"login-failures:address:{address}", limit * ADDRESS_FACTOR),
    ]


def is_blocked(username: str, address: str) -> bool:
    return any((cache.get(key) or 0) >= limit for key, limit in _keys(username, address))


def record_failure(username: str, address: str) -> None:
    for key, _limit in _keys(username, address):
        # add() starts the window only on the first failure; incr() keeps its expiry.
        cache.add(key, 0, timeout=settings.LOGIN_FAILURE_WINDOW)
        try:
            cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.set(key, 1, timeout=settings.LOGIN_FAILURE_WINDOW)


def clear(username: str) -> None:
    cache.delete(_keys(username, "")[0][0])

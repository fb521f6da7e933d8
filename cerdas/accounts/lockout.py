"""Login lockout: django-axes, configured to Cerdas' rules, in the database.

Every way to check a password goes through ``django.contrib.auth.authenticate`` (Cerdas' login,
the administration's login, the password change form's old-password check), and axes sits
first in ``AUTHENTICATION_BACKENDS``: it refuses a locked-out username or address before any
password is checked, and its signal handler counts each failure in its ``AccessAttempt``
table. Being in the database, the count is shared by every worker and server, and survives a
cache eviction, a Redis flush and a restart.

Two limits, as Cerdas always had:

- ``LOGIN_FAILURE_LIMIT`` failures for one username (from anywhere) pause that username;
- ``ADDRESS_FACTOR`` times as many from one address pause the address: a whole government
  office often shares one public address, so its limit is higher.

The pause lasts ``LOGIN_FAILURE_WINDOW`` seconds after the last failure. The address is
``REMOTE_ADDR`` as ``cerdas.core.middleware.ForwardedForMiddleware`` left it (it honours
``TRUSTED_PROXY_COUNT``), so the lockout and every other per-address limit agree on who
the visitor is.
"""

import datetime as dt

from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.db.models import Sum
from django.shortcuts import render
from django.utils import timezone

ADDRESS_FACTOR = 4
# The order of the lockout parameters in settings.AXES_LOCKOUT_PARAMETERS.
USERNAME, ADDRESS = 0, 1


def failure_limit(request, credentials) -> int:
    """AXES_FAILURE_LIMIT: read at every check, so a changed setting applies at once."""
    return settings.LOGIN_FAILURE_LIMIT


def cool_off(request) -> dt.timedelta:
    """AXES_COOLOFF_TIME: how long a pause lasts after the last failure."""
    return dt.timedelta(seconds=settings.LOGIN_FAILURE_WINDOW)


def client_address(request) -> str:
    """AXES_CLIENT_IP_CALLABLE: the address every per-address limit of Cerdas uses."""
    return request.META.get("REMOTE_ADDR", "")


def username_of(request, credentials) -> str:
    """AXES_USERNAME_CALLABLE: ``Admin`` and `` admin`` are one username for counting."""
    if credentials and credentials.get("username") is not None:
        name = credentials["username"]
    else:
        name = request.POST.get("username", "") if request is not None else ""
    return str(name).strip().lower()


class LockoutHandler(AxesDatabaseHandler):
    """Axes' database handler with a higher limit per address than per username."""

    def get_failures(self, request, credentials=None) -> int:
        """Failures measured against the username limit: the address's count is divided by
        ``ADDRESS_FACTOR``, so it reaches the limit only at that many times more failures."""
        attempts = self.get_user_attempts(request, credentials)
        counts = [
            queryset.aggregate(n=Sum("failures_since_start"))["n"] or 0 for queryset in attempts
        ]
        return max(counts[USERNAME], counts[ADDRESS] // ADDRESS_FACTOR)

    def reset_user_attempts(self, request, credentials=None) -> int:
        """A successful login clears that username's failures only, never the address's, so
        a guesser cannot wipe their address's count by logging in to their own account."""
        username = username_of(request, credentials)
        deleted, _ = AccessAttempt.objects.filter(username=username).delete()
        return deleted


def forgive(username: str) -> int:
    """Clear a username's failures: its owner proved who they are by resetting the password."""
    return reset(username=username.strip().lower())


def locked_out(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: a page saying when the visitor may try again."""
    # Every refused attempt counts as a failure too, so the pause runs from now.
    until = timezone.now() + cool_off(request)
    minutes = max(1, -(-settings.LOGIN_FAILURE_WINDOW // 60))
    return render(
        request,
        "accounts/locked_out.html",
        {"until": timezone.localtime(until), "minutes": minutes},
        status=429,
    )

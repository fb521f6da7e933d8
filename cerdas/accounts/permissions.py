"""The checks every app's views share, built on ``User.can``."""

from django.core.exceptions import PermissionDenied


def require_manager(user) -> None:
    """Only the national program office runs the program: anyone else gets 403."""
    if not (user.is_authenticated and user.can("manage_program")):
        raise PermissionDenied

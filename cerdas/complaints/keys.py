"""Open311 API keys: issued per client application by a region's coordinator (or with
``manage.py open311_key``), kept as a hash, revocable, and rate-limited per key."""

import secrets

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from cerdas.complaints.models import ApiKey
from cerdas.complaints.permissions import can_coordinate
from cerdas.core.ratelimit import Limit


def post_limit() -> Limit:
    return Limit("open311-post", settings.OPEN311_POSTS_PER_MINUTE, 60)


@transaction.atomic
def issue(user, region_code: str, name: str) -> tuple[ApiKey, str]:
    """A new key for an application; returns the key record and the key itself (shown once).

    ``user`` None is the command line (``manage.py open311_key``), run by the operator."""
    if user is not None and not can_coordinate(user, region_code):
        raise PermissionDenied
    raw = secrets.token_urlsafe(32)
    key = ApiKey.objects.create(
        region_id=region_code,
        name=name.strip(),
        prefix=raw[:8],
        key_hash=ApiKey.hash_of(raw),
        created_by=user,
    )
    key.log_action(
        "open311_key.issued",
        user=user,
        reason="" if user else "manage.py open311_key",
        changes={"name": key.name, "prefix": key.prefix},
    )
    return key, raw


@transaction.atomic
def revoke(user, key_id: int, reason: str) -> ApiKey:
    key = ApiKey.objects.select_for_update().get(pk=key_id)
    if not can_coordinate(user, key.region_id):
        raise PermissionDenied
    if key.revoked_at is None:
        key.revoked_at = timezone.now()
        key.save(update_fields=["revoked_at"])
        key.log_action("open311_key.revoked", user=user, reason=reason)
    return key


def find(raw: str) -> ApiKey | None:
    """The usable key matching ``raw``, or None (unknown or revoked)."""
    if not raw or len(raw) > 200:
        return None
    return ApiKey.objects.usable().filter(key_hash=ApiKey.hash_of(raw)).first()

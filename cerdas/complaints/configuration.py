"""A region's coordinator sets up its complaint service: topics (with their agencies) and
settings. Each change in one transaction, in the audit log."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from cerdas.complaints.models import COMPLAINTS, Category, ComplaintSettings
from cerdas.complaints.permissions import can_coordinate
from cerdas.core.signals import content_changed

CATEGORY_FIELDS = ("name", "code", "description", "group", "keywords", "handling", "is_active")


@transaction.atomic
def save_category(user, region_code: str, category_id: int | None, data: dict) -> Category:
    """Create (``category_id`` None) or change a topic; ``data["agency"]`` is an Agency of
    the region."""
    if not can_coordinate(user, region_code):
        raise PermissionDenied
    if data["agency"].region_id != region_code:
        raise PermissionDenied
    if category_id is None:
        category = Category(region_id=region_code)
        before = {}
    else:
        category = Category.objects.select_for_update().get(pk=category_id, region_id=region_code)
        before = {name: getattr(category, name) for name in CATEGORY_FIELDS}
        before["agency"] = category.agency_id
    for name in CATEGORY_FIELDS:
        setattr(category, name, data[name])
    category.agency = data["agency"]
    category.save()
    after = {name: getattr(category, name) for name in CATEGORY_FIELDS}
    after["agency"] = category.agency_id
    changes = {k: [before.get(k), v] for k, v in after.items() if before.get(k) != v}
    category.log_action("complaint_category.saved", user=user, changes=changes)
    content_changed("complaints", COMPLAINTS)
    return category


@transaction.atomic
def save_settings(user, region_code: str, data: dict) -> ComplaintSettings:
    if not can_coordinate(user, region_code):
        raise PermissionDenied
    found, _created = ComplaintSettings.objects.select_for_update().get_or_create(
        region_id=region_code
    )
    changes = {
        name: [getattr(found, name), data[name]]
        for name in ("moderate_first", "escalation_email")
        if getattr(found, name) != data[name]
    }
    for name, (_before, after) in changes.items():
        setattr(found, name, after)
    found.save()
    if changes:
        found.log_action("complaint_settings.saved", user=user, changes=changes)
    return found

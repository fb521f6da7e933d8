"""Who may do what with a masterplan, built on ``User.can``.

A region's team edits its region's plans; its agency officers and assigned assessors read
the drafts; reviewers are assessors assigned to the region and national admins. Approved
plans are public.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from .models import Masterplan


def can_read_private(user, masterplan) -> bool:
    """See the plan whatever its status: drafts, comments, versions, completeness."""
    return user.is_authenticated and user.can("view_private", masterplan.region_id)


def can_view(user, masterplan) -> bool:
    return masterplan.is_public or can_read_private(user, masterplan)


def can_write_region(user, region_id) -> bool:
    """Create and change the region's masterplans (while they are editable)."""
    return user.is_authenticated and user.can("edit", region_id)


def can_edit(user, masterplan) -> bool:
    return can_write_region(user, masterplan.region_id) and masterplan.is_editable


def can_review(user, masterplan) -> bool:
    if not user.is_authenticated:
        return False
    if user.can("manage_program"):
        return True
    return user.role == user.Role.ASSESSOR and user.can("view_private", masterplan.region_id)


def get_masterplan_for_user(user, pk, need: str = "read") -> Masterplan:
    """The plan if the user may ``read`` it privately, ``write`` to its region or ``review``
    it; else 404 (no such plan) or 403."""
    masterplan = get_object_or_404(
        Masterplan.objects.select_related("region__province", "cohort"), pk=pk
    )
    allowed = {
        "read": can_read_private,
        "write": lambda user, plan: can_write_region(user, plan.region_id),
        "review": can_review,
    }[need](user, masterplan)
    if not allowed:
        raise PermissionDenied
    return masterplan

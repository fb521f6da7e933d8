"""Who may update a program's implementation, built on ``User.can`` and the masterplan's rule.

The region's team updates every program of its region's approved plan (as it writes the
plan: ``masterplans.permissions.can_write_region``); an agency officer (OPD) updates the
programs its agency is responsible for. Everyone reads the public timeline; the region's
team, its officers and assigned assessors also see private evidence and who updated.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from cerdas.masterplans.permissions import can_write_region
from cerdas.regions.models import Region

from .figures import Item, approved_plan, item_for


def can_update(user, region_id: str, program) -> bool:
    if not user.is_authenticated:
        return False
    if can_write_region(user, region_id):
        return True
    return (
        user.is_active
        and user.role == user.Role.AGENCY_OFFICER
        and user.region_id == region_id
        and program.agency_id is not None
        and user.agency_id == program.agency_id
    )


def can_read_private(user, region_id: str) -> bool:
    """See private evidence and who made each update."""
    return user.is_authenticated and user.can("view_private", region_id)


def can_set_period(user, region_id: str) -> bool:
    return can_write_region(user, region_id)


def get_region(code: str) -> Region:
    try:
        return Region.objects.select_related("province").get(pk=code)
    except Region.DoesNotExist:
        raise Http404 from None


def get_item_for_user(user, code: str, key, need: str = "read") -> Item:
    """A program of the region's approved plan with its record: 404 when there is none, 403
    when ``need`` is ``update`` and the user may not update it."""
    region = get_region(code)
    plan = approved_plan(region.pk)
    if plan is None:
        raise Http404
    item = item_for(plan, key)
    if item is None:
        raise Http404
    if need == "update" and not can_update(user, region.pk, item.program):
        raise PermissionDenied
    return item


def updatable_programs(user, plan) -> set:
    """The keys of the plan's programs this user may update (as ``can_update`` says of
    each), read as keys only: the region's writers update every program, an agency's officer
    those of their agency, nobody else any (and nothing is read for them)."""
    if not user.is_authenticated:
        return set()
    programs = plan.programs.values_list("key", flat=True)
    if can_write_region(user, plan.region_id):
        return set(programs)
    if (
        user.is_active
        and user.role == user.Role.AGENCY_OFFICER
        and user.region_id == plan.region_id
        and user.agency_id is not None
    ):
        return set(programs.filter(agency_id=user.agency_id))
    return set()

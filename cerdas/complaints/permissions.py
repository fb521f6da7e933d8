"""Who may do what with a report, built on ``User.can``.

A region's coordinator is its team (``User.can("edit", region)``; national admins too): they
verify, dispatch and end reports, and run the region's categories and API keys. An agency
(OPD) officer sees and answers only the reports dispatched to their agency. The reporter has
no account: the private link's token is their key. The public sees public and anonymous
reports, never a confidential one, and never anybody's identity.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from cerdas.complaints.engine import flow
from cerdas.complaints.models import ApiKey, Category, Report
from cerdas.regions.models import Region


def can_coordinate(user, region_id) -> bool:
    return user.is_authenticated and user.can("edit", region_id)


def is_agency_officer(user) -> bool:
    return (
        user.is_authenticated
        and user.is_active
        and user.role == user.Role.AGENCY_OFFICER
        and user.agency_id is not None
    )


def can_use_queue(user) -> bool:
    """Coordinators of a region, agency officers and national admins have a queue."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_national_admin or is_agency_officer(user):
        return True
    return user.role == user.Role.REGIONAL_TEAM and user.region_id is not None


def actor_for(user, report) -> str | None:
    """The part ``user`` plays for this report: coordinator, officer, or none."""
    if can_coordinate(user, report.region_id):
        return flow.COORDINATOR
    if (
        is_agency_officer(user)
        and user.region_id == report.region_id
        and user.agency_id == report.agency_id
        and report.status not in (flow.SUBMITTED, flow.POSTPONED)
    ):
        return flow.OFFICER
    return None


def get_report_for_user(user, pk, need: str = "view") -> Report:
    """The report if the official may ``view`` it (coordinator or its agency's officer) or
    ``coordinate`` it; else 404 (no such report) or 403."""
    report = get_object_or_404(
        Report.objects.select_related("region__province", "category", "agency"), pk=pk
    )
    actor = actor_for(user, report)
    if actor is None or (need == "coordinate" and actor != flow.COORDINATOR):
        raise PermissionDenied
    return report


def get_report_for_reporter(tracking_number: str, token: str) -> Report:
    """The report whose private link this is; 404 for a wrong number or token alike, so a
    guess learns nothing."""
    report = (
        Report.objects.select_related("region__province", "category", "agency")
        .filter(tracking_number=tracking_number)
        .first()
    )
    if report is None or not report.token_matches(token):
        raise Http404
    return report


def get_public_report(tracking_number: str) -> Report:
    """A report the public may read; 404 for a confidential one, as for one that is not."""
    return get_object_or_404(
        Report.objects.public().select_related("region__province", "category", "agency"),
        tracking_number=tracking_number,
    )


def get_region_for_coordinator(user, code: str) -> Region:
    region = get_object_or_404(Region.objects.select_related("province"), code=code)
    if not can_coordinate(user, region.pk):
        raise PermissionDenied
    return region


def get_category_for_user(user, pk) -> Category:
    category = get_object_or_404(Category.objects.select_related("region", "agency"), pk=pk)
    if not can_coordinate(user, category.region_id):
        raise PermissionDenied
    return category


def get_api_key_for_user(user, pk) -> ApiKey:
    key = get_object_or_404(ApiKey.objects.select_related("region"), pk=pk)
    if not can_coordinate(user, key.region_id):
        raise PermissionDenied
    return key


def coordinated_regions(user):
    """The regions whose complaints this user coordinates."""
    if not user.is_authenticated or not user.is_active:
        return Region.objects.none()
    if user.is_national_admin:
        return Region.objects.all()
    if user.role == user.Role.REGIONAL_TEAM and user.region_id:
        return Region.objects.filter(pk=user.region_id)
    return Region.objects.none()

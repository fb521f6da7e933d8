"""Who may manage which service units and surveys, built on ``User.can``.

A region's team (``User.can("edit", region)``) manages every unit of its region; an OPD's
agency officer manages the units of its own agency only; national admins manage all.
Results are public once published, and before that only for those who manage the unit.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from cerdas.regions.models import Agency, Region
from cerdas.surveys.models import ImportBatch, ServiceUnit, Survey


def can_manage_region(user, region_id) -> bool:
    """May this user add units to the region (and manage all of its units)?"""
    return user.is_authenticated and user.can("edit", region_id)


def is_officer(user) -> bool:
    return (
        user.is_authenticated
        and user.is_active
        and user.role == user.Role.AGENCY_OFFICER
        and user.agency_id is not None
    )


def can_manage_unit(user, unit: ServiceUnit) -> bool:
    if can_manage_region(user, unit.region_id):
        return True
    return (
        is_officer(user) and unit.agency_id == user.agency_id and unit.region_id == user.region_id
    )


def can_manage_survey(user, survey: Survey) -> bool:
    return can_manage_unit(user, survey.unit)


def can_use_dashboard(user) -> bool:
    """Anyone who may manage some unit: national admins, regional teams, OPD officers."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_national_admin:
        return True
    return (user.role == user.Role.REGIONAL_TEAM and user.region_id is not None) or is_officer(user)


def manageable_regions(user):
    """The regions in which this user may add a unit."""
    if not can_use_dashboard(user):
        return Region.objects.none()
    if user.is_national_admin:
        return Region.objects.all()
    return Region.objects.filter(pk=user.region_id)


def manageable_agencies(user):
    """The agencies a unit of this user's may belong to."""
    if not can_use_dashboard(user):
        return Agency.objects.none()
    if user.is_national_admin:
        return Agency.objects.all()
    if is_officer(user):
        return Agency.objects.filter(pk=user.agency_id)
    return Agency.objects.filter(region_id=user.region_id)


def require_dashboard(user) -> None:
    if not can_use_dashboard(user):
        raise PermissionDenied


def get_unit_for_user(user, pk) -> ServiceUnit:
    """The unit if the user manages it; 404 when there is none, 403 when not theirs."""
    units = ServiceUnit.objects.select_related("region__province", "agency")
    unit = get_object_or_404(units, pk=pk)
    if not can_manage_unit(user, unit):
        raise PermissionDenied
    return unit


def _surveys():
    return Survey.objects.select_related("unit__region__province", "unit__agency")


def get_survey_for_user(user, pk) -> Survey:
    """The survey if the user manages its unit; 404 when there is none, 403 when not theirs."""
    survey = get_object_or_404(_surveys(), pk=pk)
    if not can_manage_survey(user, survey):
        raise PermissionDenied
    return survey


def get_results_for_user(user, pk) -> Survey:
    """A survey whose results this user may read: published ones for everybody, the
    others for those who manage the unit. Anyone else gets a 404, as if it did not exist:
    hidden results do not even show that they are there."""
    survey = get_object_or_404(_surveys(), pk=pk)
    if survey.is_published or can_manage_survey(user, survey):
        return survey
    raise Http404


def get_answerable_survey(pk) -> Survey:
    """The survey a respondent opens from the link or the QR code (any state: the page
    says when it is not taking answers)."""
    return get_object_or_404(_surveys(), pk=pk)


def get_batch_for_user(user, survey: Survey, batch_pk) -> ImportBatch:
    """The survey's import preview, uploaded by this user; else 404."""
    return get_object_or_404(
        ImportBatch, pk=batch_pk, survey=survey, created_by_id=getattr(user, "pk", None)
    )

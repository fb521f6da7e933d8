"""Who may see and do what in a cohort, built on ``User.can``."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from cerdas.regions.models import Region

from .models import Cohort, MentorAssignment


def can_manage(user) -> bool:
    """Run the program: cohorts, membership, sessions, deliverables, jury."""
    return user.is_authenticated and user.can("manage_program")


def is_mentor_of(user, cohort: Cohort, region_id: str) -> bool:
    if not user.is_authenticated:
        return False
    return MentorAssignment.objects.filter(cohort=cohort, region_id=region_id, mentor=user).exists()


def can_view_member(user, cohort: Cohort, region) -> bool:
    """See a member region's MoU, institutions, deliverables and reviews."""
    if not user.is_authenticated:
        return False
    region_id = getattr(region, "pk", region)
    return user.can("view_private", region_id) or is_mentor_of(user, cohort, region_id)


def can_act_for_member(user, region) -> bool:
    """Submit deliverables, upload the MoU and decrees: the region's own team."""
    return user.is_authenticated and user.can("edit", region)


def can_review(user, cohort: Cohort, region) -> bool:
    """Accept or return a member's deliverables: its assigned mentor, or a national admin."""
    region_id = getattr(region, "pk", region)
    return can_manage(user) or is_mentor_of(user, cohort, region_id)


def is_juror(user, cohort: Cohort) -> bool:
    return user.is_authenticated and cohort.jurors.filter(pk=user.pk).exists()


def juror_may_score(user, region_id: str) -> bool:
    """A juror never scores their own region (jurors may be regional users)."""
    return user.region_id is None or user.region_id != region_id


def session_scope(user, session) -> str | None:
    """How much of a bimtek session's page this user sees.

    ``"all"``: the program office and the session's mentors (every region's attendance);
    ``"own"``: a member region's people (their own region's attendance); None: nothing.
    """
    if not user.is_authenticated:
        return None
    if can_manage(user) or session.mentors.filter(pk=user.pk).exists():
        return "all"
    if user.region_id and session.cohort.memberships.filter(region_id=user.region_id).exists():
        return "own" if user.can("view_private", user.region_id) else None
    return None


def get_cohort(year: int) -> Cohort:
    """The cohort of ``year``, or 404."""
    return get_object_or_404(Cohort, year=year)


def get_member_for_user(user, year: int, code: str, *, act=False) -> tuple[Cohort, Region]:
    """The cohort and member region, if the user may see it (or act for it); else 404/403."""
    cohort = get_cohort(year)
    region = get_object_or_404(Region.objects.select_related("province"), code=code)
    if not cohort.memberships.filter(region=region).exists():
        raise Http404
    allowed = (
        can_act_for_member(user, region) or can_manage(user)
        if act
        else can_view_member(user, cohort, region)
    )
    if not allowed:
        raise PermissionDenied
    return cohort, region

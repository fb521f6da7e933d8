"""Who may see and do what in a cohort, built on ``User.can``."""

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

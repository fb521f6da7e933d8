"""Who may write news where: a region's team for its region, national admins everywhere.

National news (no region) belongs to the national program office alone.
"""

from django.db.models import Q

from cerdas.masterplans.models import PUBLIC, Masterplan
from cerdas.regions.models import Region


def can_write_in(user, region_id) -> bool:
    """May this user write and edit news of this region (None: national news)?"""
    if not user.is_authenticated:
        return False
    if region_id is None:
        return user.can("manage_program")
    return user.can("edit", region_id)


def can_edit_article(user, article) -> bool:
    return can_write_in(user, article.region_id)


def can_use_dashboard(user) -> bool:
    """Editors of some news: national admins and regional teams with a region."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.can("manage_program") or (
        user.role == user.Role.REGIONAL_TEAM and user.region_id is not None
    )


def writable_regions(user):
    """The regions this user may pick for an article (national news is decided apart)."""
    if user.can("manage_program"):
        return Region.objects.all()
    if user.role == user.Role.REGIONAL_TEAM and user.region_id:
        return Region.objects.filter(pk=user.region_id)
    return Region.objects.none()


def linkable_masterplans(user):
    """The masterplans this editor may link an article to: approved ones, and the drafts
    of regions they write for (a draft link is only ever shown to readers once approved).
    Never a plan the editor may not read."""
    if not user.is_authenticated or not user.is_active:
        return Masterplan.objects.none()
    own = Q(region__in=writable_regions(user))
    return Masterplan.objects.for_user(user).filter(Q(status__in=PUBLIC) | own)

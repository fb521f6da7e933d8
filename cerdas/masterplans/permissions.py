"""Who may do what with a masterplan, built on ``User.can``.

A region's team edits its region's plans; its agency officers and assigned assessors read
the drafts; reviewers are assessors assigned to the region and national admins. Approved
plans are public.
"""


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

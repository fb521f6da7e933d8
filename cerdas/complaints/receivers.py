"""What the complaints app does when the kernel announces something, and what it announces."""

from cerdas.complaints.services import recount_deadlines
from cerdas.core import cache, calendar

# The officials' queue and pages are kept per region (the ministry's queue across regions)
# under these content versions: every write of a report (its events and pictures too), a
# topic, an agency or the region's complaint settings announces one; the working-day calendar
# announces its own (it moves the "due soon" horizon of every region).
DESK = "complaints-desk"


def desk_kinds(region_code: str | None) -> list[str]:
    """The versions the queue of one region (or, with None, of every region) is kept under."""
    return cache.desk_kinds(DESK, region_code, calendar.CONTENT_KIND)


def desk_changed(sender, instance, **kwargs) -> None:
    """A report, topic or agency was saved or deleted: retire the queues that show it."""
    cache.desk_changed("complaints", DESK, instance.region_id)


def report_part_changed(sender, instance, **kwargs) -> None:
    """An event or a picture of a report was saved or deleted (an internal note, an
    escalation, a picture hidden): retire the pages of its region that show the report."""
    cache.desk_changed("complaints", DESK, instance.report.region_id)


def recount_after_calendar_change(sender, dates, **kwargs) -> None:
    """A day added to or removed from the working-day calendar moves the running deadlines
    that span it: count them again, so queues and citizens see the deadline that applies."""
    recount_deadlines(dates)

"""What the complaints app does when the kernel announces something."""

from cerdas.complaints.services import recount_deadlines


def recount_after_calendar_change(sender, dates, **kwargs) -> None:
    """A day added to or removed from the working-day calendar moves the running deadlines
    that span it: count them again, so queues and citizens see the deadline that applies."""
    recount_deadlines(dates)

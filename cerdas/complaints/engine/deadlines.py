"""How long each step of a report may take, in working days, and when it is due.

The limits are those of SP4N-LAPOR!:

- the coordinator verifies and dispatches a report within **3 working days** of its
  submission (or of the day the reporter added what a postponement asked for);
- the agency writes its follow-up within **5 working days** of the dispatch (or of the
  reporter's answer that it did not settle the matter). Where the coordinator says the case
  needs more, the limit is that of its handling: **14 working days** for a dispute that needs
  no field check, **60** for a case that needs one. The coordinator may also extend a limit
  by a number of working days, with a reason;
- the reporter may answer the follow-up within **10 working days**; after that the report
  closes by itself.

Days are counted on a ``cerdas.lib.working_days.Calendar``: the day a step starts never
counts, and the step is due at the end of its last working day in the region's time zone.
Something done before that instant is on time. A postponed report has no running deadline:
its clock waits for the reporter. No Django imports.
"""

from datetime import datetime, tzinfo

from cerdas.complaints.engine import flow

VERIFY_DAYS = 3
REPLY_DAYS = 10

STANDARD = "standard"
DISPUTE = "dispute"
FIELD_CHECK = "field_check"
FOLLOW_UP_DAYS = {STANDARD: 5, DISPUTE: 14, FIELD_CHECK: 60}
# The longest extension a coordinator may grant at once, in working days.
MAX_EXTENSION = 60

VERIFY = "verify"
FOLLOW_UP = "follow_up"
REPLY = "reply"

# Which step's clock runs in each status; statuses missing here have no deadline.
STEP_OF_STATUS = {
    flow.SUBMITTED: VERIFY,
    flow.DISPATCHED: FOLLOW_UP,
    flow.IN_PROGRESS: FOLLOW_UP,
    flow.ANSWERED: FOLLOW_UP,
    flow.FOLLOWED_UP: REPLY,
}


def step_for(status: str) -> str | None:
    """The step whose deadline runs while a report is in ``status``, or None."""
    return STEP_OF_STATUS.get(status)


def limit(step: str, handling: str = STANDARD, extension: int = 0) -> int:
    """Working days allowed for ``step``; the extension applies to the follow-up only."""
    if extension < 0 or extension > MAX_EXTENSION:
        raise ValueError(f"an extension is 0 to {MAX_EXTENSION} working days")
    if step == VERIFY:
        return VERIFY_DAYS
    if step == REPLY:
        return REPLY_DAYS
    if step == FOLLOW_UP:
        if handling not in FOLLOW_UP_DAYS:
            raise ValueError(f"unknown handling {handling!r}")
        return FOLLOW_UP_DAYS[handling] + extension
    raise ValueError(f"unknown step {step!r}")


def due(
    calendar,
    status: str,
    started_at: datetime,
    tz: tzinfo,
    handling: str = STANDARD,
    extension: int = 0,
) -> datetime | None:
    """When the step running in ``status`` (started at ``started_at``) is due, or None."""
    step = step_for(status)
    if step is None:
        return None
    return calendar.deadline(started_at, limit(step, handling, extension), tz)


def expected_answer(
    calendar,
    status: str,
    started_at: datetime,
    tz: tzinfo,
    handling: str = STANDARD,
    extension: int = 0,
) -> datetime | None:
    """When the citizen must have the agency's answer, as far as it is known now.

    Before the dispatch it is the latest the rules allow: the coordinator's 3 working days
    and then the agency's limit, counted from ``started_at`` (the submission). With the
    agency it is the follow-up deadline. Once answered, or while postponed, there is
    nothing to expect: None (the caller keeps the deadline that applied).
    """
    if status == flow.SUBMITTED:
        days = VERIFY_DAYS + limit(FOLLOW_UP, handling, extension)
        return calendar.deadline(started_at, days, tz)
    if status in flow.WITH_AGENCY:
        return calendar.deadline(started_at, limit(FOLLOW_UP, handling, extension), tz)
    return None


def is_overdue(due_at: datetime | None, now: datetime) -> bool:
    """A step is overdue from the instant it is due; a step without deadline never is."""
    return due_at is not None and now >= due_at


def on_time(done_at: datetime, due_at: datetime | None) -> bool:
    """Whether a step done at ``done_at`` met its deadline (no deadline: on time)."""
    return due_at is None or done_at < due_at


def is_due_soon(due_at: datetime | None, now: datetime, horizon: datetime) -> bool:
    """Not yet overdue, but due by ``horizon`` (the end of the next working day)."""
    return due_at is not None and now < due_at <= horizon

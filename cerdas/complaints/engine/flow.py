"""The steps a report goes through, as SP4N-LAPOR! runs them, and who may take each one.

A report is **submitted** by a citizen. The region's coordinator verifies it and
**dispatches** it to the responsible agency (OPD), or ends it there: **not our authority**,
**forwarded** to another region, **archived** (a duplicate, or spam), or **postponed** until
the reporter adds what is missing. The agency may mark it **in progress**, and writes its
**follow-up**; the reporter may answer it — satisfied (the report is **closed**) or not (the
report is **answered** and goes back to the agency). Without an answer the report closes
itself once the reply window ends.

Statuses are plain strings here, the same values the models store. No Django imports.
"""

from dataclasses import dataclass

SUBMITTED = "submitted"
POSTPONED = "postponed"
DISPATCHED = "dispatched"
IN_PROGRESS = "in_progress"
FOLLOWED_UP = "followed_up"
ANSWERED = "answered"
CLOSED = "closed"
NOT_OUR_AUTHORITY = "not_our_authority"
FORWARDED = "forwarded"
ARCHIVED = "archived"

STATUSES = (
    SUBMITTED,
    POSTPONED,
    DISPATCHED,
    IN_PROGRESS,
    FOLLOWED_UP,
    ANSWERED,
    CLOSED,
    NOT_OUR_AUTHORITY,
    FORWARDED,
    ARCHIVED,
)
# Where a report ends: nothing more happens to it in this region.
FINAL = frozenset({CLOSED, NOT_OUR_AUTHORITY, FORWARDED, ARCHIVED})
OPEN = frozenset(STATUSES) - FINAL
# With the agency: it must write its follow-up.
WITH_AGENCY = frozenset({DISPATCHED, IN_PROGRESS, ANSWERED})

COORDINATOR = "coordinator"
OFFICER = "officer"
REPORTER = "reporter"
SYSTEM = "system"


@dataclass(frozen=True)
class Action:
    name: str
    sources: frozenset[str]
    target: str | None  # None: the status stays as it is
    actors: frozenset[str]


def _action(name, sources, target, *actors) -> Action:
    return Action(name, frozenset(sources), target, frozenset(actors))


_BEFORE_DISPATCH = {SUBMITTED, POSTPONED}
ACTIONS = {
    action.name: action
    for action in (
        _action("dispatch", _BEFORE_DISPATCH, DISPATCHED, COORDINATOR),
        _action("postpone", {SUBMITTED}, POSTPONED, COORDINATOR),
        _action("not_our_authority", _BEFORE_DISPATCH, NOT_OUR_AUTHORITY, COORDINATOR),
        _action("forward", _BEFORE_DISPATCH, FORWARDED, COORDINATOR),
        # A duplicate can turn up at any time before the follow-up: it is merged then.
        _action("archive", _BEFORE_DISPATCH | WITH_AGENCY, ARCHIVED, COORDINATOR),
        _action("reassign", WITH_AGENCY, DISPATCHED, COORDINATOR),
        _action("extend", WITH_AGENCY, None, COORDINATOR),
        _action("start", {DISPATCHED, ANSWERED}, IN_PROGRESS, OFFICER, COORDINATOR),
        _action("follow_up", WITH_AGENCY, FOLLOWED_UP, OFFICER, COORDINATOR),
        # Information the reporter adds: it ends a postponement (the coordinator's clock
        # starts again); at any other open step it is simply added.
        _action("add_info", OPEN, None, REPORTER),
        _action("accept", {FOLLOWED_UP}, CLOSED, REPORTER),
        _action("reply", {FOLLOWED_UP}, ANSWERED, REPORTER),
        _action("close", {FOLLOWED_UP}, CLOSED, COORDINATOR, SYSTEM),
        _action("rate", {CLOSED}, None, REPORTER),
    )
}


class FlowError(ValueError):
    """An action that the report's status or the actor does not allow."""


def allowed(action: str, status: str, actor: str) -> bool:
    """Whether ``actor`` may take ``action`` on a report in ``status``."""
    found = ACTIONS.get(action)
    return found is not None and status in found.sources and actor in found.actors


def next_status(action: str, status: str, actor: str) -> str:
    """The status after ``action``; raises ``FlowError`` when it is not allowed."""
    if not allowed(action, status, actor):
        raise FlowError(f"{actor} may not {action} a report that is {status}")
    found = ACTIONS[action]
    if action == "add_info" and status == POSTPONED:
        return SUBMITTED
    return found.target or status


def actions_for(status: str, actor: str) -> list[str]:
    """The actions ``actor`` may take now, in the order of ``ACTIONS``."""
    return [name for name in ACTIONS if allowed(name, status, actor)]


def open311_status(status: str) -> str:
    """Open311 knows two statuses: ``closed`` once the report has ended, ``open`` before."""
    return "closed" if status in FINAL else "open"

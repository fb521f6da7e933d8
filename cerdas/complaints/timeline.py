"""A report's timeline as each reader may see it: the public, the reporter, or officials."""

from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext_lazy as _

from cerdas.complaints.models import Event

PUBLIC, REPORTER, OFFICIAL = "public", "reporter", "official"

LABELS = {
    "submitted": _("Report received"),
    "received_forward": _("Report received from another region"),
    "dispatched": _("Verified and sent to the agency"),
    "postponed": _("Postponed: the coordinator needs more information"),
    "not_our_authority": _("Not the region's authority"),
    "forward": _("Forwarded to another region"),
    "archive": _("Archived"),
    "reassigned": _("Sent to another agency"),
    "extended": _("The agency's deadline was extended"),
    "started": _("The agency started work"),
    "followed_up": _("Follow-up from the agency"),
    "info_added": _("The reporter added information"),
    "accepted": _("The reporter accepted the follow-up"),
    "replied": _("The reporter answered: not settled yet"),
    "closed": _("Closed"),
    "auto_closed": _("Closed: no answer within 10 working days"),
    "rated": _("The reporter rated the answer"),
    "note": _("Internal note"),
    "escalated": _("Deadline passed: escalated to the coordinators"),
}


@dataclass(frozen=True)
class Entry:
    when: datetime
    label: str
    text: str
    by: str
    internal: bool


def entries(report, reader: str, events=None) -> list[Entry]:
    """The events ``reader`` may see, with the text only where they may read it."""
    events = list(report.events.all() if events is None else events)
    shown = []
    for event in events:
        internal = event.visibility == Event.Visibility.INTERNAL
        if internal and reader != OFFICIAL:
            continue
        with_text = event.visibility == Event.Visibility.PUBLIC or reader in (REPORTER, OFFICIAL)
        if report.privacy == "confidential" and reader == PUBLIC:
            with_text = False
        by = event.actor_label or event.get_actor_role_display()
        if reader == OFFICIAL and event.actor_id and event.actor_role != Event.Actor.REPORTER:
            by = f"{by} ({event.actor})" if event.actor_label else str(event.actor)
        shown.append(
            Entry(
                when=event.created_at,
                label=str(LABELS.get(event.action, event.action)),
                text=event.text if with_text else "",
                by=str(by),
                internal=internal,
            )
        )
    return shown

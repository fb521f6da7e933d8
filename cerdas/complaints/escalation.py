"""When a deadline passes, the region's coordinators (and its head of Diskominfo) are told,
once per deadline, however many workers run this.

Each worker claims a report's overdue step by inserting an ``EscalationSent`` row in its own
transaction; the unique constraint lets exactly one insert succeed, and only the worker that
won sends the email. A send that fails gives the claim back, so a later run tries again.
"""

import logging

from django.db import IntegrityError, transaction
from django.utils import timezone

from cerdas.complaints import notify
from cerdas.complaints.engine import deadlines
from cerdas.complaints.models import EscalationSent, Event, Report, Status
from cerdas.complaints.services import settings_for

logger = logging.getLogger(__name__)

# The steps whose lateness is escalated; the reply window ending is no one's fault.
ESCALATED = [Status.SUBMITTED, Status.DISPATCHED, Status.IN_PROGRESS, Status.ANSWERED]


def _claim(report: Report) -> EscalationSent | None:
    try:
        with transaction.atomic():
            return EscalationSent.objects.create(
                report=report, step=deadlines.step_for(report.status), due_at=report.due_at
            )
    except IntegrityError:
        return None  # another worker has it


def recipients_for(report: Report) -> list[str]:
    emails = notify.coordinator_emails(report.region_id)
    extra = settings_for(report.region_id).escalation_email
    if extra and extra not in emails:
        emails.append(extra)
    return emails


def escalate_overdue(now=None) -> int:
    """Escalate every step that is overdue and not yet escalated; returns how many."""
    now = now or timezone.now()
    overdue = (
        Report.objects.filter(status__in=ESCALATED, due_at__lte=now)
        .select_related("region__province", "agency", "category")
        .order_by("due_at")
    )
    sent = 0
    for report in overdue:
        claim = _claim(report)
        if claim is None:
            continue
        emails = recipients_for(report)
        try:
            notify.escalation(report, emails, now)
        except Exception:
            logger.exception("Escalation of %s failed", report.tracking_number)
            claim.delete()
            raise
        claim.recipients = ", ".join(emails)
        claim.save(update_fields=["recipients"])
        Event.objects.create(
            report=report,
            created_at=now,
            action="escalated",
            status=report.status,
            actor_role=Event.Actor.SYSTEM,
            visibility=Event.Visibility.INTERNAL,
            text=claim.recipients,
        )
        sent += 1
    return sent

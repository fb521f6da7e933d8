"""Reminders to update programs whose last update is older than the region's reporting period.

Each program is reminded once per stale period: the period is named by the day it began
(``engine.progress.stale_since``), and a worker claims it by inserting a ``ReminderSent`` row
in its own transaction; the unique constraint lets exactly one insert succeed, and only the
worker that won sends. A program never updated counts from the plan's approval.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation

from cerdas.accounts.models import User

from . import figures
from .engine.progress import stale_since
from .models import ReminderSent, Status

logger = logging.getLogger(__name__)

# Finished and dropped programs have nothing left to report.
CLOSED = (Status.DONE, Status.DROPPED)


def _claim(region_id, program_key, since) -> ReminderSent | None:
    try:
        with transaction.atomic():
            return ReminderSent.objects.create(
                region_id=region_id, program_key=program_key, stale_since=since
            )
    except IntegrityError:
        return None  # another worker sent it


def _recipients(region_id: str, items) -> dict[str, list]:
    """{email: [items]}: the region's team hears of every item, each responsible agency's
    officers (OPD) of their own programs."""
    people = User.objects.filter(
        Q(role=User.Role.REGIONAL_TEAM) | Q(role=User.Role.AGENCY_OFFICER),
        region_id=region_id,
        is_active=True,
    ).exclude(email="")
    found: dict[str, list] = {}
    for person in people:
        mine = [
            item
            for item in items
            if person.role == User.Role.REGIONAL_TEAM
            or (item.program.agency_id is not None and item.program.agency_id == person.agency_id)
        ]
        if mine:
            found.setdefault(person.email, []).extend(mine)
    return found


def stale_items(plan, today):
    """(item, the day its stale period began) for the plan's open programs due an update."""
    months = figures.period_months(plan.region_id)
    zone = plan.region.tzinfo
    for item in figures.items(plan, year=today.year):
        if item.status in CLOSED or plan.approved_at is None:
            continue
        last = item.last_update_at or plan.approved_at
        since = stale_since(timezone.localtime(last, zone).date(), months, today)
        if since is not None:
            yield item, since


def send_stale_reminders(now=None) -> int:
    """Send the reminders nobody has sent for the current stale periods; returns how many
    programs were reminded."""
    now = now or timezone.now()
    sent = 0
    for plan in figures.approved_plans():
        today = timezone.localtime(now, plan.region.tzinfo).date()
        stale = list(stale_items(plan, today))
        if not stale or not _recipients(plan.region_id, [item for item, _since in stale]):
            continue
        claimed = []
        for item, since in stale:
            claim = _claim(plan.region_id, item.key, since)
            if claim is not None:
                claimed.append((item, claim))
        if claimed:
            _send(plan, claimed)
            sent += len(claimed)
    return sent


def _send(plan, claimed) -> None:
    claims = [claim.pk for _item, claim in claimed]
    recipients = _recipients(plan.region_id, [item for item, _claim in claimed])
    months = figures.period_months(plan.region_id)
    try:
        for email, items in recipients.items():
            context = {
                "region": plan.region,
                "items": items,
                "months": months,
                "site_url": getattr(settings, "SITE_URL", ""),
            }
            with translation.override("id"):
                subject = render_to_string(
                    "implementation/email/reminder_subject.txt", context
                ).strip()
                body = render_to_string("implementation/email/reminder.txt", context)
            send_mail(" ".join(subject.split()), body, None, [email])
    except Exception:
        # Give the periods back so the next run tries again.
        logger.exception("Implementation reminder to %s failed", plan.region_id)
        ReminderSent.objects.filter(pk__in=claims).delete()
        raise
    ReminderSent.objects.filter(pk__in=claims).update(recipients=", ".join(recipients))

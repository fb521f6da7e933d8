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


def _recipients(region_id: str) -> list[str]:
    return list(
        User.objects.filter(region_id=region_id, role=User.Role.REGIONAL_TEAM, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )


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
        emails = _recipients(plan.region_id)
        if not emails:
            continue
        claimed = []
        for item, since in stale_items(plan, today):
            claim = _claim(plan.region_id, item.key, since)
            if claim is not None:
                claimed.append((item, claim))
        if claimed:
            _send(plan, claimed, emails)
            sent += len(claimed)
    return sent


def _send(plan, claimed, emails) -> None:
    context = {
        "region": plan.region,
        "items": [item for item, _claim in claimed],
        "months": figures.period_months(plan.region_id),
        "site_url": getattr(settings, "SITE_URL", ""),
    }
    claims = [claim.pk for _item, claim in claimed]
    with translation.override("id"):
        subject = render_to_string("implementation/email/reminder_subject.txt", context).strip()
        body = render_to_string("implementation/email/reminder.txt", context)
    try:
        send_mail(" ".join(subject.split()), body, None, emails)
    except Exception:
        # Give the periods back so the next run tries again.
        logger.exception("Implementation reminder to %s failed", plan.region_id)
        ReminderSent.objects.filter(pk__in=claims).delete()
        raise
    ReminderSent.objects.filter(pk__in=claims).update(recipients=", ".join(emails))

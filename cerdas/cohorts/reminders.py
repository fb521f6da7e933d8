"""Reminder emails for deliverables due soon or overdue, at most once per item and day.

Several workers may run this at the same time. Each claims an item by inserting a
``ReminderSent`` row in its own transaction; the unique constraint lets exactly one insert
succeed, and only the worker that won sends the email.
"""

import datetime
import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from cerdas.accounts.models import User

from .models import Cohort, ReminderSent
from .reviews import item_status, latest_submissions

logger = logging.getLogger(__name__)

REMIND_WITHIN_DAYS = 3
REMIND_CODES = {"overdue", "due_soon", "returned"}


def _claim(deliverable_id: int, region_id: str, day: datetime.date) -> ReminderSent | None:
    try:
        with transaction.atomic():
            return ReminderSent.objects.create(
                deliverable_id=deliverable_id, region_id=region_id, day=day
            )
    except IntegrityError:
        return None  # another worker sent it


def _recipients(region_ids) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    team = User.objects.filter(
        region_id__in=region_ids, role=User.Role.REGIONAL_TEAM, is_active=True
    ).exclude(email="")
    for region_id, email in team.values_list("region_id", "email"):
        found.setdefault(region_id, []).append(email)
    return found


def _due_items(cohort: Cohort, today: datetime.date, now) -> dict:
    """{region: [(deliverable, status)]} for every current member's item worth a reminder."""
    horizon = today + datetime.timedelta(days=REMIND_WITHIN_DAYS)
    deliverables = list(cohort.deliverables.filter(due_on__lte=horizon))
    if not deliverables:
        return {}
    members = [m.region for m in cohort.members_on(today).select_related("region__province")]
    latest = latest_submissions(cohort, [r.pk for r in members])
    items: dict = {}
    for region in members:
        for deliverable in deliverables:
            status = item_status(deliverable, region, latest.get((deliverable.pk, region.pk)), now)
            near = deliverable.due_on <= horizon
            if status.code in REMIND_CODES and near:
                items.setdefault(region, []).append((deliverable, status))
    return items


def send_due_reminders(now=None) -> int:
    """Send today's reminders that nobody has sent yet; returns how many items were sent."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    sent = 0
    for cohort in Cohort.objects.filter(memberships__left_on__isnull=True).distinct():
        items = _due_items(cohort, today, now)
        recipients = _recipients([region.pk for region in items])
        for region, region_items in items.items():
            emails = recipients.get(region.pk)
            if not emails:
                continue
            claimed = []
            for deliverable, status in region_items:
                claim = _claim(deliverable.pk, region.pk, today)
                if claim is not None:
                    claimed.append((deliverable, status, claim))
            if claimed:
                _send(cohort, region, claimed, emails)
                sent += len(claimed)
    return sent


def _send(cohort, region, claimed, emails):
    context = {
        "cohort": cohort,
        "region": region,
        "items": [
            (deliverable, status, deliverable.deadline_for(region))
            for deliverable, status, _ in claimed
        ],
        "site_url": getattr(settings, "SITE_URL", ""),
    }
    with translation.override("id"):
        subject = render_to_string("cohorts/email/reminder_subject.txt", context).strip()
        body = render_to_string("cohorts/email/reminder.txt", context)
    try:
        send_mail(subject, body, None, emails)
    except Exception:
        # Give the items back so the next run (or the other worker) tries again.
        logger.exception("Reminder to %s failed", region.pk)
        ReminderSent.objects.filter(pk__in=[claim.pk for _, _, claim in claimed]).delete()
        raise
    ReminderSent.objects.filter(pk__in=[claim.pk for _, _, claim in claimed]).update(
        recipients=", ".join(emails)
    )

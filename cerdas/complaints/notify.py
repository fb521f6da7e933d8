"""Emails about a report: to its reporter (and the reporters of duplicates merged into it),
to the agency's officers, and to the coordinators.

Mail goes out once the change has committed; a mail server that fails is logged and does not
undo the change (the reporter still follows every step at the private link).
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from cerdas.accounts.models import User

logger = logging.getLogger(__name__)


def _site_url() -> str:
    return getattr(settings, "SITE_URL", "").rstrip("/")


def _send(template: str, context: dict, recipients: list[str]) -> None:
    if not recipients:
        return
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(f"complaints/email/{template}_subject.txt", context)
        body = render_to_string(f"complaints/email/{template}.txt", context)
    try:
        send_mail(" ".join(subject.split()), body, None, recipients)
    except Exception:
        logger.exception("Complaint email %s to %d recipient(s) failed", template, len(recipients))


def reporter(report, what: str, text: str = "") -> None:
    """Tell the reporter (and those of its merged duplicates) what happened, by email."""
    if report.is_demo:
        return  # demo data never mails anyone

    def send():
        followers = [report]
        if what != "submitted":  # a new report has no duplicates merged into it yet
            followers += list(report.duplicates.exclude(reporter_email=""))
        for each in followers:
            if not each.reporter_email:
                continue
            context = {
                "report": report,
                "own": each,
                "what": what,
                "text": text,
                "link": _site_url() + each.get_private_url(),
                "site_url": _site_url(),
            }
            _send("reporter", context, [each.reporter_email])

    transaction.on_commit(send)


def _officer_emails(report) -> list[str]:
    if not report.agency_id:
        return []
    return list(
        User.objects.filter(
            role=User.Role.AGENCY_OFFICER, agency_id=report.agency_id, is_active=True
        )
        .exclude(email="")
        .values_list("email", flat=True)
    )


def coordinator_emails(region_id) -> list[str]:
    return list(
        User.objects.filter(role=User.Role.REGIONAL_TEAM, region_id=region_id, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )


def agency(report, what: str) -> None:
    """Tell the agency's officers that a report is theirs to answer (again)."""
    if report.is_demo:
        return

    def send():
        context = {"report": report, "what": what, "site_url": _site_url()}
        _send("agency", context, _officer_emails(report))

    transaction.on_commit(send)


def officials(report, what: str) -> None:
    """Tell whoever holds the report now (agency, or coordinators) that the reporter wrote."""
    if report.is_demo:
        return

    def send():
        context = {"report": report, "what": what, "site_url": _site_url()}
        emails = _officer_emails(report) if report.agency_id else []
        _send("agency", context, emails or coordinator_emails(report.region_id))

    transaction.on_commit(send)


def escalation(report, emails: list[str], now) -> None:
    """Tell the coordinators that a step of the report is overdue (raises if mail fails)."""
    if not emails:
        return
    context = {"report": report, "now": now, "site_url": _site_url()}
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("complaints/email/escalation_subject.txt", context)
        body = render_to_string("complaints/email/escalation.txt", context)
    send_mail(" ".join(subject.split()), body, None, emails)

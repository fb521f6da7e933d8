"""Submitting deliverables and reviewing them; every version is kept."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Deliverable, Submission

DUE_SOON_DAYS = 7


@dataclass(frozen=True)
class ItemStatus:
    """One region's standing on one deliverable; ``code`` drives colour, ``label`` the text."""

    code: str
    label: str
    is_late: bool = False


STATUS_LABELS = {
    "accepted": _("accepted"),
    "awaiting_review": _("awaiting review"),
    "returned": _("returned for changes"),
    "overdue": _("overdue"),
    "due_soon": _("due soon"),
    "pending": _("not yet due"),
    "done": _("done"),
    "missing": _("not recorded"),
}


_SUBMISSION_CODES = {
    Submission.Status.ACCEPTED: "accepted",
    Submission.Status.SUBMITTED: "awaiting_review",
    Submission.Status.RETURNED: "returned",
}


def item_status(
    deliverable: Deliverable, region, latest: Submission | None, now=None, deadline=None
):
    """What a board cell says about this region's deliverable at ``now``.

    ``deadline`` may be passed in when the caller has it already (the board computes each
    deliverable's deadline once per time zone, not once per region).
    """
    now = now or timezone.now()
    if latest is not None:
        code = _SUBMISSION_CODES[latest.status]
        return ItemStatus(code, STATUS_LABELS[code], latest.is_late)
    deadline = deadline or deliverable.deadline_for(region)
    if now > deadline:
        return ItemStatus("overdue", STATUS_LABELS["overdue"])
    if (deadline - now).days < DUE_SOON_DAYS:
        return ItemStatus("due_soon", STATUS_LABELS["due_soon"])
    return ItemStatus("pending", STATUS_LABELS["pending"])


class SubmissionError(ValueError):
    pass


@transaction.atomic
def submit(*, deliverable_id: int, region_code: str, user, document=None, url="", note=""):
    """Hand in the next version; past the region's deadline it is accepted but marked late."""
    deliverable = Deliverable.objects.select_related("cohort").get(pk=deliverable_id)
    membership = (
        deliverable.cohort.memberships.current()
        .select_related("region__province")
        .filter(region_id=region_code)
        .first()
    )
    if membership is None:
        raise SubmissionError(_("This region is not a current member of the cohort."))
    if not document and not url:
        raise SubmissionError(_("Attach a document or give a link."))
    existing = Submission.objects.select_for_update().filter(
        deliverable=deliverable, region_id=region_code
    )
    last = existing.aggregate(v=Max("version"))["v"] or 0
    if existing.filter(version=last, status=Submission.Status.ACCEPTED).exists():
        raise SubmissionError(_("This deliverable has already been accepted."))
    now = timezone.now()
    submission = Submission.objects.create(
        deliverable=deliverable,
        region=membership.region,
        version=last + 1,
        document=document or "",
        url=url,
        note=note,
        submitted_by=user,
        submitted_at=now,
        is_late=now > deliverable.deadline_for(membership.region),
    )
    submission.log_action(
        "cohort.deliverable_submitted",
        user=user,
        changes={"version": submission.version, "late": submission.is_late},
    )
    return submission


@transaction.atomic
def review(*, submission_id: int, user, accept: bool, comment: str = "", confirmed: bool = False):
    """Accept the latest version, or return it with comments for a new version.

    Accepting is final (no further version is taken), so it is confirmed first."""
    if accept and not confirmed:
        raise SubmissionError(_("Confirm the acceptance on its confirmation page first."))
    submission = Submission.objects.select_for_update().get(pk=submission_id)
    if submission.status != Submission.Status.SUBMITTED:
        raise SubmissionError(_("This version has already been reviewed."))
    newer = Submission.objects.filter(
        deliverable_id=submission.deliverable_id,
        region_id=submission.region_id,
        version__gt=submission.version,
    )
    if newer.exists():
        raise SubmissionError(_("A newer version has been submitted; review that one."))
    if not accept and not comment.strip():
        raise SubmissionError(_("Say what needs changing when returning a deliverable."))
    submission.status = Submission.Status.ACCEPTED if accept else Submission.Status.RETURNED
    submission.reviewer = user
    submission.reviewed_at = timezone.now()
    submission.review_comment = comment.strip()
    submission.save()
    submission.log_action(
        "cohort.deliverable_reviewed",
        user=user,
        reason=comment,
        changes={"version": submission.version, "status": submission.status},
    )
    return submission


def latest_submissions(cohort, region_ids=None) -> dict:
    """{(deliverable_id, region_id): latest Submission} for the cohort, in one query."""
    rows = Submission.objects.filter(deliverable__cohort=cohort).order_by(
        "deliverable_id", "region_id", "-version"
    )
    if region_ids is not None:
        rows = rows.filter(region_id__in=region_ids)
    latest = {}
    for row in rows.only(
        "id", "deliverable_id", "region_id", "version", "status", "is_late", "submitted_at"
    ):
        latest.setdefault((row.deliverable_id, row.region_id), row)
    return latest

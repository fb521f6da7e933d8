"""Running a round: open, invite, assign, answer, score, close, publish.

Functions take ids or plain values and run in one transaction; the computation and the
selection are in ``computing``, the import of indicator values in ``importing``.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cerdas.accounts.models import User
from cerdas.assessments.coverage import coverage
from cerdas.assessments.models import (
    Answer,
    AssessorScore,
    Assignment,
    Evidence,
    Framework,
    Indicator,
    Participant,
    Round,
)
from cerdas.assessments.receivers import DESK
from cerdas.core.registries import PROFILE
from cerdas.core.signals import content_changed
from cerdas.regions.models import Region

CACHE_KIND = "assessments"


def results_changed():
    """Announce (on commit) that published results may have changed: rounds and profiles."""
    content_changed("assessments", CACHE_KIND, PROFILE)


@transaction.atomic
def open_round(*, user, framework_id: int, **fields) -> Round:
    """A new open round on a framework whose weights add up."""
    framework = Framework.objects.get(pk=framework_id)
    problems = framework.weight_problems()
    if problems:
        raise ValidationError(problems)
    round_ = Round.objects.create(framework=framework, created_by=user, **fields)
    round_.log_action("assessments.round_opened", user=user, changes={"framework": str(framework)})
    return round_


@transaction.atomic
def invite_regions(*, round_id: int, region_codes: list[str], user) -> list[str]:
    """Invite these regions (codes); returns the codes newly invited."""
    round_ = Round.objects.select_for_update().get(pk=round_id)
    if not round_.is_open:
        raise ValidationError(_("Regions can only be invited while the round is open."))
    known = set(Region.objects.filter(code__in=region_codes).values_list("code", flat=True))
    already = set(round_.participants.values_list("region_id", flat=True))
    new = [code for code in dict.fromkeys(region_codes) if code in known and code not in already]
    created = Participant.objects.bulk_create(
        Participant(round=round_, region_id=code) for code in new
    )
    for participant in created:
        participant.log_action("assessments.region_invited", user=user)
    content_changed("assessments", DESK)  # bulk_create sends no post_save
    return new


@transaction.atomic
def assign_assessor(*, round_id: int, assessor_id: int, region_codes: list[str], user) -> int:
    """Assign an assessor to invited regions of the round; returns how many were new."""
    round_ = Round.objects.get(pk=round_id)
    assessor = User.objects.get(pk=assessor_id, role=User.Role.ASSESSOR, is_active=True)
    invited = set(round_.participants.values_list("region_id", flat=True))
    outside = sorted(set(region_codes) - invited)
    if outside:
        raise ValidationError(
            _("These regions are not invited to the round: %(codes)s.")
            % {"codes": ", ".join(outside)}
        )
    count = 0
    for code in region_codes:
        assignment, created = Assignment.objects.get_or_create(
            round=round_, region_id=code, assessor=assessor
        )
        if created:
            count += 1
            assignment.log_action(
                "assessments.assessor_assigned", user=user, changes={"assessor": str(assessor)}
            )
    return count


@dataclass
class SaveReport:
    errors: dict[int, str] = field(default_factory=dict)  # indicator id -> message
    saved: int = 0


@transaction.atomic
def save_self_assessment(
    *, participant_id: int, answers: dict[int, float | None], user, submit: bool = False
) -> SaveReport:
    """Store a region's answers as a draft, or submit them when nothing is missing.

    Every acceptable answer is kept even when others are refused, so nothing typed is lost.
    A submitted self-assessment needs every question answered and the evidence asked for.
    """
    participant = (
        Participant.objects.select_for_update().select_related("round").get(pk=participant_id)
    )
    if not participant.round.is_open:
        raise ValidationError(_("The round is closed: the self-assessment can no longer change."))
    indicators = {
        i.pk: i for i in participant.round.framework.ordered_indicators() if i.is_self_assessed
    }
    report = SaveReport()
    for indicator_id, value in answers.items():
        indicator = indicators.get(indicator_id)
        if indicator is None:
            continue
        problem = indicator.value_problem(value) if value is not None else None
        if problem:
            report.errors[indicator_id] = problem
            continue
        Answer.objects.update_or_create(
            participant=participant,
            indicator=indicator,
            defaults={"value": value, "source": Answer.Source.SELF, "updated_by": user},
        )
        report.saved += 1
    if submit and not report.errors:
        report.errors.update(_submission_gaps(participant, indicators.values()))
    submitting = submit and not report.errors
    if submitting:
        participant.self_status = Participant.SelfStatus.SUBMITTED
        participant.submitted_at = timezone.now()
    elif participant.self_status != Participant.SelfStatus.SUBMITTED:
        participant.self_status = Participant.SelfStatus.DRAFT
    participant.save(update_fields=["self_status", "submitted_at"])
    action = "submitted" if submitting else "saved"
    participant.log_action(
        f"assessments.self_assessment_{action}", user=user, changes={"answers": report.saved}
    )
    return report


def _submission_gaps(participant, indicators) -> dict[int, str]:
    answered = dict(participant.answers.values_list("indicator_id", "value"))
    with_evidence = set(participant.evidence.values_list("indicator_id", flat=True))
    gaps = {}
    for indicator in indicators:
        value = answered.get(indicator.pk)
        if value is None:
            gaps[indicator.pk] = _("Answer this question before submitting.")
        elif indicator.evidence_required and value > 0 and indicator.pk not in with_evidence:
            gaps[indicator.pk] = _("Attach the evidence for this answer before submitting.")
    return gaps


@transaction.atomic
def add_evidence(*, participant_id: int, indicator_id: int, upload, content_type: str, user):
    """Store an upload checked by `forms.check_evidence` under MEDIA_ROOT."""
    participant = Participant.objects.select_related("round").get(pk=participant_id)
    if not participant.round.is_open:
        raise ValidationError(_("The round is closed: evidence can no longer be added."))
    indicator = Indicator.objects.get(
        pk=indicator_id, dimension__framework=participant.round.framework
    )
    evidence = Evidence.objects.create(
        participant=participant,
        indicator=indicator,
        file=upload,
        original_name=upload.name[:200],
        size=upload.size,
        content_type=content_type,
        uploaded_by=user,
    )
    participant.log_action(
        "assessments.evidence_uploaded",
        user=user,
        changes={"indicator": indicator.code, "file": evidence.original_name},
    )
    return evidence


@transaction.atomic
def save_assessor_scores(
    *, participant_id: int, assessor, scores: dict[int, tuple[float | None, str]]
) -> SaveReport:
    """An assigned assessor's scores and notes for one region; out-of-scale scores refused."""
    participant = Participant.objects.select_related("round", "region").get(pk=participant_id)
    if not participant.round.is_assessor(assessor, participant.region):
        raise PermissionError("not assigned to this region in this round")
    if not participant.round.is_open:
        raise ValidationError(_("The round is closed: scores can no longer change."))
    indicators = {
        i.pk: i
        for i in participant.round.framework.ordered_indicators()
        if i.kind == Indicator.Kind.ASSESSOR
    }
    report = SaveReport()
    for indicator_id, (score, note) in scores.items():
        indicator = indicators.get(indicator_id)
        if indicator is None or score is None:
            continue
        problem = indicator.value_problem(score)
        if problem:
            report.errors[indicator_id] = problem
            continue
        AssessorScore.objects.update_or_create(
            participant=participant,
            indicator=indicator,
            assessor=assessor,
            defaults={"score": score, "note": note},
        )
        report.saved += 1
    participant.log_action("assessments.scored", user=assessor, changes={"scores": report.saved})
    return report


NOT_CONFIRMED = gettext_lazy("Confirm this step on its confirmation page first.")


@transaction.atomic
def close_round(*, round_id: int, user, confirmed: bool = False) -> Round:
    """Stop answers, scores and invitations; there is no reopening, so it is confirmed."""
    if not confirmed:
        raise ValidationError(NOT_CONFIRMED)
    round_ = Round.objects.select_for_update().get(pk=round_id)
    if round_.is_open:
        round_.status = Round.Status.CLOSED
        round_.save(update_fields=["status"])
        round_.log_action("assessments.round_closed", user=user)
    return round_


def record_override(round_, *, reason: str, user, step: str) -> list[str]:
    """Refuse to go on with missing data unless a reason is given; keep what was missing.

    Returns the gaps as sentences (empty when nothing is missing). The caller saves the
    round and writes its own audit entry; the override gets its own entry here.
    """
    found = coverage(round_)
    if found.complete:
        return []
    reason = reason.strip()
    if not reason:
        raise ValidationError(
            _("Data are missing (see the list): to go on anyway, tick the override and say why.")
        )
    summary = found.summary()
    round_.data_gaps = summary
    round_.data_override_reason = reason
    round_.data_override_by = user
    round_.data_override_at = timezone.now()
    round_.save(
        update_fields=["data_gaps", "data_override_reason", "data_override_by", "data_override_at"]
    )
    texts = found.texts()
    round_.log_action(
        "assessments.missing_data_overridden",
        user=user,
        reason=reason,
        changes={"step": step, "missing": texts},
    )
    return texts


@transaction.atomic
def publish_round(
    *, round_id: int, user, confirmed: bool = False, override_reason: str = ""
) -> Round:
    """Make the ranking, explanations and (for a selection) the announcement public.

    Confirmed first: published results are not withdrawn. An evaluation round with data
    missing is published only with an override reason (a selection had its override when it
    was finalised).
    """
    if not confirmed:
        raise ValidationError(NOT_CONFIRMED)
    round_ = Round.objects.select_for_update().get(pk=round_id)
    refusal = round_.publish_refusal()
    if refusal:
        raise ValidationError(refusal)
    if not round_.is_published:
        if round_.purpose == Round.Purpose.EVALUATION and not round_.was_overridden:
            record_override(round_, reason=override_reason, user=user, step="publish")
        round_.status = Round.Status.PUBLISHED
        round_.published_at = timezone.now()
        round_.save(update_fields=["status", "published_at"])
        round_.log_action("assessments.published", user=user)
        results_changed()
    return round_

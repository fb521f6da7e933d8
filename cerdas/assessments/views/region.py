"""What a region's team and the round's assessors use: self-assessment, evidence, scoring."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from cerdas.assessments import importing, permissions, services
from cerdas.assessments.forms import check_evidence
from cerdas.assessments.models import AssessorScore, Evidence, Indicator, Participant
from cerdas.core import media
from cerdas.core.numbers import show


def _get_participant(pk, code) -> Participant:
    return get_object_or_404(
        Participant.objects.select_related("round__framework", "region__province"),
        round_id=pk,
        region_id=code,
    )


def _get_participant_for_team(request, pk, code) -> Participant:
    participant = _get_participant(pk, code)
    if not permissions.can_fill_self_assessment(request.user, participant):
        raise PermissionDenied
    return participant


def _get_participant_for_assessor(request, pk, code) -> Participant:
    participant = _get_participant(pk, code)
    if not permissions.can_score(request.user, participant):
        raise PermissionDenied
    return participant


def _posted_numbers(request, indicators, prefix) -> tuple[dict, dict]:
    """Numbers typed per indicator, and a message for each that is not a number."""
    values, errors = {}, {}
    for indicator in indicators:
        text = request.POST.get(f"{prefix}{indicator.pk}", "").strip()
        if not text:
            continue
        try:
            values[indicator.pk] = importing.parse_number(text)
        except ValidationError as error:
            errors[indicator.pk] = " ".join(error.messages)
    return values, errors


def _store_evidence(request, participant, questions) -> dict[int, str]:
    """Attach the files sent with the form; a message per question whose file is refused."""
    errors = {}
    for indicator in questions:
        upload = request.FILES.get(f"e{indicator.pk}")
        if not indicator.evidence_required or upload is None:
            continue
        try:
            content_type = check_evidence(upload)
            services.add_evidence(
                participant_id=participant.pk,
                indicator_id=indicator.pk,
                upload=upload,
                content_type=content_type,
                user=request.user,
            )
        except ValidationError as error:
            errors[indicator.pk] = " ".join(error.messages)
    return errors


@login_required
def self_assessment(request, pk, code):
    """A region's answers and evidence files, saved as a draft or submitted.

    A refused answer or file is shown next to its question while everything else typed
    stays in the form and every acceptable answer and file is kept.
    """
    participant = _get_participant_for_team(request, pk, code)
    round_ = participant.round
    questions = [i for i in round_.framework.ordered_indicators() if i.is_self_assessed]
    errors, typed = {}, {}
    if request.method == "POST":
        if not round_.is_open:
            raise PermissionDenied
        typed = {i.pk: request.POST.get(f"q{i.pk}", "") for i in questions}
        values, errors = _posted_numbers(request, questions, "q")
        file_errors = _store_evidence(request, participant, questions)
        try:
            report = services.save_self_assessment(
                participant_id=participant.pk,
                answers=values,
                user=request.user,
                submit="submit" in request.POST and not file_errors,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("assessments:self_assessment", pk, code)
        for indicator_id, message in [*report.errors.items(), *file_errors.items()]:
            errors[indicator_id] = (
                f"{errors[indicator_id]} {message}" if indicator_id in errors else message
            )
        if not errors:
            participant.refresh_from_db()
            if participant.self_status == Participant.SelfStatus.SUBMITTED:
                messages.success(request, _("The self-assessment is submitted."))
            else:
                messages.success(request, _("The draft is saved."))
            return redirect("assessments:self_assessment", pk, code)
        messages.error(request, _("Some answers need attention; the others are saved."))
    return _render_self_assessment(request, participant, questions, typed, errors)


def _render_self_assessment(request, participant, questions, typed, errors):
    answers = dict(participant.answers.values_list("indicator_id", "value"))
    evidence = {}
    for item in participant.evidence.all():
        evidence.setdefault(item.indicator_id, []).append(item)
    rows = [
        {
            "indicator": i,
            "value": typed.get(i.pk, _shown(answers.get(i.pk))),
            "error": errors.get(i.pk),
            "evidence": evidence.get(i.pk, []),
        }
        for i in questions
    ]
    round_ = participant.round
    return render(
        request,
        "assessments/self_assessment.html",
        {
            "participant": participant,
            "round": round_,
            "region": participant.region,
            "rows": rows,
            "deadline": round_.deadline.astimezone(participant.region.tzinfo),
        },
    )


def _shown(value) -> str:
    """A stored value as the page's language writes it (75,5 in Indonesian)."""
    return show(value, None)


@login_required
def evidence_file(request, evidence_pk):
    """Serve an evidence file to those who may see the region's assessment, and nobody else."""
    evidence = get_object_or_404(
        Evidence.objects.select_related("participant__round"), pk=evidence_pk
    )
    if not permissions.can_see_evidence(request.user, evidence.participant):
        raise Http404
    return media.serve(
        request, evidence.file.name, filename=f"evidence-{evidence.pk}{_suffix(evidence)}"
    )


def _suffix(evidence) -> str:
    name = evidence.file.name
    return name[name.rfind(".") :] if "." in name else ""


@login_required
def score(request, pk, code):
    """An assigned assessor's scores and notes for one region, with its answers and evidence."""
    participant = _get_participant_for_assessor(request, pk, code)
    round_ = participant.round
    indicators = round_.framework.ordered_indicators()
    assessed = [i for i in indicators if i.kind == Indicator.Kind.ASSESSOR]
    mine = {
        s.indicator_id: s
        for s in AssessorScore.objects.filter(participant=participant, assessor=request.user)
    }
    errors, typed = {}, {}
    if request.method == "POST":
        typed = {i.pk: request.POST.get(f"s{i.pk}", "") for i in assessed}
        values, errors = _posted_numbers(request, assessed, "s")
        scores = {
            i.pk: (values.get(i.pk), request.POST.get(f"n{i.pk}", "")[:2000]) for i in assessed
        }
        try:
            report = services.save_assessor_scores(
                participant_id=participant.pk, assessor=request.user, scores=scores
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("assessments:score", pk, code)
        errors.update(report.errors)
        if not errors:
            messages.success(request, _("Your scores are saved."))
            return redirect("assessments:score", pk, code)
        messages.error(request, _("Some scores need attention; the others are saved."))
    answers = dict(participant.answers.values_list("indicator_id", "value"))
    rows = [
        {
            "indicator": i,
            "value": typed.get(i.pk, _shown(mine[i.pk].score) if i.pk in mine else ""),
            "note": request.POST.get(f"n{i.pk}", mine[i.pk].note if i.pk in mine else ""),
            "error": errors.get(i.pk),
        }
        for i in assessed
    ]
    answered = [
        {"indicator": i, "value": answers.get(i.pk)}
        for i in indicators
        if i.kind != Indicator.Kind.ASSESSOR
    ]
    return render(
        request,
        "assessments/score.html",
        {
            "participant": participant,
            "round": round_,
            "region": participant.region,
            "rows": rows,
            "answered": answered,
            "evidence": participant.evidence.all(),
        },
    )

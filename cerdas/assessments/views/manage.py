"""What national admins use: rounds, frameworks, invitations, import, selection."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from cerdas.accounts.permissions import require_manager
from cerdas.accounts.receivers import PEOPLE
from cerdas.assessments import computing, editing, importing, services
from cerdas.assessments.coverage import coverage, gap_texts
from cerdas.assessments.forms import (
    AssignForm,
    FinaliseForm,
    InviteForm,
    OverrideForm,
    RoundForm,
    RoundRulesForm,
    SourceForm,
    UploadForm,
)
from cerdas.assessments.models import Framework, ImportBatch, Participant, Round
from cerdas.assessments.receivers import DESK
from cerdas.assessments.results import ranking_rows
from cerdas.core.cache import desk_kinds
from cerdas.core.registries import indicator_sources
from cerdas.regions.templatetags.regions import region_time


def _get_round_for_manager(request, pk) -> Round:
    require_manager(request.user)
    return get_object_or_404(Round.objects.select_related("framework"), pk=pk)


def _errors(error: ValidationError) -> str:
    return " ".join(error.messages)


@login_required
def dashboard(request):
    """Every round and framework, and a form to open a round."""
    require_manager(request.user)
    form = RoundForm(request.POST or None, initial={"purpose": "selection"})
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        framework = data.pop("framework")
        try:
            round_ = services.open_round(user=request.user, framework_id=framework.pk, **data)
        except ValidationError as error:
            form.add_error("framework", error)
        else:
            messages.success(request, _("The round is open: now invite the regions."))
            return redirect("assessments:manage_round", round_.pk)
    frameworks = list(Framework.objects.all())
    return render(
        request,
        "assessments/manage/dashboard.html",
        {
            "form": form,
            # What the list shows of a round, and no more (a round has long texts).
            "rounds": Round.objects.only("name", "name_en", "status", "is_demo"),
            "frameworks": frameworks,
            # An empty form is the same for every manager until a framework (its choices) or
            # the provinces (its eastern ticks, kind "regions") change: kept, not redrawn.
            "empty_form_key": [(framework.pk, str(framework)) for framework in frameworks],
        },
    )


@login_required
def round_dashboard(request, pk):
    round_ = _get_round_for_manager(request, pk)
    return _render_round(request, round_)


@login_required
def rules(request, pk):
    """The selection rules, until the selection is final; a computed round is recomputed."""
    round_ = _get_round_for_manager(request, pk)
    final = hasattr(round_, "selection") and round_.selection.is_final
    form = RoundRulesForm(request.POST or None, instance=Round.objects.get(pk=round_.pk))
    if request.method == "POST" and not final and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in editing.RULE_FIELDS}
        try:
            editing.update_rules(
                round_id=round_.pk,
                fields=fields,
                reason=form.cleaned_data["reason"],
                user=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The selection rules are saved."))
            return redirect("assessments:manage_round", round_.pk)
    if request.method == "POST" and final:
        messages.error(request, _("The selection is final: its rules can no longer change."))
    return render(
        request, "assessments/manage/rules.html", {"round": round_, "form": form, "final": final}
    )


def _render_round(request, round_, **extra):
    """The round's management page. What it lists (every participant, their assessors and
    data, the assessor picker) is kept for the ministry (``receivers``): read only when the
    kept copy has retired."""
    proposal = getattr(round_, "selection", None)
    final = proposal is not None and proposal.is_final
    context = {
        "round": round_,
        "desk": SimpleLazyObject(lambda: _round_desk(round_)),
        "desk_kinds": " ".join(desk_kinds(DESK, None, PEOPLE)),
        "invite_form": InviteForm(),
        "assign_form": AssignForm(round_=round_),
        "upload_form": UploadForm(),
        "proposal": proposal,
        "can_finalise": proposal is not None and not final,
        "can_compute": not round_.is_open and not final,
        "override_texts": gap_texts(round_.data_gaps) if round_.was_overridden else [],
        **extra,
    }
    return render(request, "assessments/manage/round.html", context)


def _round_desk(round_) -> dict:
    participants = list(
        round_.participants.select_related("region")
        .defer("dimension_scores", "explanation")
        .order_by("region_id")
    )
    assessors = {}
    for assignment in round_.assignments.select_related("assessor"):
        assessors.setdefault(assignment.region_id, []).append(str(assignment.assessor))
    for participant in participants:
        participant.assessor_names = ", ".join(assessors.get(participant.region_id, []))
    found = coverage(round_)
    return {
        "participants": participants,
        "coverage": found,
        "missing": found.texts(),
        "submitted": sum(p.self_status == Participant.SelfStatus.SUBMITTED for p in participants),
    }


@login_required
@require_POST
def invite(request, pk):
    """Invite the regions named once every name is settled: an ambiguous name is offered
    to pick, an unknown one sent back, and nothing is invited until all are clear."""
    round_ = _get_round_for_manager(request, pk)
    form = InviteForm(request.POST)
    if not form.is_valid():
        return _render_round(request, round_, invite_form=form)
    try:
        new = services.invite_regions(
            round_id=round_.pk, region_codes=form.cleaned_data["names"], user=request.user
        )
    except ValidationError as error:
        messages.error(request, _errors(error))
        return redirect("assessments:manage_round", round_.pk)
    messages.success(request, _("%(count)s regions invited.") % {"count": len(new)})
    return redirect("assessments:manage_round", round_.pk)


@login_required
@require_POST
def assign(request, pk):
    round_ = _get_round_for_manager(request, pk)
    form = AssignForm(request.POST, round_=round_)
    if not form.is_valid():
        return _render_round(request, round_, assign_form=form)
    count = services.assign_assessor(
        round_id=round_.pk,
        assessor_id=form.cleaned_data["assessor"].pk,
        region_codes=form.cleaned_data["regions"],
        user=request.user,
    )
    messages.success(request, _("%(count)s assignments added.") % {"count": count})
    return redirect("assessments:manage_round", round_.pk)


# Each step of a round: its service, what it says when done, and whether it is confirmed
# (closing and publishing cannot be undone; computing can be redone until the selection is
# final, and its page shows what data the computation will lack).
STEP_DONE = {
    "close": gettext_lazy("The round is closed."),
    "compute": gettext_lazy("Scores, ranking and selection proposal computed."),
    "publish": gettext_lazy("The results are public."),
}
STEP_BUTTONS = {
    "close": gettext_lazy("Close the round"),
    "compute": gettext_lazy("Compute scores and propose the selection"),
    "publish": gettext_lazy("Publish the results"),
}
STEP_TITLES = {
    "close": gettext_lazy("Close the round?"),
    "compute": gettext_lazy("Compute scores and propose the selection?"),
    "publish": gettext_lazy("Publish the results?"),
}


def _step_refusal(round_, action) -> str | None:
    """Why the step cannot be taken now; None when it can."""
    final = hasattr(round_, "selection") and round_.selection.is_final
    if action == "close" and not round_.is_open:
        return _("The round is already closed.")
    if action == "compute":
        if round_.is_open:
            return _("Close the round before computing: answers may still change.")
        if final:
            return _("The selection is final: the scores can no longer change.")
    if action == "publish":
        if round_.is_published:
            return _("The results are already public.")
        return round_.publish_refusal()
    return None


def _step_effects(round_, action) -> list[str]:
    """What the step will do, said before it is done."""
    if action == "close":
        return [
            _("Regions can no longer change or submit their self-assessments."),
            _("Assessors can no longer enter scores, and no more regions can be invited."),
            _("The round cannot be opened again."),
        ]
    if action == "compute":
        effects = [
            _(
                "Every invited region is scored and ranked with the data below; missing values "
                "are handled as the framework says: %(policy)s."
            )
            % {"policy": round_.framework.get_missing_policy_display()},
            _(
                "You can compute again, for instance after importing missing data, until the "
                "selection is final."
            ),
        ]
        if round_.purpose == Round.Purpose.SELECTION:
            effects.insert(
                1,
                _(
                    "A selection is proposed under the round's rules, with a reason for each "
                    "region."
                ),
            )
        return effects
    effects = [
        _("The ranking, each region's explanation and the PDF report become public."),
        _("Published results are not withdrawn."),
    ]
    if round_.purpose == Round.Purpose.SELECTION:
        effects.insert(1, _("The announcement of the selected regions becomes public."))
    return effects


@login_required
def step(request, pk, action):
    """Close, compute or publish the round, after a page that says what will happen and what
    data are missing; the step is taken only by that page's POST."""
    round_ = _get_round_for_manager(request, pk)
    if action not in STEP_DONE:
        raise Http404
    refusal = _step_refusal(round_, action)
    found = coverage(round_)
    missing = found.texts()
    if action == "close" and round_.deadline > timezone.now():
        missing.insert(
            0,
            _("The deadline (%(when)s) has not passed: regions still answering are cut off.")
            % {"when": region_time(round_.deadline)},
        )
    needs_override = (
        action == "publish"
        and round_.purpose == Round.Purpose.EVALUATION
        and not round_.was_overridden
        and not found.complete
    )
    form = OverrideForm(
        request.POST if request.method == "POST" else None, needs_override=needs_override
    )
    if request.method == "POST" and refusal is None and form.is_valid():
        try:
            _take_step(round_, action, request.user, form)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, STEP_DONE[action])
            return redirect("assessments:manage_round", round_.pk)
    return render(
        request,
        "assessments/manage/step.html",
        {
            "round": round_,
            "action": action,
            "title": STEP_TITLES[action],
            "button": STEP_BUTTONS[action],
            "form": form,
            "effects": _step_effects(round_, action),
            "blocking": [refusal] if refusal else [],
            "missing": missing,
            "coverage": found,
            "override_texts": gap_texts(round_.data_gaps) if round_.was_overridden else [],
        },
        status=400 if request.method == "POST" else 200,
    )


def _take_step(round_, action, user, form) -> None:
    confirmed = form.cleaned_data["confirmed"]
    if action == "close":
        services.close_round(round_id=round_.pk, user=user, confirmed=confirmed)
    elif action == "compute":
        computing.compute_round(round_id=round_.pk, user=user)
    else:
        services.publish_round(
            round_id=round_.pk,
            user=user,
            confirmed=confirmed,
            override_reason=form.given_override_reason() if form.needs_override else "",
        )


@login_required
def finalise(request, pk):
    """The proposal with each region's rank, score and the engine's reason, what data are
    missing, and the form that fixes the cohort (with an override while data are missing)."""
    round_ = _get_round_for_manager(request, pk)
    proposal = getattr(round_, "selection", None)
    if proposal is None or proposal.is_final:
        messages.error(
            request,
            _("The selection is already final.")
            if proposal
            else _("Compute the round before finalising its selection."),
        )
        return redirect("assessments:manage_round", round_.pk)
    rows = ranking_rows(round_)
    found = coverage(round_)
    form = FinaliseForm(
        request.POST if request.method == "POST" else None,
        rows=rows,
        needs_override=not found.complete,
        initial={
            "regions": proposal.proposed_codes(),
            "name": _("Gerakan Menuju 100 Smart City %(year)s") % {"year": round_.year},
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            computing.finalise_selection(
                round_id=round_.pk,
                region_codes=form.cleaned_data["regions"],
                reason=form.cleaned_data["reason"],
                name=form.cleaned_data["name"],
                user=request.user,
                confirmed=form.cleaned_data["confirmed"],
                override_reason=form.given_override_reason(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The selection is final and recorded as the cohort."))
            return redirect("assessments:manage_round", round_.pk)
    ticked = set(form["regions"].value() or [])
    for row in rows:
        row["ticked"] = row["region"].code in ticked
        row["proposed"] = row["region"].code in proposal.proposed_codes()
    return render(
        request,
        "assessments/manage/finalise.html",
        {
            "round": round_,
            "form": form,
            "rows": rows,
            "fragile": [row for row in rows if row["fragile"]],
            "effects": [
                _(
                    "The regions ticked become the %(year)s cohort, members from today; the "
                    "cohort's page lists them."
                )
                % {"year": round_.year},
                _("The selection, the scores and the rules can no longer change."),
                _("Your reason is kept in the audit log with the list."),
                _("Then the results can be published."),
            ],
            "missing": found.texts(),
            "coverage": found,
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
def import_values(request, pk):
    """Upload a file and see every row's fate before anything is written."""
    round_ = _get_round_for_manager(request, pk)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            preview = importing.preview_import(
                round_id=round_.pk, filename=upload.name, content=upload.read(), user=request.user
            )
        except ValidationError as error:
            form.add_error("file", error)
        else:
            request.session[f"import-columns-{preview.batch.pk}"] = preview.unknown_columns
            return redirect("assessments:import_preview", round_.pk, preview.batch.pk)
    return render(
        request,
        "assessments/manage/import.html",
        {"round": round_, "form": form, "sources": list(indicator_sources)},
    )


@login_required
def import_source(request, pk, key):
    """Take indicator values from another app's records (``indicator_sources``), previewed
    as a file's rows are, instead of typing them again."""
    round_ = _get_round_for_manager(request, pk)
    source = {entry.key: entry for entry in indicator_sources}.get(key)
    if source is None:
        raise Http404
    form = SourceForm(
        request.POST or None,
        figures=source.figures(),
        choices=importing.source_choices(round_),
    )
    if request.method == "POST" and form.is_valid():
        try:
            preview = importing.preview_source(
                round_id=round_.pk, source_key=key, mapping=form.mapping(), user=request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("assessments:import_preview", round_.pk, preview.batch.pk)
    return render(
        request,
        "assessments/manage/import_source.html",
        {"round": round_, "form": form, "source": source},
    )


def _get_batch_for_manager(request, round_, batch_pk) -> ImportBatch | None:
    """The round's preview, or None with a message saying why it cannot be confirmed here."""
    batch = get_object_or_404(ImportBatch, pk=batch_pk)
    if batch.round_id != round_.pk:
        messages.error(request, _("This preview belongs to another round: nothing was imported."))
        return None
    return batch


@login_required
def import_preview(request, pk, batch_pk):
    """Every row of the file with its status; confirming writes the stored rows only."""
    round_ = _get_round_for_manager(request, pk)
    batch = _get_batch_for_manager(request, round_, batch_pk)
    if batch is None:
        return redirect("assessments:import", round_.pk)
    report = None
    if request.method == "POST":
        report = _confirm(request, batch)
        if report is None:
            return redirect("assessments:import_preview", round_.pk, batch.pk)
        batch.refresh_from_db()
    rows, counts = importing.preview(batch)
    return render(
        request,
        "assessments/manage/import_preview.html",
        {
            "round": round_,
            "batch": batch,
            "report": report,
            "rows": rows,
            "counts": counts,
            "unknown_columns": request.session.get(f"import-columns-{batch.pk}", []),
        },
    )


def _confirm(request, batch):
    """Confirm the batch with the picks posted; None, with the reason said, when refused."""
    if request.POST.get("batch") != str(batch.pk):
        messages.error(
            request, _("The confirmation does not match this preview: nothing was imported.")
        )
        return None
    picks = {}
    for key, value in request.POST.items():
        if key.startswith("pick-") and key[5:].isdigit():
            picks[int(key[5:])] = value.strip()
    try:
        report = importing.confirm_import(batch_id=batch.pk, picks=picks, user=request.user)
    except ValidationError as error:
        messages.error(request, _errors(error))
        return None
    messages.success(
        request,
        _("%(rows)s rows imported, %(skipped)s not taken.")
        % {"rows": len(report.imported), "skipped": len(report.not_taken)},
    )
    return report

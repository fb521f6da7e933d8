"""What national admins use: rounds, frameworks, invitations, import, selection."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cerdas.accounts.permissions import require_manager
from cerdas.assessments import computing, editing, importing, services
from cerdas.assessments.forms import (
    AssignForm,
    FinaliseForm,
    InviteForm,
    RoundForm,
    RoundRulesForm,
    UploadForm,
)
from cerdas.assessments.models import Framework, ImportBatch, Participant, Round
from cerdas.assessments.results import ranking_rows
from cerdas.regions.services import resolve_pasted


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
    return render(
        request,
        "assessments/manage/dashboard.html",
        {
            "form": form,
            "rounds": Round.objects.select_related("framework"),
            "frameworks": Framework.objects.all(),
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
    participants = list(
        round_.participants.select_related("region__province").order_by("region_id")
    )
    assessors = {}
    for assignment in round_.assignments.select_related("assessor"):
        assessors.setdefault(assignment.region_id, []).append(str(assignment.assessor))
    for participant in participants:
        participant.assessor_names = ", ".join(assessors.get(participant.region_id, []))
    rows = ranking_rows(round_) if round_.computed_at else []
    proposal = getattr(round_, "selection", None)
    context = {
        "round": round_,
        "participants": participants,
        "invite_form": InviteForm(),
        "assign_form": AssignForm(round_=round_),
        "upload_form": UploadForm(),
        "rows": rows,
        "proposal": proposal,
        "finalise_form": FinaliseForm(
            rows=rows,
            initial={
                "regions": proposal.proposed_codes() if proposal else [],
                "name": _("Gerakan Menuju 100 Smart City %(year)s") % {"year": round_.year},
            },
        ),
        "fragile": [row for row in rows if row["fragile"]],
        "submitted": sum(p.self_status == Participant.SelfStatus.SUBMITTED for p in participants),
        **extra,
    }
    return render(request, "assessments/manage/round.html", context)


@login_required
@require_POST
def invite(request, pk):
    """Resolve pasted names; invite the sure ones, ask about the rest."""
    round_ = _get_round_for_manager(request, pk)
    form = InviteForm(request.POST)
    if not form.is_valid():
        return _render_round(request, round_, invite_form=form)
    lines = [line.strip() for line in form.cleaned_data["names"].splitlines() if line.strip()]
    picked = [code for code in request.POST.getlist("pick") if code]
    if not lines and not picked:
        form.add_error("names", _("Write at least one region name or code."))
        return _render_round(request, round_, invite_form=form)
    pasted = resolve_pasted(lines)
    codes, questions = picked + pasted.codes, [result for _position, result in pasted.open]
    try:
        new = services.invite_regions(round_id=round_.pk, region_codes=codes, user=request.user)
    except ValidationError as error:
        messages.error(request, _errors(error))
        return redirect("assessments:manage_round", round_.pk)
    messages.success(request, _("%(count)s regions invited.") % {"count": len(new)})
    if questions:
        retry = InviteForm(initial={"names": "\n".join(q.query for q in questions)})
        return _render_round(request, round_, invite_form=retry, questions=questions)
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


@login_required
@require_POST
def step(request, pk, action):
    """Close, compute or publish the round."""
    round_ = _get_round_for_manager(request, pk)
    steps = {
        "close": (services.close_round, _("The round is closed.")),
        "compute": (computing.compute_round, _("Scores, ranking and selection proposal computed.")),
        "publish": (services.publish_round, _("The results are public.")),
    }
    if action not in steps:
        raise PermissionDenied
    function, done = steps[action]
    try:
        function(round_id=round_.pk, user=request.user)
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        messages.success(request, done)
    return redirect("assessments:manage_round", round_.pk)


@login_required
@require_POST
def finalise(request, pk):
    round_ = _get_round_for_manager(request, pk)
    form = FinaliseForm(request.POST, rows=ranking_rows(round_))
    if form.is_valid():
        try:
            computing.finalise_selection(
                round_id=round_.pk,
                region_codes=form.cleaned_data["regions"],
                reason=form.cleaned_data["reason"],
                name=form.cleaned_data["name"],
                user=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The selection is final and recorded as the cohort."))
            return redirect("assessments:manage_round", round_.pk)
    return _render_round(request, round_, finalise_form=form)


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
    return render(request, "assessments/manage/import.html", {"round": round_, "form": form})


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

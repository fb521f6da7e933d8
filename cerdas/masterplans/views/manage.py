"""What a region's team and its reviewers use: write, check, review, compare."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cerdas.core.models import AuditEntry
from cerdas.masterplans import permissions, services
from cerdas.masterplans.completeness import completeness
from cerdas.masterplans.engine.diff import compare
from cerdas.masterplans.forms import (
    BaseBudgetFormSet,
    BudgetFormSet,
    CohortForm,
    CommentForm,
    IndicatorFormSet,
    MasterplanForm,
    ProgramForm,
    SectionForm,
)
from cerdas.masterplans.models import Masterplan, Program, Section, Version
from cerdas.masterplans.permissions import get_masterplan_for_user
from cerdas.masterplans.reports import programs_by_dimension
from cerdas.masterplans.sections import field_labels, fields_for
from cerdas.masterplans.snapshot import build_snapshot
from cerdas.regions.models import Region


def refuse_if_locked(request, masterplan):
    """A redirect back to the workspace with the reason, when the plan cannot change."""
    if masterplan.is_editable:
        return None
    try:
        services.refuse_unless_editable(masterplan)
    except services.NotEditable as error:
        messages.error(request, str(error))
    return redirect(masterplan.get_manage_url())


@login_required
def index(request):
    """The plans this user works on, and a form to start one."""
    user = request.user
    plans = (
        Masterplan.objects.for_user(user)
        .filter(region__in=Region.objects.for_user(user))
        .select_related("region")
    )
    writable = (
        Region.objects.filter(
            pk__in=[r.pk for r in Region.objects.for_user(user) if user.can("edit", r)]
        )
        if not user.is_national_admin
        else Region.objects.all()
    )
    form = MasterplanForm(request.POST or None, regions=writable)
    if request.method == "POST":
        if not writable.exists():
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            try:
                plan = services.create_masterplan(
                    data["region"].pk,
                    data["title"],
                    data["period_start"],
                    data["period_end"],
                    user,
                    data["cohort"].pk if data["cohort"] else None,
                )
            except services.WorkflowError as error:
                form.add_error("cohort", str(error))
            else:
                messages.success(request, _("The masterplan was created. Start with any section."))
                return redirect(plan.get_manage_url())
    return render(
        request,
        "masterplans/manage/index.html",
        {"plans": plans, "form": form if writable.exists() else None},
    )


@login_required
def edit_cohort(request, pk):
    """Tie the plan to one of the cohorts its region is or was a member of."""
    plan = get_masterplan_for_user(request.user, pk, "write")
    locked = refuse_if_locked(request, plan)
    if locked:
        return locked
    cohorts = services.cohorts_for_region(plan.region_id)
    form = CohortForm(request.POST or None, cohorts=cohorts, initial={"cohort": plan.cohort_id})
    if request.method == "POST" and form.is_valid():
        cohort = form.cleaned_data["cohort"]
        try:
            services.set_cohort(plan.pk, cohort.pk if cohort else None, request.user)
        except services.WorkflowError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Cohort saved."))
        return redirect(plan.get_manage_url())
    return render(request, "masterplans/manage/cohort_form.html", {"plan": plan, "form": form})


@login_required
def workspace(request, pk):
    """One plan: status, completeness per section, programs, review, versions, history."""
    plan = get_masterplan_for_user(request.user, pk)
    snapshot = build_snapshot(plan)
    user = request.user
    check = completeness(snapshot)
    for row in check["sections"]:
        row["editable"] = row["kind"] in Section.Kind.values
    context = {
        "plan": plan,
        "check": check,
        "groups": programs_by_dimension(snapshot),
        "programs": {str(p.key): p for p in plan.programs.all()},
        "sections": Section.Kind.choices,
        "actions": [services.ACTIONS[name] for name in services.allowed_actions(user, plan)],
        "can_edit": permissions.can_edit(user, plan),
        "can_write": permissions.can_write_region(user, plan.region_id),
        "can_review": permissions.can_review(user, plan),
        "comment_form": CommentForm(masterplan=plan),
        "comments": plan.comments.select_related("author", "version"),
        "versions": Version.objects.filter(masterplan_id__in=plan.lineage_ids())
        .select_related("masterplan", "created_by")
        .order_by("-created_at"),
        "history": AuditEntry.objects.filter(
            object_id=str(plan.pk), action__startswith="masterplan."
        )[:20],
        "tz": plan.region.tzinfo,
    }
    return render(request, "masterplans/manage/workspace.html", context)


@login_required
def edit_section(request, pk, kind):
    """Edit one section; a save over someone else's newer save shows both texts instead."""
    if kind not in Section.Kind.values:
        raise Http404
    plan = get_masterplan_for_user(request.user, pk, "write")
    locked = refuse_if_locked(request, plan)
    if locked:
        return locked
    section, _created = Section.objects.get_or_create(masterplan=plan, kind=kind)
    conflict = None
    if request.method == "POST":
        form = SectionForm(request.POST, kind=kind)
        if form.is_valid():
            try:
                result = services.save_section(
                    plan.pk, kind, form.texts(), form.cleaned_data["version"], request.user
                )
            except services.NotEditable as error:
                messages.error(request, str(error))
                return redirect(plan.get_manage_url())
            if result.saved:
                messages.success(request, _("Section saved."))
                return redirect(plan.get_manage_url() + f"#section-{kind}")
            conflict = _conflict_rows(kind, result.current_data, form.texts())
            # Saving again now knowingly replaces the other person's text.
            data = request.POST.copy()
            data["version"] = result.section.version
            form = SectionForm(data, kind=kind)
            form.is_valid()
            section = result.section
    else:
        form = SectionForm(initial={"version": section.version, **section.data}, kind=kind)
    return render(
        request,
        "masterplans/manage/section_form.html",
        {
            "plan": plan,
            "section": section,
            "form": form,
            "conflict": conflict,
            "title": Section.Kind(kind).label,
        },
    )


def _conflict_rows(kind, saved: dict, mine: dict) -> list[dict]:
    return [
        {
            "label": field.label,
            "group": field.group,
            "theirs": saved.get(field.name, ""),
            "mine": mine.get(field.name, ""),
        }
        for field in fields_for(kind)
        if (saved.get(field.name, "") or "") != (mine.get(field.name, "") or "")
    ]


@login_required
def edit_program(request, pk, program_id=None):
    plan = get_masterplan_for_user(request.user, pk, "write")
    locked = refuse_if_locked(request, plan)
    if locked:
        return locked
    program = get_object_or_404(Program, pk=program_id, masterplan=plan) if program_id else None
    data = request.POST if request.method == "POST" else None
    form = ProgramForm(
        data,
        instance=program,
        masterplan=plan,
        initial={"version": program.version if program else None},
    )
    adding_row = data is not None and "add_budget_row" in data
    if adding_row:
        # "Add a row" without JavaScript: the same form again, one budget row longer.
        data = BaseBudgetFormSet.with_another_row(data)
    years = None
    if data and form.is_valid():
        years = (form.cleaned_data["start_year"], form.cleaned_data["end_year"])
    budgets = BudgetFormSet(
        data,
        prefix="budget",
        program_years=years,
        offer=_offered_years(plan, program),
        initial=_budget_initial(program) if not data else None,
    )
    indicators = IndicatorFormSet(
        data, prefix="indicator", initial=_indicator_initial(program) if not data else None
    )
    conflict = False
    if not adding_row and data and form.is_valid() and budgets.is_valid() and indicators.is_valid():
        result = services.save_program(
            plan.pk,
            form.values(),
            budgets.rows(),
            indicators.rows(),
            request.user,
            program_id=program.pk if program else None,
            loaded_version=form.cleaned_data.get("version"),
        )
        if result.saved:
            messages.success(request, _("Program saved."))
            return redirect(plan.get_manage_url() + "#programs")
        conflict = result.program
        if conflict is None:
            messages.error(request, _("Someone deleted this program meanwhile."))
            return redirect(plan.get_manage_url() + "#programs")
        # The form keeps what this person typed; saving again replaces the other's save.
        data = data.copy()
        data["version"] = conflict.version
        form = ProgramForm(data, instance=program, masterplan=plan)
        form.is_valid()
    return render(
        request,
        "masterplans/manage/program_form.html",
        {
            "plan": plan,
            "program": program,
            "form": form,
            "budgets": budgets,
            "indicators": indicators,
            "conflict": conflict,
        },
    )


def _offered_years(plan, program) -> list[int]:
    """The years a new budget row is offered for: the program's, else the plan's."""
    if program:
        return list(range(program.start_year, program.end_year + 1))
    return plan.years


def _budget_initial(program):
    if not program:
        return None
    return [{"year": b.year, "source": b.source, "amount": b.amount} for b in program.budgets.all()]


def _indicator_initial(program):
    if not program:
        return None
    return [
        {"name": i.name, "unit": i.unit, "baseline": i.baseline, "target": i.target}
        for i in program.indicators.all()
    ]


@login_required
@require_POST
def delete_program(request, pk, program_id):
    plan = get_masterplan_for_user(request.user, pk, "write")
    locked = refuse_if_locked(request, plan)
    if locked:
        return locked
    get_object_or_404(Program, pk=program_id, masterplan=plan)
    services.delete_program(plan.pk, program_id, request.user)
    messages.success(request, _("Program deleted."))
    return redirect(plan.get_manage_url() + "#programs")


@login_required
@require_POST
def transition(request, pk):
    plan = get_masterplan_for_user(request.user, pk)
    try:
        services.transition(
            plan.pk, request.POST.get("action", ""), request.user, request.POST.get("comment", "")
        )
    except services.WorkflowError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Done: the plan's status has changed."))
    return redirect(plan.get_manage_url())


@login_required
@require_POST
def comment(request, pk):
    plan = get_masterplan_for_user(request.user, pk, "review")
    form = CommentForm(request.POST, masterplan=plan)
    if form.is_valid():
        kind, _sep, value = form.cleaned_data["target"].partition(":")
        services.add_comment(
            plan.pk,
            request.user,
            form.cleaned_data["text"],
            section=value if kind == "section" else "",
            program_id=int(value) if kind == "program" else None,
        )
        messages.success(request, _("Comment added."))
    else:
        messages.error(request, _("Write a comment first."))
    return redirect(plan.get_manage_url() + "#comments")


@login_required
@require_POST
def revise(request, pk):
    plan = get_masterplan_for_user(request.user, pk, "write")
    try:
        draft = services.start_revision(plan.pk, request.user)
    except services.WorkflowError as error:
        messages.error(request, str(error))
        return redirect(plan.get_manage_url())
    messages.success(request, _("A new draft was started from the approved plan."))
    return redirect(draft.get_manage_url())


@login_required
def versions(request, pk):
    """Compare any two versions of the plan (or a version with the current text)."""
    plan = get_masterplan_for_user(request.user, pk)
    available = list(
        Version.objects.filter(masterplan_id__in=plan.lineage_ids())
        .select_related("masterplan")
        .order_by("masterplan__revision", "number")
    )
    choices = [(str(v.pk), v) for v in available]

    def pick(value):
        if value == "current":
            return build_snapshot(plan)
        found = next((v for key, v in choices if key == value), None)
        return found.snapshot if found else None

    first, second = request.GET.get("a", ""), request.GET.get("b", "current")
    old, new = pick(first), pick(second)
    diff = compare(old, new) if old is not None and new is not None else None
    return render(
        request,
        "masterplans/manage/versions.html",
        {
            "plan": plan,
            "versions": available,
            "a": first,
            "b": second,
            "diff": diff,
            "labels": field_labels(),
            "section_titles": dict(Section.Kind.choices),
            "tz": plan.region.tzinfo,
        },
    )

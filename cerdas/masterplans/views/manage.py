"""What a region's team and its reviewers use: write, check, review, compare."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Case, Max, Q, Value, When
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from cerdas.core.cache import desk_kinds, shared_fragment
from cerdas.core.confirm import confirm_page, is_confirmed
from cerdas.core.models import AuditEntry
from cerdas.core.querysets import built_once
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
    StepForm,
)
from cerdas.masterplans.models import Masterplan, Program, Section, Status, Version
from cerdas.masterplans.permissions import get_masterplan_for_user
from cerdas.masterplans.receivers import DESK, REFERENCE
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


def _list_heading(user) -> str:
    """What the list holds, for who is looking at it."""
    if user.is_national_admin:
        return _("Masterplans of every region")
    if user.role == user.Role.ASSESSOR:
        return _("Masterplans of the regions you review")
    return _("Your region's masterplans")


@built_once
def _index_rows():
    """Every plan, with when it was last submitted and whether it waits for review, to
    filter."""
    waiting = Q(status__in=(Status.SUBMITTED, Status.RESUBMITTED))
    shown = ("region__name", "title", "period_start", "period_end", "revision", "status")
    return (
        Masterplan.objects.select_related("region")
        .only(*shown, "is_demo")
        .annotate(
            submitted_on=Max(
                "versions__created_at",
                filter=Q(versions__status__in=(Status.SUBMITTED, Status.RESUBMITTED)),
            ),
            waiting=Case(When(waiting, then=Value(0)), default=Value(1)),
        )
    )


@login_required
def index(request):
    """The plans this user works on (those waiting for review first, for reviewers), and a
    form to start one.

    The list is kept for everyone who sees the same regions' plans, until a plan of one of
    them changes (``receivers``)."""
    user = request.user
    if user.is_national_admin:
        # Every region: one list of 514 (the form's choices), and no region to narrow to.
        visible, mine, writable, form_key = None, None, Region.objects.all(), "all"
    else:
        # The regions whose drafts this user may see (approved plans of other regions are in
        # the public list).
        regions = list(Region.objects.for_user(user).only("code", "name"))
        visible = [r.pk for r in regions]
        mine = [r for r in regions if user.can("edit", r)]
        form_key = [r.pk for r in mine]
        writable = Region.objects.filter(pk__in=form_key)
    writable = writable.only("code", "name")  # the form's list of 514 shows names only
    may_start = writable.exists() if mine is None else bool(mine)
    only_region = mine[0] if mine and len(mine) == 1 else None

    def new_form():
        return MasterplanForm(request.POST or None, regions=writable, only_region=only_region)

    # The empty form is drawn only when its kept copy has retired.
    form = new_form() if request.method == "POST" else SimpleLazyObject(new_form)
    if request.method == "POST":
        if not may_start:
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
    plans = shared_fragment(
        desk_kinds(DESK, visible[0] if visible and len(visible) == 1 else None),
        "masterplans-desk",
        [user.visibility, visible],
        lambda: render_to_string(
            "masterplans/manage/index_plans.html", _index_context(user, visible), request
        ),
    )
    return render(
        request,
        "masterplans/manage/index.html",
        {
            "plans": mark_safe(plans),
            "form": form if may_start else None,
            # The empty form is the same for everyone who may start plans in these regions,
            # until the regions or the cohorts (its choices) change: kept, not redrawn.
            "empty_form_key": form_key,
        },
    )


def _index_context(user, visible) -> dict:
    reviewer = user.is_national_admin or user.role == user.Role.ASSESSOR
    plans = _index_rows()  # the ministry's: every plan
    if visible is not None:
        plans = plans.filter(region__in=visible)
    if reviewer:
        plans = plans.order_by("waiting", "region__name", "-period_start", "-revision")
    plans = list(plans)
    for plan in plans:
        plan.awaits_review = plan.waiting == 0
    return {
        "plans": plans,
        "heading": _list_heading(user),
        "reviewer": reviewer,
        "waiting_count": sum(plan.awaits_review for plan in plans),
    }


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
    """One plan: status, completeness per section, programs, review, versions, history.

    What the plan holds is kept, per plan and under its latest history entry: every change to
    a plan goes through ``services``, which write one (and the reference data it names, such
    as agencies, announce their own changes: ``receivers``). Read only when drawn again."""
    plan = get_masterplan_for_user(request.user, pk)
    user = request.user
    allowed = services.allowed_actions(user, plan)
    history = AuditEntry.objects.filter(object_id=str(plan.pk), action__startswith="masterplan.")
    context = {
        "plan": plan,
        "kept": SimpleLazyObject(lambda: _workspace_parts(plan)),
        "kinds": " ".join(desk_kinds(DESK, plan.region_id, "cohorts", REFERENCE)),
        "changed": history.aggregate(latest=Max("pk"))["latest"],
        "actions": [services.ACTIONS[name] for name in allowed],
        "withdrawable": bool(services.WITHDRAWALS & set(allowed)),
        "can_edit": permissions.can_edit(user, plan),
        "can_write": permissions.can_write_region(user, plan.region_id),
        "can_review": permissions.can_review(user, plan),
        "comment_form": SimpleLazyObject(lambda: CommentForm(masterplan=plan)),
        "comments": plan.comments.select_related("author", "version"),
        "versions": SimpleLazyObject(
            lambda: list(
                Version.objects.filter(masterplan_id__in=plan.lineage_ids())
                .select_related("masterplan", "created_by")
                .order_by("-created_at")
            )
        ),
        "history": history[:20],
        "tz": plan.region.tzinfo,
    }
    return render(request, "masterplans/manage/workspace.html", context)


def _workspace_parts(plan) -> dict:
    snapshot = build_snapshot(plan)
    check = completeness(snapshot)
    for row in check["sections"]:
        row["editable"] = row["kind"] in Section.Kind.values
    return {
        "check": check,
        "groups": programs_by_dimension(snapshot),
        "programs": {str(p.key): p for p in plan.programs.all()},
    }


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
def delete_program(request, pk, program_id):
    """Delete a program after a page that says what goes with it."""
    plan = get_masterplan_for_user(request.user, pk, "write")
    locked = refuse_if_locked(request, plan)
    if locked:
        return locked
    program = get_object_or_404(Program, pk=program_id, masterplan=plan)
    if is_confirmed(request):
        services.delete_program(plan.pk, program_id, request.user, confirmed=True)
        messages.success(request, _("Program deleted."))
        return redirect(plan.get_manage_url() + "#programs")
    return confirm_page(
        request,
        title=_("Delete the program “%(name)s”?") % {"name": program.name},
        effects=[
            _(
                "The program is removed from the plan with its budget estimates and indicators; "
                "it cannot be brought back, only entered again."
            ),
            _("Versions of the plan already submitted keep their copy of it."),
        ],
        button=_("Delete the program"),
        back_url=reverse("masterplans:program_edit", args=[plan.pk, program.pk]),
    )


@login_required
@require_POST
def transition(request, pk):
    """The steps taken with one button (start a review, return with comments); a step that
    needs confirming goes to its check-your-answers page instead."""
    plan = get_masterplan_for_user(request.user, pk)
    action = request.POST.get("action", "")
    if action in services.ACTIONS and services.ACTIONS[action].confirm:
        return redirect("masterplans:step", plan.pk, action)
    try:
        services.transition(plan.pk, action, request.user, request.POST.get("comment", ""))
    except services.WorkflowError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Done: the plan's status has changed."))
    return redirect(plan.get_manage_url())


STEP_TITLES = {
    "submit": gettext_lazy("Submit the plan for review?"),
    "resubmit": gettext_lazy("Resubmit the plan for review?"),
    "withdraw": gettext_lazy("Withdraw the plan from review?"),
    "withdraw_resubmission": gettext_lazy("Withdraw the plan from review?"),
    "approve": gettext_lazy("Approve the plan?"),
}
STEP_DONE = {
    "submit": gettext_lazy("The plan is submitted: its reviewers can start."),
    "resubmit": gettext_lazy("The plan is resubmitted: its reviewers can start."),
    "withdraw": gettext_lazy("The plan is withdrawn from review: your team can change it again."),
    "withdraw_resubmission": gettext_lazy(
        "The plan is withdrawn from review: your team can change it again."
    ),
    "approve": gettext_lazy("The plan is approved and public."),
}


@login_required
def step(request, pk, action):
    """Check your answers before a step that cannot simply be undone: what it will do and
    what the plan still lacks. The step is taken only by the POST of this page."""
    plan = get_masterplan_for_user(request.user, pk)
    if action not in services.ACTIONS or not services.ACTIONS[action].confirm:
        raise Http404
    if action not in services.allowed_actions(request.user, plan):
        if services.TRANSITIONS[action].who == "reviewer" and not permissions.can_review(
            request.user, plan
        ):
            raise PermissionDenied
        if services.TRANSITIONS[action].who == "team" and not permissions.can_write_region(
            request.user, plan.region_id
        ):
            raise PermissionDenied
        messages.error(request, _step_refusal(plan, action))
        return redirect(plan.get_manage_url())
    needs_reason = services.ACTIONS[action].needs_comment
    form = StepForm(request.POST if request.method == "POST" else None, needs_reason=needs_reason)
    if request.method == "POST" and form.is_valid():
        try:
            services.transition(
                plan.pk,
                action,
                request.user,
                form.cleaned_data.get("reason", ""),
                confirmed=form.cleaned_data["confirmed"],
            )
        except services.WorkflowError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, STEP_DONE[action])
            return redirect(plan.get_manage_url())
    check = completeness(build_snapshot(plan))
    return render(
        request,
        "masterplans/manage/step.html",
        {
            "plan": plan,
            "action": services.ACTIONS[action],
            "title": STEP_TITLES[action],
            "form": form,
            "effects": _step_effects(plan, action),
            "missing_groups": _missing(check) if action not in services.WITHDRAWALS else [],
            "check": check,
            "withdrawal": action in services.WITHDRAWALS,
        },
        status=400 if form.errors else 200,
    )


def _step_refusal(plan, action) -> str:
    if action in services.WITHDRAWALS and services.review_started(plan):
        return _("A reviewer has started on this plan: it can no longer be withdrawn.")
    return _("This step is not possible at this stage of the plan (now: %(status)s).") % {
        "status": plan.get_status_display()
    }


def _step_effects(plan, action) -> list[str]:
    """What the step will do, in the words of the people taking it."""
    if action in ("submit", "resubmit"):
        return [
            _(
                "The plan goes to its reviewers: the assessors assigned to %(region)s and the "
                "program office."
            )
            % {"region": plan.region.name},
            _("While it is with them, nobody can change it."),
            _(
                "A copy of the plan as it stands now is kept as a version; versions can be "
                "compared."
            ),
            _("Until a reviewer starts on it, your team can withdraw it, saying why."),
        ]
    if action in services.WITHDRAWALS:
        back_to = services.TRANSITIONS[action].target
        return [
            _("The plan goes back to “%(status)s”, so your team can change it again.")
            % {"status": Status(back_to).label},
            _("The version that was submitted stays in the plan's history."),
            _("Your reason is kept in the plan's history, where the reviewers see it."),
            _("Submit it again when it is ready."),
        ]
    effects = [
        _("The plan becomes public: on %(region)s's page and in the list of approved masterplans.")
        % {"region": plan.region.name},
        _("It can no longer change; a later change needs a revision, approved in turn."),
    ]
    if plan.based_on_id and plan.based_on.status == Status.APPROVED:
        effects.append(
            _("It replaces the approved revision %(number)s, which stays readable as replaced.")
            % {"number": plan.based_on.revision}
        )
    return effects


def _missing(check) -> list[tuple[str, list[str]]]:
    """The completeness problems, grouped by section: [(title, [problem])]."""
    return [(row["title"], row["problems"]) for row in check["sections"] if row["problems"]]


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
    # The snapshots are read only for the two versions compared (each is the whole plan).
    available = list(
        Version.objects.filter(masterplan_id__in=plan.lineage_ids())
        .select_related("masterplan")
        .defer("snapshot")
        .order_by("masterplan__revision", "number")
    )
    choices = [(str(v.pk), v) for v in available]

    def pick(value):
        if value == "current":
            return build_snapshot(plan)
        found = next((v for key, v in choices if key == value), None)
        return found.snapshot if found else None

    first, second = request.GET.get("a", ""), request.GET.get("b", "current")
    old = pick(first)
    new = pick(second) if old is not None else None
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
            "labels": SimpleLazyObject(field_labels),  # read only to show a comparison
            "section_titles": dict(Section.Kind.choices),
            "tz": plan.region.tzinfo,
        },
    )

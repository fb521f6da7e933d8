"""The masterplans API: read for everyone (approved) and the region's people (drafts);
write for the region's team, authenticated by the Django session (CSRF enforced)."""

from typing import Annotated

from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.security import django_auth
from pydantic import Field

from cerdas.core.schemas import Id, Version, Year, measure, rupiah, text
from cerdas.masterplans import permissions, services
from cerdas.masterplans.models import (
    MAX_BUDGET,
    MAX_BUDGET_ROWS,
    MAX_INDICATORS,
    MEASURE_DIGITS,
    MEASURE_PLACES,
    Budget,
    Dimension,
    Element,
    Horizon,
    Masterplan,
    Status,
)
from cerdas.masterplans.sections import fields_for
from cerdas.masterplans.snapshot import programs_for
from cerdas.regions.models import Agency

router = Router(tags=["masterplans"])


class MasterplanOut(Schema):
    id: int
    title: str
    region: str
    status: str
    period_start: int
    period_end: int
    revision: int
    is_demo: bool
    url: str | None


class ProgramOut(Schema):
    id: int
    key: str
    name: str
    description: str
    dimension: str
    element: str | None
    agency: str | None
    horizon: str
    start_year: int
    end_year: int
    budget_total: int
    citizen_benefit: str


class CohortOut(Schema):
    year: int
    name: str


class MasterplanDetailOut(MasterplanOut):
    cohort: CohortOut | None
    sections: dict[str, dict[str, str]] | None
    programs: list[ProgramOut]
    docx_url: str | None
    pdf_url: str | None
    xlsx_url: str | None


Measure = measure(MEASURE_DIGITS, MEASURE_PLACES)


class BudgetIn(Schema):
    year: Year
    source: text(10)
    amount: rupiah(MAX_BUDGET)  # whole Rupiah, at most 10^13


class IndicatorIn(Schema):
    name: text(200)
    unit: text(40) = ""
    baseline: Measure | None = None  # at most 14 digits before the point and 2 after
    target: Measure


class ProgramIn(Schema):
    name: text(200)
    description: text(20_000) = ""
    dimension: text(40)
    element: text(40) | None = None
    agency_id: Id | None = None
    partners: text(300) = ""
    horizon: text(12)
    start_year: Year
    end_year: Year
    citizen_benefit: text(20_000) = ""
    rpjmd_program: text(300) = ""
    renstra_program: text(300) = ""
    budgets: Annotated[list[BudgetIn], Field(max_length=MAX_BUDGET_ROWS)] = []
    indicators: Annotated[list[IndicatorIn], Field(max_length=MAX_INDICATORS)] = []


class ProgramUpdateIn(ProgramIn):
    version: Version


class ProgramConflictOut(Schema):
    detail: str
    program: ProgramOut


class TransitionIn(Schema):
    action: text(20)
    comment: text(5000) = ""
    # Submitting, resubmitting, withdrawing and approving cannot simply be undone: the
    # client says it has shown the person what the step does (the web asks on a page).
    confirmed: bool = False


class TransitionOut(Schema):
    status: str
    actions: list[str]


class SectionIn(Schema):
    version: Version
    data: Annotated[dict[text(40), text(20_000)], Field(max_length=40)]


class SectionOut(Schema):
    kind: str
    version: int
    data: dict[str, str]


def _plan_out(request, plan) -> dict:
    return {
        "id": plan.pk,
        "title": plan.title,
        "region": plan.region_id,
        "status": plan.status,
        "period_start": plan.period_start,
        "period_end": plan.period_end,
        "revision": plan.revision,
        "is_demo": plan.is_demo,
        "url": request.build_absolute_uri(plan.get_absolute_url()) if plan.is_public else None,
    }


def _program_out(program) -> dict:
    return {
        "id": program.pk,
        "key": str(program.key),
        "name": program.name,
        "description": program.description,
        "dimension": program.dimension.code,
        "element": program.element.code if program.element else None,
        "agency": program.agency.name if program.agency else None,
        "horizon": program.horizon,
        "start_year": program.start_year,
        "end_year": program.end_year,
        "budget_total": program.budget_total(),
        "citizen_benefit": program.citizen_benefit,
    }


def _get_masterplan_for_user(request, pk) -> Masterplan:
    plan = get_object_or_404(Masterplan.objects.select_related("region", "cohort"), pk=pk)
    if not permissions.can_view(request.user, plan):
        raise HttpError(404 if not request.user.is_authenticated else 403, "Not allowed")
    return plan


@router.get("", response=list[MasterplanOut], summary="List masterplans")
def list_masterplans(request, region: str = "", status: str = ""):
    """Approved masterplans, plus the drafts the signed-in user may read. Filter by
    `region` (Kemendagri code such as 35.22) and `status`."""
    plans = Masterplan.objects.for_user(request.user).select_related("region")
    if region:
        plans = plans.filter(region_id=region)
    if status:
        plans = plans.filter(status=status)
    return [_plan_out(request, plan) for plan in plans.order_by("region_id", "-revision")]


@router.get("/{int:pk}", response=MasterplanDetailOut, summary="One masterplan with programs")
def masterplan_detail(request, pk: int):
    """`docx_url` and `pdf_url` download without login once the plan is approved."""
    plan = _get_masterplan_for_user(request, pk)
    result = _plan_out(request, plan)
    result["cohort"] = {"year": plan.cohort.year, "name": plan.cohort.name} if plan.cohort else None
    result["sections"] = {s.kind: s.data for s in plan.sections.all()}
    result["programs"] = [_program_out(p) for p in programs_for(plan)]
    for fmt in ("docx", "pdf", "xlsx"):
        url = reverse("masterplans:download", args=[plan.pk, fmt])
        result[f"{fmt}_url"] = request.build_absolute_uri(url) if plan.is_public else None
    return result


@router.get("/{int:pk}/programs", response=list[ProgramOut], summary="A plan's programs")
def list_programs(request, pk: int, horizon: str = ""):
    plan = _get_masterplan_for_user(request, pk)
    programs = programs_for(plan)
    if horizon:
        programs = programs.filter(horizon=horizon)
    return [_program_out(p) for p in programs]


@router.get("/{int:pk}/quick-wins", response=list[ProgramOut], summary="A plan's quick wins")
def list_quick_wins(request, pk: int):
    return list_programs(request, pk, horizon=Horizon.QUICK_WIN)


def _writable(request, pk) -> Masterplan:
    plan = _get_masterplan_for_user(request, pk)
    if not permissions.can_write_region(request.user, plan.region_id):
        raise HttpError(403, "Only the region's team changes its masterplans.")
    try:
        services.refuse_unless_editable(plan)
    except services.NotEditable as error:
        raise HttpError(409, str(error)) from error
    return plan


def _program_values(plan, payload: ProgramIn) -> dict:
    dimension = Dimension.objects.filter(code=payload.dimension).first()
    if dimension is None:
        raise HttpError(422, f"unknown dimension {payload.dimension!r}")
    element = None
    if payload.element:
        element = Element.objects.filter(code=payload.element, dimension=dimension).first()
        if element is None:
            raise HttpError(422, f"unknown element {payload.element!r} for this dimension")
    if payload.horizon not in Horizon.values:
        raise HttpError(422, f"horizon must be one of {', '.join(Horizon.values)}")
    if not plan.period_start <= payload.start_year <= payload.end_year <= plan.period_end:
        raise HttpError(422, "years must lie within the plan period, first year first")
    agency = None
    if payload.agency_id is not None:
        agency = Agency.objects.filter(pk=payload.agency_id, region_id=plan.region_id).first()
        if agency is None:
            raise HttpError(422, "agency_id is not an agency of this region")
    for budget in payload.budgets:
        if budget.source not in Budget.Source.values or not 0 <= budget.amount <= MAX_BUDGET:
            raise HttpError(422, "budgets need a known source and 0 ≤ amount ≤ 10^13 Rupiah")
        if not payload.start_year <= budget.year <= payload.end_year:
            raise HttpError(422, "budget years must lie within the program's years")
    exclude = {"budgets", "indicators", "dimension", "element", "agency_id", "version"}
    fields = payload.dict(exclude=exclude)
    return {**fields, "dimension": dimension, "element": element, "agency": agency}


@router.post(
    "/{int:pk}/programs", response={201: ProgramOut}, auth=django_auth, summary="Add a program"
)
def create_program(request, pk: int, payload: ProgramIn):
    plan = _writable(request, pk)
    values = _program_values(plan, payload)
    result = services.save_program(
        plan.pk,
        values,
        [b.dict() for b in payload.budgets],
        [i.dict() for i in payload.indicators],
        request.user,
    )
    return 201, _program_out(result.program)


@router.put(
    "/{int:pk}/sections/{kind}",
    response={200: SectionOut, 409: SectionOut},
    auth=django_auth,
    summary="Save a section (optimistic concurrency)",
)
def save_section(request, pk: int, kind: str, payload: SectionIn):
    """Send the `version` you loaded; a 409 answer carries the newer saved text."""
    plan = _writable(request, pk)
    try:
        fields_for(kind)
    except KeyError as error:
        raise HttpError(404, "unknown section") from error
    result = services.save_section(plan.pk, kind, payload.data, payload.version, request.user)
    body = {"kind": kind, "version": result.section.version, "data": result.section.data}
    return (200 if result.saved else 409), body


@router.put(
    "/{int:pk}/programs/{int:program_id}",
    response={200: ProgramOut, 409: ProgramConflictOut},
    auth=django_auth,
    summary="Change a program (optimistic concurrency)",
)
def update_program(request, pk: int, program_id: int, payload: ProgramUpdateIn):
    """Send the program's `version` you loaded; a 409 answer carries the newer saved program.
    Budgets and indicators replace the program's current ones."""
    plan = _writable(request, pk)
    get_object_or_404(plan.programs, pk=program_id)
    try:
        result = services.save_program(
            plan.pk,
            _program_values(plan, payload),
            [b.dict() for b in payload.budgets],
            [i.dict() for i in payload.indicators],
            request.user,
            program_id=program_id,
            loaded_version=payload.version,
        )
    except services.NotEditable as error:
        raise HttpError(409, str(error)) from error
    if result.program is None:
        raise HttpError(404, "The program was deleted meanwhile.")
    if not result.saved:
        detail = "Someone saved this program since you loaded it; nothing of yours was saved."
        return 409, {"detail": detail, "program": _program_out(result.program)}
    return 200, _program_out(result.program)


@router.delete(
    "/{int:pk}/programs/{int:program_id}",
    response={204: None},
    auth=django_auth,
    summary="Delete a program",
)
def delete_program(request, pk: int, program_id: int):
    plan = _writable(request, pk)
    get_object_or_404(plan.programs, pk=program_id)
    try:
        # An HTTP DELETE is itself the explicit request: the client asked for this deletion.
        services.delete_program(plan.pk, program_id, request.user, confirmed=True)
    except services.NotEditable as error:
        raise HttpError(409, str(error)) from error
    return 204, None


@router.post(
    "/{int:pk}/transitions",
    response=TransitionOut,
    auth=django_auth,
    summary="Move the plan through the review workflow",
)
def transition(request, pk: int, payload: TransitionIn):
    """`action` is one of `submit`, `resubmit`, `withdraw`, `withdraw_resubmission` (the
    region's team; a withdrawal while no reviewer has started, with the reason as `comment`),
    `start_review`, `return` (with a `comment`) and `approve` (reviewers). `submit`,
    `resubmit`, the withdrawals and `approve` need `"confirmed": true`. The answer lists the
    next possible actions."""
    plan = _get_masterplan_for_user(request, pk)
    user = request.user
    if not (
        permissions.can_write_region(user, plan.region_id) or permissions.can_review(user, plan)
    ):
        raise HttpError(403, "Only the region's team and its reviewers move the plan.")
    if payload.action not in services.TRANSITIONS:
        raise HttpError(422, f"action must be one of {', '.join(services.TRANSITIONS)}")
    if plan.status == Status.APPROVED:
        _writable(request, pk)  # refused with the approved plan's reason: start a revision
    try:
        plan = services.transition(
            plan.pk, payload.action, user, payload.comment, confirmed=payload.confirmed
        )
    except services.WorkflowError as error:
        raise HttpError(409, str(error)) from error
    return {"status": plan.status, "actions": services.allowed_actions(user, plan)}

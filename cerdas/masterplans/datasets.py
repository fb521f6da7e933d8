"""Approved masterplans as open datasets: their programs and the programs' budgets.

Only the masterplan a region has approved now (not drafts, not one under review, not a
revision replaced since); no comment, reviewer or editor.
"""

import datetime

from django.db.models import Max, Min, Sum
from django.utils.translation import gettext_lazy as _

from cerdas.core.registries import REGION, Column, Dataset, datasets
from cerdas.masterplans.models import Budget, Masterplan, Program, Status
from cerdas.masterplans.services import CACHE_KIND

PLAN_COLUMNS = (
    Column("region_code", "string", _("Kemendagri code of the kabupaten/kota")),
    Column("region_name", "string", _("Name of the kabupaten/kota")),
    Column("masterplan_id", "integer", _("Masterplan number (its page is /masterplan/<number>/)")),
    Column("masterplan_title", "string", _("Masterplan")),
    Column("approved_at", "datetime", _("When the masterplan was approved")),
)

PROGRAM_FIELDS = (
    *PLAN_COLUMNS,
    Column("program", "string", _("Program")),
    Column("dimension", "string", _("Smart city dimension (code)")),
    Column("element", "string", _("Element of the dimension (code)")),
    Column("agency", "string", _("Responsible agency (OPD)")),
    Column("horizon", "string", _("Horizon: quick_win, short, medium or long")),
    Column("start_year", "integer", _("First year")),
    Column("end_year", "integer", _("Last year")),
    Column("budget_rupiah", "integer", _("Estimated budget over all years (Rupiah)")),
    Column("is_demo", "boolean", _("Demo content")),
)

BUDGET_FIELDS = (
    *PLAN_COLUMNS,
    Column("program", "string", _("Program")),
    Column("year", "integer", _("Budget year")),
    Column("source", "string", _("Source: apbd, apbn, private or other")),
    Column("amount_rupiah", "integer", _("Estimated amount (Rupiah)")),
    Column("is_demo", "boolean", _("Demo content")),
)


def approved_plans(region_ids=None):
    plans = Masterplan.objects.filter(status=Status.APPROVED)
    if region_ids is not None:
        plans = plans.filter(region_id__in=region_ids)
    return plans


def _plan_cells(plan) -> tuple:
    return (
        plan.region_id,
        plan.region.name,
        plan.pk,
        plan.title,
        plan.approved_at.isoformat() if plan.approved_at else None,
    )


def program_rows(region_ids=None):
    programs = (
        Program.objects.filter(masterplan__in=approved_plans(region_ids))
        .select_related("masterplan__region", "dimension", "element", "agency")
        .annotate(budget=Sum("budgets__amount"))
        .order_by("masterplan__region_id", "dimension__order", "order", "pk")
    )
    for program in programs.iterator(chunk_size=1000):
        plan = program.masterplan
        yield (
            *_plan_cells(plan),
            program.name,
            program.dimension.code,
            program.element.code if program.element_id else "",
            program.agency.name if program.agency_id else "",
            program.horizon,
            program.start_year,
            program.end_year,
            program.budget or 0,
            plan.is_demo,
        )


def budget_rows(region_ids=None):
    budgets = (
        Budget.objects.filter(program__masterplan__in=approved_plans(region_ids))
        .select_related("program__masterplan__region")
        .order_by("program__masterplan__region_id", "program__order", "program_id", "year")
    )
    for budget in budgets.iterator(chunk_size=2000):
        plan = budget.program.masterplan
        yield (
            *_plan_cells(plan),
            budget.program.name,
            budget.year,
            budget.source,
            budget.amount,
            plan.is_demo,
        )


def regions():
    return set(approved_plans().values_list("region_id", flat=True).distinct())


def modified(region_ids=None):
    # Approving a revision replaces the plan before it: the latest approval moves.
    plans = Masterplan.objects.exclude(approved_at=None)
    if region_ids is not None:
        plans = plans.filter(region_id__in=region_ids)
    return plans.aggregate(last=Max("approved_at"))["last"]


def temporal(region_ids=None):
    span = approved_plans(region_ids).aggregate(first=Min("period_start"), last=Max("period_end"))
    if span["first"] is None:
        return None
    return datetime.date(span["first"], 1, 1), datetime.date(span["last"], 12, 31)


def register() -> None:
    common = {
        "modified": modified,
        "regions": regions,
        "temporal": temporal,
        "scope": REGION,
        "frequency": "irregular",
        "kinds": (CACHE_KIND,),
    }
    datasets.register(
        Dataset(
            "masterplan-programs",
            _("Smart city masterplan programs"),
            _(
                "The programs of each region's approved smart city masterplan: dimension, "
                "responsible agency, horizon (quick wins first), years and estimated budget."
            ),
            fields=PROGRAM_FIELDS,
            rows=program_rows,
            order=40,
            **common,
        )
    )
    datasets.register(
        Dataset(
            "masterplan-budgets",
            _("Smart city masterplan budgets"),
            _(
                "The estimated budget of every program of each region's approved smart city "
                "masterplan, per year and source of funds, in Rupiah."
            ),
            fields=BUDGET_FIELDS,
            rows=budget_rows,
            order=41,
            **common,
        )
    )

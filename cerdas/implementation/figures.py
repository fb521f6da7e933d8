"""Reading implementation: a plan's programs beside their records, latest updates and figures.

A program with no record yet reads as not started, with nothing spent: records are made by
the first update, so reading never writes.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Max
from django.utils import timezone

from cerdas.masterplans.models import Masterplan, Program
from cerdas.masterplans.models import Status as PlanStatus

from .engine import progress as engine
from .models import DEFAULT_PERIOD_MONTHS, Record, ReportingPeriod, Status, Update


@dataclass
class IndicatorRow:
    name: str
    unit: str
    baseline: Decimal | None
    target: Decimal
    value: Decimal | None
    on_track: bool


@dataclass
class BudgetRow:
    year: int
    source: str
    source_label: str
    planned: int
    realised: int | None


@dataclass
class Item:
    plan: Masterplan
    program: Program
    record: Record | None
    latest: Update | None
    planned: int
    realised: int
    budget_rows: list[BudgetRow] = field(default_factory=list)
    indicators: list[IndicatorRow] = field(default_factory=list)

    @property
    def key(self):
        return self.program.key

    @property
    def is_quick_win(self) -> bool:
        return self.program.is_quick_win

    @property
    def status(self) -> str:
        return self.record.status if self.record else Status.NOT_STARTED

    @property
    def status_label(self) -> str:
        return Status(self.status).label

    @property
    def progress(self) -> int:
        return self.record.progress if self.record else 0

    @property
    def last_update_at(self) -> datetime.datetime | None:
        return self.record.last_update_at if self.record else None

    @property
    def indicators_on_track(self) -> int:
        return sum(1 for i in self.indicators if i.on_track)

    @property
    def realised_percent(self) -> int | None:
        return engine.share_percent(self.realised, self.planned)

    def as_engine_item(self) -> engine.Item:
        return engine.Item(
            is_quick_win=self.is_quick_win,
            status=self.status,
            planned=self.planned,
            realised=self.realised,
            indicators=len(self.indicators),
            indicators_on_track=self.indicators_on_track,
        )


def approved_plan(region_id: str) -> Masterplan | None:
    """The region's approved masterplan (the latest approval), or None."""
    return (
        Masterplan.objects.filter(region_id=region_id, status=PlanStatus.APPROVED)
        .select_related("region__province", "cohort")
        .order_by("-approved_at", "-pk")
        .first()
    )


def approved_plans(region_ids=None):
    """Every region's approved masterplan (one each: the latest approval)."""
    plans = Masterplan.objects.filter(status=PlanStatus.APPROVED)
    if region_ids is not None:
        plans = plans.filter(region_id__in=list(region_ids))
    latest = plans.values("region_id").annotate(last=Max("approved_at"))
    wanted = {(row["region_id"], row["last"]) for row in latest}
    return [
        plan
        for plan in plans.select_related("region__province", "cohort").order_by("region__name")
        if (plan.region_id, plan.approved_at) in wanted
    ]


def _latest_updates(records) -> dict[int, Update]:
    updates = (
        Update.objects.filter(record__in=records)
        .prefetch_related("spendings", "measurements", "evidence")
        .order_by("record_id", "-created_at", "-id")
    )
    latest: dict[int, Update] = {}
    for update in updates:
        latest.setdefault(update.record_id, update)
    return latest


def items(plan: Masterplan, programs=None, year: int | None = None) -> list[Item]:
    """Every program of the plan with its record and figures, in the plan's order."""
    year = year or timezone.localdate().year
    if programs is None:
        programs = plan.programs.select_related("agency", "dimension").prefetch_related(
            "budgets", "indicators"
        )
    programs = list(programs)
    records = {
        r.program_key: r
        for r in Record.objects.filter(
            region_id=plan.region_id, program_key__in=[p.key for p in programs]
        )
    }
    latest = _latest_updates(list(records.values()))
    result = []
    for program in programs:
        record = records.get(program.key)
        update = latest.get(record.pk) if record else None
        result.append(_item(plan, program, record, update, year))
    return result


def _item(plan, program, record, update, year) -> Item:
    spent = {(s.year, s.source): s.amount for s in update.spendings.all()} if update else {}
    values = {m.indicator: m.value for m in update.measurements.all()} if update else {}
    budgets = list(program.budgets.all())
    rows = [
        BudgetRow(b.year, b.source, b.get_source_display(), b.amount, spent.get((b.year, b.source)))
        for b in budgets
    ]
    indicators = [
        IndicatorRow(
            name=i.name,
            unit=i.unit,
            baseline=i.baseline,
            target=i.target,
            value=values.get(i.name),
            on_track=engine.on_track(
                i.baseline,
                i.target,
                values.get(i.name),
                program.start_year,
                program.end_year,
                year,
            ),
        )
        for i in program.indicators.all()
    ]
    return Item(
        plan=plan,
        program=program,
        record=record,
        latest=update,
        planned=sum(b.amount for b in budgets),
        realised=record.realised_total if record else 0,
        budget_rows=rows,
        indicators=indicators,
    )


def item_for(plan: Masterplan, key) -> Item | None:
    programs = (
        plan.programs.filter(key=key)
        .select_related("agency", "dimension")
        .prefetch_related("budgets", "indicators")
    )
    found = items(plan, programs)
    return found[0] if found else None


def glance(plan_items: list[Item]) -> engine.Glance:
    return engine.glance([item.as_engine_item() for item in plan_items])


def period_months(region_id: str) -> int:
    found = ReportingPeriod.objects.filter(region_id=region_id).first()
    return found.months if found else DEFAULT_PERIOD_MONTHS

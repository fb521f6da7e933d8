"""The implementation API: read-only and public, as the pages are (no names of who updated)."""

import datetime
import uuid

from django.http import Http404
from django.urls import reverse
from ninja import Router, Schema

from cerdas.implementation import figures, permissions
from cerdas.implementation.models import Update

router = Router(tags=["implementation"])


class GlanceOut(Schema):
    programs: int
    programs_done: int
    quick_wins: int
    quick_wins_done: int
    quick_wins_done_percent: int | None
    planned: int
    realised: int
    realised_percent: int | None
    indicators: int
    indicators_on_track: int
    indicators_on_track_percent: int | None
    dropped: int


class ItemOut(Schema):
    key: str
    name: str
    kind: str
    status: str
    progress: int
    planned: int
    realised: int
    indicators: int
    indicators_on_track: int
    last_update: datetime.datetime | None
    url: str


class RegionOut(Schema):
    region: str
    plan: str
    plan_url: str
    glance: GlanceOut
    items: list[ItemOut]


class SpendingOut(Schema):
    year: int
    source: str
    amount: int


class ValueOut(Schema):
    indicator: str
    unit: str
    value: float
    target: float


class UpdateOut(Schema):
    date: datetime.datetime
    status: str
    progress: int
    reason: str
    note: str
    realised: int
    spending: list[SpendingOut]
    values: list[ValueOut]
    evidence: list[str]


class TimelineOut(Schema):
    item: ItemOut
    updates: list[UpdateOut]


def _item(region_id: str, item) -> dict:
    return {
        "key": str(item.key),
        "name": item.program.name,
        "kind": "quick_win" if item.is_quick_win else "program",
        "status": item.status,
        "progress": item.progress,
        "planned": item.planned,
        "realised": item.realised,
        "indicators": len(item.indicators),
        "indicators_on_track": item.indicators_on_track,
        "last_update": item.last_update_at,
        "url": reverse("implementation:program", args=[region_id, item.key]),
    }


@router.get("/{code}", response=RegionOut)
def region(request, code: str):
    """A region's implementation at a glance, with every program of its approved plan."""
    found = permissions.get_region(code)
    plan = figures.approved_plan(found.pk)
    if plan is None:
        raise Http404
    plan_items = figures.items(plan)
    return {
        "region": found.pk,
        "plan": plan.title,
        "plan_url": plan.get_absolute_url(),
        "glance": figures.glance(plan_items).__dict__,
        "items": [_item(found.pk, item) for item in plan_items],
    }


@router.get("/{code}/programs/{key}", response=TimelineOut)
def timeline(request, code: str, key: uuid.UUID):
    """One program's public timeline, newest update first."""
    item = permissions.get_item_for_user(request.user, code, key)
    updates = []
    if item.record:
        updates = Update.objects.filter(record=item.record).prefetch_related(
            "spendings", "measurements", "evidence"
        )
    return {
        "item": _item(item.plan.region_id, item),
        "updates": [
            {
                "date": u.created_at,
                "status": u.status,
                "progress": u.progress,
                "reason": u.reason,
                "note": u.note,
                "realised": u.realised_total,
                "spending": [
                    {"year": s.year, "source": s.source, "amount": s.amount}
                    for s in u.spendings.all()
                ],
                "values": [
                    {
                        "indicator": m.indicator,
                        "unit": m.unit,
                        "value": float(m.value),
                        "target": float(m.target),
                    }
                    for m in u.measurements.all()
                ],
                "evidence": [e.get_absolute_url() for e in u.evidence.all() if e.is_public],
            }
            for u in updates
        ],
    }

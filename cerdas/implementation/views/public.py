"""What everyone sees: a region's implementation at a glance, a program's timeline, the nation."""

from django.shortcuts import render
from django.utils.functional import SimpleLazyObject

from cerdas.core.cache import public_page

from .. import figures, permissions
from ..engine.progress import share_percent
from ..models import Update
from ..services import CACHE_KIND


def _glance_row(plan) -> dict:
    plan_items = figures.items(plan)
    last = max((i.last_update_at for i in plan_items if i.last_update_at), default=None)
    return {"plan": plan, "glance": figures.glance(plan_items), "last_update_at": last}


# The list names each plan's cohort: a cohort renamed retires it too.
NATIONAL_KINDS = (CACHE_KIND, "masterplans", "cohorts")


@public_page(*NATIONAL_KINDS)
def national(request):
    """Every region with an approved masterplan, grouped by the cohort it was written in.

    The same for every reader: a signed-in one gets it kept too (``{% shared %}``), and the
    figures are read only when the kept copy is drawn again."""
    return render(
        request,
        "implementation/national.html",
        {"national": SimpleLazyObject(_national), "kinds": " ".join(NATIONAL_KINDS)},
    )


def _national() -> dict:
    cohorts: dict = {}
    for plan in figures.approved_plans():
        cohorts.setdefault(plan.cohort, []).append(_glance_row(plan))
    groups = sorted(cohorts.items(), key=lambda pair: -(pair[0].year if pair[0] else 0))
    rows = [row for rows in cohorts.values() for row in rows]
    planned = sum(row["glance"].planned for row in rows)
    realised = sum(row["glance"].realised for row in rows)
    totals = {
        "regions": len(rows),
        "planned": planned,
        "realised": realised,
        "realised_percent": share_percent(realised, planned),
    }
    return {"groups": groups, "totals": totals}


REGION_KINDS = (CACHE_KIND, "masterplans")


@public_page(*REGION_KINDS)
def region(request, code):
    """A region's implementation at a glance and every program of its approved plan.

    The figures are kept for signed-in readers too, per what they may do (the programs they
    may update, the reporting period they may set), and read only when drawn again."""
    region = permissions.get_region(code)
    plan = figures.approved_plan(region.pk)
    updatable = permissions.updatable_programs(request.user, plan) if plan else set()
    return render(
        request,
        "implementation/region.html",
        {
            "region": region,
            "plan": plan,
            "kept": SimpleLazyObject(lambda: _region_figures(plan)),
            "kinds": " ".join(REGION_KINDS),
            "updatable": updatable,
            "updatable_key": " ".join(sorted(map(str, updatable))),
            "can_set_period": permissions.can_set_period(request.user, region.pk),
        },
    )


def _region_figures(plan) -> dict:
    plan_items = figures.items(plan)
    return {
        "items": plan_items,
        "glance": figures.glance(plan_items),
        "period_months": figures.period_months(plan.region_id),
    }


@public_page(CACHE_KIND, "masterplans")
def program(request, code, key):
    """One program's timeline: every update, newest first, with spending, values, evidence."""
    item = permissions.get_item_for_user(request.user, code, key)
    private = permissions.can_read_private(request.user, item.plan.region_id)
    updates = []
    if item.record:
        updates = list(
            Update.objects.filter(record=item.record)
            .select_related("author")
            .prefetch_related("spendings", "measurements", "evidence")
        )
    timeline = [
        {
            "update": update,
            "evidence": [e for e in update.evidence.all() if e.is_public or private],
        }
        for update in updates
    ]
    return render(
        request,
        "implementation/program.html",
        {
            "item": item,
            "region": item.plan.region,
            "timeline": timeline,
            "show_authors": private,
            "can_update": permissions.can_update(request.user, item.plan.region_id, item.program),
        },
    )


def profile_section_context(region):
    """The region profile's implementation section: the glance, or nothing without a plan."""
    plan = figures.approved_plan(region.pk)
    if plan is None:
        return None
    return {"plan": plan, "glance": figures.glance(figures.items(plan))}

"""Implementation as open data and as a source of evaluation indicator values.

``rows(region_ids)`` yields one row per program of every approved masterplan: the plan, the
program (or quick win), its status, progress, planned budget and realised spending, and when
it was last updated. No names of who updated, no private evidence.

``source_values(region_ids, codes)`` gives each region's figures at a glance (share of quick
wins done, spending realised against the plan, indicators on track) for an evaluation round.
"""

from collections.abc import Iterator

from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from cerdas.core.registries import (
    REGION,
    Column,
    Dataset,
    IndicatorSource,
    datasets,
    indicator_sources,
)

from . import figures
from .engine.progress import share_percent
from .models import Record
from .services import CACHE_KIND

FIELDS = (
    ("region_code", "string", _("Region code")),
    ("region_name", "string", _("Region")),
    ("plan", "string", _("Masterplan")),
    ("item_kind", "string", _("Kind (program or quick_win)")),
    ("item", "string", _("Program")),
    ("status", "string", _("Status")),
    ("progress_percent", "integer", _("Progress (%)")),
    ("planned_budget", "integer", _("Planned budget (Rp)")),
    ("realised_spending", "integer", _("Realised spending (Rp)")),
    ("last_update", "datetime", _("Last update")),
)


def rows(region_ids=None) -> Iterator[tuple]:
    for plan in figures.approved_plans(region_ids):
        for item in figures.items(plan):
            yield (
                plan.region_id,
                plan.region.name,
                plan.title,
                "quick_win" if item.is_quick_win else "program",
                item.program.name,
                item.status,
                item.progress,
                item.planned,
                item.realised,
                item.last_update_at,
            )


def regions() -> list[str]:
    return [plan.region_id for plan in figures.approved_plans()]


def modified(region_ids=None):
    records = Record.objects.all()
    if region_ids is not None:
        records = records.filter(region_id__in=list(region_ids))
    return records.aggregate(last=Max("last_update_at"))["last"]


SOURCE_FIGURES = (
    ("quick_wins_done_percent", _("Quick wins done (%)")),
    ("programs_done_percent", _("Programs done (%)")),
    ("spending_realised_percent", _("Spending realised against the plan (%)")),
    ("indicators_on_track_percent", _("Program indicators on track (%)")),
)


def source_figures() -> list[tuple[str, str]]:
    return list(SOURCE_FIGURES)


def source_values(region_ids, codes) -> dict[str, dict[str, float]]:
    """{region_id: {figure code: value}} for the regions with an approved masterplan; a
    figure without a base (no quick wins, no budget) is left out."""
    result = {}
    for plan in figures.approved_plans(region_ids):
        seen = figures.glance(figures.items(plan))
        known = {
            "quick_wins_done_percent": seen.quick_wins_done_percent,
            "programs_done_percent": share_percent(seen.programs_done, seen.programs),
            "spending_realised_percent": seen.realised_percent,
            "indicators_on_track_percent": seen.indicators_on_track_percent,
        }
        result[plan.region_id] = {
            code: float(known[code]) for code in codes if known.get(code) is not None
        }
    return result


def register() -> None:
    """The implementation dataset in the open data catalogue, and the figures as a source of
    an evaluation round's indicator values."""
    datasets.register(
        Dataset(
            "implementation",
            _("Masterplan implementation"),
            _(
                "Every program and quick win of the approved smart city masterplans: its "
                "status, progress, planned budget and spending realised, as the region's "
                "team last reported."
            ),
            fields=tuple(Column(*field) for field in FIELDS),
            rows=rows,
            modified=modified,
            scope=REGION,
            regions=regions,
            frequency="daily",
            kinds=(CACHE_KIND, "masterplans"),
            order=60,
        )
    )
    indicator_sources.register(
        IndicatorSource(
            "implementation",
            _("Implementation records"),
            source_figures,
            source_values,
        )
    )

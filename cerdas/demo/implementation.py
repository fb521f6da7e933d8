"""Demo implementation updates for the approved demo masterplan of Bojonegoro.

Idempotent: a region whose programs already have demo records is left alone. Every record
made here is marked demo and every note says so. The updates are reported through the
service, by the demo team, as a team would report them.
"""

from decimal import Decimal

from django.db import transaction

from cerdas.accounts.models import User
from cerdas.implementation import figures, services
from cerdas.implementation.models import Record
from cerdas.implementation.services import Report

BOJONEGORO = "35.22"
NOTE = "(Demo: contoh pembaruan, bukan laporan resmi.)"


def _spent(item, share_percent: int, years: int) -> dict:
    """A share of the planned budget realised in the program's first ``years`` budget lines."""
    rows = item.budget_rows[:years]
    return {(row.year, row.source): row.planned * share_percent // 100 for row in rows}


def _values(item, share: str) -> dict:
    result = {}
    for indicator in item.indicators:
        start = indicator.baseline or Decimal(0)
        value = start + (indicator.target - start) * Decimal(share)
        result[indicator.name] = value.quantize(Decimal("0.01"))
    return result


def _reports(item, position: int) -> list[Report]:
    """A plausible history: quick wins done, some programs under way, one dropped."""
    if item.is_quick_win:
        return [
            Report(
                "in_progress",
                50,
                note=f"Uji coba berjalan di 5 kecamatan. {NOTE}",
                spending=_spent(item, 40, 1),
                values=_values(item, "0.4"),
            ),
            Report(
                "done",
                100,
                note=f"Layanan berjalan di seluruh kecamatan. {NOTE}",
                spending=_spent(item, 95, 2),
                values=_values(item, "1"),
            ),
        ]
    if position % 5 == 4:
        return [
            Report(
                "dropped",
                10,
                reason=f"Digabung ke program provinsi yang serupa. {NOTE}",
                spending=_spent(item, 5, 1),
            ),
        ]
    if position % 2 == 0:
        return [
            Report(
                "in_progress",
                35,
                note=f"Tahap pertama selesai. {NOTE}",
                spending=_spent(item, 30, 2),
                values=_values(item, "0.35"),
            ),
        ]
    return []


@transaction.atomic
def seed(stdout) -> None:
    plan = figures.approved_plan(BOJONEGORO)
    if plan is None or not plan.is_demo:
        return
    if Record.objects.filter(region_id=BOJONEGORO, is_demo=True).exists():
        return
    team = User.objects.filter(username="tim.bojonegoro").first()
    count = 0
    for position, item in enumerate(figures.items(plan)):
        for report in _reports(item, position):
            services.record_update(BOJONEGORO, item.key, report, team, is_demo=True)
            count += 1
    stdout.write(f"Implementation: {count} demo updates for {BOJONEGORO}.")

"""The whole masterplan as plain data: frozen in versions, compared, checked and exported."""

from django.db.models import Prefetch

from cerdas.masterplans.models import Budget, Indicator, Program

SNAPSHOT_FORMAT = 1


def programs_for(masterplan):
    return (
        Program.objects.filter(masterplan=masterplan)
        .select_related("dimension", "element", "agency")
        .prefetch_related(
            Prefetch("budgets", queryset=Budget.objects.order_by("year", "source")),
            Prefetch("indicators", queryset=Indicator.objects.order_by("id")),
        )
    )


def _decimal(value):
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def program_data(program) -> dict:
    return {
        "key": str(program.key),
        "name": program.name,
        "description": program.description,
        "dimension": program.dimension.code,
        "dimension_name": program.dimension.name,
        "element": program.element.name if program.element else "",
        "agency": program.agency.name if program.agency else "",
        "partners": program.partners,
        "horizon": program.horizon,
        "start_year": program.start_year,
        "end_year": program.end_year,
        "citizen_benefit": program.citizen_benefit,
        "rpjmd_program": program.rpjmd_program,
        "renstra_program": program.renstra_program,
        "budgets": [
            {"year": b.year, "source": b.source, "amount": b.amount} for b in program.budgets.all()
        ],
        "indicators": [
            {
                "name": i.name,
                "unit": i.unit,
                "baseline": _decimal(i.baseline),
                "target": _decimal(i.target),
            }
            for i in program.indicators.all()
        ],
    }


def build_snapshot(masterplan) -> dict:
    return {
        "format": SNAPSHOT_FORMAT,
        "id": masterplan.pk,
        "title": masterplan.title,
        "region": masterplan.region_id,
        "region_name": masterplan.region.name,
        "period_start": masterplan.period_start,
        "period_end": masterplan.period_end,
        "status": masterplan.status,
        "revision": masterplan.revision,
        "is_demo": masterplan.is_demo,
        "sections": {s.kind: dict(s.data) for s in masterplan.sections.all()},
        "programs": [program_data(p) for p in programs_for(masterplan)],
    }

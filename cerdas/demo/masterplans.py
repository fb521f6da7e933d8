"""Demo masterplans: Bojonegoro's approved plan and partial drafts of three 2017 regions.

Idempotent: a region that already has a demo masterplan is left alone. Every plan and
every agency created here is marked demo.
"""
# ruff: noqa: RUF001 - en dashes in year ranges are intended typography

from django.db import transaction

from cerdas.accounts.models import User
from cerdas.demo.masterplan_content import (
    AGENCIES,
    PARTIAL,
    PROGRAMS,
    READINESS_CURRENT,
    READINESS_GAPS,
    SECTIONS,
    STRATEGY,
)
from cerdas.masterplans import services
from cerdas.masterplans.models import Dimension, Element, Masterplan, ReadinessElement
from cerdas.masterplans.reference import seed_reference_data
from cerdas.regions.models import Agency

BOJONEGORO = "35.22"
PERIOD = (2018, 2027)
TITLE = "Masterplan Smart City Kabupaten Bojonegoro 2018–2027 (demo)"


def _agencies(region_id: str) -> dict[str, Agency]:
    result = {}
    for short, name in AGENCIES.items():
        agency = Agency.objects.filter(region_id=region_id, name=name).first()
        if agency is None:
            agency = Agency.objects.create(
                region_id=region_id, name=name, short_name=short, is_demo=True
            )
        result[short] = agency
    return result


def _program_values(dimension, row, agencies, first_year):
    name, element, horizon, offset, years, opd, million, source, indicator, text = row
    start = first_year + offset
    end = start + years - 1
    values = {
        "name": name,
        "dimension": dimension,
        "element": Element.objects.get(code=f"{dimension.code}-{element}"),
        "horizon": horizon,
        "start_year": start,
        "end_year": end,
        "agency": agencies[opd],
        "description": text if horizon != "quick_win" else "",
        "citizen_benefit": text if horizon == "quick_win" else "",
        "rpjmd_program": f"Program RPJMD: {dimension.name}",
        "renstra_program": f"Renstra {opd}",
    }
    budgets = [
        {"year": year, "source": source, "amount": million * 1_000_000}
        for year in range(start, end + 1)
    ]
    indicator_name, unit, baseline, target = indicator
    indicators = [{"name": indicator_name, "unit": unit, "baseline": baseline, "target": target}]
    return values, budgets, indicators


def _cohort_2017(code) -> int | None:
    """The 2017 cohort if the cohorts demo (run before this one) made the region a member."""
    cohort = services.cohorts_for_region(code).filter(year=2017).first()
    return cohort.pk if cohort else None


def _fill_sections(plan, user, sections: dict) -> None:
    for kind, data in sections.items():
        section = plan.sections.get(kind=kind)
        services.save_section(plan.pk, kind, data, section.version, user)


def _seed_bojonegoro(stdout) -> None:
    team = User.objects.filter(username="tim.bojonegoro").first()
    reviewer = User.objects.filter(username="asesor").first()
    agencies = _agencies(BOJONEGORO)
    plan = services.create_masterplan(
        BOJONEGORO, TITLE, *PERIOD, team, cohort_id=_cohort_2017(BOJONEGORO), is_demo=True
    )
    readiness = {}
    for element in ReadinessElement.objects.all():
        readiness[f"{element.code}_current"] = f"{element.name}: {READINESS_CURRENT}"
        readiness[f"{element.code}_gaps"] = f"{element.name}: {READINESS_GAPS}"
    _fill_sections(plan, team, {**SECTIONS, "readiness": readiness, "strategy": STRATEGY})
    for dimension in Dimension.objects.all():
        for row in PROGRAMS.get(dimension.code, []):
            values, budgets, indicators = _program_values(dimension, row, agencies, PERIOD[0])
            services.save_program(plan.pk, values, budgets, indicators, team)
    services.transition(plan.pk, "submit", team, confirmed=True)
    services.transition(plan.pk, "start_review", reviewer)
    services.transition(
        plan.pk, "return", reviewer, "Tambahkan indikator yang terukur untuk program lingkungan."
    )
    services.transition(plan.pk, "resubmit", team, confirmed=True)
    services.transition(plan.pk, "start_review", reviewer)
    services.transition(plan.pk, "approve", reviewer, confirmed=True)
    stdout.write(
        f"Masterplans: approved demo masterplan for {BOJONEGORO} "
        f"({plan.programs.count()} programs)."
    )


def _seed_partial(code, title, period, status, vision, programs, stdout) -> None:
    team = User.objects.filter(region_id=code, role=User.Role.REGIONAL_TEAM).first()
    agencies = _agencies(code)
    plan = services.create_masterplan(
        code, title, *period, team, cohort_id=_cohort_2017(code), is_demo=True
    )
    _fill_sections(plan, team, {"vision": {"vision": vision}})
    for name, dimension_code, *rest in programs:
        dimension = Dimension.objects.get(code=dimension_code)
        values, budgets, indicators = _program_values(dimension, (name, *rest), agencies, period[0])
        services.save_program(plan.pk, values, budgets, indicators, team)
    if status == "submitted":
        submitter = team or User.objects.filter(username="admin").first()
        services.transition(plan.pk, "submit", submitter, confirmed=True)
    stdout.write(f"Masterplans: partial demo masterplan for {code} ({status}).")


@transaction.atomic
def seed(stdout) -> None:
    seed_reference_data()
    if not Masterplan.objects.filter(region_id=BOJONEGORO, is_demo=True).exists():
        _seed_bojonegoro(stdout)
    for code, title, period, status, vision, programs in PARTIAL:
        if not Masterplan.objects.filter(region_id=code, is_demo=True).exists():
            _seed_partial(code, title, period, status, vision, programs, stdout)

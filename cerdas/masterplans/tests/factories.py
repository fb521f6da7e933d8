"""Plans and programs for tests, built through the real services."""

from cerdas.masterplans import services
from cerdas.masterplans.models import Dimension, Horizon
from cerdas.regions.models import Agency


def make_plan(region="35.22", title="Masterplan Smart City Bojonegoro", start=2025, end=2034):
    return services.create_masterplan(region, title, start, end)


def add_program(
    plan,
    name="Satu Data",
    dimension="governance",
    horizon=Horizon.SHORT,
    start=2025,
    end=2026,
    agency=None,
    budgets=None,
    indicators=None,
    **extra,
):
    if agency is None:
        agency, _created = Agency.objects.get_or_create(
            region_id=plan.region_id, name="Badan Perencanaan Pembangunan Daerah"
        )
    values = {
        "name": name,
        "dimension": Dimension.objects.get(code=dimension),
        "horizon": horizon,
        "start_year": start,
        "end_year": end,
        "agency": agency or None,
        **extra,
    }
    budgets = (
        budgets
        if budgets is not None
        else [{"year": start, "source": "apbd", "amount": 150_000_000}]
    )
    indicators = (
        indicators
        if indicators is not None
        else [{"name": "OPD terhubung", "unit": "%", "baseline": 20, "target": 90}]
    )
    return services.save_program(plan.pk, values, budgets, indicators).program


def take_through(plan, team, reviewer, *actions):
    for action in actions:
        who = team if action in ("submit", "resubmit", *services.WITHDRAWALS) else reviewer
        comment = "Lengkapi indikator" if action == "return" else ""
        services.transition(plan.pk, action, who, comment, confirmed=True)
    plan.refresh_from_db()
    return plan

"""An approved masterplan of 35.22 with a quick win and a program, built through the services."""

import pytest

from cerdas.masterplans.models import Horizon
from cerdas.masterplans.tests.factories import add_program, make_plan, take_through


@pytest.fixture(autouse=True)
def _reference_data(db):
    from cerdas.masterplans.reference import seed_reference_data

    seed_reference_data()


@pytest.fixture
def approved(db, member_a, national_admin):
    """The plan, its quick win (2025, APBD Rp 150 juta, one indicator) and a long program."""
    plan = make_plan()
    quick = add_program(
        plan,
        name="Layanan Aduan Terpadu",
        horizon=Horizon.QUICK_WIN,
        start=2025,
        end=2025,
        budgets=[{"year": 2025, "source": "apbd", "amount": 150_000_000}],
        indicators=[{"name": "Aduan selesai", "unit": "%", "baseline": 20, "target": 90}],
    )
    program = add_program(
        plan,
        name="Satu Data Bojonegoro",
        start=2025,
        end=2028,
        budgets=[
            {"year": 2025, "source": "apbd", "amount": 2_000_000_000},
            {"year": 2026, "source": "apbn", "amount": 1_000_000_000},
        ],
        indicators=[{"name": "OPD terhubung", "unit": "OPD", "baseline": 0, "target": 40}],
    )
    take_through(plan, member_a, national_admin, "submit", "start_review", "approve")
    plan.quick, plan.program = quick, program
    return plan


def update_url(plan, program) -> str:
    return f"/implementasi/{plan.region_id}/program/{program.key}/perbarui/"


def program_url(plan, program) -> str:
    return f"/implementasi/{plan.region_id}/program/{program.key}/"


@pytest.fixture
def make_officer(db):
    from conftest import make_user

    def make(agency, username="officer_bappeda"):
        return make_user(username, "agency_officer", agency.region_id, agency)

    return make

"""The demo masterplans: Bojonegoro approved and complete, others partial; run twice, same."""

import io

import pytest

from cerdas.demo import masterplans as demo
from cerdas.masterplans.completeness import completeness
from cerdas.masterplans.models import Masterplan
from cerdas.masterplans.snapshot import build_snapshot
from cerdas.regions.models import Agency
from conftest import make_user


@pytest.fixture
def demo_accounts(db):
    make_user("tim.bojonegoro", "regional_team", "35.22", is_demo=True)
    make_user("tim.bandung", "regional_team", "32.73", is_demo=True)
    make_user("admin", "national_admin", is_demo=True)
    asesor = make_user("asesor", "assessor", is_demo=True)
    asesor.assigned_regions.add("35.22", "32.73", "73.71")


@pytest.mark.django_db
def test_the_demo_has_a_complete_approved_plan_for_bojonegoro_and_is_idempotent(
    client, demo_accounts
):
    demo.seed(io.StringIO())
    counts = (Masterplan.objects.count(), Agency.objects.count())
    demo.seed(io.StringIO())
    assert (Masterplan.objects.count(), Agency.objects.count()) == counts

    plan = Masterplan.objects.get(region_id="35.22")
    assert plan.status == "approved" and plan.is_demo
    assert 30 <= plan.programs.count() <= 60
    assert set(plan.programs.values_list("dimension__code", flat=True)) == {
        "governance",
        "branding",
        "economy",
        "living",
        "society",
        "environment",
    }
    assert completeness(build_snapshot(plan))["score"] == 100
    assert plan.versions.count() == 3 and plan.comments.count() == 1
    assert not Agency.objects.filter(
        masterplan_programs__masterplan__is_demo=True, is_demo=False
    ).exists()
    assert {p.region_id: p.status for p in Masterplan.objects.exclude(pk=plan.pk)} == {
        "73.71": "draft",
        "35.10": "submitted",
        "32.73": "draft",
    }

    body = client.get(plan.get_absolute_url()).content.decode()
    assert "demo" in body
    items = client.get("/api/v1/masterplans", {"region": "35.22"}).json()
    assert [item["status"] for item in items] == ["approved"]


@pytest.mark.django_db
def test_after_the_record_bojonegoros_plan_belongs_to_the_2017_cohort(client, demo_accounts):
    from cerdas import records

    records.load(io.StringIO())
    demo.seed(io.StringIO())
    plan = Masterplan.objects.get(region_id="35.22")
    assert plan.cohort.year == 2017
    assert client.get(f"/api/v1/masterplans/{plan.pk}").json()["cohort"]["year"] == 2017

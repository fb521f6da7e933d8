"""A masterplan is tied to one of the cohorts its region is or was a member of."""

import datetime

import pytest
from django.test import Client

from cerdas.cohorts.models import Cohort, Membership
from cerdas.core.models import AuditEntry
from cerdas.masterplans import services
from cerdas.masterplans.tests.factories import add_program, make_plan, take_through


@pytest.fixture
def cohorts(db):
    joined = Cohort.objects.create(year=2017, name="Gerakan Menuju 100 Smart City 2017")
    other = Cohort.objects.create(year=2018, name="Gerakan Menuju 100 Smart City 2018")
    Membership.objects.create(
        cohort=joined,
        region_id="35.22",
        joined_on=datetime.date(2017, 5, 23),
        left_on=datetime.date(2019, 1, 1),
        reason="Terpilih",
    )
    Membership.objects.create(
        cohort=other, region_id="32.73", joined_on=datetime.date(2018, 5, 1), reason="Terpilih"
    )
    return joined, other


@pytest.mark.django_db
def test_the_team_chooses_a_cohort_its_region_was_a_member_of(cohorts, member_a):
    joined, other = cohorts
    plan = make_plan()
    client = Client()
    client.force_login(member_a)
    page = client.get(f"/masterplan/{plan.pk}/kohort/").content.decode()
    assert joined.name in page and other.name not in page
    client.post(f"/masterplan/{plan.pk}/kohort/", {"cohort": joined.pk})
    plan.refresh_from_db()
    assert plan.cohort == joined
    entry = AuditEntry.objects.get(object_id=str(plan.pk), action="masterplan.cohort_set")
    assert entry.changes == {"cohort": [None, 2017]}
    workspace = client.get(plan.get_manage_url()).content.decode()
    assert f'href="{joined.get_absolute_url()}"' in workspace


@pytest.mark.django_db
def test_a_cohort_of_other_regions_is_refused_and_nothing_changes(cohorts, member_a):
    _joined, other = cohorts
    plan = make_plan()
    client = Client()
    client.force_login(member_a)
    response = client.post(f"/masterplan/{plan.pk}/kohort/", {"cohort": other.pk})
    assert response.status_code == 200  # the form again, with its error
    with pytest.raises(services.WorkflowError):
        services.set_cohort(plan.pk, other.pk, member_a)
    with pytest.raises(services.WorkflowError):
        services.create_masterplan("35.22", "Rencana", 2025, 2034, member_a, other.pk)
    plan.refresh_from_db()
    assert plan.cohort is None


@pytest.mark.django_db
def test_a_new_plan_can_start_with_its_cohort(cohorts, member_a):
    joined, _other = cohorts
    client = Client()
    client.force_login(member_a)
    form = {
        "region": "35.22",
        "title": "Masterplan Bojonegoro",
        "period_start": 2025,
        "period_end": 2034,
        "cohort": joined.pk,
    }
    response = client.post("/masterplan/kelola/", form)
    assert response.status_code == 302
    assert services.Masterplan.objects.get().cohort == joined


@pytest.mark.django_db
def test_the_public_page_the_api_and_a_revision_show_the_cohort(
    cohorts, client, member_a, assessor_a
):
    joined, _other = cohorts
    plan = services.create_masterplan("35.22", "Masterplan", 2025, 2034, member_a, joined.pk)
    add_program(plan)
    take_through(plan, member_a, assessor_a, "submit", "start_review", "approve")
    page = client.get(plan.get_absolute_url()).content.decode()
    assert f'<a href="{joined.get_absolute_url()}">{joined.name}</a>' in page
    data = client.get(f"/api/v1/masterplans/{plan.pk}").json()
    assert data["cohort"] == {"year": 2017, "name": joined.name}
    assert services.start_revision(plan.pk, member_a).cohort == joined
    with pytest.raises(services.NotEditable):
        services.set_cohort(plan.pk, None, member_a)


@pytest.mark.django_db
def test_a_plan_without_a_cohort_gives_null_and_a_deleted_cohort_leaves_the_plan(
    cohorts, client, member_a
):
    joined, _other = cohorts
    plan = services.create_masterplan("35.22", "Masterplan", 2025, 2034, member_a, joined.pk)
    joined.delete()
    plan.refresh_from_db()
    assert plan.cohort is None
    client.force_login(member_a)
    assert client.get(f"/api/v1/masterplans/{plan.pk}").json()["cohort"] is None

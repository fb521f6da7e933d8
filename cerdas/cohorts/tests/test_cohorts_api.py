"""The API lists cohorts and gives each one's members over time and its milestones."""

import datetime

import pytest

from cerdas.cohorts.services import end_membership


@pytest.mark.django_db
def test_the_list_gives_id_year_name_and_member_count(client, cohort):
    data = client.get("/api/v1/cohorts").json()
    assert data == [
        {
            "id": cohort.pk,
            "year": 2017,
            "name": "Menuju 100 Smart City 2017",
            "member_count": 3,
            "target_count": 25,
            "is_demo": False,
        }
    ]


@pytest.mark.django_db
def test_the_detail_gives_members_with_status_and_dates_and_the_milestones(
    client, cohort, past_deliverable, national_admin
):
    cohort.seminar_date = datetime.date(2017, 11, 15)
    cohort.save()
    m = cohort.memberships.get(region_id="32.73")
    end_membership(
        confirmed=True,
        membership_id=m.pk,
        user=national_admin,
        left_on=datetime.date(2017, 10, 1),
        reason="mundur",
    )
    data = client.get(f"/api/v1/cohorts/{cohort.pk}").json()
    assert data["member_count"] == 2
    members = {row["region_code"]: row for row in data["members"]}
    assert members["35.22"]["status"] == "active" and members["35.22"]["left"] is None
    assert members["32.73"]["status"] == "withdrawn"
    assert members["32.73"]["joined"] == "2017-05-23" and members["32.73"]["left"] == "2017-10-01"
    keys = [row["key"] for row in data["milestones"]]
    assert keys == [f"deliverable-{past_deliverable.pk}", "seminar"]


@pytest.mark.django_db
def test_an_unknown_cohort_is_a_404(client, db):
    assert client.get("/api/v1/cohorts/999").status_code == 404


@pytest.mark.django_db
def test_each_member_carries_its_milestone_statuses(client, cohort, past_deliverable, member_a):
    from cerdas.cohorts.models import Mou
    from cerdas.cohorts.reviews import submit

    Mou.objects.create(cohort=cohort, region_id="35.22", status=Mou.Status.SIGNED)
    submit(
        deliverable_id=past_deliverable.pk, region_code="35.22", user=member_a, url="https://x.id"
    )
    data = client.get(f"/api/v1/cohorts/{cohort.pk}").json()
    members = {row["region_code"]: row for row in data["members"]}
    key = f"deliverable-{past_deliverable.pk}"
    bojonegoro = {m["key"]: (m["status"], m["late"]) for m in members["35.22"]["milestones"]}
    assert bojonegoro == {
        "mou": ("done", False),
        "council": ("missing", False),
        "team": ("missing", False),
        "masterplan": ("missing", False),
        key: ("awaiting_review", True),
    }
    bandung = {m["key"]: m["status"] for m in members["32.73"]["milestones"]}
    assert bandung[key] == "overdue"
    assert key in [row["key"] for row in data["milestones"]]

"""The masterplans API as other tools rely on it (the contract in issue 5)."""

import pytest
from django.test import Client

from cerdas.masterplans.tests.factories import add_program, make_plan, take_through


@pytest.fixture
def approved(member_a, assessor_a):
    plan = make_plan()
    add_program(
        plan,
        budgets=[
            {"year": 2025, "source": "apbd", "amount": 100},
            {"year": 2026, "source": "apbn", "amount": 50},
        ],
    )
    return take_through(plan, member_a, assessor_a, "submit", "start_review", "approve")


@pytest.mark.django_db
def test_the_list_by_region_gives_id_title_status_and_period(client, approved):
    make_plan(region="32.73", title="Bandung")
    items = client.get("/api/v1/masterplans", {"region": "35.22"}).json()
    assert items == [
        {
            "id": approved.pk,
            "title": approved.title,
            "region": "35.22",
            "status": "approved",
            "period_start": 2025,
            "period_end": 2034,
            "revision": 1,
            "is_demo": False,
            "url": f"http://testserver/masterplan/{approved.pk}/",
        }
    ]


@pytest.mark.django_db
def test_the_detail_has_programs_and_document_links_that_work_without_login(client, approved):
    data = client.get(f"/api/v1/masterplans/{approved.pk}").json()
    (program,) = data["programs"]
    assert {
        k: program[k]
        for k in ("name", "dimension", "horizon", "start_year", "end_year", "budget_total")
    } == {
        "name": "Satu Data",
        "dimension": "governance",
        "horizon": "short",
        "start_year": 2025,
        "end_year": 2026,
        "budget_total": 150,
    }
    for key in ("docx_url", "pdf_url"):
        response = Client().get(data[key].removeprefix("http://testserver"))
        assert response.status_code == 200


@pytest.mark.django_db
def test_a_draft_has_no_document_links_and_is_hidden_from_anonymous(client, member_a):
    plan = make_plan()
    assert client.get(f"/api/v1/masterplans/{plan.pk}").status_code == 404
    client.force_login(member_a)
    data = client.get(f"/api/v1/masterplans/{plan.pk}").json()
    assert data["docx_url"] is None and data["pdf_url"] is None


@pytest.mark.django_db
def test_the_team_adds_a_program_and_bad_budgets_are_refused(member_a):
    plan = make_plan()
    client = Client()
    client.force_login(member_a)
    url = f"/api/v1/masterplans/{plan.pk}/programs"
    good = {
        "name": "WiFi Desa",
        "dimension": "society",
        "horizon": "quick_win",
        "start_year": 2025,
        "end_year": 2026,
        "budgets": [{"year": 2025, "source": "apbd", "amount": 500_000_000}],
        "indicators": [{"name": "Desa terhubung", "unit": "desa", "target": 430}],
    }
    response = client.post(url, good, content_type="application/json")
    assert response.status_code == 201
    assert response.json()["budget_total"] == 500_000_000
    for bad in ({"amount": -1}, {"amount": 10**16}, {"year": 2040}):
        payload = {**good, "budgets": [{**good["budgets"][0], **bad}]}
        assert client.post(url, payload, content_type="application/json").status_code == 422
    quick = client.get(f"/api/v1/masterplans/{plan.pk}/quick-wins").json()
    assert [p["name"] for p in quick] == ["WiFi Desa"]


@pytest.mark.django_db
def test_writing_to_an_approved_plan_is_a_conflict(approved, member_a):
    client = Client()
    client.force_login(member_a)
    response = client.put(
        f"/api/v1/masterplans/{approved.pk}/sections/vision",
        {"version": 1, "data": {"vision": "x"}},
        content_type="application/json",
    )
    assert response.status_code == 409

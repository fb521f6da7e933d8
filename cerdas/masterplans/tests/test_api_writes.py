"""The region's team changes programs and moves the plan through the API, as in the browser."""

import pytest
from django.test import Client

from cerdas.core.models import AuditEntry
from cerdas.masterplans.tests.factories import add_program, make_plan, take_through

PAYLOAD = {
    "name": "Satu Data Bojonegoro",
    "dimension": "governance",
    "horizon": "short",
    "start_year": 2025,
    "end_year": 2027,
    "budgets": [{"year": 2026, "source": "apbd", "amount": 200_000_000}],
    "indicators": [{"name": "OPD terhubung", "unit": "%", "target": 100}],
}


def logged_in(user, csrf=False):
    client = Client(enforce_csrf_checks=csrf)
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def plan(db):
    plan = make_plan()
    add_program(plan)
    return plan


def program_url(plan):
    return f"/api/v1/masterplans/{plan.pk}/programs/{plan.programs.get().pk}"


def actions_logged(plan):
    return list(AuditEntry.objects.filter(object_id=str(plan.pk)).values_list("action", flat=True))


@pytest.mark.django_db
def test_the_team_changes_a_program_and_the_change_is_logged(plan, member_a):
    response = logged_in(member_a).put(
        program_url(plan), {**PAYLOAD, "version": 1}, content_type="application/json"
    )
    assert response.status_code == 200
    assert response.json()["name"] == "Satu Data Bojonegoro"
    assert response.json()["budget_total"] == 200_000_000
    program = plan.programs.get()
    assert (program.version, program.end_year, program.indicators.get().target) == (2, 2027, 100)
    assert "masterplan.program_saved" in actions_logged(plan)


@pytest.mark.django_db
def test_a_stale_program_save_is_a_conflict_carrying_the_newer_program(plan, member_a):
    client = logged_in(member_a)
    first = client.put(
        program_url(plan), {**PAYLOAD, "version": 1}, content_type="application/json"
    )
    assert first.status_code == 200
    stale = {**PAYLOAD, "name": "Nama lama", "version": 1}
    response = client.put(program_url(plan), stale, content_type="application/json")
    assert response.status_code == 409
    assert response.json()["program"]["name"] == "Satu Data Bojonegoro"
    assert plan.programs.get().name == "Satu Data Bojonegoro"


@pytest.mark.django_db
def test_bad_program_changes_are_refused_with_the_web_forms_rules(plan, member_a):
    bad = {**PAYLOAD, "version": 1, "end_year": 2040}
    response = logged_in(member_a).put(program_url(plan), bad, content_type="application/json")
    assert response.status_code == 422
    assert plan.programs.get().version == 1


@pytest.mark.django_db
def test_the_team_deletes_a_program_and_the_deletion_is_logged(plan, member_a):
    url = program_url(plan)
    response = logged_in(member_a).delete(url)
    assert response.status_code == 204
    assert not plan.programs.exists()
    assert "masterplan.program_deleted" in actions_logged(plan)
    assert logged_in(member_a).delete(url).status_code == 404


@pytest.mark.django_db
def test_the_team_submits_and_reviewers_return_and_approve(plan, member_a, assessor_a):
    team, reviewer = logged_in(member_a), logged_in(assessor_a)
    url = f"/api/v1/masterplans/{plan.pk}/transitions"

    def move(client, action, comment="", confirmed=True):
        body = {"action": action, "comment": comment, "confirmed": confirmed}
        return client.post(url, body, content_type="application/json")

    assert move(team, "submit", confirmed=False).status_code == 409
    assert move(team, "submit").json() == {"status": "submitted", "actions": ["withdraw"]}
    assert move(team, "start_review").status_code == 409
    assert move(reviewer, "start_review").json()["actions"] == ["return", "approve"]
    assert move(reviewer, "return").status_code == 409  # a return needs a comment
    assert move(reviewer, "return", "Tambahkan indikator").json()["status"] == "returned"
    assert move(team, "resubmit").json()["status"] == "resubmitted"
    move(reviewer, "start_review")
    assert move(reviewer, "approve").json()["status"] == "approved"
    assert move(team, "dance").status_code == 422
    logged = actions_logged(plan)
    for action in ("submitted", "review_started", "returned", "resubmitted", "approved"):
        assert f"masterplan.{action}" in logged
    assert plan.comments.get().text == "Tambahkan indikator"


@pytest.mark.django_db
def test_an_approved_plan_refuses_every_write_and_says_to_start_a_revision(
    plan, member_a, assessor_a
):
    take_through(plan, member_a, assessor_a, "submit", "start_review", "approve")
    client = logged_in(member_a)
    answers = [
        client.put(program_url(plan), {**PAYLOAD, "version": 1}, content_type="application/json"),
        client.delete(program_url(plan)),
        client.post(
            f"/api/v1/masterplans/{plan.pk}/transitions",
            {"action": "submit"},
            content_type="application/json",
        ),
    ]
    for response in answers:
        assert response.status_code == 409
        # The default language is Indonesian: "…: start a revision."
        assert response.json()["detail"].endswith("mulailah revisi.")
    assert plan.programs.get().version == 1


@pytest.mark.django_db
def test_outsiders_cannot_change_programs_or_move_the_plan(plan, member_b, citizen):
    for user, expected in ((member_b, 403), (citizen, 403), (None, 401)):
        client = logged_in(user)
        put = client.put(
            program_url(plan), {**PAYLOAD, "version": 1}, content_type="application/json"
        )
        delete = client.delete(program_url(plan))
        move = client.post(
            f"/api/v1/masterplans/{plan.pk}/transitions",
            {"action": "submit"},
            content_type="application/json",
        )
        assert [put.status_code, delete.status_code, move.status_code] == [expected] * 3, user
    program = plan.programs.get()
    plan.refresh_from_db()
    assert (program.version, plan.status) == (1, "draft")


@pytest.mark.django_db
def test_writes_without_a_csrf_token_are_refused(plan, member_a):
    client = logged_in(member_a, csrf=True)
    client.cookies["csrftoken"] = "forged" * 6
    headers = {"HTTP_X_CSRFTOKEN": "x" * 32}
    put = client.put(
        program_url(plan), {**PAYLOAD, "version": 1}, content_type="application/json", **headers
    )
    delete = client.delete(program_url(plan), **headers)
    move = client.post(
        f"/api/v1/masterplans/{plan.pk}/transitions",
        {"action": "submit"},
        content_type="application/json",
        **headers,
    )
    assert [put.status_code, delete.status_code, move.status_code] == [403, 403, 403]
    plan.refresh_from_db()
    assert (plan.programs.get().version, plan.status) == (1, "draft")

"""Submitting, resubmitting and approving are confirmed on a page that says what happens and
what the plan still lacks; a team withdraws a plan, with a reason, until a reviewer starts."""

import pytest

from cerdas.core.models import AuditEntry
from cerdas.masterplans import services
from cerdas.masterplans.models import Status
from cerdas.masterplans.tests.factories import add_program, make_plan, take_through


@pytest.fixture
def plan(db):
    plan = make_plan()
    add_program(plan)
    return plan


@pytest.mark.django_db
def test_the_service_refuses_an_unconfirmed_submission(plan, member_a):
    with pytest.raises(services.WorkflowError):
        services.transition(plan.pk, "submit", member_a)
    plan.refresh_from_db()
    assert plan.status == Status.DRAFT


@pytest.mark.django_db
def test_the_submit_button_leads_to_a_page_that_lists_what_is_missing(client, plan, member_a):
    client.force_login(member_a)
    workspace = client.get(plan.get_manage_url()).content.decode()
    assert f"/masterplan/{plan.pk}/status/submit/" in workspace
    # The old one-click form lands on the confirmation page, not on a submission.
    response = client.post(f"/masterplan/{plan.pk}/status/", {"action": "submit"})
    assert response["Location"] == f"/masterplan/{plan.pk}/status/submit/"
    page = client.get(f"/masterplan/{plan.pk}/status/submit/")
    text = page.content.decode()
    assert page.status_code == 200
    assert "Apa yang akan terjadi" in text
    assert "Visi, misi, dan sasaran" in text  # an empty section is named as missing
    plan.refresh_from_db()
    assert plan.status == Status.DRAFT


@pytest.mark.django_db
def test_confirming_submits_the_plan(client, plan, member_a):
    client.force_login(member_a)
    response = client.post(f"/masterplan/{plan.pk}/status/submit/", {"confirmed": "True"})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.status == Status.SUBMITTED


@pytest.mark.django_db
def test_a_post_without_the_confirmation_changes_nothing(client, plan, member_a):
    client.force_login(member_a)
    response = client.post(f"/masterplan/{plan.pk}/status/submit/", {})
    assert response.status_code == 400
    plan.refresh_from_db()
    assert plan.status == Status.DRAFT


@pytest.mark.django_db
def test_the_team_withdraws_a_submitted_plan_with_a_reason(client, plan, member_a):
    take_through(plan, member_a, None, "submit")
    client.force_login(member_a)
    assert "status/withdraw/" in client.get(plan.get_manage_url()).content.decode()
    url = f"/masterplan/{plan.pk}/status/withdraw/"
    assert client.get(url).status_code == 200
    refused = client.post(url, {"confirmed": "True", "reason": " "})
    assert refused.status_code == 400
    client.post(url, {"confirmed": "True", "reason": "Anggaran belum final"})
    plan.refresh_from_db()
    assert plan.status == Status.DRAFT
    entry = AuditEntry.objects.get(object_id=str(plan.pk), action="masterplan.withdrawn")
    assert entry.reason == "Anggaran belum final"
    # The submitted version stays in the history.
    assert [v.status for v in plan.versions.all()] == [Status.SUBMITTED]


@pytest.mark.django_db
def test_a_resubmitted_plan_goes_back_to_returned(plan, member_a, assessor_a):
    take_through(plan, member_a, assessor_a, "submit", "start_review", "return", "resubmit")
    assert "withdraw_resubmission" in services.allowed_actions(member_a, plan)
    services.transition(plan.pk, "withdraw_resubmission", member_a, "Lupa lampiran", confirmed=True)
    plan.refresh_from_db()
    assert plan.status == Status.RETURNED


@pytest.mark.django_db
def test_no_withdrawal_once_a_reviewer_has_started(client, plan, member_a, assessor_a):
    take_through(plan, member_a, assessor_a, "submit", "start_review")
    assert services.allowed_actions(member_a, plan) == []
    with pytest.raises(services.WorkflowError):
        services.transition(plan.pk, "withdraw", member_a, "x", confirmed=True)
    client.force_login(member_a)
    response = client.get(f"/masterplan/{plan.pk}/status/withdraw/")
    assert response.status_code == 302
    assert plan.status == Status.IN_REVIEW


@pytest.mark.django_db
def test_a_reviewers_comment_counts_as_a_started_review(plan, member_a, assessor_a):
    take_through(plan, member_a, assessor_a, "submit")
    services.add_comment(plan.pk, assessor_a, "Saya mulai membaca bagian visi.")
    assert "withdraw" not in services.allowed_actions(member_a, plan)


@pytest.mark.django_db
def test_reviewers_cannot_withdraw_and_the_team_cannot_approve(client, plan, member_a, assessor_a):
    take_through(plan, member_a, assessor_a, "submit")
    client.force_login(assessor_a)
    assert client.get(f"/masterplan/{plan.pk}/status/withdraw/").status_code == 403
    take_through(plan, member_a, assessor_a, "start_review")
    client.force_login(member_a)
    assert client.get(f"/masterplan/{plan.pk}/status/approve/").status_code == 403


@pytest.mark.django_db
def test_approval_is_confirmed_on_its_own_page(client, plan, member_a, assessor_a):
    take_through(plan, member_a, assessor_a, "submit", "start_review")
    client.force_login(assessor_a)
    page = client.get(f"/masterplan/{plan.pk}/status/approve/").content.decode()
    assert "menjadi terbuka untuk publik" in page
    client.post(f"/masterplan/{plan.pk}/status/approve/", {"confirmed": "True"})
    plan.refresh_from_db()
    assert plan.status == Status.APPROVED


@pytest.mark.django_db
def test_a_step_that_needs_no_page_has_none(client, plan, member_a):
    client.force_login(member_a)
    assert client.get(f"/masterplan/{plan.pk}/status/start_review/").status_code == 404
    assert client.get(f"/masterplan/{plan.pk}/status/dance/").status_code == 404


@pytest.mark.django_db
def test_the_review_list_is_headed_by_role_and_tells_revisions_apart(
    client, plan, member_a, national_admin
):
    take_through(plan, member_a, national_admin, "submit")
    make_plan(title=plan.title)
    client.force_login(national_admin)
    text = client.get("/masterplan/kelola/").content.decode()
    assert "Masterplan semua wilayah" in text
    assert "Masterplan wilayah Anda" not in text
    assert "menunggu ditelaah" in text
    client.force_login(member_a)
    assert "Masterplan wilayah Anda" in client.get("/masterplan/kelola/").content.decode()


@pytest.mark.django_db
def test_deleting_a_program_is_confirmed_first(client, plan, member_a):
    program = plan.programs.get()
    client.force_login(member_a)
    url = f"/masterplan/{plan.pk}/program/{program.pk}/hapus/"
    page = client.get(url).content.decode()
    assert "tidak dapat dikembalikan" in page
    client.post(url)
    assert plan.programs.exists()
    with pytest.raises(services.WorkflowError):
        services.delete_program(plan.pk, program.pk, member_a)
    client.post(url, {"confirmed": "yes"})
    assert not plan.programs.exists()

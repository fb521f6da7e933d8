"""A plan goes draft → submitted → in review → returned → resubmitted → approved."""

import pytest

from cerdas.core.models import AuditEntry
from cerdas.masterplans import services
from cerdas.masterplans.models import Status
from cerdas.masterplans.tests.factories import add_program, make_plan, take_through


@pytest.mark.django_db
def test_the_full_cycle_is_audit_logged_and_keeps_a_version_per_submission(member_a, assessor_a):
    plan = make_plan()
    add_program(plan)
    take_through(
        plan,
        member_a,
        assessor_a,
        "submit",
        "start_review",
        "return",
        "resubmit",
        "start_review",
        "approve",
    )
    assert plan.status == Status.APPROVED
    assert plan.approved_at is not None
    actions = list(
        AuditEntry.objects.filter(object_id=str(plan.pk), action__startswith="masterplan.")
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions[-6:] == [
        "masterplan.submitted",
        "masterplan.review_started",
        "masterplan.returned",
        "masterplan.resubmitted",
        "masterplan.review_started",
        "masterplan.approved",
    ]
    assert AuditEntry.objects.filter(action="masterplan.approved", region_code="35.22").exists()
    assert [v.status for v in plan.versions.all()] == ["submitted", "resubmitted", "approved"]
    assert plan.versions.first().snapshot["programs"][0]["name"] == "Satu Data"


@pytest.mark.django_db
def test_returning_needs_a_comment_and_keeps_it(member_a, assessor_a):
    plan = take_through(make_plan(), member_a, assessor_a, "submit", "start_review")
    with pytest.raises(services.WorkflowError):
        services.transition(plan.pk, "return", assessor_a, "")
    services.transition(plan.pk, "return", assessor_a, "Visi belum <b>jelas</b>")
    assert plan.comments.get().text == "Visi belum jelas"


@pytest.mark.django_db
def test_the_team_cannot_approve_and_a_reviewer_cannot_submit(member_a, assessor_a):
    plan = make_plan()
    with pytest.raises(services.WorkflowError):
        services.transition(plan.pk, "submit", assessor_a, confirmed=True)
    services.transition(plan.pk, "submit", member_a, confirmed=True)
    for action in ("start_review", "approve"):
        with pytest.raises(services.WorkflowError):
            services.transition(plan.pk, action, member_a, confirmed=True)


@pytest.mark.django_db
def test_an_assessor_of_another_region_cannot_review(member_a, make_assessor_b):
    plan = make_plan()
    services.transition(plan.pk, "submit", member_a, confirmed=True)
    with pytest.raises(services.WorkflowError):
        services.transition(plan.pk, "start_review", make_assessor_b)


@pytest.mark.django_db
def test_a_national_admin_reviews_any_region(member_a, national_admin):
    plan = take_through(make_plan(), member_a, national_admin, "submit", "start_review", "approve")
    assert plan.status == Status.APPROVED

"""A region hands in deliverables; its mentor accepts or returns them; versions are kept."""

import datetime

import pytest
from django.utils import timezone

from cerdas.cohorts.models import Submission
from cerdas.cohorts.reviews import SubmissionError, item_status, review, submit


def _submit(deliverable, user, region="35.22", url="https://example.org/v"):
    return submit(deliverable_id=deliverable.pk, region_code=region, user=user, url=url)


@pytest.mark.django_db
def test_each_resubmission_is_a_new_version_and_the_old_ones_stay(
    deliverable, member_a, assessor_a
):
    first = _submit(deliverable, member_a, url="https://example.org/v1")
    review(submission_id=first.pk, user=assessor_a, accept=False, comment="Lengkapi SWOT")
    second = _submit(deliverable, member_a, url="https://example.org/v2")
    assert (first.version, second.version) == (1, 2)
    first.refresh_from_db()
    assert first.status == Submission.Status.RETURNED and first.review_comment == "Lengkapi SWOT"
    assert Submission.objects.filter(deliverable=deliverable).count() == 2


@pytest.mark.django_db
def test_a_submission_past_the_deadline_is_accepted_but_marked_late(past_deliverable, member_a):
    submission = _submit(past_deliverable, member_a)
    assert submission.pk and submission.is_late


@pytest.mark.django_db
def test_returning_needs_a_comment_and_only_the_latest_version_is_reviewed(
    deliverable, member_a, assessor_a
):
    first = _submit(deliverable, member_a)
    with pytest.raises(SubmissionError):
        review(submission_id=first.pk, user=assessor_a, accept=False, comment="  ")
    review(submission_id=first.pk, user=assessor_a, accept=True, confirmed=True)
    with pytest.raises(SubmissionError):
        review(submission_id=first.pk, user=assessor_a, accept=False, comment="lagi")
    with pytest.raises(SubmissionError):
        _submit(deliverable, member_a)  # accepted: nothing more to hand in


@pytest.mark.django_db
def test_a_region_that_is_not_a_current_member_cannot_submit(deliverable, member_a):
    with pytest.raises(SubmissionError):
        _submit(deliverable, member_a, region="11.01")


@pytest.mark.django_db
def test_a_submission_needs_a_document_or_a_link(deliverable, member_a):
    with pytest.raises(SubmissionError):
        _submit(deliverable, member_a, url="")


@pytest.mark.django_db
def test_the_deadline_is_the_end_of_the_day_in_each_regions_zone(past_deliverable, region_a):
    from cerdas.regions.models import Region

    makassar = Region.objects.select_related("province").get(code="73.71")
    wib = past_deliverable.deadline_for(region_a)
    wita = past_deliverable.deadline_for(makassar)
    assert wib - wita == datetime.timedelta(hours=1)  # Makassar's day ends an hour earlier
    between = wita + datetime.timedelta(minutes=30)
    assert item_status(past_deliverable, makassar, None, between).code == "overdue"
    assert item_status(past_deliverable, region_a, None, between).code == "due_soon"


@pytest.mark.django_db
def test_a_missing_item_far_from_its_deadline_is_pending(deliverable, region_a):
    assert item_status(deliverable, region_a, None, timezone.now()).code == "pending"

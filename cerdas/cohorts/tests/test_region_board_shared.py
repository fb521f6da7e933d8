"""A member's own board is rendered once for all who may see it, yet every change shows.

Below its heading the board is kept ({% shared %}) under the versions of cohorts content and
of the milestone facts, and the UTC hour; what differs between its readers (whether they may
act for the region) is part of the key. An approved masterplan showing at once is pinned in
cerdas/masterplans/tests/test_board_facts.py.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cerdas.cohorts.models import (
    Attendance,
    BimtekSession,
    Deliverable,
    Institution,
    Mou,
    Presentation,
)
from cerdas.cohorts.reviews import review, submit
from cerdas.cohorts.services import end_membership
from cerdas.regions.models import Region

BOARD = "/angkatan/2017/wilayah/35.22/"
# Whether the region is a member at all is still checked on every view (permissions).
TABLES = (
    "cohorts_mou",
    "cohorts_institution",
    "cohorts_attendance",
    "cohorts_presentation",
    "cohorts_submission",
    "masterplans_masterplan",
)


def _render(client) -> str:
    response = client.get(BOARD)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def team(client, member_a, cohort, deliverable):
    client.force_login(member_a)
    _render(client)  # the board is now kept
    return client


@pytest.mark.django_db
def test_a_second_view_reads_none_of_the_tables_behind_the_board(team):
    with CaptureQueriesContext(connection) as ctx:
        body = _render(team)
    sql = " ".join(q["sql"] for q in ctx.captured_queries)
    assert [table for table in TABLES if f'FROM "{table}"' in sql] == []
    assert "Analisis kesiapan" in body and "Record the MoU" in body


def _change_cases(cohort, member_a, national_admin, deliverable):
    """(what changes, what the board says afterwards that it did not say before)."""

    def mou():
        Mou.objects.create(cohort=cohort, region_id="35.22", status=Mou.Status.SIGNED)
        return "Update the obligations"

    def institution():
        Institution.objects.create(
            cohort=cohort,
            region_id="35.22",
            kind="council",
            decree_number="188/7/2017",
            decree_date=datetime.date(2017, 6, 1),
        )
        return "188/7/2017"

    def attendance():
        session = BimtekSession.objects.create(
            cohort=cohort, stage=1, starts_on=datetime.date(2017, 7, 18), place="Jakarta"
        )
        Attendance.objects.create(session=session, region_id="35.22", attended=True)
        return "attended"

    def presentation():
        Presentation.objects.create(cohort=cohort, region_id="35.22", summary="Satu data desa")
        return "Satu data desa"

    def submitted():
        submit(
            deliverable_id=deliverable.pk, region_code="35.22", user=member_a, url="https://x.id"
        )
        return "awaiting review"

    def reviewed():
        row = submit(
            deliverable_id=deliverable.pk, region_code="35.22", user=member_a, url="https://x.id"
        )
        review(submission_id=row.pk, user=national_admin, accept=True, confirmed=True)
        return "accepted"

    def left():
        end_membership(
            confirmed=True,
            membership_id=cohort.memberships.get(region_id="35.22").pk,
            user=national_admin,
            left_on=timezone.localdate(),
            reason="Mundur",
        )
        return "Nothing to hand in yet."

    return [
        mou,
        institution,
        attendance,
        presentation,
        submitted,
        reviewed,
        left,
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("case", range(7))
def test_every_kind_of_change_shows_on_the_next_view(
    team, case, cohort, member_a, national_admin, deliverable, django_capture_on_commit_callbacks
):
    before = _render(team)
    change = _change_cases(cohort, member_a, national_admin, deliverable)[case]
    with django_capture_on_commit_callbacks(execute=True):
        expected = change()
    after = _render(team)
    assert after.count(expected) > before.count(expected)


@pytest.mark.django_db
def test_a_mentor_never_gets_the_teams_edit_links(team, client, member_a, assessor_a, mentored):
    """The team's copy (with "Record the MoU") is kept; the mentor, who may only look, gets
    a copy of their own, and the team still gets theirs."""
    client.force_login(assessor_a)
    mentor_view = _render(client)
    assert "Analisis kesiapan" in mentor_view
    assert "Record the MoU" not in mentor_view and "/mou/" not in mentor_view
    client.force_login(member_a)
    assert "Record the MoU" in _render(client)


@pytest.mark.django_db
def test_the_next_hour_renders_the_board_afresh(
    team, cohort, monkeypatch, django_capture_on_commit_callbacks
):
    """A deadline passes at the end of a day in WIB, WITA or WIT, on a whole UTC hour: the
    copy kept before it says "due soon", the next hour's says "overdue"."""
    region = Region.objects.select_related("province").get(code="35.22")
    today = timezone.localdate(timezone.now(), region.tzinfo)
    with django_capture_on_commit_callbacks(execute=True):
        due = Deliverable.objects.create(cohort=cohort, title="Rencana aksi", due_on=today)
    assert "due soon" in _render(team)
    later = due.deadline_for(region) + datetime.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert "overdue" in _render(team)

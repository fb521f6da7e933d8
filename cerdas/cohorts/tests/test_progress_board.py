"""The national board shows every member's milestones in a bounded number of queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cerdas.cohorts.board import build_board
from cerdas.cohorts.models import Deliverable, Institution, Mou
from cerdas.cohorts.reviews import submit
from cerdas.cohorts.services import add_members


@pytest.mark.django_db
def test_cells_say_done_overdue_and_awaiting_review(cohort, past_deliverable, member_a):
    Mou.objects.create(cohort=cohort, region_id="35.22", status=Mou.Status.SIGNED)
    Institution.objects.create(
        cohort=cohort,
        region_id="35.22",
        kind=Institution.Kind.COUNCIL,
        decree_number="188/2017",
        decree_date=datetime.date(2017, 6, 1),
    )
    submit(
        deliverable_id=past_deliverable.pk, region_code="35.22", user=member_a, url="https://x.id"
    )
    board = build_board(cohort)
    rows = {row.region.pk: [cell.code for cell in row.cells] for row in board.rows}
    # MoU, council, team, approved masterplan (known from the masterplans app), deliverable.
    assert rows["35.22"] == ["done", "done", "missing", "missing", "awaiting_review"]
    assert rows["32.73"] == ["missing", "missing", "missing", "missing", "overdue"]
    assert [row.region.pk for row in build_board(cohort, only="awaiting_review").rows] == ["35.22"]


@pytest.mark.django_db
def test_it_shows_the_members_of_the_chosen_day(cohort):
    before = build_board(cohort, day=datetime.date(2017, 5, 1))
    assert before.rows == []


@pytest.mark.django_db
def test_the_query_count_does_not_grow_with_regions_or_milestones(cohort, national_admin):
    def count():
        with CaptureQueriesContext(connection) as ctx:
            build_board(cohort, now=timezone.now())
        return len(ctx.captured_queries)

    small = count()
    codes = ["11.01", "11.02", "11.03", "11.04", "11.05", "11.06"]
    add_members(cohort_id=cohort.pk, region_codes=codes, user=national_admin, reason="uji")
    for n in range(8):
        Deliverable.objects.create(
            cohort=cohort, title=f"D{n}", due_on=datetime.date(2017, 9, n + 1)
        )
    assert count() == small <= 6

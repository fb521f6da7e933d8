"""A cohort board shows what Cerdas knows from the masterplans app (through the milestone
facts registry) instead of asking the team to tick it off again."""

import datetime

import pytest

from cerdas.cohorts.board import build_board
from cerdas.cohorts.models import Mou
from cerdas.cohorts.planning import ensure_obligations
from cerdas.cohorts.services import add_members, get_or_create_cohort
from cerdas.masterplans.tests.factories import add_program, make_plan, take_through

BOARD = "/angkatan/2017/wilayah/35.22/"


@pytest.fixture
def cohort(db, national_admin):
    cohort = get_or_create_cohort(year=2017, name="Menuju 100 Smart City 2017")
    add_members(
        cohort_id=cohort.pk,
        region_codes=["35.22"],
        user=national_admin,
        reason="Daftar Mei 2017",
        joined_on=datetime.date(2017, 5, 23),
    )
    ensure_obligations(Mou.objects.create(cohort=cohort, region_id="35.22", status="signed"))
    return cohort


@pytest.mark.django_db
def test_an_approved_masterplan_answers_the_masterplan_milestone(
    client, cohort, member_a, national_admin, django_capture_on_commit_callbacks
):
    client.force_login(member_a)
    assert "Menyusun masterplan: belum selesai" in client.get(BOARD).content.decode()
    plan = make_plan()
    add_program(plan)
    # Approving announces the change once committed: the region's kept board retires.
    with django_capture_on_commit_callbacks(execute=True):
        take_through(plan, member_a, national_admin, "submit", "start_review", "approve")
    page = client.get(BOARD).content.decode()
    assert "Menyusun masterplan: belum selesai" not in page
    assert "Cerdas sudah tahu" in page
    assert plan.get_absolute_url() in page
    row = build_board(cohort).rows[0]
    statuses = dict(zip([c.key for c in build_board(cohort).columns], row.cells, strict=True))
    assert statuses["masterplan"].code == "done"
    obligations = client.get("/angkatan/2017/wilayah/35.22/kewajiban/").content.decode()
    assert "Tidak perlu mengisi ini" in obligations


@pytest.mark.django_db
def test_a_draft_or_submitted_plan_is_not_counted(client, cohort, member_a):
    plan = make_plan()
    take_through(plan, member_a, None, "submit")
    row = build_board(cohort).rows[0]
    statuses = dict(zip([c.key for c in build_board(cohort).columns], row.cells, strict=True))
    assert statuses["masterplan"].code == "missing"


@pytest.mark.django_db
def test_the_national_board_shows_the_change_at_once(
    client, cohort, member_a, national_admin, django_capture_on_commit_callbacks
):
    client.force_login(national_admin)
    before = client.get("/angkatan/2017/papan/").content.decode()
    assert "Masterplan disetujui" in before
    plan = make_plan()
    add_program(plan)
    with django_capture_on_commit_callbacks(execute=True):
        take_through(plan, member_a, national_admin, "submit", "start_review", "approve")
    after = client.get("/angkatan/2017/papan/").content.decode()
    assert after.count("status-done") == before.count("status-done") + 1

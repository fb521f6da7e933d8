"""The national board's table comes from the cache, yet every change shows on the next view."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cerdas.cohorts import board_cache, planning
from cerdas.cohorts.models import (
    Attendance,
    BimtekSession,
    Deliverable,
    Institution,
    Mou,
    Obligation,
    Submission,
)
from cerdas.cohorts.reviews import review, submit
from cerdas.cohorts.services import add_members, end_membership
from cerdas.core.cache import content_version
from cerdas.core.signals import public_content_changed

BOARD = "/angkatan/2017/papan/"


def _render(client):
    response = client.get(BOARD)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def admin_client(client, national_admin, cohort):
    client.force_login(national_admin)
    _render(client)  # the table is now cached
    return client


@pytest.mark.django_db
def test_a_second_view_does_not_query_the_tables_behind_the_board(
    admin_client, deliverable, django_assert_max_num_queries
):
    _render(admin_client)
    with CaptureQueriesContext(connection) as ctx:
        _render(admin_client)
    tables = " ".join(q["sql"] for q in ctx.captured_queries)
    assert "cohorts_membership" not in tables and "cohorts_submission" not in tables
    with django_assert_max_num_queries(3):  # session, user, cohort
        _render(admin_client)


def _change_cases(cohort, member_a, national_admin, deliverable):
    """(what changes, what the board says afterwards) for every kind of change."""

    def join():
        add_members(cohort_id=cohort.pk, region_codes=["35.25"], user=national_admin, reason="x")
        return "Kabupaten Gresik"

    def leave():
        m = cohort.memberships.get(region_id="32.73")
        end_membership(
            confirmed=True,
            membership_id=m.pk,
            user=national_admin,
            left_on=timezone.localdate(),
            reason="x",
        )
        return None  # checked below: Bandung gone

    def mou():
        Mou.objects.create(cohort=cohort, region_id="35.22", status=Mou.Status.SIGNED)
        return "done"

    def institution():
        Institution.objects.create(
            cohort=cohort,
            region_id="35.22",
            kind="council",
            decree_number="1",
            decree_date=datetime.date(2017, 6, 1),
        )
        return "done"

    def new_deliverable():
        Deliverable.objects.create(cohort=cohort, title="Peta jalan", due_on=deliverable.due_on)
        return "Peta jalan"

    def renamed():
        deliverable.title = "Analisis kesiapan (revisi)"
        deliverable.save()
        return "Analisis kesiapan (revisi)"

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

    return [join, leave, mou, institution, new_deliverable, renamed, submitted, reviewed]


@pytest.mark.django_db
@pytest.mark.parametrize("case", range(8))
def test_every_kind_of_change_shows_on_the_next_view(
    admin_client,
    case,
    cohort,
    member_a,
    national_admin,
    deliverable,
    django_capture_on_commit_callbacks,
):
    before = _render(admin_client)
    change = _change_cases(cohort, member_a, national_admin, deliverable)[case]
    with django_capture_on_commit_callbacks(execute=True):
        expected = change()
    after = _render(admin_client)
    assert after != before
    if expected is None:
        assert "Kota Bandung" in before and "Kota Bandung" not in after
    else:
        assert after.count(expected) > before.count(expected)


def _cohorts_version() -> str:
    return content_version("cohorts").split(".")[1]


@pytest.mark.django_db
def test_obligation_attendance_and_session_changes_move_the_cohorts_version_on(
    cohort, django_capture_on_commit_callbacks
):
    announced = []

    def listen(sender, kinds, **kwargs):
        announced.extend(kind for kind in kinds if kind == "cohorts")

    version = _cohorts_version()
    public_content_changed.connect(listen)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            _obligation_attendance_and_session(cohort)
    finally:
        public_content_changed.disconnect(listen)
    assert len(announced) >= 4  # the MoU, an obligation, the session and the attendance
    assert _cohorts_version() != version


def _obligation_attendance_and_session(cohort):
    mou = Mou.objects.create(cohort=cohort, region_id="35.22")
    planning.ensure_obligations(mou)
    Obligation.objects.filter(mou=mou).first().save()
    session = BimtekSession.objects.create(
        cohort=cohort, stage=1, starts_on=datetime.date(2017, 7, 18), place="Jakarta"
    )
    Attendance.objects.create(session=session, region_id="35.22", attended=True)


@pytest.mark.django_db
def test_the_table_is_rendered_afresh_every_hour(cohort):
    """The UTC date and hour are part of the key: the next hour renders the table afresh."""
    now = timezone.now()
    key_now = board_cache.body_key(cohort.pk, only=None, day=None, now=now)
    later = board_cache.body_key(
        cohort.pk, only=None, day=None, now=now + datetime.timedelta(hours=1)
    )
    assert key_now != later


@pytest.mark.django_db
def test_a_change_rolled_back_leaves_the_version_alone(cohort, django_capture_on_commit_callbacks):
    from django.db import transaction

    version = _cohorts_version()
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        Deliverable.objects.create(cohort=cohort, title="X", due_on=datetime.date(2030, 1, 1))
        raise RuntimeError
    assert _cohorts_version() == version
    assert not Submission.objects.exists()

"""The cohort's manage page is kept for all managers, yet every change shows on the next view.

Below the heading the page is kept ({% shared %}) under the version of cohorts content, which
every save or delete of a cohorts row announces (cerdas/cohorts/signals.py)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cerdas.cohorts.models import AwardCategory, BimtekSession, Deliverable, MentorAssignment

PAGE = "/angkatan/2017/kelola/"
TABLES = (
    "cohorts_bimteksession",
    "cohorts_deliverable",
    "cohorts_membership",
    "cohorts_awardcategory",
)


def _render(client) -> str:
    response = client.get(PAGE)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def manager(client, national_admin, cohort, deliverable):
    client.force_login(national_admin)
    _render(client)  # the page is now kept
    return client


@pytest.mark.django_db
def test_a_second_view_reads_none_of_the_tables_behind_the_page(manager):
    with CaptureQueriesContext(connection) as ctx:
        body = _render(manager)
    sql = " ".join(q["sql"] for q in ctx.captured_queries)
    assert [table for table in TABLES if f'FROM "{table}"' in sql] == []
    assert "Analisis kesiapan" in body and "3 member regions have no mentor yet." in body


def _changes(cohort, assessor_a, deliverable):
    """(what changes, what the page says afterwards that it did not say before)."""

    def session():
        BimtekSession.objects.create(
            cohort=cohort, stage=2, starts_on=datetime.date(2017, 9, 5), place="Makassar"
        )
        return "Makassar"

    def new_deliverable():
        Deliverable.objects.create(
            cohort=cohort, title="Rencana aksi", due_on=datetime.date(2030, 9, 1)
        )
        return "Rencana aksi"

    def renamed():
        deliverable.title = "Analisis kesiapan daerah"
        deliverable.save()
        return "Analisis kesiapan daerah"

    def mentor():
        MentorAssignment.objects.create(cohort=cohort, region_id="35.22", mentor=assessor_a)
        return "2 member regions have no mentor yet."

    def award():
        AwardCategory.objects.create(cohort=cohort, name="Smart Governance")
        return "Smart Governance"

    def target():
        cohort.target_count = 77
        cohort.save()
        return "<dd>77</dd>"

    return [session, new_deliverable, renamed, mentor, award, target]


@pytest.mark.django_db
@pytest.mark.parametrize("case", range(6))
def test_every_kind_of_change_shows_on_the_next_view(
    manager, case, cohort, assessor_a, deliverable, django_capture_on_commit_callbacks
):
    before = _render(manager)
    change = _changes(cohort, assessor_a, deliverable)[case]
    with django_capture_on_commit_callbacks(execute=True):
        expected = change()
    assert expected not in before
    assert expected in _render(manager)


@pytest.mark.django_db
def test_outsiders_get_no_copy(manager, client, member_a, assessor_a):
    for outsider in (member_a, assessor_a):
        client.force_login(outsider)
        assert client.get(PAGE).status_code in (403, 404)

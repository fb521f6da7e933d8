"""The officials' queue is kept for all who see the same reports, yet every change shows.

Below the heading the queue is kept ({% shared %} in Python) under the versions of its
region's desk, the working-day calendar and the regions, and the UTC hour
(cerdas/complaints/receivers.py); who sees which reports is part of the key."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from cerdas.complaints import services
from cerdas.complaints.models import Report
from cerdas.core.calendar import add_calendar_day

QUEUE = "/pengaduan/kelola/"


def _page(client, path=QUEUE) -> str:
    client.cookies["cerdas_lang"] = "en"
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def desk(client, member_a, submit, road, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        report = submit(road)
    client.force_login(member_a)
    _page(client)  # the queue is now kept
    return report


@pytest.mark.django_db
def test_a_second_view_reads_no_report(client, desk):
    with CaptureQueriesContext(connection) as ctx:
        body = _page(client)
    assert not [q for q in ctx.captured_queries if '"complaints_report"' in q["sql"]]
    assert desk.tracking_number in body


@pytest.mark.django_db
def test_each_change_shows_on_the_next_view(
    client, desk, member_a, submit, road, other_agency_a, django_capture_on_commit_callbacks
):
    def new_report():
        return submit(road, description="Lampu jalan mati di Jl. Rajekwesi.").tracking_number

    def dispatched():
        services.dispatch(
            member_a,
            desk.pk,
            category_id=road.pk,
            agency_id=other_agency_a.pk,
            handling="standard",
            public_text="Jalan berlubang.",
        )
        report = Report.objects.get(pk=desk.pk)
        with translation.override("en"):
            return f'status-{report.open311_status}">{report.get_status_display()}</span>'

    def topic_renamed():
        road.name = "Jalan dan jembatan rusak"
        road.save()
        return "Jalan dan jembatan rusak"

    for change in (new_report, dispatched, topic_renamed):
        before = _page(client)
        with django_capture_on_commit_callbacks(execute=True):
            expected = change()
        assert expected not in before, change.__name__
        assert expected in _page(client), change.__name__


@pytest.mark.django_db
def test_a_report_deleted_leaves_the_queue(client, desk, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        Report.objects.filter(pk=desk.pk).delete()
    assert desk.tracking_number not in _page(client)


@pytest.mark.django_db
def test_an_agency_officer_never_gets_the_coordinators_copy(
    client, desk, member_a, officer_a2, national_admin
):
    """Not yet dispatched, the report is the coordinator's alone: the officer's queue of the
    same region, asked for the same way, is their own."""
    client.force_login(officer_a2)
    assert desk.tracking_number not in _page(client)
    client.force_login(national_admin)
    assert desk.tracking_number in _page(client)
    assert desk.tracking_number in _page(client, QUEUE + "?wilayah=35.22")
    client.force_login(member_a)
    assert desk.tracking_number in _page(client)


@pytest.mark.django_db
def test_what_is_asked_for_has_its_own_copy(client, desk):
    assert desk.tracking_number not in _page(client, QUEUE + "?view=closed")
    assert desk.tracking_number not in _page(client, QUEUE + "?q=tidak-ada")
    assert desk.tracking_number in _page(client, QUEUE + "?view=new")


@pytest.mark.django_db
def test_the_hour_a_deadline_passes_renders_the_queue_afresh(client, desk, monkeypatch):
    """Deadlines end at a midnight in WIB, WITA or WIT, a whole UTC hour: the copy of the
    hour before says the report is not yet late, the next hour's says it is."""
    assert "is-overdue" not in _page(client)
    later = desk.due_at + dt.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert "is-overdue" in _page(client)


@pytest.mark.django_db
def test_a_change_of_the_calendar_renders_every_queue_afresh(
    client, desk, national_admin, django_capture_on_commit_callbacks
):
    """A day off declared moves the "due soon" horizon of every region, whose reports may
    not change at all: the kept copies retire."""
    with django_capture_on_commit_callbacks(execute=True):
        add_calendar_day(national_admin, dt.date(2031, 1, 2), "cuti_bersama", "Cuti bersama")
    with CaptureQueriesContext(connection) as ctx:
        _page(client)
    assert [q for q in ctx.captured_queries if '"complaints_report"' in q["sql"]]


@pytest.mark.django_db
def test_a_filter_asked_for_wrongly_says_what_to_fix_and_keeps_what_was_typed(client, desk):
    """A topic that is not one of the queue's, or words past the limit: the queue says so
    beside the field, keeps the typed words, and shows the reports unfiltered."""
    words = "jalan " * 20
    page = _page(client, QUEUE + f"?category=999999&q={words.strip()}")
    assert page.count('class="errorlist"') == 2
    assert "Select a valid choice" in page
    assert "at most 100 characters" in page
    assert f'value="{words.strip()}"' in page
    assert desk.tracking_number in page

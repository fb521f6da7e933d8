"""A report's page for officials is kept per report and per the part its reader plays, yet
every change shows on the next view, and each reader's forms carry their own CSRF token.

The page is kept ({% shared %}) under its region's queue versions, which every write of the
report, its events (an internal note, an escalation) and its pictures announces, and the
people's (the timeline names officials); whether the current step is overdue is in the key
(cerdas/complaints/views/manage.py)."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from cerdas.complaints import services
from cerdas.complaints.models import Photo, Report
from cerdas.complaints.tests.conftest import picture_with_gps
from cerdas.core.images import process_upload


def _page(client, report) -> str:
    client.cookies["cerdas_lang"] = "en"
    response = client.get(report.get_manage_url())
    assert response.status_code == 200
    return response.content.decode()


def _dispatch(coordinator, report, topic, agency) -> None:
    services.dispatch(
        coordinator,
        report.pk,
        category_id=topic.pk,
        agency_id=agency.pk,
        handling="standard",
        public_text="Jalan berlubang.",
    )


@pytest.fixture
def kept(client, member_a, submit, road, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        report = submit(road, pictures=[process_upload(picture_with_gps())])
    client.force_login(member_a)
    _page(client, report)  # the page is now kept
    return report


@pytest.mark.django_db
def test_a_second_view_reads_neither_history_nor_pictures(client, kept):
    with CaptureQueriesContext(connection) as ctx:
        body = _page(client, kept)
    read = " ".join(q["sql"] for q in ctx.captured_queries)
    assert '"complaints_event"' not in read and '"complaints_photo"' not in read
    assert "Jalan di depan SDN 1 berlubang besar" in body


@pytest.mark.django_db
def test_each_change_shows_on_the_next_view(
    client, kept, member_a, road, other_agency_a, django_capture_on_commit_callbacks
):
    def note_added():  # an event alone: the report itself is not saved
        services.add_note(member_a, kept.pk, "Cek lokasi bersama camat.")
        return "Cek lokasi bersama camat."

    def picture_hidden():
        photo = Photo.objects.get(report=kept)
        services.redact(member_a, kept.pk, "Jalan berlubang.", True, [photo.pk])
        return 'badge">hidden from the public'

    def official_renamed():
        member_a.first_name, member_a.last_name = "Rina", "Wulandari"
        member_a.save()
        return "Rina Wulandari"

    def topic_renamed():
        road.name = "Jalan dan jembatan rusak"
        road.save()
        return "Jalan dan jembatan rusak"

    def dispatched():
        _dispatch(member_a, kept, road, other_agency_a)
        report = Report.objects.get(pk=kept.pk)
        with translation.override("en"):
            return f'status-{report.open311_status}">{report.get_status_display()}</span>'

    for change in (note_added, picture_hidden, official_renamed, topic_renamed, dispatched):
        before = _page(client, kept)
        with django_capture_on_commit_callbacks(execute=True):
            expected = change()
        assert expected not in before, change.__name__
        assert expected in _page(client, kept), change.__name__


@pytest.mark.django_db
def test_the_moment_the_step_is_due_the_page_says_overdue(client, kept, monkeypatch):
    assert "overdue" not in _page(client, kept)
    late = kept.due_at
    monkeypatch.setattr(timezone, "now", lambda: late)
    assert "— overdue" in _page(client, kept)
    monkeypatch.setattr(timezone, "now", lambda: late - dt.timedelta(microseconds=1))
    assert "overdue" not in _page(client, kept)


@pytest.mark.django_db
def test_the_agencys_officer_never_gets_the_coordinators_copy(
    client, kept, member_a, officer_a2, road, other_agency_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _dispatch(member_a, kept, road, other_agency_a)
    assert "What the public sees" in _page(client, kept)
    client.force_login(officer_a2)
    page = _page(client, kept)
    assert "What the public sees" not in page and "Start work" in page


def _token(page: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]


@pytest.mark.django_db
def test_each_reader_of_the_kept_page_posts_with_their_own_token(kept, member_a, national_admin):
    """Two officials read the same kept page: each page's token is that reader's, works for
    their note, and is refused for the other's session."""
    readers = []
    for user in (member_a, national_admin):
        reader = Client(enforce_csrf_checks=True)
        reader.force_login(user)
        readers.append((reader, _token(_page(reader, kept))))
    (_first, first_token), (second, second_token) = readers
    assert first_token != second_token
    note = f"{kept.get_manage_url()}note/"
    refused = second.post(note, {"csrfmiddlewaretoken": first_token, "text": "Bukan saya."})
    assert refused.status_code == 403
    for reader, token in readers:
        sent = reader.post(note, {"csrfmiddlewaretoken": token, "text": "Sudah dicek."})
        assert sent.status_code == 302

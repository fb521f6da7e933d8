"""The complaint figures page is kept for all who see the same reports, yet every change shows.

The figures (the summary and the table per agency) are kept under the versions of the
region's desk, the working-day calendar and the regions, per period and UTC hour
(cerdas/complaints/views/manage.py ``statistics``); who sees which reports is in the key."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cerdas.complaints import services
from cerdas.complaints.models import Report
from cerdas.core.calendar import add_calendar_day

FIGURES = "/pengaduan/kelola/statistik/"


def _page(client, path=FIGURES) -> str:
    client.cookies["cerdas_lang"] = "en"
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def _reports(count: int) -> str:
    return f"<dt>Reports</dt><dd>{count}</dd>"


def _dispatch(member_a, report, agency, category):
    services.dispatch(
        member_a,
        report.pk,
        category_id=category.pk,
        agency_id=agency.pk,
        handling="standard",
        public_text="Jalan berlubang.",
    )
    return Report.objects.get(pk=report.pk)


@pytest.fixture
def figures(client, member_a, submit, road, other_agency_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        report = _dispatch(member_a, submit(road), other_agency_a, road)
    client.force_login(member_a)
    _page(client)  # the figures are now kept
    return report


@pytest.mark.django_db
def test_a_second_view_reads_no_report_and_no_agency(client, figures, other_agency_a):
    with CaptureQueriesContext(connection) as ctx:
        body = _page(client)
    read = " ".join(q["sql"] for q in ctx.captured_queries)
    assert '"complaints_report"' not in read and '"regions_agency"' not in read
    assert _reports(1) in body and other_agency_a.name in body


@pytest.mark.django_db
def test_each_change_shows_on_the_next_view(
    client,
    figures,
    member_a,
    submit,
    road,
    other_agency_a,
    agency_a,
    django_capture_on_commit_callbacks,
):
    def new_report():
        submit(road, description="Lampu jalan mati di Jl. Rajekwesi.")
        return _reports(2)

    def agency_renamed():
        other_agency_a.name = "Dinas PU Bina Marga dan Cipta Karya"
        other_agency_a.save()
        return other_agency_a.name

    def followed_up():
        services.follow_up(member_a, figures.pk, "Sudah ditambal.")
        return "<dt>Answered within the deadline</dt><dd>100.0%</dd>"

    def reassigned():
        report = submit(road, description="Aspal amblas di Jl. Gajah Mada.")
        _dispatch(member_a, report, agency_a, road)
        return f'<th scope="row">{agency_a.name}</th>'

    def deleted():
        Report.objects.filter(pk=figures.pk).delete()
        return _reports(2)  # of the four, the first is gone

    for change in (new_report, agency_renamed, followed_up, reassigned, deleted):
        before = _page(client)
        with django_capture_on_commit_callbacks(execute=True):
            expected = change()
        assert expected not in before, change.__name__
        assert expected in _page(client), change.__name__


@pytest.mark.django_db
def test_the_hour_an_answer_falls_due_counts_it_late(client, figures, monkeypatch):
    """Deadlines end at a midnight in the region's zone, a whole UTC hour: the copy of the
    hour before counts nothing due yet, the next hour's counts the unanswered report late."""
    late = "<dt>Answered within the deadline</dt><dd>0.0%</dd>"
    assert late not in _page(client)
    later = figures.followup_due_at + dt.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert late in _page(client)


@pytest.mark.django_db
def test_a_change_of_the_calendar_counts_afresh(
    client, figures, national_admin, django_capture_on_commit_callbacks
):
    """Working days between two steps move with a day off declared: the kept copies retire."""
    with django_capture_on_commit_callbacks(execute=True):
        add_calendar_day(national_admin, dt.date(2031, 1, 2), "cuti_bersama", "Cuti bersama")
    with CaptureQueriesContext(connection) as ctx:
        _page(client)
    assert [q for q in ctx.captured_queries if '"complaints_report"' in q["sql"]]


@pytest.mark.django_db
def test_a_period_has_its_own_copy(client, figures):
    assert _reports(0) in _page(client, FIGURES + "?start=2099-01-01")
    assert _reports(1) in _page(client, FIGURES + "?end=2099-01-01")


@pytest.mark.django_db
def test_nobody_gets_the_copy_of_someone_who_sees_more(
    client,
    figures,
    member_a,
    officer_a,
    officer_a2,
    member_b,
    national_admin,
    road,
    submit,
    django_capture_on_commit_callbacks,
):
    """An officer counts only their agency's reports, another region's team its own region:
    neither gets the coordinator's copy of Bojonegoro, asked for the same way."""
    with django_capture_on_commit_callbacks(execute=True):
        submit(road)  # not yet verified: the coordinators' alone
    assert _reports(2) in _page(client)
    client.force_login(officer_a)  # Diskominfo: the report went to Dinas PU
    assert _reports(0) in _page(client)
    client.force_login(officer_a2)  # Dinas PU
    assert _reports(1) in _page(client)
    client.force_login(member_b)
    assert "Bojonegoro" not in _page(client)
    client.force_login(national_admin)
    assert _reports(2) in _page(client, FIGURES + "?wilayah=35.22")

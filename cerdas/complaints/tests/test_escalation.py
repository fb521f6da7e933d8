"""A passed deadline is escalated to the coordinators and the head of Diskominfo, once, even
with two workers at the same instant."""

import datetime as dt
import threading

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection

from cerdas.complaints import services
from cerdas.complaints.escalation import escalate_overdue
from cerdas.complaints.models import ComplaintSettings, EscalationSent, Event, Report
from cerdas.complaints.tests.conftest import MONDAY

LATER = MONDAY + dt.timedelta(days=30)


@pytest.fixture
def late(db, road, member_a, submit):
    ComplaintSettings.objects.create(region_id="35.22", escalation_email="kadis@example.org")
    return submit(road, now=MONDAY)


@pytest.mark.django_db
def test_an_overdue_verification_is_escalated_once(late):
    mail.outbox.clear()
    assert escalate_overdue(now=LATER) == 1
    assert escalate_overdue(now=LATER) == 0
    assert len(mail.outbox) == 1
    assert sorted(mail.outbox[0].to) == ["a@example.org", "kadis@example.org"]
    assert late.tracking_number in mail.outbox[0].subject
    assert Event.objects.filter(report=late, action="escalated", visibility="internal").count() == 1


@pytest.mark.django_db
def test_nothing_is_escalated_before_the_deadline(late):
    assert escalate_overdue(now=late.due_at - dt.timedelta(seconds=1)) == 0
    assert escalate_overdue(now=late.due_at) == 1


@pytest.mark.django_db
def test_an_extended_deadline_that_passes_again_is_escalated_again(
    late, member_a, road, other_agency_a
):
    services.dispatch(
        member_a,
        late.pk,
        category_id=road.pk,
        agency_id=other_agency_a.pk,
        handling="standard",
        public_text="x",
        now=MONDAY,
    )
    assert escalate_overdue(now=LATER) == 1
    services.extend(member_a, late.pk, 10, "Cek lapangan")
    assert escalate_overdue(now=LATER + dt.timedelta(days=60)) == 1
    assert EscalationSent.objects.filter(report=late).count() == 2


@pytest.mark.django_db
def test_a_followed_up_report_waiting_for_the_reporter_is_not_escalated(
    late, member_a, road, other_agency_a
):
    services.dispatch(
        member_a,
        late.pk,
        category_id=road.pk,
        agency_id=other_agency_a.pk,
        handling="standard",
        public_text="x",
        now=MONDAY,
    )
    services.follow_up(member_a, late.pk, "Sudah.", now=MONDAY)
    assert escalate_overdue(now=LATER) == 0


@pytest.mark.django_db
def test_the_command_closes_escalates_and_reports_counts(late, capsys):
    call_command("complaint_deadlines")
    assert "1 escalation(s) sent" in capsys.readouterr().out


@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_send_exactly_one_escalation(road, submit):
    ComplaintSettings.objects.create(region_id="35.22", escalation_email="kadis@example.org")
    report = submit(road, now=MONDAY)
    mail.outbox.clear()
    barrier = threading.Barrier(2)
    errors = []

    def worker():
        try:
            barrier.wait()
            escalate_overdue(now=LATER)
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(mail.outbox) == 1
    assert EscalationSent.objects.filter(report=report).count() == 1
    assert Report.objects.get(pk=report.pk).status == "submitted"

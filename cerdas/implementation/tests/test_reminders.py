"""Teams are reminded once per stale period about programs they have not updated."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from cerdas.implementation import services
from cerdas.implementation.reminders import send_stale_reminders
from cerdas.implementation.services import Report
from cerdas.masterplans.models import Masterplan


def _approved_on(plan, day):
    Masterplan.objects.filter(pk=plan.pk).update(
        approved_at=datetime.datetime(day.year, day.month, day.day, 3, tzinfo=datetime.UTC)
    )


def _at(day):
    return datetime.datetime(day.year, day.month, day.day, 5, tzinfo=datetime.UTC)


@pytest.mark.django_db
def test_a_stale_program_is_reminded_once_not_twice(approved, member_a):
    _approved_on(approved, datetime.date(2025, 1, 10))
    assert send_stale_reminders(now=_at(datetime.date(2025, 4, 11))) == 2
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [member_a.email]
    assert "Satu Data Bojonegoro" in mail.outbox[0].body
    assert send_stale_reminders(now=_at(datetime.date(2025, 4, 12))) == 0
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_the_next_stale_period_is_reminded_again(approved, member_a):
    _approved_on(approved, datetime.date(2025, 1, 10))
    send_stale_reminders(now=_at(datetime.date(2025, 4, 11)))
    assert send_stale_reminders(now=_at(datetime.date(2025, 7, 11))) == 2
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_fresh_programs_are_not_reminded(approved, member_a):
    _approved_on(approved, datetime.date(2025, 1, 10))
    assert send_stale_reminders(now=_at(datetime.date(2025, 4, 9))) == 0
    services.record_update(
        "35.22", approved.program.key, Report(status="in_progress", progress=10), member_a
    )
    # Updated today: only the quick win, never updated since approval, is stale.
    assert send_stale_reminders(now=timezone.now() + datetime.timedelta(days=1)) == 1
    assert "Satu Data" not in mail.outbox[0].body
    assert "Layanan Aduan Terpadu" in mail.outbox[0].body


@pytest.mark.django_db
def test_done_programs_are_not_reminded(approved, member_a):
    for program in (approved.program, approved.quick):
        services.record_update("35.22", program.key, Report(status="done", progress=100), member_a)
    assert send_stale_reminders(now=timezone.now() + datetime.timedelta(days=400)) == 0
    assert not mail.outbox


@pytest.mark.django_db
def test_the_regions_reporting_period_counts(approved, member_a):
    _approved_on(approved, datetime.date(2025, 1, 10))
    services.set_reporting_period("35.22", 6, member_a)
    assert send_stale_reminders(now=_at(datetime.date(2025, 4, 11))) == 0
    assert send_stale_reminders(now=_at(datetime.date(2025, 7, 11))) == 2


@pytest.mark.django_db
def test_the_command_sends_them(approved, member_a, capsys):
    _approved_on(approved, datetime.date(2020, 1, 1))
    call_command("send_implementation_reminders")
    assert "2 program reminder(s) sent." in capsys.readouterr().out
    call_command("send_implementation_reminders")
    assert "0 program reminder(s) sent." in capsys.readouterr().out


@pytest.mark.django_db
def test_the_responsible_agency_hears_of_its_own_programs(approved, member_a, make_officer):
    from cerdas.regions.models import Agency

    other = Agency.objects.create(region_id="35.22", name="Dinas Kesehatan")
    approved.quick.agency = other
    approved.quick.save()
    officer = make_officer(approved.program.agency)
    officer.email = "opd@example.org"
    officer.save()
    _approved_on(approved, datetime.date(2025, 1, 10))
    assert send_stale_reminders(now=_at(datetime.date(2025, 4, 11))) == 2
    sent = {message.to[0]: message.body for message in mail.outbox}
    assert set(sent) == {member_a.email, "opd@example.org"}
    assert "Layanan Aduan Terpadu" in sent[member_a.email]
    assert "Satu Data Bojonegoro" in sent["opd@example.org"]
    assert "Layanan Aduan Terpadu" not in sent["opd@example.org"]

"""Reminders go out for items due soon or overdue, once per item and day, even with two workers."""

import datetime
import threading
import time

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import OperationalError, connection

from cerdas.cohorts.models import Deliverable, ReminderSent
from cerdas.cohorts.reminders import send_due_reminders
from cerdas.cohorts.reviews import submit
from cerdas.cohorts.tasks import send_reminders


@pytest.mark.django_db
def test_the_team_of_a_region_with_an_overdue_item_gets_one_email(
    cohort, past_deliverable, member_a, member_b
):
    assert send_due_reminders() == 2
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == ["a@example.org", "b@example.org"]
    assert "Pemetaan program" in mail.outbox[0].body


@pytest.mark.django_db
def test_running_it_again_the_same_day_sends_nothing(cohort, past_deliverable, member_a):
    send_due_reminders()
    call_command("send_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_the_next_day_it_reminds_again(cohort, past_deliverable, member_a):
    send_due_reminders()
    tomorrow = datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=1)
    send_due_reminders(now=tomorrow)
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_items_handed_in_or_far_from_due_are_not_reminded(cohort, past_deliverable, member_a):
    Deliverable.objects.create(cohort=cohort, title="Jauh", due_on=datetime.date(2099, 1, 1))
    submit(
        deliverable_id=past_deliverable.pk, region_code="35.22", user=member_a, url="https://x.id"
    )
    assert send_due_reminders() == 0
    assert mail.outbox == []


@pytest.mark.django_db
def test_the_background_task_sends_them(cohort, past_deliverable, member_a):
    send_reminders.enqueue()
    assert len(mail.outbox) == 1


def _run_like_a_task_runner(attempts=50):
    """Run the job, retrying when the database is busy, as a task backend retries a task.

    The test database on SQLite is in memory with a shared cache, where a second writer is
    told "table is locked" at once instead of waiting; PostgreSQL and a file database wait.
    """
    for attempt in range(attempts):
        try:
            return send_due_reminders()
        except OperationalError as error:
            if "locked" not in str(error) or attempt == attempts - 1:
                raise
            time.sleep(0.01)
    return None


@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_send_exactly_one_email(cohort, past_deliverable, member_a):
    barrier = threading.Barrier(2)
    errors = []

    def worker():
        try:
            barrier.wait()
            _run_like_a_task_runner()
        except Exception as error:
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
    assert ReminderSent.objects.count() == 1

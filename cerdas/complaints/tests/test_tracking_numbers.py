"""Tracking numbers are unique and sequential per region and month, even under 16 clients."""

import datetime as dt
import threading

import pytest
from django.db import connection

from cerdas.complaints.models import Report
from cerdas.complaints.tests.conftest import MONDAY


@pytest.mark.django_db
def test_numbers_count_per_region_and_month(road, submit):
    first = submit(road, now=MONDAY)
    second = submit(road, now=MONDAY)
    december = submit(road, now=MONDAY + dt.timedelta(days=30))
    assert first.tracking_number == "35.22-2611-0001"
    assert second.tracking_number == "35.22-2611-0002"
    assert december.tracking_number == "35.22-2612-0001"


@pytest.mark.django_db
def test_the_month_is_the_regions_local_month(road, submit):
    # 20:00 UTC on 30 November is 03:00 on 1 December in Jakarta.
    report = submit(road, now=dt.datetime(2026, 11, 30, 20, 0, tzinfo=dt.UTC))
    assert report.tracking_number == "35.22-2612-0001"


@pytest.mark.django_db(transaction=True)
def test_sixteen_clients_at_once_get_sixteen_different_numbers(road, submit):
    barrier = threading.Barrier(16)
    numbers, errors = [], []

    def client():
        try:
            barrier.wait()
            numbers.append(submit(road).tracking_number)
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=client) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(set(numbers)) == 16
    assert sorted(int(n.rsplit("-", 1)[1]) for n in numbers) == list(range(1, 17))
    assert Report.objects.count() == 16

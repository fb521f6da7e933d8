"""``built_once``: the queryset is built once per process, and every call reads afresh."""

import datetime as dt

import pytest

from cerdas.core.models import CalendarDay
from cerdas.core.querysets import built_once


@pytest.mark.django_db
def test_the_queryset_is_built_once_and_each_call_reads_the_rows_there_are_now():
    builds = []

    @built_once
    def days_off():
        builds.append(1)
        return CalendarDay.objects.filter(kind="cuti_bersama").order_by("date")

    assert list(days_off()) == []
    CalendarDay.objects.create(date=dt.date(2031, 1, 2), kind="cuti_bersama", name="Cuti")
    assert [d.name for d in days_off()] == ["Cuti"]
    assert days_off() is not days_off()
    assert builds == [1]

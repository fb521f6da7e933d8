"""Deadlines across weekends, national holidays, cuti bersama and the year end, on the real
calendar; a day added to the calendar moves the deadlines that span it."""

import datetime as dt

import pytest

from cerdas.complaints import services
from cerdas.complaints.models import Report
from cerdas.core import calendar
from cerdas.core.models import AuditEntry

WIB = dt.timezone(dt.timedelta(hours=7))
WIT = dt.timezone(dt.timedelta(hours=9))


def local(y, m, d, hour=10, tz=WIB):
    return dt.datetime(y, m, d, hour, tzinfo=tz)


@pytest.mark.django_db
def test_the_year_end_skips_cuti_bersama_christmas_new_year_and_isra_mikraj(
    member_a, road, other_agency_a, submit
):
    # Wed 23 Dec 2026: Thu 24 cuti bersama, Fri 25 Natal, Mon 28, Tue 29, Wed 30.
    report = submit(road, now=local(2026, 12, 23))
    assert report.due_at == dt.datetime(2026, 12, 31, tzinfo=WIB)
    # Dispatched Wed 30 Dec: Thu 31, (Fri 1 Jan), Mon 4, (Tue 5 Isra Mikraj), Wed 6, Thu 7, Fri 8.
    services.dispatch(
        member_a,
        report.pk,
        category_id=road.pk,
        agency_id=other_agency_a.pk,
        handling="standard",
        public_text="x",
        now=local(2026, 12, 30),
    )
    report.refresh_from_db()
    assert report.due_at == dt.datetime(2027, 1, 9, tzinfo=WIB)


@pytest.mark.django_db
def test_idul_fitri_and_its_cuti_bersama_do_not_count(road, submit):
    # Thu 19 Mar 2026 (Nyepi): Fri 20 cuti, Mon 23 and Tue 24 cuti, Wed 25, Thu 26, Fri 27.
    report = submit(road, now=local(2026, 3, 19))
    assert report.due_at == dt.datetime(2026, 3, 28, tzinfo=WIB)


@pytest.mark.django_db
def test_a_cuti_bersama_day_in_the_table_counts_as_a_holiday(
    national_admin, road, submit, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        calendar.add_calendar_day(
            national_admin, dt.date(2026, 11, 4), "cuti_bersama", "Cuti", "SKB"
        )
    report = submit(road, now=local(2026, 11, 2))
    # Mon 2: Tue 3, (Wed 4 cuti bersama), Thu 5, Fri 6 → the end of Friday.
    assert report.due_at == dt.datetime(2026, 11, 7, tzinfo=WIB)


@pytest.mark.django_db
def test_a_day_added_later_moves_the_running_deadlines_that_span_it(
    client, national_admin, road, submit, django_capture_on_commit_callbacks
):
    spanning = submit(road, now=local(2026, 11, 2))
    after = submit(road, now=local(2026, 11, 9))
    assert spanning.due_at == dt.datetime(2026, 11, 6, tzinfo=WIB)
    before_after = after.due_at
    client.force_login(national_admin)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/kalender/",
            {"date": "2026-11-04", "kind": "extra_holiday", "name": "Libur", "reason": "Keppres"},
        )
    spanning.refresh_from_db()
    after.refresh_from_db()
    assert spanning.due_at == dt.datetime(2026, 11, 7, tzinfo=WIB)
    assert after.due_at == before_after
    entry = AuditEntry.objects.get(action="report.deadlines_recounted")
    assert entry.object_id == str(spanning.pk)


@pytest.mark.django_db
def test_a_report_in_papua_is_due_at_midnight_wit(submit):
    from cerdas.complaints.models import Category
    from cerdas.regions.models import Agency

    agency = Agency.objects.create(region_id="91.03", name="Dinas PU Kabupaten Jayapura")
    category = Category.objects.create(region_id="91.03", code="jalan", name="Jalan", agency=agency)
    report = submit(category, now=local(2026, 11, 2, tz=WIT))
    assert report.due_at == dt.datetime(2026, 11, 6, tzinfo=WIT)
    assert Report.objects.get(pk=report.pk).tracking_number.startswith("91.03-2611-")

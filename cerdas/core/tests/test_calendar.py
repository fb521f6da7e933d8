"""The working-day calendar: the holidays package plus the program office's table, edited at
/kalender/ by national admins, with every change in the audit log."""

import datetime as dt

import pytest

from cerdas.core import calendar
from cerdas.core.models import AuditEntry, CalendarDay


@pytest.mark.django_db
def test_national_holidays_and_cuti_bersama_come_from_the_package():
    year = calendar.working_calendar([2026])
    assert not year.is_working_day(dt.date(2026, 12, 25))  # Natal
    assert not year.is_working_day(dt.date(2026, 12, 24))  # cuti bersama Natal
    assert year.is_working_day(dt.date(2026, 12, 23))


@pytest.mark.django_db
def test_the_table_adds_holidays_and_working_days(
    national_admin, django_capture_on_commit_callbacks
):
    assert calendar.working_calendar([2026]).is_working_day(dt.date(2026, 11, 4))
    with django_capture_on_commit_callbacks(execute=True):
        calendar.add_calendar_day(
            national_admin, dt.date(2026, 11, 4), "cuti_bersama", "Cuti bersama contoh", "SKB"
        )
        calendar.add_calendar_day(
            national_admin, dt.date(2026, 11, 7), "working_day", "Sabtu masuk", "Surat edaran"
        )
        calendar.add_calendar_day(
            national_admin, dt.date(2026, 12, 24), "working_day", "Cuti dibatalkan", "SKB baru"
        )
    year = calendar.working_calendar([2026])
    assert not year.is_working_day(dt.date(2026, 11, 4))
    assert year.is_working_day(dt.date(2026, 11, 7))
    assert year.is_working_day(dt.date(2026, 12, 24))  # a working day wins over the package
    entry = AuditEntry.objects.filter(action="calendar.day_added").first()
    assert entry.reason and entry.actor == national_admin


@pytest.mark.django_db
def test_removing_a_day_gives_it_back_to_the_package_and_logs_why(
    national_admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        entry = calendar.add_calendar_day(
            national_admin, dt.date(2026, 11, 4), "extra_holiday", "Pilkada", "Keppres"
        )
    assert not calendar.working_calendar([2026]).is_working_day(dt.date(2026, 11, 4))
    with django_capture_on_commit_callbacks(execute=True):
        calendar.remove_calendar_day(national_admin, entry.pk, "Dibatalkan")
    assert calendar.working_calendar([2026]).is_working_day(dt.date(2026, 11, 4))
    removed = AuditEntry.objects.get(action="calendar.day_removed")
    assert removed.reason == "Dibatalkan" and removed.changes["date"] == "2026-11-04"


@pytest.mark.django_db
def test_only_the_program_office_edits_the_calendar(member_a):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        calendar.add_calendar_day(member_a, dt.date(2026, 11, 4), "cuti_bersama", "x", "y")
    assert not CalendarDay.objects.exists()


@pytest.mark.django_db
def test_the_calendar_page_adds_a_day_and_keeps_what_was_typed_on_error(client, national_admin):
    client.force_login(national_admin)
    page = client.get("/kalender/?tahun=2026").content.decode()
    assert "Hari Raya Natal" in page
    bad = client.post(
        "/kalender/?tahun=2026",
        {"date": "", "kind": "cuti_bersama", "name": "Cuti X", "reason": "SKB"},
    )
    assert bad.status_code == 400 and "Cuti X" in bad.content.decode()
    done = client.post(
        "/kalender/?tahun=2026",
        {"date": "2026-11-04", "kind": "cuti_bersama", "name": "Cuti X", "reason": "SKB"},
    )
    assert done.status_code == 302
    again = client.post(
        "/kalender/", {"date": "2026-11-04", "kind": "extra_holiday", "name": "Y", "reason": "Z"}
    )
    assert "sudah ada di tabel" in again.content.decode()


@pytest.mark.django_db
def test_removing_asks_first_with_a_reason(client, national_admin):
    entry = CalendarDay.objects.create(date=dt.date(2026, 11, 4), kind="cuti_bersama", name="X")
    client.force_login(national_admin)
    ask = client.get(f"/kalender/{entry.pk}/hapus/")
    assert ask.status_code == 200 and "Hapus hari ini dari kalender?" in ask.content.decode()
    assert client.post(f"/kalender/{entry.pk}/hapus/", {"reason": ""}).status_code == 400
    assert CalendarDay.objects.exists()
    assert client.post(f"/kalender/{entry.pk}/hapus/", {"reason": "Salah"}).status_code == 302
    assert not CalendarDay.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["member_a", "officer_a", "citizen", "assessor_a"])
def test_nobody_but_national_admins_may_open_the_calendar_page(client, request, who):
    entry = CalendarDay.objects.create(date=dt.date(2026, 11, 4), kind="cuti_bersama", name="X")
    client.force_login(request.getfixturevalue(who))
    assert client.get("/kalender/").status_code == 403
    assert client.post(f"/kalender/{entry.pk}/hapus/", {"reason": "x"}).status_code == 403

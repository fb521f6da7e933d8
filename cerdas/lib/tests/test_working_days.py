"""Working days and complaint deadlines, on real Indonesian dates, and their properties."""

from dataclasses import FrozenInstanceError
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cerdas.lib.working_days import Calendar, national_holidays

WIB = ZoneInfo("Asia/Jakarta")  # UTC+7
WITA = ZoneInfo("Asia/Makassar")  # UTC+8
WIT = ZoneInfo("Asia/Jayapura")  # UTC+9

INDEPENDENCE_DAY_2026 = date(2026, 8, 17)  # a Monday
CHRISTMAS_LEAVE_2026 = date(2026, 12, 24)  # Thursday, cuti bersama (SKB 3 Menteri)
CHRISTMAS_2026 = date(2026, 12, 25)  # Friday
NEW_YEAR_2027 = date(2027, 1, 1)  # Friday

# The dates as the 2026/2027 decrees publish them, written out so these worked examples do
# not depend on the holidays package; the package's own answer is checked further down.
CALENDAR = Calendar(
    non_working={INDEPENDENCE_DAY_2026, CHRISTMAS_LEAVE_2026, CHRISTMAS_2026, NEW_YEAR_2027}
)
EMPTY = Calendar()


# Worked examples


def test_three_working_days_after_a_plain_friday_is_the_wednesday():
    """Fri 10 July 2026: Mon 13 (1), Tue 14 (2), Wed 15 (3); the weekend does not count."""
    assert CALENDAR.add_working_days(date(2026, 7, 10), 3) == date(2026, 7, 15)


def test_independence_day_pushes_the_deadline_back_a_day():
    """Fri 14 Aug 2026: Mon 17 is a holiday, so Tue 18 (1), Wed 19 (2), Thu 20 (3)."""
    assert CALENDAR.add_working_days(date(2026, 8, 14), 3) == date(2026, 8, 20)
    assert EMPTY.add_working_days(date(2026, 8, 14), 3) == date(2026, 8, 19)


def test_a_cuti_bersama_day_in_the_calendar_does_not_count():
    """Tue 22 Dec 2026: Wed 23 (1), Thu 24 cuti bersama, Fri 25 Christmas, Mon 28 (2), Tue 29 (3).

    Without the cuti bersama day the third working day would be Monday 28.
    """
    assert CALENDAR.add_working_days(date(2026, 12, 22), 3) == date(2026, 12, 29)
    christmas_only = Calendar(non_working={CHRISTMAS_2026})
    assert christmas_only.add_working_days(date(2026, 12, 22), 3) == date(2026, 12, 28)


def test_counting_crosses_the_year_end_and_skips_new_year():
    """Tue 29 Dec 2026: Wed 30 (1), Thu 31 (2), Fri 1 Jan 2027 a holiday, Mon 4 Jan (3)."""
    assert CALENDAR.add_working_days(date(2026, 12, 29), 3) == date(2027, 1, 4)


def test_the_ten_day_auto_close_runs_over_christmas_and_new_year():
    """Follow-up Mon 21 Dec 2026: 22, 23, 28, 29, 30, 31 Dec, then 4, 5, 6, 7 Jan (10)."""
    assert CALENDAR.add_working_days(date(2026, 12, 21), 10) == date(2027, 1, 7)


def test_a_saturday_declared_a_working_day_counts():
    """Sat 11 July 2026 declared a working day: Fri 10 + 1 is that Saturday, + 3 is Tue 14."""
    calendar = Calendar(extra_working={date(2026, 7, 11)})
    assert calendar.is_working_day(date(2026, 7, 11))
    assert not calendar.is_working_day(date(2026, 7, 12))
    assert calendar.add_working_days(date(2026, 7, 10), 1) == date(2026, 7, 11)
    assert calendar.add_working_days(date(2026, 7, 10), 3) == date(2026, 7, 14)


def test_a_holiday_called_off_is_a_working_day_again():
    """An extra working day wins over a non-working date: the admin's latest word counts."""
    calendar = Calendar(non_working={INDEPENDENCE_DAY_2026}, extra_working={INDEPENDENCE_DAY_2026})
    assert calendar.is_working_day(INDEPENDENCE_DAY_2026)
    assert calendar.add_working_days(date(2026, 8, 14), 1) == INDEPENDENCE_DAY_2026


def test_a_report_sent_on_a_holiday_is_due_as_if_sent_the_working_day_before():
    """Sent Mon 17 Aug 2026 (a holiday): Tue 18 (1), Wed 19 (2), Thu 20 (3), as from Fri 14."""
    assert CALENDAR.add_working_days(INDEPENDENCE_DAY_2026, 3) == date(2026, 8, 20)
    assert CALENDAR.add_working_days(date(2026, 8, 15), 3) == date(2026, 8, 20)


def test_weekdays_are_working_days_and_weekends_are_not():
    """Mon 13 to Fri 17 July 2026 are working days; Sat 11 and Sun 12 are not."""
    assert [EMPTY.is_working_day(date(2026, 7, day)) for day in range(11, 18)] == [
        False,
        False,
        True,
        True,
        True,
        True,
        True,
    ]
    assert not CALENDAR.is_working_day(INDEPENDENCE_DAY_2026)


def test_an_empty_calendar_skips_only_weekends():
    """No holidays at all: Fri 14 Aug 2026 + 5 is Fri 21 Aug, Independence Day included."""
    assert EMPTY.add_working_days(date(2026, 8, 14), 5) == date(2026, 8, 21)


def test_zero_working_days_after_a_day_is_that_day_even_on_a_weekend():
    """n = 0 returns the start unchanged, whatever kind of day it is."""
    assert CALENDAR.add_working_days(date(2026, 7, 10), 0) == date(2026, 7, 10)
    assert CALENDAR.add_working_days(date(2026, 7, 11), 0) == date(2026, 7, 11)


def test_a_negative_number_of_working_days_is_refused():
    with pytest.raises(ValueError, match=r"^the number of working days must not be negative$"):
        CALENDAR.add_working_days(date(2026, 7, 10), -1)


def test_a_fractional_number_of_working_days_is_refused():
    with pytest.raises(TypeError, match=r"^the number of working days must be an int, got float$"):
        CALENDAR.add_working_days(date(2026, 7, 10), 2.5)


def test_a_datetime_is_refused_where_a_date_is_expected():
    """A datetime never equals a date, so it would silently miss every holiday."""
    moment = datetime(2026, 8, 17, 9, 0, tzinfo=WIB)
    with pytest.raises(TypeError, match=r"^expected a date, got datetime$"):
        CALENDAR.is_working_day(moment)
    with pytest.raises(TypeError):
        CALENDAR.add_working_days(moment, 1)
    with pytest.raises(TypeError):
        CALENDAR.working_days_between(date(2026, 8, 14), moment)
    with pytest.raises(TypeError):
        CALENDAR.working_days_between(moment, date(2026, 8, 14))
    with pytest.raises(TypeError):
        Calendar(non_working={moment})
    with pytest.raises(TypeError):
        Calendar(extra_working={"2026-08-17"})


def test_the_calendar_keeps_its_dates_in_frozen_sets():
    """Any iterable of dates will do; the calendar holds them immutably."""
    calendar = Calendar(non_working=[CHRISTMAS_2026], extra_working=(date(2026, 7, 11),))
    assert calendar.non_working == frozenset({CHRISTMAS_2026})
    assert calendar.extra_working == frozenset({date(2026, 7, 11)})
    with pytest.raises(FrozenInstanceError):
        calendar.non_working = frozenset()


# Counting working days between two dates


def test_working_days_between_counts_after_the_start_up_to_and_including_the_end():
    """Fri 10 to Wed 15 July 2026 is 3; to Mon 13 is 1; to Sat 11 is 0; to itself 0."""
    assert CALENDAR.working_days_between(date(2026, 7, 10), date(2026, 7, 15)) == 3
    assert CALENDAR.working_days_between(date(2026, 7, 10), date(2026, 7, 13)) == 1
    assert CALENDAR.working_days_between(date(2026, 7, 10), date(2026, 7, 11)) == 0
    assert CALENDAR.working_days_between(date(2026, 7, 13), date(2026, 7, 13)) == 0
    assert CALENDAR.working_days_between(date(2026, 7, 13), date(2026, 7, 14)) == 1
    assert CALENDAR.working_days_between(date(2026, 7, 12), date(2026, 7, 13)) == 1


def test_working_days_between_skips_holidays_and_cuti_bersama():
    """Tue 22 Dec 2026 to Mon 4 Jan 2027: 23, 28, 29, 30, 31 Dec and 4 Jan make 6."""
    assert CALENDAR.working_days_between(date(2026, 12, 22), date(2027, 1, 4)) == 6


def test_working_days_between_backwards_is_the_same_count_negated():
    """Wed 15 back to Fri 10 July 2026 is -3: the order of the arguments gives the sign."""
    assert CALENDAR.working_days_between(date(2026, 7, 15), date(2026, 7, 10)) == -3
    assert CALENDAR.working_days_between(date(2026, 7, 13), date(2026, 7, 10)) == -1


# Deadlines as instants


def test_the_deadline_is_local_midnight_after_the_last_working_day():
    """Sent Fri 10 July 2026 09:00 WIB, 3 working days: due by the end of Wed 15 July, WIB."""
    deadline = CALENDAR.deadline(datetime(2026, 7, 10, 9, 0, tzinfo=WIB), 3, WIB)
    assert deadline == datetime(2026, 7, 16, 0, 0, tzinfo=WIB)
    assert deadline == datetime(2026, 7, 15, 17, 0, tzinfo=UTC)
    assert deadline.tzinfo is WIB


def test_the_last_microsecond_of_the_last_day_is_on_time_and_midnight_is_late():
    """``now < deadline`` decides: 23:59:59.999999 on Wed 15 July is on time, 00:00 is late."""
    deadline = CALENDAR.deadline(datetime(2026, 7, 10, 9, 0, tzinfo=WIB), 3, WIB)
    just_in_time = datetime(2026, 7, 15, 23, 59, 59, 999999, tzinfo=WIB)
    assert just_in_time < deadline
    assert deadline - just_in_time == timedelta(microseconds=1)
    assert not deadline < deadline


def test_the_same_local_dates_end_at_different_world_times_in_each_zone():
    """Wed 15 July 2026 ends at 17:00 UTC in WIB, 16:00 in WITA and 15:00 in WIT."""
    ends = {
        zone: CALENDAR.deadline(datetime(2026, 7, 10, 9, 0, tzinfo=zone), 3, zone)
        for zone in (WIB, WITA, WIT)
    }
    assert ends[WIB] == datetime(2026, 7, 15, 17, 0, tzinfo=UTC)
    assert ends[WITA] == datetime(2026, 7, 15, 16, 0, tzinfo=UTC)
    assert ends[WIT] == datetime(2026, 7, 15, 15, 0, tzinfo=UTC)


def test_the_local_date_of_the_submission_decides_not_the_utc_date():
    """16:30 UTC on Thu 9 July 2026 is 23:30 Thursday in WIB but 00:30 Friday in WITA.

    From Thursday, 3 working days end on Tue 14; from Friday, on Wed 15.
    """
    sent = datetime(2026, 7, 9, 16, 30, tzinfo=UTC)
    assert CALENDAR.deadline(sent, 3, WIB) == datetime(2026, 7, 15, 0, 0, tzinfo=WIB)
    assert CALENDAR.deadline(sent, 3, WITA) == datetime(2026, 7, 16, 0, 0, tzinfo=WITA)


def test_a_deadline_of_zero_working_days_is_the_end_of_the_day_it_was_sent():
    sent = datetime(2026, 7, 11, 10, 0, tzinfo=WIT)
    assert CALENDAR.deadline(sent, 0, WIT) == datetime(2026, 7, 12, 0, 0, tzinfo=WIT)


def test_a_deadline_counts_over_holidays_like_the_dates_do():
    """Sent Tue 22 Dec 2026 in WITA, 5 working days: 23, 28, 29, 30, 31 Dec; ends 1 Jan 00:00."""
    sent = datetime(2026, 12, 22, 14, 0, tzinfo=WITA)
    assert CALENDAR.deadline(sent, 5, WITA) == datetime(2027, 1, 1, 0, 0, tzinfo=WITA)


def test_a_naive_submission_time_is_refused():
    with pytest.raises(ValueError, match=r"^the submission time must be timezone-aware$"):
        CALENDAR.deadline(datetime(2026, 7, 10, 9, 0), 3, WIB)


class _NoOffset(tzinfo):
    """A zone that does not know its offset: the datetime is naive in all but name."""

    def utcoffset(self, dt):
        return None


def test_a_submission_time_whose_zone_gives_no_offset_is_refused():
    with pytest.raises(ValueError):
        CALENDAR.deadline(datetime(2026, 7, 10, 9, 0, tzinfo=_NoOffset()), 3, WIB)


def test_a_fixed_offset_zone_works_like_a_named_one():
    """UTC+7 as a plain offset gives the same instant as Asia/Jakarta."""
    plus_seven = timezone(timedelta(hours=7))
    sent = datetime(2026, 7, 10, 9, 0, tzinfo=plus_seven)
    assert CALENDAR.deadline(sent, 3, plus_seven) == CALENDAR.deadline(sent, 3, WIB)


# The holidays package


def test_national_holidays_names_the_days_in_indonesian():
    """These names and dates come from the installed holidays package (its 2026 data)."""
    found = national_holidays(2026)
    assert found[INDEPENDENCE_DAY_2026] == "Hari Kemerdekaan Republik Indonesia"
    assert found[CHRISTMAS_2026] == "Hari Raya Natal"
    assert found[date(2026, 1, 1)] == "Tahun Baru Masehi"
    assert all(day.year == 2026 for day in found)


def test_national_holidays_include_cuti_bersama_unless_asked_not_to():
    with_leave = national_holidays([2026])
    without = national_holidays([2026], collective_leave=False)
    assert with_leave[CHRISTMAS_LEAVE_2026] == "Cuti Bersama Hari Raya Natal"
    assert CHRISTMAS_LEAVE_2026 not in without
    assert INDEPENDENCE_DAY_2026 in without
    assert set(without) < set(with_leave)
    assert all(
        name.startswith("Cuti Bersama") for day, name in with_leave.items() if day not in without
    )


def test_national_holidays_come_in_date_order_over_several_years():
    found = national_holidays([2026, 2027])
    assert list(found) == sorted(found)
    assert NEW_YEAR_2027 in found


def test_a_calendar_from_the_package_gives_the_same_year_end_deadlines():
    calendar = Calendar(non_working=national_holidays([2026, 2027]))
    assert calendar.add_working_days(date(2026, 12, 22), 3) == date(2026, 12, 29)
    assert calendar.add_working_days(date(2026, 12, 29), 3) == date(2027, 1, 4)


# Properties

WINDOW = {"min_value": date(2024, 1, 1), "max_value": date(2028, 12, 31)}
days = st.dates(**WINDOW)
calendars = st.builds(
    Calendar,
    non_working=st.frozensets(days, max_size=80),
    extra_working=st.frozensets(days, max_size=10),
)
counts = st.integers(min_value=0, max_value=60)


@given(calendars, days, st.integers(min_value=1, max_value=60))
def test_the_day_reached_after_one_or_more_working_days_is_a_working_day(calendar, start, n):
    assert calendar.is_working_day(calendar.add_working_days(start, n))


@given(calendars, days, counts)
def test_counting_back_the_working_days_added_gives_the_same_number(calendar, start, n):
    assert calendar.working_days_between(start, calendar.add_working_days(start, n)) == n


@given(calendars, days, counts)
def test_one_more_working_day_always_lands_strictly_later(calendar, start, n):
    assert calendar.add_working_days(start, n) < calendar.add_working_days(start, n + 1)


@given(calendars, days, days)
def test_swapping_the_dates_negates_the_count(calendar, a, b):
    assert calendar.working_days_between(a, b) == -calendar.working_days_between(b, a)


@given(calendars, days, days, days)
def test_counts_over_consecutive_stretches_add_up(calendar, a, b, c):
    total = calendar.working_days_between(a, b) + calendar.working_days_between(b, c)
    assert total == calendar.working_days_between(a, c)


@given(calendars, days, st.integers(min_value=0, max_value=120))
def test_the_count_equals_checking_each_day_one_by_one(calendar, start, length):
    end = start + timedelta(days=length)
    expected = sum(calendar.is_working_day(start + timedelta(days=k)) for k in range(1, length + 1))
    assert calendar.working_days_between(start, end) == expected


@given(
    calendars,
    st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2028, 12, 31)),
    st.sampled_from([WIB, WITA, WIT]),
    st.integers(min_value=1, max_value=60),
)
def test_the_last_moment_before_a_deadline_falls_on_a_working_day(calendar, when, zone, n):
    sent = when.replace(tzinfo=UTC)
    deadline = calendar.deadline(sent, n, zone)
    last_moment = deadline - timedelta(microseconds=1)
    assert deadline > sent
    assert (deadline.hour, deadline.minute, deadline.second, deadline.microsecond) == (0, 0, 0, 0)
    assert calendar.is_working_day(last_moment.date())
    assert calendar.working_days_between(sent.astimezone(zone).date(), last_moment.date()) == n

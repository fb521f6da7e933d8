"""Each step's deadline, counted in working days on a calendar, at every edge."""

from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from cerdas.complaints.engine import deadlines, flow
from cerdas.lib.working_days import Calendar

WIB = ZoneInfo("Asia/Jakarta")
WIT = ZoneInfo("Asia/Jayapura")
PLAIN = Calendar()


def at(y, m, d, hour=10, tz=WIB):
    return datetime(y, m, d, hour, tzinfo=tz)


def midnight(y, m, d, tz=WIB):
    return datetime(y, m, d, tzinfo=tz)


def test_the_coordinator_has_three_working_days_from_a_monday():
    # Monday 2 Nov 2026: Tue, Wed, Thu → due at the end of Thursday.
    assert deadlines.due(PLAIN, flow.SUBMITTED, at(2026, 11, 2), WIB) == midnight(2026, 11, 6)


def test_a_report_sent_on_friday_skips_the_weekend():
    # Friday 6 Nov: Mon, Tue, Wed → the end of Wednesday 11 Nov.
    assert deadlines.due(PLAIN, flow.SUBMITTED, at(2026, 11, 6), WIB) == midnight(2026, 11, 12)


def test_a_report_sent_on_saturday_is_due_like_one_sent_on_friday():
    saturday = deadlines.due(PLAIN, flow.SUBMITTED, at(2026, 11, 7), WIB)
    friday = deadlines.due(PLAIN, flow.SUBMITTED, at(2026, 11, 6), WIB)
    assert saturday == friday


def test_a_holiday_and_a_cuti_bersama_day_do_not_count():
    calendar = Calendar(non_working={date(2026, 11, 10), date(2026, 11, 11)})
    # Friday 6 Nov: Mon 9 (1), Tue 10 holiday, Wed 11 cuti, Thu 12 (2), Fri 13 (3).
    assert deadlines.due(calendar, flow.SUBMITTED, at(2026, 11, 6), WIB) == midnight(2026, 11, 14)


def test_a_saturday_declared_a_working_day_counts():
    calendar = Calendar(extra_working={date(2026, 11, 7)})
    # Friday 6: Sat 7 (1), Mon 9 (2), Tue 10 (3).
    assert deadlines.due(calendar, flow.SUBMITTED, at(2026, 11, 6), WIB) == midnight(2026, 11, 11)


def test_the_year_end_with_christmas_and_cuti_bersama():
    calendar = Calendar(non_working={date(2026, 12, 25), date(2026, 12, 24), date(2027, 1, 1)})
    # Wed 23 Dec 2026: Thu 24 cuti, Fri 25 Christmas, Mon 28 (1), Tue 29 (2), Wed 30 (3).
    assert deadlines.due(calendar, flow.SUBMITTED, at(2026, 12, 23), WIB) == midnight(2026, 12, 31)
    # The agency's five days from Wed 30 Dec: Thu 31 (1), Fri 1 Jan holiday, Mon 4 (2) … Thu 7.
    assert deadlines.due(calendar, flow.DISPATCHED, at(2026, 12, 30), WIB) == midnight(2027, 1, 8)


def test_the_deadline_is_midnight_in_the_regions_own_zone():
    due = deadlines.due(PLAIN, flow.SUBMITTED, at(2026, 11, 2, tz=WIT), WIT)
    assert due == midnight(2026, 11, 6, tz=WIT)
    assert due.astimezone(UTC) == datetime(2026, 11, 5, 15, tzinfo=UTC)


def test_late_evening_utc_is_already_the_next_local_day():
    # 20:00 UTC on Sunday 1 Nov is 03:00 Monday 2 Nov in Jakarta: Monday does not count.
    sent = datetime(2026, 11, 1, 20, tzinfo=UTC)
    assert deadlines.due(PLAIN, flow.SUBMITTED, sent, WIB) == midnight(2026, 11, 6)


@pytest.mark.parametrize(
    ("handling", "days", "due"),
    [
        ("standard", 5, midnight(2026, 11, 10)),
        ("dispute", 14, midnight(2026, 11, 21)),
        ("field_check", 60, midnight(2027, 1, 26)),
    ],
)
def test_the_agencys_limit_depends_on_the_handling(handling, days, due):
    assert deadlines.limit(deadlines.FOLLOW_UP, handling) == days
    assert deadlines.due(PLAIN, flow.DISPATCHED, at(2026, 11, 2), WIB, handling) == due


def test_an_extension_adds_working_days_to_the_follow_up_only():
    assert deadlines.limit(deadlines.FOLLOW_UP, "standard", 3) == 8
    assert deadlines.limit(deadlines.VERIFY, "standard", 3) == 3
    assert deadlines.limit(deadlines.REPLY, "standard", 3) == 10


def test_an_extension_of_exactly_the_maximum_is_allowed_and_one_more_is_not():
    assert deadlines.limit(deadlines.FOLLOW_UP, "standard", deadlines.MAX_EXTENSION) == 65
    with pytest.raises(ValueError):
        deadlines.limit(deadlines.FOLLOW_UP, "standard", deadlines.MAX_EXTENSION + 1)
    with pytest.raises(ValueError):
        deadlines.limit(deadlines.FOLLOW_UP, "standard", -1)


def test_unknown_steps_and_handlings_are_refused():
    with pytest.raises(ValueError):
        deadlines.limit("lunch")
    with pytest.raises(ValueError):
        deadlines.limit(deadlines.FOLLOW_UP, "someday")


def test_the_reply_window_is_ten_working_days():
    # Monday 2 Nov + 10 working days = Monday 16 Nov, due at its end.
    assert deadlines.due(PLAIN, flow.FOLLOWED_UP, at(2026, 11, 2), WIB) == midnight(2026, 11, 17)


@pytest.mark.parametrize(
    "status",
    [flow.POSTPONED, flow.CLOSED, flow.NOT_OUR_AUTHORITY, flow.FORWARDED, flow.ARCHIVED],
)
def test_statuses_without_a_running_step_have_no_deadline(status):
    assert deadlines.step_for(status) is None
    assert deadlines.due(PLAIN, status, at(2026, 11, 2), WIB) is None
    assert deadlines.expected_answer(PLAIN, status, at(2026, 11, 2), WIB) is None


@pytest.mark.parametrize("status", [flow.DISPATCHED, flow.IN_PROGRESS, flow.ANSWERED])
def test_every_status_with_the_agency_runs_the_follow_up_clock(status):
    assert deadlines.step_for(status) == deadlines.FOLLOW_UP


def test_before_dispatch_the_expected_answer_adds_both_limits():
    # Monday 2 Nov: 3 + 5 = 8 working days → Thursday 12 Nov, due at its end.
    expected = deadlines.expected_answer(PLAIN, flow.SUBMITTED, at(2026, 11, 2), WIB)
    assert expected == midnight(2026, 11, 13)


def test_with_the_agency_the_expected_answer_is_the_follow_up_deadline():
    expected = deadlines.expected_answer(PLAIN, flow.DISPATCHED, at(2026, 11, 2), WIB, "dispute")
    assert expected == deadlines.due(PLAIN, flow.DISPATCHED, at(2026, 11, 2), WIB, "dispute")


def test_once_followed_up_nothing_more_is_expected():
    assert deadlines.expected_answer(PLAIN, flow.FOLLOWED_UP, at(2026, 11, 2), WIB) is None


def test_overdue_from_the_instant_it_is_due():
    due = midnight(2026, 11, 6)
    assert not deadlines.is_overdue(due, due - timedelta(microseconds=1))
    assert deadlines.is_overdue(due, due)
    assert not deadlines.is_overdue(None, due)


def test_on_time_means_before_the_deadline():
    due = midnight(2026, 11, 6)
    assert deadlines.on_time(due - timedelta(microseconds=1), due)
    assert not deadlines.on_time(due, due)
    assert deadlines.on_time(due, None)


def test_due_soon_is_between_now_and_the_horizon():
    now = at(2026, 11, 2)
    horizon = midnight(2026, 11, 4)
    assert deadlines.is_due_soon(horizon, now, horizon)
    assert not deadlines.is_due_soon(horizon + timedelta(seconds=1), now, horizon)
    assert not deadlines.is_due_soon(now, now, horizon)
    assert deadlines.is_due_soon(now + timedelta(seconds=1), now, horizon)
    assert not deadlines.is_due_soon(None, now, horizon)


def test_a_naive_time_is_refused():
    with pytest.raises(ValueError):
        deadlines.due(PLAIN, flow.SUBMITTED, datetime(2026, 11, 2, 10), WIB)


def test_a_fixed_offset_zone_works_too():
    zone = timezone(timedelta(hours=8))
    assert deadlines.due(PLAIN, flow.SUBMITTED, at(2026, 11, 2, tz=zone), zone) == midnight(
        2026, 11, 6, tz=zone
    )


def test_an_extension_moves_the_follow_up_deadline_across_the_year_end():
    calendar = Calendar(non_working={date(2026, 12, 24), date(2026, 12, 25), date(2027, 1, 1)})
    # Dispatched Mon 21 Dec 2026: 5 working days + 2 extra = 7: Tue 22 (1), Wed 23 (2),
    # Mon 28 (3), Tue 29 (4), Wed 30 (5), Thu 31 (6), Mon 4 Jan (7).
    due = deadlines.due(calendar, flow.DISPATCHED, at(2026, 12, 21), WIB, extension=2)
    assert due == midnight(2027, 1, 5)
    # The extension does not touch the coordinator's clock: Tue 22, Wed 23, Mon 28.
    due = deadlines.due(calendar, flow.SUBMITTED, at(2026, 12, 21), WIB, extension=2)
    assert due == midnight(2026, 12, 29)


def test_the_expected_answer_takes_the_extension_and_the_handling_into_account():
    # Monday 2 Nov: 3 + 14 (dispute) + 1 = 18 working days → Thursday 26 Nov.
    expected = deadlines.expected_answer(
        PLAIN, flow.SUBMITTED, at(2026, 11, 2), WIB, "dispute", extension=1
    )
    assert expected == midnight(2026, 11, 27)
    # With the agency from Monday 2 Nov: 5 + 2 = 7 working days → Wednesday 11 Nov.
    expected = deadlines.expected_answer(PLAIN, flow.IN_PROGRESS, at(2026, 11, 2), WIB, extension=2)
    assert expected == midnight(2026, 11, 12)


def test_refusals_name_what_was_wrong():
    with pytest.raises(ValueError, match=r"^an extension is 0 to 60 working days$"):
        deadlines.limit(deadlines.FOLLOW_UP, "standard", 61)
    with pytest.raises(ValueError, match=r"^unknown step 'lunch'$"):
        deadlines.limit("lunch")
    with pytest.raises(ValueError, match=r"^unknown handling 'someday'$"):
        deadlines.limit(deadlines.FOLLOW_UP, "someday")


def test_due_soon_at_the_horizon_itself_and_not_once_due():
    due = midnight(2026, 11, 5)
    assert deadlines.is_due_soon(due, due - timedelta(hours=1), due)
    assert not deadlines.is_due_soon(due, due, due + timedelta(days=1))
    assert not deadlines.is_due_soon(due, due - timedelta(days=2), due - timedelta(seconds=1))
    assert not deadlines.is_due_soon(None, due, due)

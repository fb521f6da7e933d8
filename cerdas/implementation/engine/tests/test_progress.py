"""The rules of implementation progress, on their own."""

import datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cerdas.implementation.engine.progress import (
    Item,
    achievement,
    add_months,
    expected_share,
    glance,
    on_track,
    share_percent,
    stale_since,
)


def test_achievement_is_the_share_of_the_way_from_baseline_to_target():
    assert achievement(Decimal(20), Decimal(90), Decimal(55)) == Decimal("0.5")
    assert achievement(None, Decimal(40), Decimal(10)) == Decimal("0.25")


def test_a_target_below_the_baseline_means_lower_is_better():
    # Waiting time from 60 to 20 minutes: 40 minutes is halfway.
    assert achievement(Decimal(60), Decimal(20), Decimal(40)) == Decimal("0.5")


def test_a_target_equal_to_the_baseline_is_reached_or_not():
    assert achievement(Decimal(5), Decimal(5), Decimal(5)) == 1
    assert achievement(Decimal(5), Decimal(5), Decimal(4)) == 0


def test_expected_share_follows_the_programs_years():
    assert expected_share(2025, 2028, 2024) == 0
    assert expected_share(2025, 2028, 2025) == Decimal("0.25")
    assert expected_share(2025, 2028, 2026) == Decimal("0.5")
    assert expected_share(2025, 2028, 2030) == 1


def test_on_track_halfway_through_halfway_there():
    assert on_track(Decimal(0), Decimal(40), Decimal(20), 2025, 2028, 2026)
    assert not on_track(Decimal(0), Decimal(40), Decimal(19), 2025, 2028, 2026)
    assert not on_track(Decimal(0), Decimal(40), None, 2025, 2028, 2026)


def test_share_percent_rounds_half_up_and_knows_no_whole():
    assert share_percent(1, 8) == 13  # 12,5
    assert share_percent(750_000_000, 3_150_000_000) == 24
    assert share_percent(3, 0) is None


def test_add_months_keeps_the_day_or_takes_the_months_last():
    assert add_months(datetime.date(2025, 1, 31), 1) == datetime.date(2025, 2, 28)
    assert add_months(datetime.date(2024, 1, 31), 1) == datetime.date(2024, 2, 29)
    assert add_months(datetime.date(2025, 11, 10), 3) == datetime.date(2026, 2, 10)


def test_stale_since_names_the_current_period():
    last = datetime.date(2025, 1, 10)
    assert stale_since(last, 3, datetime.date(2025, 4, 9)) is None
    assert stale_since(last, 3, datetime.date(2025, 4, 10)) == datetime.date(2025, 4, 10)
    assert stale_since(last, 3, datetime.date(2025, 7, 9)) == datetime.date(2025, 4, 10)
    assert stale_since(last, 3, datetime.date(2025, 7, 10)) == datetime.date(2025, 7, 10)


def test_a_period_is_at_least_a_month():
    with pytest.raises(ValueError):
        stale_since(datetime.date(2025, 1, 1), 0, datetime.date(2025, 5, 1))


@given(
    last=st.dates(datetime.date(2000, 1, 1), datetime.date(2090, 1, 1)),
    months=st.integers(1, 24),
    days=st.integers(0, 3000),
)
def test_stale_since_is_never_in_the_future_and_at_least_a_period_after(last, months, days):
    today = last + datetime.timedelta(days=days)
    since = stale_since(last, months, today)
    if since is None:
        assert today < add_months(last, months)
    else:
        assert add_months(last, months) <= since <= today


def test_glance_counts_dropped_quick_wins_as_not_done():
    items = [
        Item(True, "done", 100, 100, 1, 1),
        Item(True, "dropped", 50, 0, 1, 0),
        Item(False, "in_progress", 850, 200, 2, 1),
    ]
    seen = glance(items)
    assert (seen.quick_wins, seen.quick_wins_done, seen.quick_wins_done_percent) == (2, 1, 50)
    assert (seen.planned, seen.realised, seen.realised_percent) == (1000, 300, 30)
    assert (seen.indicators, seen.indicators_on_track) == (4, 2)
    assert seen.dropped == 1

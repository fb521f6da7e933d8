"""Percentages shown to people add up to exactly 100 and stay honest."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cerdas.lib.percentages import largest_remainder, percentages

counts_lists = st.lists(st.integers(min_value=0, max_value=10**9), min_size=1, max_size=12)


def test_the_issue_example_sums_to_100():
    # 11 / 1 / 0 / 2 answers: 78.6 / 7.1 / 0 / 14.3 → the largest remainder gets the point.
    assert largest_remainder([11, 1, 0, 2]) == [79, 7, 0, 14]


def test_three_equal_shares_give_the_spare_point_to_the_first():
    assert largest_remainder([1, 1, 1]) == [34, 33, 33]


def test_no_answers_gives_zeros_not_a_division_error():
    assert largest_remainder([0, 0, 0, 0]) == [0, 0, 0, 0]


def test_negative_counts_are_refused():
    with pytest.raises(ValueError):
        largest_remainder([3, -1])


def test_keyed_percentages_keep_their_keys_and_order():
    result = percentages({"sangat_puas": 1, "puas": 2, "cukup_puas": 0, "tidak_puas": 0})
    assert list(result) == ["sangat_puas", "puas", "cukup_puas", "tidak_puas"]
    assert result == {"sangat_puas": 33, "puas": 67, "cukup_puas": 0, "tidak_puas": 0}


@given(counts_lists)
def test_any_counts_with_an_answer_sum_to_exactly_100(counts):
    result = largest_remainder(counts)
    assert sum(result) == (100 if sum(counts) else 0)


@given(counts_lists)
def test_each_share_is_its_exact_value_rounded_down_or_up(counts):
    whole = sum(counts)
    for count, shown in zip(counts, largest_remainder(counts), strict=True):
        exact_floor = count * 100 // whole if whole else 0
        assert exact_floor <= shown <= exact_floor + 1


@given(counts_lists)
def test_more_answers_never_show_a_smaller_share(counts):
    result = largest_remainder(counts)
    for i, a in enumerate(counts):
        for j, b in enumerate(counts):
            if a > b:
                assert result[i] >= result[j]


@given(counts_lists)
def test_nobody_choosing_an_answer_shows_zero_for_it(counts):
    for count, shown in zip(counts, largest_remainder(counts), strict=True):
        if count == 0:
            assert shown == 0


@given(counts_lists, st.integers(min_value=0, max_value=1000))
def test_any_total_is_split_exactly(counts, total):
    assert sum(largest_remainder(counts, total)) == (total if sum(counts) else 0)


def test_the_missing_point_goes_to_the_largest_remainder_not_the_largest_share():
    # 4/7 = 57.14, 1/7 = 14.29, 2/7 = 28.57: the point goes to 28.57, not to 57.14.
    assert largest_remainder([4, 1, 2]) == [57, 14, 29]


def test_refusals_say_what_was_negative():
    with pytest.raises(ValueError, match=r"^counts must not be negative$"):
        largest_remainder([1, -1])
    with pytest.raises(ValueError, match=r"^total must not be negative$"):
        largest_remainder([1, 1], total=-1)

"""The figures regions report: medians, shares on time, satisfaction."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cerdas.complaints.engine import figures


def test_the_median_of_nothing_is_none():
    assert figures.median([]) is None


def test_the_median_of_an_odd_count_is_the_middle_value():
    assert figures.median([5, 1, 3]) == 3.0


def test_the_median_of_an_even_count_is_the_mean_of_the_two_middle_values():
    assert figures.median([4, 1, 3, 2]) == 2.5


def test_the_median_of_one_value_is_that_value():
    assert figures.median([7]) == 7.0


@given(st.lists(st.integers(min_value=0, max_value=100), min_size=1))
def test_the_median_lies_between_the_smallest_and_the_largest(values):
    assert min(values) <= figures.median(values) <= max(values)


def test_a_share_of_nothing_is_none():
    assert figures.share(0, 0) is None
    assert figures.share_on_time([]) is None
    assert figures.satisfaction([]) is None


def test_shares_have_one_decimal():
    assert figures.share(1, 3) == 33.3
    assert figures.share(2, 3) == 66.7
    assert figures.share(3, 3) == 100.0
    assert figures.share(0, 3) == 0.0


def test_a_part_outside_the_whole_is_refused():
    with pytest.raises(ValueError):
        figures.share(4, 3)
    with pytest.raises(ValueError):
        figures.share(-1, 3)


def test_on_time_counts_the_true_flags():
    assert figures.share_on_time([True, False, True, True]) == 75.0


def test_satisfied_means_very_satisfied_or_satisfied():
    ratings = ["sangat_puas", "puas", "cukup_puas", "tidak_puas"]
    assert figures.satisfaction(ratings) == 50.0
    assert figures.satisfaction(["cukup_puas"]) == 0.0
    assert figures.satisfaction(["puas"]) == 100.0


def test_an_unknown_rating_is_refused():
    with pytest.raises(ValueError):
        figures.satisfaction(["meh"])


def test_refusals_say_what_was_wrong():
    with pytest.raises(ValueError, match=r"^the part must lie between 0 and the whole$"):
        figures.share(3, 2)
    with pytest.raises(ValueError, match=r"^unknown rating 'meh'$"):
        figures.satisfaction(["puas", "meh"])

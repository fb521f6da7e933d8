"""A jury's totals become a mean, a spread and a ranking."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cerdas.cohorts.engine.jury import rank, summarise


def test_mean_spread_and_range_of_three_jurors():
    s = summarise("a", [70, 80, 90])
    assert s.count == 3
    assert s.mean == pytest.approx(80)
    assert s.spread == pytest.approx(8.1649658)
    assert (s.low, s.high) == (70, 90)


def test_a_nominee_nobody_scored_has_no_mean():
    s = summarise("a", [])
    assert s.count == 0 and s.mean is None and s.spread is None


def test_ranking_puts_the_highest_mean_first_and_the_unscored_last():
    ranked = rank([summarise("low", [50]), summarise("none", []), summarise("high", [90, 80])])
    assert [s.key for s in ranked] == ["high", "low", "none"]


def test_a_tie_on_the_mean_goes_to_the_jury_that_agreed_more():
    ranked = rank([summarise("split", [60, 100]), summarise("agreed", [80, 80])])
    assert [s.key for s in ranked] == ["agreed", "split"]


def test_a_tie_on_mean_and_spread_goes_to_the_nominee_more_jurors_scored():
    ranked = rank([summarise("few", [80]), summarise("many", [80, 80])])
    assert [s.key for s in ranked] == ["many", "few"]


def test_a_mean_of_zero_ranks_below_any_higher_mean():
    ranked = rank([summarise("zero", [0, 0]), summarise("half", [0.5]), summarise("none", [])])
    assert [s.key for s in ranked] == ["half", "zero", "none"]


def test_several_unscored_nominees_rank_last_in_the_order_given():
    ranked = rank([summarise("b", []), summarise("x", [1]), summarise("a", [])])
    assert [s.key for s in ranked] == ["x", "b", "a"]


def test_one_juror_has_no_spread_and_is_the_whole_range():
    s = summarise("a", [72.5])
    assert (s.count, s.mean, s.spread, s.low, s.high) == (1, 72.5, 0.0, 72.5, 72.5)


@given(st.lists(st.lists(st.integers(0, 100), max_size=5), max_size=8))
def test_the_ranking_is_a_permutation_best_mean_first_and_the_unscored_last(juries):
    summaries = [summarise(i, totals) for i, totals in enumerate(juries)]
    ranked = rank(summaries)
    assert sorted(s.key for s in ranked) == list(range(len(juries)))
    means = [s.mean for s in ranked]
    scored = [m for m in means if m is not None]
    assert means == scored + [None] * (len(means) - len(scored))
    assert scored == sorted(scored, reverse=True)
    for s in ranked:
        if s.count:
            assert s.low <= s.mean <= s.high
            assert s.spread <= (s.high - s.low) / 2 + 1e-9

"""A jury's totals become a mean, a spread and a ranking."""

import pytest

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

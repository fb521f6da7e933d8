"""The scoring engine at its edges: two assessors, one assessor, none; a dimension with no
indicator under a minimum; the gains under the ``lowest`` policy.

Warnings are errors here: the engine promises plain arrays, not RuntimeWarnings about the
empty cells it fills with nan on purpose.
"""

import numpy as np
import pytest

from cerdas.assessments.engine import scoring
from cerdas.assessments.engine.scoring import Spec

pytestmark = pytest.mark.filterwarnings("error::RuntimeWarning")

NAN = float("nan")


def points_spec(dimensions=2, missing="reweight"):
    """One indicator per dimension, equal weights, points equal to the values (range 0-100)."""
    return Spec(
        dimension_of=np.arange(dimensions),
        indicator_weights=np.ones(dimensions),
        dimension_weights=np.ones(dimensions),
        higher_is_better=np.ones(dimensions, dtype=bool),
        method="range",
        missing=missing,
        lower=np.zeros(dimensions),
        upper=np.full(dimensions, 100.0),
    )


# --- assessors' scores -------------------------------------------------------------------


def test_two_assessors_further_apart_than_the_threshold_disagree():
    scores = np.array([[[1.0, 4.0], [1.0, 3.0], [2.0, NAN]]])
    _aggregate, spread, flagged = scoring.aggregate_assessments(scores, threshold=2)
    assert spread.tolist() == [[3.0, 2.0, 0.0]]
    # Exactly at the threshold is no disagreement; one assessor alone never disagrees.
    assert flagged.tolist() == [[True, False, False]]


def test_one_assessor_alone_never_disagrees_even_with_a_threshold_of_zero():
    _aggregate, _spread, flagged = scoring.aggregate_assessments(
        np.array([[[3.0, NAN, NAN]]]), threshold=0
    )
    assert flagged.tolist() == [[False]]


def test_without_a_threshold_nothing_is_flagged_not_even_an_empty_cell():
    scores = np.array([[[1.0, 5.0], [NAN, NAN]]])
    aggregate, spread, flagged = scoring.aggregate_assessments(scores)
    assert flagged.tolist() == [[False, False]]
    np.testing.assert_array_equal(aggregate, [[3.0, NAN]])
    np.testing.assert_array_equal(spread, [[4.0, NAN]])


@pytest.mark.parametrize("method", ["mean", "median"])
def test_a_cell_nobody_scored_has_no_aggregate(method):
    scores = np.array([[[NAN, NAN, NAN], [2.0, NAN, NAN]]])
    aggregate, spread, _flagged = scoring.aggregate_assessments(scores, method=method)
    np.testing.assert_array_equal(aggregate, [[NAN, 2.0]])
    np.testing.assert_array_equal(spread, [[NAN, 0.0]])


def test_the_median_of_one_two_and_three_assessors():
    scores = np.array([[[7.0, NAN, NAN], [9.0, 1.0, NAN], [5.0, 1.0, 3.0]]])
    aggregate, _spread, _flagged = scoring.aggregate_assessments(scores, method="median")
    assert aggregate.tolist() == [[7.0, 5.0, 3.0]]


def test_assessors_missing_as_none_read_as_no_score():
    aggregate, spread, _flagged = scoring.aggregate_assessments([[[3, None, 4]]])
    assert aggregate.tolist() == [[3.5]]
    assert spread.tolist() == [[1.0]]


def test_an_unknown_aggregation_is_refused_by_name():
    with pytest.raises(ValueError, match="unknown aggregation 'mode'"):
        scoring.aggregate_assessments(np.ones((1, 1, 1)), method="mode")


# --- gains -------------------------------------------------------------------------------


def test_under_the_lowest_policy_a_missing_value_could_gain_its_full_weight():
    values = np.array([[NAN, 40.0]])
    result = scoring.score(values, points_spec(missing="lowest"), ["11.01"])
    # Each indicator carries half the composite; the missing one counts 0 points now.
    np.testing.assert_allclose(result.gains(), [[50.0, 30.0]])
    assert result.composite.tolist() == [20.0]


def test_under_reweight_a_missing_value_has_no_gain_figure():
    result = scoring.score(np.array([[NAN, 40.0]]), points_spec(), ["11.01"])
    gains = result.gains()
    assert np.isnan(gains[0, 0])
    assert gains[0, 1] == pytest.approx(60.0)


# --- sensitivity with constraints ---------------------------------------------------------


def dimension_without_indicators():
    """Dimension 1 has no indicator at all (its weight has nothing to score)."""
    return Spec(
        dimension_of=np.array([0]),
        indicator_weights=np.array([1.0]),
        dimension_weights=np.array([1.0, 1.0]),
        higher_is_better=np.array([True]),
    )


def test_a_minimum_on_a_dimension_without_indicators_keeps_everyone_out():
    values = np.array([[90.0], [80.0]])
    share = scoring.sensitivity(
        values, dimension_without_indicators(), ["11.01", "11.02"], 1, draws=10,
        minimum=np.array([NAN, 10.0]),
    )  # fmt: skip
    assert share.tolist() == [0.0, 0.0]


def test_without_a_minimum_a_dimension_without_indicators_changes_nothing():
    values = np.array([[90.0], [80.0]])
    codes = ["11.01", "11.02"]
    spec = dimension_without_indicators()
    for minimum in (None, np.array([NAN, NAN])):
        share = scoring.sensitivity(values, spec, codes, 1, draws=10, minimum=minimum)
        assert share.tolist() == [1.0, 0.0]


def test_a_sub_score_exactly_at_the_minimum_meets_it_in_every_draw():
    values = np.array([[40.0, 100.0], [39.0, 99.0]])
    share = scoring.sensitivity(
        values, points_spec(), ["11.01", "11.02"], 2, draws=20, minimum=np.array([40.0, NAN])
    )
    assert share.tolist() == [1.0, 0.0]


def test_a_dimension_with_every_value_missing_fails_its_minimum():
    values = np.array([[NAN, 100.0], [10.0, 10.0]])
    share = scoring.sensitivity(
        values, points_spec(), ["11.01", "11.02"], 1, draws=20, minimum=np.array([0.0, NAN])
    )
    assert share.tolist() == [0.0, 1.0]


def test_a_province_cap_of_one_lets_the_next_province_in():
    values = np.array([[90.0, 90.0], [80.0, 80.0], [70.0, 70.0]])
    share = scoring.sensitivity(
        values, points_spec(), ["11.01", "11.02", "12.01"], 2, draws=20, spread=0.01,
        provinces=["11", "11", "12"], province_cap=1,
    )  # fmt: skip
    assert share.tolist() == [1.0, 0.0, 1.0]


def test_an_ineligible_region_does_not_use_up_its_provinces_cap():
    values = np.array([[90.0, 90.0], [80.0, 80.0], [70.0, 70.0]])
    share = scoring.sensitivity(
        values, points_spec(), ["11.01", "11.02", "12.01"], 2, draws=20, spread=0.01,
        eligible=np.array([False, True, True]), provinces=["11", "11", "12"], province_cap=1,
    )  # fmt: skip
    assert share.tolist() == [0.0, 1.0, 1.0]


def test_a_cap_without_provinces_or_provinces_without_a_cap_limit_nothing():
    values = np.array([[90.0, 90.0], [80.0, 80.0]])
    codes = ["11.01", "11.02"]
    for provinces, cap in ((None, 1), (["11", "11"], None)):
        share = scoring.sensitivity(
            values, points_spec(), codes, 2, draws=5, provinces=provinces, province_cap=cap
        )
        assert share.tolist() == [1.0, 1.0]


def test_no_regions_or_no_places_give_no_shares():
    assert scoring.sensitivity(np.zeros((0, 2)), points_spec(), [], 3).tolist() == []
    share = scoring.sensitivity(np.array([[50.0, 50.0]]), points_spec(), ["11.01"], 0)
    assert share.tolist() == [0.0]


def test_a_single_region_with_a_score_takes_the_one_place():
    share = scoring.sensitivity(np.array([[50.0, 50.0]]), points_spec(), ["11.01"], 1, draws=3)
    assert share.tolist() == [1.0]


def test_a_region_without_any_value_never_takes_a_place_even_when_places_are_left():
    values = np.array([[NAN, NAN], [50.0, 50.0]])
    share = scoring.sensitivity(values, points_spec(), ["11.01", "11.02"], 2, draws=5)
    assert share.tolist() == [0.0, 1.0]


def test_equal_composites_in_a_draw_go_to_the_smaller_code():
    values = np.array([[50.0, 50.0], [50.0, 50.0]])
    share = scoring.sensitivity(values, points_spec(), ["35.22", "11.01"], 1, draws=5, spread=0)
    assert share.tolist() == [0.0, 1.0]


def test_the_same_seed_gives_the_same_shares_and_the_default_is_a_thousand_draws():
    values = np.array([[100.0, 0.0], [0.0, 99.0]])
    codes = ["11.01", "11.02"]
    first = scoring.sensitivity(values, points_spec(), codes, 1)
    assert first.tolist() == scoring.sensitivity(values, points_spec(), codes, 1, seed=0).tolist()
    # Shares are counts over a thousand draws.
    assert all(float(s * 1000).is_integer() for s in first)
    assert 0.3 < first[0] < 0.7


def test_the_wobble_is_twenty_percent_by_default():
    # 11.01 leads by 10 % on one dimension: only a wobble over about 5 % can reverse it.
    values = np.array([[100.0, 0.0], [0.0, 90.0]])
    codes = ["11.01", "11.02"]
    default = scoring.sensitivity(values, points_spec(), codes, 1, draws=400)
    narrow = scoring.sensitivity(values, points_spec(), codes, 1, draws=400, spread=0.04)
    assert narrow.tolist() == [1.0, 0.0]
    assert 0.5 < default[0] < 1.0


def test_the_cutoff_distance_of_a_region_exactly_at_the_cutoff_is_zero():
    assert scoring.cutoff_distance(61.5, 61.5) == 0.0
    assert scoring.cutoff_distance(np.float64(70), 61.5) == 8.5


def two_indicators_in_one_dimension():
    """Dimension 0 holds i0 and i1 (equal weights), dimension 1 holds i2; points = values."""
    return Spec(
        dimension_of=np.array([0, 0, 1]),
        indicator_weights=np.ones(3),
        dimension_weights=np.ones(2),
        higher_is_better=np.ones(3, dtype=bool),
        method="range",
        lower=np.zeros(3),
        upper=np.full(3, 100.0),
    )


def test_the_shares_of_a_seed_are_the_same_on_every_run_and_every_machine():
    # Published shares must be reproducible: these figures pin how the draws are made
    # (uniform factors in [0.8, 1.2] on every indicator and dimension weight, in this order).
    values = np.array([[100.0, 0.0, 50.0], [0.0, 95.0, 52.0], [48.0, 48.0, 54.0]])
    codes = ["11.01", "11.02", "11.03"]
    share = scoring.sensitivity(values, two_indicators_in_one_dimension(), codes, 1, draws=200)
    assert share.tolist() == [0.34, 0.3, 0.36]
    share = scoring.sensitivity(
        values, two_indicators_in_one_dimension(), codes, 2, draws=200, seed=7
    )
    assert share.tolist() == [0.47, 0.53, 1.0]


def test_many_equal_composites_go_to_the_smallest_codes():
    # Forty regions tie exactly (no wobble): the twenty with the smallest codes are inside,
    # whatever order the rows come in.
    codes = [f"{11 + i % 20}.{i // 20 + 1:02d}" for i in range(40)]
    values = np.full((40, 2), 50.0)
    share = scoring.sensitivity(values, points_spec(), codes, 20, draws=2, spread=0)
    inside = sorted(c for c, s in zip(codes, share, strict=True) if s == 1)
    assert inside == sorted(codes)[:20]


def test_a_first_dimension_without_indicators_leaves_the_others_scored():
    spec = Spec(
        dimension_of=np.array([1]),
        indicator_weights=np.array([1.0]),
        dimension_weights=np.array([1.0, 1.0]),
        higher_is_better=np.array([True]),
    )
    share = scoring.sensitivity(np.array([[90.0], [80.0]]), spec, ["11.01", "11.02"], 1, draws=5)
    assert share.tolist() == [1.0, 0.0]


def test_a_sub_score_a_hair_below_the_minimum_is_float_noise_and_meets_it():
    values = np.array([[40.0 - 1e-9, 100.0], [39.0, 99.0]])
    share = scoring.sensitivity(
        values, points_spec(), ["11.01", "11.02"], 2, draws=3, spread=0,
        minimum=np.array([40.0, NAN]),
    )  # fmt: skip
    assert share.tolist() == [1.0, 0.0]


def test_a_region_below_the_minimum_of_an_earlier_dimension_stays_out_in_every_draw():
    # 11.01 leads on composite (65) and meets the second minimum, but not the first.
    values = np.array([[30.0, 100.0], [60.0, 60.0]])
    share = scoring.sensitivity(
        values, points_spec(), ["11.01", "11.02"], 1, draws=3, spread=0,
        minimum=np.array([40.0, 40.0]),
    )  # fmt: skip
    assert share.tolist() == [0.0, 1.0]


def test_under_lowest_a_draw_counts_a_missing_value_as_0_points():
    # 11.01 has 100 and nothing: 50 points under lowest (it would be 100 under reweight,
    # 50.5 if nothing counted as 1 point); 11.02 has 50.2.
    values = np.array([[NAN, 100.0], [50.4, 50.0]])
    codes = ["11.01", "11.02"]
    spec = points_spec(missing="lowest")
    np.testing.assert_allclose(scoring.score(values, spec, codes).composite, [50.0, 50.2])
    share = scoring.sensitivity(values, spec, codes, 1, draws=3, spread=0)
    assert share.tolist() == [0.0, 1.0]


def test_z_scores_are_taken_per_indicator_over_its_present_values_only():
    spec = Spec(
        dimension_of=np.array([0, 0]),
        indicator_weights=np.ones(2),
        dimension_weights=np.ones(1),
        higher_is_better=np.ones(2, dtype=bool),
        method="zscore",
    )
    # Each column: two present values one deviation either side of its own mean.
    values = np.array([[0.0, 100.0], [10.0, 300.0], [NAN, NAN]])
    points = scoring.normalise(values, spec)
    np.testing.assert_allclose(points[:2], [[100 / 3, 100 / 3], [200 / 3, 200 / 3]])
    assert np.isnan(points[2]).all()


# --- z-scores at their edges --------------------------------------------------------------


def z_spec():
    """One indicator, higher is better, z-scores."""
    return Spec(
        dimension_of=np.array([0]),
        indicator_weights=np.ones(1),
        dimension_weights=np.ones(1),
        higher_is_better=np.ones(1, dtype=bool),
        method="zscore",
    )


def z_points(column):
    return scoring.normalise(np.array(column, dtype=float)[:, None], z_spec())[:, 0]


def test_a_single_present_value_has_no_spread_and_reads_as_the_middle():
    points = z_points([NAN, 80.0, NAN])
    assert points[1] == 50.0
    assert np.isnan(points[[0, 2]]).all()


def test_equal_values_under_z_scores_all_read_as_the_middle():
    assert z_points([7.0, 7.0, 7.0]).tolist() == [50.0, 50.0, 50.0]


def test_a_z_score_beyond_three_deviations_is_clipped_to_0_or_100():
    # Ten equal values and one outlier: the outlier lies sqrt(10) > 3 deviations out.
    low = z_points([0.0] * 10 + [-1.0])
    assert low[-1] == 0.0
    np.testing.assert_allclose(low[0], (1 / np.sqrt(10) + 3) / 6 * 100)
    high = z_points([0.0] * 10 + [1.0])
    assert high[-1] == 100.0


def test_a_spread_of_exactly_1e9_round_zero_is_rounding_noise_but_more_is_a_spread():
    # The standard deviation must exceed 1e-9 x max(|mean|, 1) to count as a spread.
    assert z_points([-1e-9, 1e-9]).tolist() == [50.0, 50.0]
    np.testing.assert_allclose(z_points([-1.5e-9, 1.5e-9]), [100 / 3, 200 / 3])


def test_around_a_million_the_rounding_noise_allowed_grows_with_the_mean():
    # 1e-9 x 1e6: a deviation of 5e-4 is noise, 2e-3 is a spread.
    assert z_points([1e6 - 5e-4, 1e6 + 5e-4]).tolist() == [50.0, 50.0]
    np.testing.assert_allclose(z_points([1e6 - 2e-3, 1e6 + 2e-3]), [100 / 3, 200 / 3])


# --- weights and the sensitivity draws ------------------------------------------------------


def test_weights_as_the_database_gives_them_decimals_score_like_floats():
    from decimal import Decimal

    values = np.array([[20.0, 80.0], [60.0, 30.0]])
    as_floats = Spec(
        dimension_of=np.array([0, 0]),
        indicator_weights=np.array([3.0, 1.0]),
        dimension_weights=np.array([1.0]),
        higher_is_better=np.ones(2, dtype=bool),
        method="range",
        lower=np.zeros(2),
        upper=np.full(2, 100.0),
    )
    as_decimals = Spec(
        dimension_of=np.array([0, 0]),
        indicator_weights=np.array([Decimal("3"), Decimal("1")], dtype=object),
        dimension_weights=np.array([Decimal("1")], dtype=object),
        higher_is_better=np.ones(2, dtype=bool),
        method="range",
        lower=np.zeros(2),
        upper=np.full(2, 100.0),
    )
    expected = scoring.score(values, as_floats, ["11.01", "11.02"])
    got = scoring.score(values, as_decimals, ["11.01", "11.02"])
    np.testing.assert_allclose(got.composite, expected.composite)
    np.testing.assert_allclose(got.composite, [35.0, 52.5])


def test_a_draw_scores_a_region_with_a_missing_dimension_on_the_dimensions_it_has():
    # Under reweight, 11.02's composite is its one sub-score, 60: ahead of 11.01's 50.
    values = np.array([[50.0, 50.0], [60.0, NAN]])
    share = scoring.sensitivity(values, points_spec(), ["11.01", "11.02"], 1, draws=3, spread=0)
    assert share.tolist() == [0.0, 1.0]


def test_ties_within_a_draw_go_to_the_lower_code_among_many_regions():
    # Twenty-four regions in six tied groups; the codes are not in row order.
    rng = np.random.default_rng(3)
    levels = np.repeat([10.0, 20.0, 30.0, 40.0, 50.0, 60.0], 4)
    rows = rng.permutation(len(levels))
    values = np.column_stack([levels[rows], levels[rows]])
    codes = [f"11.{n:02d}" for n in rng.permutation(len(levels)) + 10]
    share = scoring.sensitivity(values, points_spec(), codes, 10, draws=4, spread=0)
    expected = sorted(range(len(codes)), key=lambda r: (-values[r, 0], codes[r]))[:10]
    assert sorted(np.flatnonzero(share == 1.0).tolist()) == sorted(expected)
    assert set(share.tolist()) == {0.0, 1.0}


# --- the composite at its edges -----------------------------------------------------------


def equal_spec(indicators, dimensions=1):
    return Spec(
        dimension_of=np.arange(indicators) % dimensions,
        indicator_weights=np.ones(indicators),
        dimension_weights=np.ones(dimensions),
        higher_is_better=np.ones(indicators, dtype=bool),
        method="range",
        lower=np.zeros(indicators),
        upper=np.full(indicators, 100.0),
    )


def weighted_spec(weights):
    """One dimension, points equal to the values, the given indicator weights."""
    return Spec(
        dimension_of=np.zeros(len(weights), dtype=int),
        indicator_weights=np.array(weights),
        dimension_weights=np.ones(1),
        higher_is_better=np.ones(len(weights), dtype=bool),
        method="range",
        lower=np.zeros(len(weights)),
        upper=np.full(len(weights), 100.0),
    )


def minmax_spec(indicators):
    """One dimension, equal weights, higher is better, min-max points."""
    return Spec(
        dimension_of=np.zeros(indicators, dtype=int),
        indicator_weights=np.ones(indicators),
        dimension_weights=np.ones(1),
        higher_is_better=np.ones(indicators, dtype=bool),
    )


def test_full_points_on_eleven_equal_indicators_is_exactly_100_not_a_rounding_more():
    # Eleven shares of 1/11 times 100 add up to 100.00000000000001 before the clip.
    scores = scoring.score(np.full((1, 11), 100.0), equal_spec(11), ["11.01"])
    assert scores.composite.tolist() == [100.0]


def test_ranks_are_whole_numbers():
    scores = scoring.score(np.array([[20.0], [80.0]]), equal_spec(1), ["11.01", "11.02"])
    assert [str(rank) for rank in scores.rank] == ["2", "1"]


def test_a_region_with_no_value_has_no_composite_no_weights_and_ranks_last():
    values = np.array([[NAN, NAN], [40.0, 60.0]])
    scores = scoring.score(values, equal_spec(2, dimensions=2), ["11.01", "11.02"])
    assert np.isnan(scores.composite[0])
    assert scores.composite[1] == 50.0
    assert scores.effective_weights[0].tolist() == [0.0, 0.0]
    assert scores.contributions[0].tolist() == [0.0, 0.0]
    assert scores.rank.tolist() == [2, 1]


def test_an_indicator_weighted_0_alone_in_its_dimension_leaves_the_dimension_out():
    spec = Spec(
        dimension_of=np.array([0, 1]),
        indicator_weights=np.array([1.0, 0.0]),
        dimension_weights=np.ones(2),
        higher_is_better=np.ones(2, dtype=bool),
        method="range",
        lower=np.zeros(2),
        upper=np.full(2, 100.0),
    )
    scores = scoring.score(np.array([[30.0, 90.0]]), spec, ["11.01"])
    assert scores.composite.tolist() == [30.0]
    assert scores.effective_weights[0].tolist() == [1.0, 0.0]
    assert np.isnan(scores.dimension_scores[0, 1])


def test_weights_as_fractions_below_1_score_like_the_same_weights_in_percent():
    values = np.array([[100.0, 0.0]])
    as_fractions = scoring.score(values, weighted_spec([0.375, 0.125]), ["11.01"])
    as_percent = scoring.score(values, weighted_spec([37.5, 12.5]), ["11.01"])
    np.testing.assert_allclose(as_fractions.effective_weights, [[0.75, 0.25]])
    np.testing.assert_allclose(as_fractions.composite, as_percent.composite)
    np.testing.assert_allclose(as_fractions.composite, [75.0])


def test_the_region_worst_on_every_indicator_scores_exactly_0():
    values = np.array([[0.0, 5.0], [10.0, 9.0]])
    scores = scoring.score(values, minmax_spec(2), ["11.01", "11.02"])
    assert scores.composite.tolist() == [0.0, 100.0]


def test_a_composite_ahead_by_a_millionth_of_a_point_ranks_ahead_whatever_the_codes():
    # A tie is equal to 1e-9 points; a millionth is a lead.
    values = np.array([[50.0, 50.0], [50.000001, 50.000001]])
    scores = scoring.score(values, points_spec(), ["11.01", "11.02"])
    assert scores.rank.tolist() == [2, 1]


# --- declared scales, inputs as the database gives them, the spec's checks ------------------


def range_spec(lower, upper):
    return Spec(
        dimension_of=np.array([0]),
        indicator_weights=np.ones(1),
        dimension_weights=np.ones(1),
        higher_is_better=np.ones(1, dtype=bool),
        method="range",
        lower=lower,
        upper=upper,
    )


def test_a_declared_scale_narrower_than_1_is_used_as_declared():
    spec = range_spec(np.array([0.0]), np.array([0.5]))
    assert scoring.normalise(np.array([[0.25], [0.5]]), spec)[:, 0].tolist() == [50.0, 100.0]


def test_a_declared_scale_with_equal_bounds_gives_everyone_the_middle():
    spec = range_spec(np.array([4.0]), np.array([4.0]))
    assert scoring.normalise(np.array([[4.0], [9.0]]), spec)[:, 0].tolist() == [50.0, 50.0]


def test_min_max_takes_each_indicators_extremes_over_its_own_column():
    # Two regions, three indicators (not a square); the third has no value at all.
    values = np.array([[1.0, 30.0, NAN], [3.0, 10.0, NAN]])
    points = scoring.normalise(values, minmax_spec(3))
    assert points[:, :2].tolist() == [[0.0, 100.0], [100.0, 0.0]]
    assert np.isnan(points[:, 2]).all()


def test_min_max_spreads_an_indicator_narrower_than_one_unit_over_0_to_100():
    points = scoring.normalise(np.array([[0.2], [0.4], [0.3]]), minmax_spec(1))
    np.testing.assert_allclose(points[:, 0], [0.0, 100.0, 50.0])


def test_values_and_bounds_as_decimals_or_none_read_like_floats_and_nan():
    from decimal import Decimal

    spec = range_spec([Decimal("1")], [Decimal("5")])
    values = [[Decimal("2")], [None], [Decimal("5")]]
    points = scoring.normalise(values, spec)[:, 0]
    assert points[0] == 25.0 and points[2] == 100.0
    assert np.isnan(points[1])


def test_under_lowest_nothing_is_reported_missing_for_any_cell():
    values = np.array([[NAN, 40.0], [60.0, 60.0]])
    scores = scoring.score(values, points_spec(missing="lowest"), ["11.01", "11.02"])
    assert scores.missing.shape == (2, 2)
    assert not scores.missing.any()


def test_a_tie_on_composite_and_every_earlier_dimension_goes_to_the_last_dimension():
    # 11.01 has no score in the last dimension: it ranks after 11.02 despite its code.
    composite = np.array([50.0, 50.0])
    dimension_scores = np.array([[50.0, 50.0, NAN], [50.0, 50.0, 50.0]])
    order = scoring.rank_order(composite, dimension_scores, ["11.01", "11.02"])
    assert order.tolist() == [1, 0]


def test_the_spec_says_what_is_wrong_with_it():
    with pytest.raises(ValueError, match="unknown normalisation 'log'"):
        Spec(np.array([0]), np.ones(1), np.ones(1), np.ones(1, dtype=bool), method="log")
    with pytest.raises(ValueError, match="unknown missing-data policy 'zero'"):
        Spec(np.array([0]), np.ones(1), np.ones(1), np.ones(1, dtype=bool), missing="zero")
    with pytest.raises(ValueError, match=r"^the range method needs each indicator's lower and"):
        range_spec(np.zeros(1), None)
    with pytest.raises(ValueError, match=r"^the range method needs each indicator's lower and"):
        range_spec(None, np.ones(1))

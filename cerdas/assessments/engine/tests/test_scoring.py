"""The scoring engine against hand-computed cases, and its properties under hypothesis."""

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from cerdas.assessments.engine import scoring, selection
from cerdas.assessments.engine.scoring import Spec

NAN = float("nan")


def two_dimensions(method="minmax", missing="reweight"):
    """Dimension 0 (60%): i0 higher-is-better, i1 lower-is-better (50/50); dimension 1 (40%): i2."""
    return Spec(
        dimension_of=np.array([0, 0, 1]),
        indicator_weights=np.array([50.0, 50.0, 100.0]),
        dimension_weights=np.array([60.0, 40.0]),
        higher_is_better=np.array([True, False, True]),
        method=method,
        missing=missing,
    )


VALUES = np.array([[10.0, 1.0, 5.0], [20.0, 3.0, 0.0], [0.0, 2.0, 10.0]])
CODES = ["11.01", "11.02", "11.03"]


def test_min_max_points_run_from_the_lowest_to_the_highest_value_and_turn_for_lower_is_better():
    points = scoring.normalise(VALUES, two_dimensions())
    np.testing.assert_allclose(points, [[50, 100, 50], [100, 0, 0], [0, 50, 100]])


def test_the_composite_is_the_weighted_mean_of_the_dimension_sub_scores():
    result = scoring.score(VALUES, two_dimensions(), CODES)
    np.testing.assert_allclose(result.dimension_scores, [[75, 50], [50, 0], [25, 100]])
    np.testing.assert_allclose(result.composite, [65, 30, 55])
    assert result.rank.tolist() == [1, 3, 2]
    assert result.order.tolist() == [0, 2, 1]


def test_contributions_are_points_times_effective_weight_and_sum_to_the_composite():
    result = scoring.score(VALUES, two_dimensions(), CODES)
    np.testing.assert_allclose(result.effective_weights[0], [0.3, 0.3, 0.4])
    np.testing.assert_allclose(result.contributions[0], [15, 30, 20])
    np.testing.assert_allclose(result.contributions.sum(axis=1), result.composite)


def test_gains_say_how_many_points_the_best_value_would_add():
    result = scoring.score(VALUES, two_dimensions(), CODES)
    np.testing.assert_allclose(result.gains()[1], [0, 30, 40])


def test_a_missing_value_is_reweighted_over_the_dimensions_other_indicators():
    values = VALUES.copy()
    values[1, 1] = NAN
    result = scoring.score(values, two_dimensions(), CODES)
    # i1 over A and C only: A 100, C 0. B's dimension 0 is i0 alone: 100.
    np.testing.assert_allclose(result.dimension_scores[1], [100, 0])
    np.testing.assert_allclose(result.composite, [65, 60, 40])
    np.testing.assert_allclose(result.effective_weights[1], [0.6, 0, 0.4])
    assert bool(result.missing[1, 1])
    assert np.isnan(result.gains()[1, 1])


def test_a_missing_value_counts_as_zero_points_under_the_lowest_policy():
    values = VALUES.copy()
    values[1, 1] = NAN
    result = scoring.score(values, two_dimensions(missing="lowest"), CODES)
    np.testing.assert_allclose(result.composite, [65, 30, 40])
    assert not result.missing.any()


def test_a_wholly_missing_dimension_gives_its_weight_to_the_others():
    values = VALUES.copy()
    values[0, 2] = NAN
    result = scoring.score(values, two_dimensions(), CODES)
    assert np.isnan(result.dimension_scores[0, 1])
    # i2 over B and C: B 0, C 100. A keeps dimension 0 only: 75.
    assert result.composite[0] == pytest.approx(75)


def test_a_region_without_any_value_has_no_score_and_ranks_last():
    values = VALUES.copy()
    values[0] = NAN
    result = scoring.score(values, two_dimensions(), CODES)
    assert np.isnan(result.composite[0])
    assert result.rank[0] == 3


def test_z_score_points_are_fifty_at_the_mean_and_clip_at_three_deviations():
    spec = Spec(
        dimension_of=np.array([0]),
        indicator_weights=np.array([1.0]),
        dimension_weights=np.array([1.0]),
        higher_is_better=np.array([True]),
        method="zscore",
    )
    points = scoring.normalise(np.array([[1.0], [2.0], [3.0]]), spec)
    z = 1 / np.sqrt(2 / 3)
    np.testing.assert_allclose(points[:, 0], [(3 - z) / 6 * 100, 50, (3 + z) / 6 * 100])
    outlier = scoring.normalise(np.array([[0.0]] * 20 + [[1000.0]]), spec)
    assert outlier[-1, 0] == pytest.approx(100)


def test_the_range_method_uses_the_declared_scale_and_clips_outside_it():
    spec = Spec(
        dimension_of=np.array([0, 0]),
        indicator_weights=np.array([1.0, 1.0]),
        dimension_weights=np.array([1.0]),
        higher_is_better=np.array([True, False]),
        method="range",
        lower=np.array([1.0, 0.0]),
        upper=np.array([5.0, 10.0]),
    )
    points = scoring.normalise(np.array([[3.0, 2.5], [6.0, -1.0]]), spec)
    np.testing.assert_allclose(points, [[50, 75], [100, 100]])


def test_an_indicator_on_which_everyone_is_equal_gives_everyone_the_middle():
    spec = two_dimensions()
    values = VALUES.copy()
    values[:, 0] = 7.0
    assert scoring.normalise(values, spec)[:, 0].tolist() == [50, 50, 50]


def test_an_unknown_method_or_policy_is_refused():
    with pytest.raises(ValueError):
        two_dimensions(method="rank")
    with pytest.raises(ValueError):
        two_dimensions(missing="mean")


def _points_spec(dimensions=2):
    return Spec(
        dimension_of=np.arange(dimensions),
        indicator_weights=np.ones(dimensions),
        dimension_weights=np.ones(dimensions),
        higher_is_better=np.ones(dimensions, dtype=bool),
        method="range",
        lower=np.zeros(dimensions),
        upper=np.full(dimensions, 100.0),
    )


def test_a_tie_is_broken_by_the_first_dimension_then_by_code():
    values = np.array([[0.0, 100.0], [100.0, 0.0], [100.0, 0.0], [50.0, 50.0]])
    codes = ["11.01", "35.22", "32.73", "11.02"]
    result = scoring.score(values, _points_spec(), codes)
    assert result.composite.tolist() == [50, 50, 50, 50]
    # 32.73 and 35.22 lead dimension 0; 32.73 has the smaller code; 11.02 beats 11.01 on it.
    assert [codes[i] for i in result.order] == ["32.73", "35.22", "11.02", "11.01"]


def test_scores_differing_only_in_float_noise_are_a_tie():
    values = np.array([[0.1 + 0.2, 0.3], [0.3, 0.1 + 0.2]])
    result = scoring.score(values, _points_spec(), ["11.02", "11.01"])
    assert result.order.tolist() == [1, 0]


def test_assessor_scores_average_and_a_wide_spread_is_flagged():
    scores = np.array([[[3.0, 4.0, NAN], [1.0, 5.0, 3.0]], [[NAN, NAN, NAN], [2.0, NAN, NAN]]])
    aggregate, spread, flagged = scoring.aggregate_assessments(scores, threshold=2)
    np.testing.assert_allclose(aggregate, [[3.5, 3.0], [NAN, 2.0]])
    np.testing.assert_allclose(spread, [[1, 4], [NAN, 0]])
    assert flagged.tolist() == [[False, True], [False, False]]


def test_the_median_of_assessor_scores_ignores_the_missing_ones():
    scores = np.array([[[1.0, 2.0, 9.0, NAN], [4.0, 1.0, NAN, NAN]]])
    aggregate, _spread, _flagged = scoring.aggregate_assessments(scores, method="median")
    np.testing.assert_allclose(aggregate, [[2.0, 2.5]])


def test_without_wobble_sensitivity_says_the_top_regions_are_always_inside():
    result = scoring.score(VALUES, two_dimensions(), CODES)
    share = scoring.sensitivity(result.normalised, two_dimensions(), CODES, 2, draws=50, spread=0)
    assert share.tolist() == [1, 0, 1]


def test_sensitivity_marks_a_close_boundary_as_fragile():
    # Two regions one hair apart, each strong in a different dimension.
    values = np.array([[100.0, 0.0], [0.0, 99.0]])
    share = scoring.sensitivity(values, _points_spec(), ["11.01", "11.02"], 1, draws=400)
    assert 0.2 < share[0] < 0.8
    assert share.sum() == pytest.approx(1)


def test_sensitivity_never_counts_an_ineligible_region_inside():
    share = scoring.sensitivity(
        scoring.normalise(VALUES, two_dimensions()),
        two_dimensions(),
        CODES,
        2,
        draws=20,
        eligible=np.array([False, True, True]),
    )
    assert share.tolist() == [0, 1, 1]


def test_sensitivity_passes_over_a_region_whose_province_is_full():
    # Points equal the values (range 0-100); three regions of province 11, one of 12.
    values = np.array([[90.0, 90.0], [80.0, 80.0], [70.0, 70.0], [60.0, 60.0]])
    codes = ["11.01", "11.02", "11.03", "12.01"]
    share = scoring.sensitivity(
        values, _points_spec(), codes, 3, draws=20, spread=0,
        provinces=["11", "11", "11", "12"], province_cap=2,
    )  # fmt: skip
    assert share.tolist() == [1, 1, 0, 1]


def test_sensitivity_skips_a_region_below_the_minimum_in_a_dimension_in_that_draw():
    values = np.array([[100.0, 10.0], [60.0, 60.0], [50.0, 50.0]])
    codes = ["11.01", "11.02", "11.03"]
    share = scoring.sensitivity(
        values, _points_spec(), codes, 1, draws=20, spread=0.2, minimum=np.array([NAN, 40.0])
    )
    # 11.01 has the best composite (55) but only 10 points in the second dimension.
    assert share.tolist() == [0, 1, 0]


def test_sensitivity_with_the_constraints_agrees_with_the_selection_without_wobble():
    values = np.array(
        [[95.0, 20.0], [90.0, 90.0], [85.0, 85.0], [80.0, 80.0], [40.0, 70.0], [30.0, 30.0]]
    )
    codes = ["11.01", "11.02", "11.03", "12.01", "13.01", "13.02"]
    provinces = [c[:2] for c in codes]
    result = scoring.score(values, _points_spec(), codes)
    candidates = [
        selection.Candidate(
            code=codes[r],
            province=provinces[r],
            score=float(result.composite[r]),
            rank=int(result.rank[r]),
            dimension_scores={
                "a": result.dimension_scores[r, 0],
                "b": result.dimension_scores[r, 1],
            },
        )
        for r in result.order
    ]
    rules = selection.Rules(size=3, province_cap=1, minimum={"b": 25.0}, excluded={"12.01"})
    chosen = selection.selected_codes(selection.propose(candidates, rules))
    share = scoring.sensitivity(
        values,
        _points_spec(),
        codes,
        3,
        draws=5,
        spread=0,
        eligible=np.array([c != "12.01" for c in codes]),
        provinces=provinces,
        province_cap=1,
        minimum=np.array([NAN, 25.0]),
    )
    assert sorted(c for c, s in zip(codes, share, strict=True) if s == 1) == sorted(chosen)
    assert set(share.tolist()) <= {0.0, 1.0}


def test_the_cutoff_distance_is_positive_inside_and_negative_outside():
    assert scoring.cutoff_distance(70, 65.5) == pytest.approx(4.5)
    assert scoring.cutoff_distance(60, 65.5) == pytest.approx(-5.5)


# Properties -----------------------------------------------------------------------------

# Under `make mutate` (the "mutate" Hypothesis profile) the properties draw a fifth of their
# examples. mutmut runs every test that reaches a mutated function until one fails, so each of
# the 83 listed equivalents ran all of them in full: most of the engine's mutation run. Every
# mutant they kill is killed by a worked example above or in test_scoring_edges.py too, and a
# fifth of the examples alone still kills all but 3 of the 535 mutants the full count does.
MUTATE_SHARE = 5


def examples(wanted: int) -> int:
    """The examples a property draws: ``wanted``, a fifth of it (at least 10) under mutate."""
    if settings.get_current_profile_name() == "mutate":
        return max(10, wanted // MUTATE_SHARE)
    return wanted


@st.composite
def frameworks(draw, min_regions=1):
    regions = draw(st.integers(min_regions, 12))
    dimensions = draw(st.integers(1, 4))
    indicators = draw(st.integers(dimensions, 8))
    dimension_of = np.array(
        list(range(dimensions))
        + draw(
            st.lists(
                st.integers(0, dimensions - 1),
                min_size=indicators - dimensions,
                max_size=indicators - dimensions,
            )
        )
    )
    weights = st.floats(0.5, 100)
    spec = Spec(
        dimension_of=dimension_of,
        indicator_weights=np.array(
            draw(st.lists(weights, min_size=indicators, max_size=indicators))
        ),
        dimension_weights=np.array(
            draw(st.lists(weights, min_size=dimensions, max_size=dimensions))
        ),
        higher_is_better=np.array(
            draw(st.lists(st.booleans(), min_size=indicators, max_size=indicators))
        ),
        method=draw(st.sampled_from(["minmax", "zscore"])),
        missing=draw(st.sampled_from(["reweight", "lowest"])),
    )
    values = draw(
        arrays(
            float,
            (regions, indicators),
            elements=st.one_of(st.floats(-1e6, 1e6), st.just(NAN)),
        )
    )
    codes = [f"{10 + i // 50}.{i % 50 + 1:02d}" for i in range(regions)]
    return spec, values, codes


@given(frameworks())
@settings(max_examples=examples(150), deadline=None)
def test_every_score_is_between_0_and_100_and_contributions_add_up(case):
    spec, values, codes = case
    result = scoring.score(values, spec, codes)
    scored = ~np.isnan(result.composite)
    assert ((result.composite[scored] >= 0) & (result.composite[scored] <= 100)).all()
    np.testing.assert_allclose(
        result.contributions.sum(axis=1)[scored], result.composite[scored], atol=1e-6
    )


@given(frameworks())
@settings(max_examples=examples(150), deadline=None)
def test_the_rank_is_a_permutation(case):
    spec, values, codes = case
    result = scoring.score(values, spec, codes)
    assert sorted(result.rank.tolist()) == list(range(1, len(codes) + 1))
    assert (result.rank[result.order] == np.arange(1, len(codes) + 1)).all()


@given(frameworks(), st.randoms(use_true_random=False))
@settings(max_examples=examples(100), deadline=None)
def test_the_order_of_indicators_and_of_rows_changes_nothing(case, random):
    spec, values, codes = case
    columns = list(range(values.shape[1]))
    rows = list(range(values.shape[0]))
    random.shuffle(columns)
    random.shuffle(rows)
    shuffled = Spec(
        dimension_of=spec.dimension_of[columns],
        indicator_weights=spec.indicator_weights[columns],
        dimension_weights=spec.dimension_weights,
        higher_is_better=spec.higher_is_better[columns],
        method=spec.method,
        missing=spec.missing,
    )
    before = scoring.score(values, spec, codes)
    after = scoring.score(values[rows][:, columns], shuffled, [codes[r] for r in rows])
    np.testing.assert_allclose(after.composite, before.composite[rows], atol=1e-7)
    assert after.rank.tolist() == before.rank[rows].tolist()


@given(frameworks(), st.floats(0.01, 1000))
@settings(max_examples=examples(100), deadline=None)
def test_scaling_all_weights_changes_nothing(case, factor):
    spec, values, codes = case
    scaled = Spec(
        dimension_of=spec.dimension_of,
        indicator_weights=spec.indicator_weights * factor,
        dimension_weights=spec.dimension_weights / factor,
        higher_is_better=spec.higher_is_better,
        method=spec.method,
        missing=spec.missing,
    )
    before, after = scoring.score(values, spec, codes), scoring.score(values, scaled, codes)
    np.testing.assert_allclose(after.composite, before.composite, atol=1e-7)


@given(frameworks(min_regions=2), st.data())
@settings(max_examples=examples(150), deadline=None)
def test_raising_a_higher_is_better_value_never_lowers_score_or_rank(case, data):
    spec, values, codes = case
    spec = Spec(
        dimension_of=spec.dimension_of,
        indicator_weights=spec.indicator_weights,
        dimension_weights=spec.dimension_weights,
        higher_is_better=np.ones(len(spec.dimension_of), dtype=bool),
        method="minmax",
        missing=spec.missing,
    )
    region = data.draw(st.integers(0, values.shape[0] - 1))
    column = data.draw(st.integers(0, values.shape[1] - 1))
    assume(not np.isnan(values[region, column]))
    raised = values.copy()
    raised[region, column] += data.draw(st.floats(0.001, 1e6))
    before, after = scoring.score(values, spec, codes), scoring.score(raised, spec, codes)
    assert after.composite[region] >= before.composite[region] - 1e-7
    assert after.rank[region] <= before.rank[region]


@given(frameworks(min_regions=2), st.data())
@settings(max_examples=examples(150), deadline=None)
def test_reweighting_equals_scoring_with_the_missing_indicators_left_out(case, data):
    spec, values, codes = case
    spec = Spec(
        dimension_of=spec.dimension_of,
        indicator_weights=spec.indicator_weights,
        dimension_weights=spec.dimension_weights,
        higher_is_better=spec.higher_is_better,
        method=spec.method,
        missing="reweight",
    )
    points = scoring.normalise(values, spec)
    region = data.draw(st.integers(0, values.shape[0] - 1))
    keep = ~np.isnan(points[region])
    assume(keep.any())
    kept_dimensions = np.unique(spec.dimension_of[keep])
    smaller = Spec(
        dimension_of=np.searchsorted(kept_dimensions, spec.dimension_of[keep]),
        indicator_weights=spec.indicator_weights[keep],
        dimension_weights=spec.dimension_weights[kept_dimensions],
        higher_is_better=spec.higher_is_better[keep],
    )
    weights = smaller.indicator_weights
    matrix = smaller.dimension_matrix
    row = points[region, keep]
    sub = (row * weights) @ matrix / (weights @ matrix)
    expected = (sub * smaller.dimension_weights).sum() / smaller.dimension_weights.sum()
    full = scoring.score_normalised(points, spec, codes)
    assert full.composite[region] == pytest.approx(expected, abs=1e-7)


@given(frameworks(), st.integers(1, 12))
@settings(max_examples=examples(60), deadline=None)
def test_sensitivity_shares_add_up_to_the_cohort_size(case, size):
    spec, values, codes = case
    points = scoring.normalise(values, spec)
    share = scoring.sensitivity(points, spec, codes, size, draws=30)
    scored = int((~np.isnan(scoring.score_normalised(points, spec, codes).composite)).sum())
    assert ((share >= 0) & (share <= 1)).all()
    assert share.sum() == pytest.approx(min(size, scored))


@given(frameworks(), st.integers(1, 12))
@settings(max_examples=examples(60), deadline=None)
def test_without_wobble_sensitivity_agrees_with_the_ranking(case, size):
    spec, values, codes = case
    points = scoring.normalise(values, spec)
    result = scoring.score_normalised(points, spec, codes)
    scores = np.round(np.nan_to_num(result.composite, nan=-1), 6)
    # Exact ties are broken differently (no dimension tie-break in the sensitivity draws).
    assume(len(set(scores.tolist())) == len(scores))
    share = scoring.sensitivity(points, spec, codes, size, draws=3, spread=0)
    inside = (result.rank <= size) & ~np.isnan(result.composite)
    assert share.tolist() == inside.astype(float).tolist()


@given(
    frameworks(min_regions=2),
    st.integers(1, 6),
    st.integers(1, 3),
    st.floats(0, 80),
    st.lists(st.sampled_from(["11", "12", "13"]), min_size=12, max_size=12),
)
@settings(
    max_examples=examples(80), deadline=None, suppress_health_check=[HealthCheck.filter_too_much]
)
def test_without_wobble_constrained_sensitivity_agrees_with_the_selection(
    case, size, cap, floor, provinces
):
    spec, values, codes = case
    provinces = provinces[: len(codes)]
    points = scoring.normalise(values, spec)
    result = scoring.score_normalised(points, spec, codes)
    scores = np.round(np.nan_to_num(result.composite, nan=-1), 6)
    assume(len(set(scores.tolist())) == len(scores))
    dimension_scores = result.dimension_scores
    # Sub-scores a hair from the minimum may fall either side in the draws' arithmetic.
    assume(not (np.abs(np.nan_to_num(dimension_scores, nan=-99) - floor) < 1e-6).any())
    dimensions = len(spec.dimension_weights)
    candidates = [
        selection.Candidate(
            code=codes[r],
            province=provinces[r],
            score=None if np.isnan(result.composite[r]) else float(result.composite[r]),
            rank=int(result.rank[r]),
            dimension_scores={
                k: None if np.isnan(dimension_scores[r, k]) else dimension_scores[r, k]
                for k in range(dimensions)
            },
        )
        for r in result.order
    ]
    rules = selection.Rules(
        size=size, province_cap=cap, minimum=dict.fromkeys(range(dimensions), floor)
    )
    chosen = set(selection.selected_codes(selection.propose(candidates, rules)))
    share = scoring.sensitivity(
        points,
        spec,
        codes,
        size,
        draws=2,
        spread=0,
        provinces=provinces,
        province_cap=cap,
        minimum=np.full(dimensions, floor),
    )
    assert {c for c, s in zip(codes, share, strict=True) if s == 1} == chosen
    assert set(share.tolist()) <= {0.0, 1.0}

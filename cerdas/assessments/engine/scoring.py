"""The weighted-indicator scoring engine: normalise, weigh, rank, explain, perturb.

Plain numpy, no Django: the caller builds a values matrix (one row per region, one column
per indicator, ``nan`` where a value is missing) and a `Spec` of the framework, and gets
plain arrays back. The same engine serves the readiness assessment and the implementation
evaluation.

The rules, as a region reads them on its results page:

- **Normalisation** turns each indicator into points from 0 (worst) to 100 (best):
  ``minmax`` places each value between the lowest and highest value of the round;
  ``zscore`` measures it in standard deviations from the round's mean, clipped to +/-3
  and mapped to 0-100 (the mean is 50); ``range`` uses the indicator's own declared
  scale (a 1-5 question, a 0-100 assessor score). For a lower-is-better indicator the
  scale is turned round. An indicator on which every present value is equal says nothing
  about who is readier: everyone gets the middle, 50.
- **Weights** are hierarchical: dimensions carry weights, indicators carry weights within
  their dimension. A dimension's sub-score is the weighted mean of its indicators' points;
  the composite (0-100) is the weighted mean of the sub-scores.
- **Missing values** follow the framework's policy: ``reweight`` leaves the indicator out
  and spreads its weight over the region's present indicators of the same dimension (and
  a wholly missing dimension's weight over the other dimensions), which equals scoring the
  region with a framework that lacks those indicators; ``lowest`` counts it as 0 points.
- **Rank** is by composite, higher first. Ties (equal to 1e-9 points) are broken by the
  sub-score of the first-listed dimension, then the second, and so on, then by region
  code ascending, so the order never depends on the order of the input rows. A region with
  no score at all ranks after every region that has one.
- **Contribution** of an indicator is the points it adds to the composite: its effective
  weight (dimension share x indicator share) times its points. Contributions sum to the
  composite.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

MINMAX = "minmax"
ZSCORE = "zscore"
RANGE = "range"
METHODS = (MINMAX, ZSCORE, RANGE)

REWEIGHT = "reweight"
LOWEST = "lowest"
MISSING_POLICIES = (REWEIGHT, LOWEST)

MEAN = "mean"
MEDIAN = "median"

MIDDLE = 50.0
Z_CLIP = 3.0
# Scores equal to this many points are a tie (floating-point sums differ in the last bits).
TIE_DECIMALS = 9


@dataclass(frozen=True)
class Spec:
    """A framework as the engine needs it: one entry per indicator column."""

    dimension_of: np.ndarray  # (I,) index of each indicator's dimension
    indicator_weights: np.ndarray  # (I,) weight within its dimension, any positive scale
    dimension_weights: np.ndarray  # (K,) any positive scale
    higher_is_better: np.ndarray  # (I,) bool
    method: str = MINMAX
    missing: str = REWEIGHT
    lower: np.ndarray | None = None  # (I,) declared scale, for the ``range`` method
    upper: np.ndarray | None = None

    def __post_init__(self):
        if self.method not in METHODS:
            raise ValueError(f"unknown normalisation {self.method!r}")
        if self.missing not in MISSING_POLICIES:
            raise ValueError(f"unknown missing-data policy {self.missing!r}")
        if self.method == RANGE and (self.lower is None or self.upper is None):
            raise ValueError("the range method needs each indicator's lower and upper bound")

    @property
    def dimension_matrix(self) -> np.ndarray:
        """(I, K) one-hot: which dimension each indicator belongs to."""
        matrix = np.zeros((len(self.dimension_of), len(self.dimension_weights)))
        matrix[np.arange(len(self.dimension_of)), self.dimension_of] = 1.0
        return matrix


@dataclass
class Scores:
    normalised: np.ndarray  # (R, I) points 0-100, nan where missing (before the policy)
    dimension_scores: np.ndarray  # (R, K) 0-100, nan for a wholly missing dimension
    composite: np.ndarray  # (R,) 0-100, nan when the region has no value at all
    effective_weights: np.ndarray  # (R, I) share of the composite, sums to 1 per scored row
    contributions: np.ndarray  # (R, I) points added to the composite
    rank: np.ndarray  # (R,) 1 = best
    order: np.ndarray  # (R,) row indices, best first
    missing: np.ndarray = field(default=None)  # (R, I) bool

    def gains(self) -> np.ndarray:
        """(R, I) points the composite would gain if the indicator reached the best value.

        Other regions' values and so the normalisation are held fixed; a missing indicator
        (under ``reweight``) has no figure (nan): supplying it changes the weights.
        """
        return np.where(self.missing, np.nan, self.effective_weights * (100.0 - self._filled()))

    def _filled(self) -> np.ndarray:
        return np.nan_to_num(self.normalised, nan=0.0)


def normalise(values: np.ndarray, spec: Spec) -> np.ndarray:
    """Points 0-100 per value (nan stays nan), per the spec's method and directions."""
    values = np.asarray(values, dtype=float)
    present = ~np.isnan(values)
    if spec.method == RANGE:
        low = np.asarray(spec.lower, dtype=float)
        span = np.asarray(spec.upper, dtype=float) - low
        with np.errstate(invalid="ignore", divide="ignore"):
            points = np.where(span > 0, (values - low) / np.where(span > 0, span, 1), 0.5)
        points = np.clip(points, 0.0, 1.0) * 100.0
    elif spec.method == MINMAX:
        low, high = _column_extremes(values, present)
        span = high - low
        with np.errstate(invalid="ignore", divide="ignore"):
            points = np.where(span > 0, (values - low) / np.where(span > 0, span, 1) * 100, MIDDLE)
    else:
        points = _zscore_points(values, present)
    flipped = np.where(spec.higher_is_better, points, 100.0 - points)
    # The constant column's middle stays the middle either way round.
    return np.where(present, flipped, np.nan)


def _column_extremes(values, present):
    """Lowest and highest present value per column (0 and 0 for an empty column)."""
    any_present = present.any(axis=0)
    low = np.where(present, values, np.inf).min(axis=0)
    high = np.where(present, values, -np.inf).max(axis=0)
    return np.where(any_present, low, 0.0), np.where(any_present, high, 0.0)


def _zscore_points(values, present):
    counts = present.sum(axis=0)
    filled = np.where(present, values, 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = filled.sum(axis=0) / np.maximum(counts, 1)
        deviation = np.where(present, values - mean, 0.0)
        std = np.sqrt((deviation**2).sum(axis=0) / np.maximum(counts, 1))
        # Equal values leave a rounding-error deviation, which must not read as a spread.
        spread = std > 1e-9 * np.maximum(np.abs(mean), 1.0)
        z = np.where(spread, deviation / np.where(spread, std, 1), 0.0)
    return (np.clip(z, -Z_CLIP, Z_CLIP) + Z_CLIP) / (2 * Z_CLIP) * 100.0


def score(values: np.ndarray, spec: Spec, codes) -> Scores:
    """Normalise, weigh and rank the regions (rows) of ``values``; ``codes`` break ties."""
    normalised = normalise(values, spec)
    return score_normalised(normalised, spec, codes)


def score_normalised(normalised: np.ndarray, spec: Spec, codes) -> Scores:
    missing = np.isnan(normalised)
    if spec.missing == LOWEST:
        points, present = np.nan_to_num(normalised, nan=0.0), np.ones_like(missing)
    else:
        points, present = np.nan_to_num(normalised, nan=0.0), ~missing
    weights = np.asarray(spec.indicator_weights, dtype=float)
    dimension_weights = np.asarray(spec.dimension_weights, dtype=float)
    matrix = spec.dimension_matrix
    numerator = (points * weights) @ matrix  # (R, K)
    denominator = (present * weights) @ matrix
    with np.errstate(invalid="ignore", divide="ignore"):
        dimension_scores = np.where(denominator > 0, numerator / denominator, np.nan)
    dimension_present = denominator > 0
    used = dimension_present * dimension_weights  # (R, K)
    total = used.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        dimension_share = np.where(total[:, None] > 0, used / total[:, None], 0.0)
        within = np.where(
            present, weights / (denominator @ matrix.T).clip(min=1e-300), 0.0
        )  # (R, I) share of the indicator within its dimension
    effective = within * (dimension_share @ matrix.T)
    contributions = effective * points
    composite = np.where(total > 0, contributions.sum(axis=1), np.nan)
    composite = np.clip(composite, 0.0, 100.0)
    order = rank_order(composite, dimension_scores, codes)
    rank = np.empty(len(order), dtype=int)
    rank[order] = np.arange(1, len(order) + 1)
    return Scores(
        normalised=normalised,
        dimension_scores=dimension_scores,
        composite=composite,
        effective_weights=effective,
        contributions=contributions,
        rank=rank,
        order=order,
        missing=missing if spec.missing == REWEIGHT else np.zeros_like(missing),
    )


def rank_order(composite: np.ndarray, dimension_scores: np.ndarray, codes) -> np.ndarray:
    """Row indices best first: composite, then each dimension in order, then code."""
    codes = np.asarray(list(codes), dtype=str)
    code_position = np.empty(len(codes), dtype=int)
    code_position[np.argsort(codes, kind="stable")] = np.arange(len(codes))
    keys = [code_position]
    for column in range(dimension_scores.shape[1] - 1, -1, -1):
        keys.append(_descending_key(dimension_scores[:, column]))
    keys.append(_descending_key(composite))
    return np.lexsort(keys)


def _descending_key(column: np.ndarray) -> np.ndarray:
    rounded = np.round(np.asarray(column, dtype=float), TIE_DECIMALS)
    return np.where(np.isnan(rounded), np.inf, -rounded)


def aggregate_assessments(
    scores: np.ndarray, method: str = MEAN, threshold: float | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Combine assessors' scores (R, J, A; nan where an assessor gave none).

    Returns the aggregate (R, J; nan where nobody scored), the spread between the highest
    and the lowest score (R, J) and whether it is beyond ``threshold`` (R, J bool): a
    disagreement to moderate. One score alone never disagrees.
    """
    scores = np.asarray(scores, dtype=float)
    present = ~np.isnan(scores)
    counts = present.sum(axis=2)
    if method == MEDIAN:
        # nanmedian warns on all-nan slices; those are filled with nan below anyway.
        with np.errstate(all="ignore"):
            sortable = np.where(present, scores, np.inf)
            ordered = np.sort(sortable, axis=2)
            low = np.take_along_axis(ordered, ((counts - 1) // 2)[..., None].clip(0), 2)[..., 0]
            high = np.take_along_axis(ordered, (counts // 2)[..., None].clip(0), 2)[..., 0]
            aggregate = (low + high) / 2
    elif method == MEAN:
        with np.errstate(invalid="ignore", divide="ignore"):
            aggregate = np.where(present, scores, 0.0).sum(axis=2) / counts
    else:
        raise ValueError(f"unknown aggregation {method!r}")
    aggregate = np.where(counts > 0, aggregate, np.nan)
    highest = np.where(present, scores, -np.inf).max(axis=2)
    lowest = np.where(present, scores, np.inf).min(axis=2)
    with np.errstate(invalid="ignore"):
        spread = np.where(counts > 0, highest - lowest, np.nan)
    flagged = (counts >= 2) & (spread > threshold) if threshold is not None else counts < 0
    return aggregate, spread, flagged


def sensitivity(
    normalised: np.ndarray,
    spec: Spec,
    codes,
    cohort_size: int,
    draws: int = 1000,
    spread: float = 0.2,
    seed: int = 0,
    eligible: np.ndarray | None = None,
    provinces=None,
    province_cap: int | None = None,
    minimum: np.ndarray | None = None,
) -> np.ndarray:
    """How often (0-1) each region lands in the cohort when weights wobble.

    Each draw multiplies every dimension weight and every indicator weight by a factor
    drawn uniformly from [1 - spread, 1 + spread] (each level is then renormalised by the
    weighted means), scores again and fills the ``cohort_size`` places the way the
    selection does: ineligible regions and regions without a score never count; with
    ``minimum`` ((K,) points per dimension, nan for none) a region whose sub-score in that
    draw is below it is skipped; with ``provinces`` ((R,) labels) and ``province_cap`` a
    region whose province already has that many places in the draw is passed over.
    Places reserved for eastern Indonesia are not modelled.
    Ties within a draw are broken by region code; dimension tie-breaks are left out, as
    exact ties under random weights have probability zero.
    """
    normalised = np.asarray(normalised, dtype=float)
    regions = normalised.shape[0]
    if regions == 0 or cohort_size <= 0:
        return np.zeros(regions)
    rng = np.random.default_rng(seed)
    weights = np.asarray(spec.indicator_weights, dtype=float)
    dimension_weights = np.asarray(spec.dimension_weights, dtype=float)
    indicator_draws = weights * rng.uniform(1 - spread, 1 + spread, (draws, len(weights)))
    dimension_draws = dimension_weights * rng.uniform(
        1 - spread, 1 + spread, (draws, len(dimension_weights))
    )
    composite, meets = _composite_per_draw(
        normalised, spec, indicator_draws, dimension_draws, minimum
    )
    composite = np.where(meets, composite, -np.inf)
    if eligible is not None:
        composite = np.where(np.asarray(eligible, dtype=bool)[None, :], composite, -np.inf)
    composite = np.where(np.isnan(composite), -np.inf, composite)
    codes = np.asarray(list(codes), dtype=str)
    by_code = np.argsort(codes, kind="stable")
    # Sorting columns already in code order with a stable sort breaks ties by code.
    order = by_code[np.argsort(-composite[:, by_code], axis=1, kind="stable")]
    # A region without a score (or not eligible) never takes a place, even when few remain.
    takes = np.isfinite(np.take_along_axis(composite, order, axis=1))
    if provinces is not None and province_cap is not None:
        takes &= _within_province_cap(order, provinces, province_cap, takes)
    inside = takes & (np.cumsum(takes, axis=1) <= cohort_size)
    counts = np.bincount(order[inside], minlength=regions)
    return counts / draws


def _within_province_cap(order, provinces, cap, takes) -> np.ndarray:
    """(D, R) whether the region at each place of each draw's order is within its cap."""
    _labels, province_of = np.unique(np.asarray(list(provinces), dtype=str), return_inverse=True)
    ordered = province_of[order]
    allowed = np.ones(order.shape, dtype=bool)
    for province in np.unique(province_of):
        here = takes & (ordered == province)
        # Only regions that would take a place count towards their province's cap.
        allowed &= ~(here & (np.cumsum(here, axis=1) > cap))
    return allowed


def _composite_per_draw(
    normalised, spec, indicator_draws, dimension_draws, minimum=None
) -> tuple[np.ndarray, np.ndarray]:
    """(D, R) composites, one row per weight draw, with the spec's missing-data policy.

    Also (D, R) whether every dimension's sub-score reaches ``minimum`` in that draw (a
    dimension with no value fails a minimum, as in the selection).
    """
    missing = np.isnan(normalised)
    points = np.nan_to_num(normalised, nan=0.0)
    present = np.ones_like(points) if spec.missing == LOWEST else (~missing).astype(float)
    draws, regions = indicator_draws.shape[0], normalised.shape[0]
    weighted_sum = np.zeros((draws, regions))
    used_weight = np.zeros((draws, regions))
    meets = np.ones((draws, regions), dtype=bool)
    for dimension in range(dimension_draws.shape[1]):
        columns = np.flatnonzero(np.asarray(spec.dimension_of) == dimension)
        floor = np.nan if minimum is None else float(minimum[dimension])
        if not len(columns):
            if not np.isnan(floor):
                meets[:] = False
            continue
        w = indicator_draws[:, columns].T  # (I_k, D)
        numerator = points[:, columns] @ w  # (R, D)
        denominator = present[:, columns] @ w
        with np.errstate(invalid="ignore", divide="ignore"):
            sub = np.where(denominator > 0, numerator / denominator, 0.0)
        if not np.isnan(floor):
            # The selection compares stored sub-scores; allow for float noise at the edge.
            meets &= ((denominator > 0) & (sub >= floor - 1e-9)).T
        share = (denominator > 0) * dimension_draws[:, dimension][None, :]  # (R, D)
        weighted_sum += (sub * share).T
        used_weight += share.T
    with np.errstate(invalid="ignore", divide="ignore"):
        composite = np.where(used_weight > 0, weighted_sum / used_weight, np.nan)
    return composite, meets


def cutoff_distance(composite: float, cutoff: float) -> float:
    """Points above (positive) or below (negative) the score of the last region inside."""
    return float(composite) - float(cutoff)

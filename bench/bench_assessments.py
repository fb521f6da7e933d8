"""Speed of the scoring engine against the targets of issue 3.

Run from the repository root: ``.venv/bin/python bench/bench_assessments.py``. Figures:
a full recompute (aggregate 5 assessors' scores, normalise, weigh, rank) of 514 regions x
60 indicators, target ≤ 200 ms, and the sensitivity analysis with 1,000 weight draws,
target ≤ 2 s, both plain and under the selection's constraints (earlier-cohort exclusions,
at most 2 regions per province, a minimum of 20 points in every dimension). Each is
reported as a ratio to its target (below 1 is within it) and to a
baseline measured in the same run: a plain numpy product of a (514 x 60) matrix by a
(60 x 1000) one, the arithmetic core the sensitivity cannot avoid. Results go to
bench/assessments.md.
"""

import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cerdas.assessments.engine import scoring

REGIONS, INDICATORS, ASSESSORS, DIMENSIONS, DRAWS = 514, 60, 5, 4, 1000
RECOMPUTE_TARGET_S, SENSITIVITY_TARGET_S = 0.200, 2.0
OUT = Path(__file__).resolve().parent / "assessments.md"


def _case():
    rng = np.random.default_rng(1)
    spec = scoring.Spec(
        dimension_of=np.arange(INDICATORS) % DIMENSIONS,
        indicator_weights=rng.uniform(1, 10, INDICATORS),
        dimension_weights=np.array([25.0, 25, 25, 25]),
        higher_is_better=rng.random(INDICATORS) > 0.2,
    )
    values = rng.normal(50, 15, (REGIONS, INDICATORS))
    values[rng.random(values.shape) < 0.05] = np.nan
    assessed = rng.uniform(1, 5, (REGIONS, INDICATORS, ASSESSORS))
    codes = [f"{11 + i // 99}.{i % 99 + 1:02d}" for i in range(REGIONS)]
    return spec, values, assessed, codes


def _best(function, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def main():
    spec, values, assessed, codes = _case()
    left, right = (
        np.random.default_rng(2).random((REGIONS, INDICATORS)),
        np.random.default_rng(3).random((INDICATORS, DRAWS)),
    )

    def recompute():
        aggregate, _spread, _flags = scoring.aggregate_assessments(assessed, threshold=1.0)
        merged = np.where(np.isnan(values), aggregate, values)
        return scoring.score(merged, spec, codes)

    points = scoring.normalise(values, spec)
    baseline, _ = _best(lambda: left @ right, 20)
    _recompute_best, recompute_median = _best(recompute, 20)
    _sensitivity_best, sensitivity_median = _best(
        lambda: scoring.sensitivity(points, spec, codes, 25, draws=DRAWS), 5
    )
    provinces = [code[:2] for code in codes]
    eligible = np.arange(REGIONS) % 7 != 0  # one region in seven was in an earlier cohort
    _constrained_best, constrained_median = _best(
        lambda: scoring.sensitivity(
            points,
            spec,
            codes,
            25,
            draws=DRAWS,
            eligible=eligible,
            provinces=provinces,
            province_cap=2,
            minimum=np.full(DIMENSIONS, 20.0),
        ),
        5,
    )
    rows = [
        ("full recompute 514 x 60 x 5", recompute_median, RECOMPUTE_TARGET_S),
        ("sensitivity, 1,000 draws", sensitivity_median, SENSITIVITY_TARGET_S),
        (
            "sensitivity, 1,000 draws, exclusions + province cap + dimension minimum",
            constrained_median,
            SENSITIVITY_TARGET_S,
        ),
    ]
    lines = [
        "# Assessments engine benchmark",
        "",
        "`.venv/bin/python bench/bench_assessments.py` (median of repeated runs; baseline: "
        f"numpy (514 x 60) @ (60 x 1000), {baseline * 1000:.2f} ms in this run).",
        "",
        "| figure | median | target | ratio to target | ratio to baseline |",
        "|---|---|---|---|---|",
    ]
    for name, seconds, target in rows:
        lines.append(
            f"| {name} | {seconds * 1000:.1f} ms | {target * 1000:.0f} ms | "
            f"{seconds / target:.3f} | {seconds / baseline:.1f}x |"
        )
    verdict = all(seconds <= target for _name, seconds, target in rows)
    lines += ["", f"Within targets: {'yes' if verdict else 'NO'}.", ""]
    OUT.write_text("\n".join(lines))
    print("\n".join(lines))
    return 0 if verdict else 1


if __name__ == "__main__":
    sys.exit(main())

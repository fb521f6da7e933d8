"""Speed of the IKM engine on 100,000 survey responses.

Run from the repository root: ``.venv/bin/python bench/bench_surveys.py``. Figures, each
the median of repeated runs:

- the IKM from per-element totals (`ikm.from_totals`), the path a database aggregate feeds
  and the one the 200 ms target for 100,000 responses is set on;
- the IKM from the 100,000 responses themselves (`ikm.compute`: every score checked, then
  summed), as 9-tuples and as mappings keyed by element code. These are for imports and
  have no target: they are reported against the baseline.

The baseline, measured in the same run, is a plain Python loop adding up the 900,000 scores
without checking them: the least any response-by-response computation must do. Results go
to bench/surveys.md.

Then (unless ``--engine-only``) bench/surveys_app.py measures the app: a survey's public
results page with 10,000 responses against the trivial-view baseline under load, and the IKM
of 100,000 responses computed from the database.
"""

import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cerdas.surveys.engine import ikm

RESPONSES = 100_000
TARGET_S = 0.200
OUT = Path(__file__).resolve().parent / "surveys.md"


def _median(function, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _plain_sum(rows):
    total = 0
    for row in rows:
        for score in row:
            if score is not None:
                total += score
    return total


def main():
    rng = random.Random(1)
    answers = (1, 2, 3, 3, 4, 4, None)  # about one answer in seven left blank
    rows = [tuple(rng.choice(answers) for _ in ikm.CODES) for _ in range(RESPONSES)]
    mappings = [dict(zip(ikm.CODES, row, strict=True)) for row in rows]
    totals = ikm.totals_from(rows)
    assert ikm.compute(mappings) == ikm.from_totals(totals)

    def from_totals():
        result = ikm.from_totals(totals)
        return result.converted, result.grade, ikm.weakest(result)

    baseline = _median(lambda: _plain_sum(rows), 7)
    figures = [
        ("IKM from per-element totals", _median(from_totals, 101), TARGET_S),
        ("IKM from 100,000 responses as 9-tuples", _median(lambda: ikm.compute(rows), 7), None),
        (
            "IKM from 100,000 responses as mappings",
            _median(lambda: ikm.compute(mappings), 7),
            None,
        ),
    ]
    lines = [
        "# Surveys engine benchmark",
        "",
        "`.venv/bin/python bench/bench_surveys.py` (median of repeated runs; baseline: a plain "
        f"Python loop summing the 900,000 scores, {baseline * 1000:.1f} ms in this run).",
        "",
        "| figure | median | target | ratio to target | ratio to baseline |",
        "|---|---|---|---|---|",
    ]
    for name, seconds, target in figures:
        against = f"{target * 1000:.0f} ms | {seconds / target:.3f}" if target else "none | -"
        lines.append(
            f"| {name} | {seconds * 1000:.2f} ms | {against} | {seconds / baseline:.2f}x |"
        )
    verdict = all(seconds <= target for _name, seconds, target in figures if target)
    if "--engine-only" not in sys.argv:
        from bench import surveys_app

        app_lines, app_verdict = surveys_app.run()
        lines += ["", *app_lines]
        verdict = verdict and app_verdict
    lines += ["", f"Within targets: {'yes' if verdict else 'NO'}.", ""]
    OUT.write_text("\n".join(lines))
    print("\n".join(lines))
    return 0 if verdict else 1


if __name__ == "__main__":
    sys.exit(main())

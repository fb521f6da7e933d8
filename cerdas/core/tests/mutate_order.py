"""`make mutate` runs each mutant's tests fastest first, so the first test to fail is cheap.

mutmut passes a mutant's tests to pytest in no particular order and stops at the first
failure (`-x`). Most mutants are killed by many tests; run in whatever order, a mutant of
the region-name resolver waited on seconds of property tests over all 514 regions before a
worked example of a few milliseconds failed. This plugin sorts the selected tests by the
durations mutmut measured in its clean run (``mutmut-stats.json`` in mutmut's working
directory), unknown ones last. Tests of this project share no state between them, so the
order changes only how soon a failure is seen; a survivor still runs every test.

scripts/mutate.py loads it (``-p cerdas.core.tests.mutate_order``, pyproject.toml); outside
a mutmut run there is no stats file and it changes nothing.
"""

import json
import math
from functools import cache
from pathlib import Path

STATS = Path("mutmut-stats.json")


@cache
def _durations(path: Path, version: int) -> dict[str, float]:
    # Read once per version of the file: in mutmut's fork server, before it forks a child
    # for each mutant, after the clean run has written it.
    return json.loads(path.read_text("utf-8")).get("duration_by_test", {})


def pytest_collection_modifyitems(items) -> None:
    if not STATS.exists():
        return
    durations = _durations(STATS.resolve(), STATS.stat().st_mtime_ns)
    if durations:
        items.sort(key=lambda item: durations.get(item.nodeid, math.inf))

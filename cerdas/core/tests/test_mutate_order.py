"""`make mutate` runs each mutant's tests fastest first (cerdas/core/tests/mutate_order.py)."""

import json
from types import SimpleNamespace

from cerdas.core.tests import mutate_order


def _order(names):
    items = [SimpleNamespace(nodeid=name) for name in names]
    mutate_order.pytest_collection_modifyitems(items)
    return [item.nodeid for item in items]


def test_tests_run_fastest_first_as_mutmut_timed_them_and_unknown_ones_last(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    durations = {"slow": 0.5, "fast": 0.001, "middle": 0.2}
    (tmp_path / "mutmut-stats.json").write_text(json.dumps({"duration_by_test": durations}))

    assert _order(["new", "slow", "fast", "middle"]) == ["fast", "middle", "slow", "new"]


def test_outside_a_mutmut_run_the_order_is_left_alone(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    assert _order(["b", "a", "c"]) == ["b", "a", "c"]

"""The implementation dataset: one row per program of every approved plan, nobody's name."""

import pytest

from cerdas.core.registries import REGION, datasets
from cerdas.implementation import services
from cerdas.implementation.services import Report


def _dataset():
    return {entry.key: entry for entry in datasets}["implementation"]


@pytest.mark.django_db
def test_the_dataset_has_a_row_per_program(approved, member_a):
    services.record_update(
        "35.22",
        approved.program.key,
        Report(status="in_progress", progress=30, spending={(2025, "apbd"): 1_500_000_000}),
        member_a,
    )
    dataset = _dataset()
    assert dataset.scope == REGION
    names = [column.name for column in dataset.fields]
    rows = {
        row[names.index("item")]: dict(zip(names, row, strict=True)) for row in dataset.rows(None)
    }
    program = rows["Satu Data Bojonegoro"]
    assert program["region_code"] == "35.22"
    assert program["item_kind"] == "program"
    assert program["status"] == "in_progress"
    assert program["progress_percent"] == 30
    assert program["planned_budget"] == 3_000_000_000
    assert program["realised_spending"] == 1_500_000_000
    assert program["last_update"] is not None
    quick = rows["Layanan Aduan Terpadu"]
    assert (quick["item_kind"], quick["status"], quick["last_update"]) == (
        "quick_win",
        "not_started",
        None,
    )
    assert dataset.regions() == ["35.22"]
    assert dataset.modified(["35.22"]) == program["last_update"]
    assert list(dataset.rows(["32.73"])) == []


@pytest.mark.django_db
def test_no_one_who_updated_is_named(approved, member_a):
    services.record_update(
        "35.22", approved.program.key, Report(status="in_progress", progress=30), member_a
    )
    for row in _dataset().rows(None):
        assert member_a.username not in [str(cell) for cell in row]

"""What `diff.compare` reports for each kind of change, exactly, down to the empty snapshot."""

import copy

from cerdas.masterplans.engine.diff import Change, Diff, ProgramChange, compare
from cerdas.masterplans.engine.tests.test_diff import BASE


def test_two_empty_snapshots_and_a_missing_part_compare_as_empty():
    assert compare({}, {}).is_empty
    assert compare({}, {}) == Diff()
    assert compare({"sections": {}, "programs": []}, {}).is_empty


def test_a_section_only_in_the_new_snapshot_lists_each_of_its_fields():
    diff = compare({}, {"sections": {"vision": {"vision": "Maju", "mission": ""}}})
    assert diff.sections == {"vision": [Change("vision", None, "Maju")]}


def test_a_section_gone_from_the_new_snapshot_lists_each_field_emptied():
    diff = compare({"sections": {"vision": {"vision": "Maju"}}}, {"programs": []})
    assert diff.sections == {"vision": [Change("vision", "Maju", None)]}


def test_a_field_added_to_a_section_is_a_change():
    old = {"sections": {"vision": {"vision": "Maju"}}}
    new = {"sections": {"vision": {"vision": "Maju", "mission": "Melayani"}}}
    assert compare(old, new).sections == {"vision": [Change("mission", None, "Melayani")]}


def test_a_program_in_a_snapshot_without_programs_is_added_or_removed():
    program = BASE["programs"][0]
    assert compare({}, {"programs": [program]}).added == [program]
    assert compare({"programs": [program]}, {}).removed == [program]


def test_each_program_after_an_added_one_is_still_compared():
    new = copy.deepcopy(BASE)
    new["programs"].insert(0, {"key": "k0", "name": "Baru"})
    new["programs"][2]["name"] = "Pasar Rakyat"
    diff = compare(BASE, new)
    assert [p["key"] for p in diff.added] == ["k0"]
    assert diff.changed == [
        ProgramChange("k2", "Pasar Rakyat", [Change("name", "Pasar", "Pasar Rakyat")])
    ]


def test_a_budget_and_an_indicator_added_to_a_program_read_as_changes():
    old = {"programs": [{"key": "k", "name": "P"}]}
    new = {"programs": [{"key": "k", "name": "P",
        "budgets": [{"year": 2025, "source": "apbd", "amount": 5}],
        "indicators": [{"name": "OPD", "baseline": 1, "target": 9, "unit": "%"}]}]}  # fmt: skip
    assert compare(old, new).changed == [
        ProgramChange(
            "k",
            "P",
            [
                Change("budget 2025 apbd", None, 5),
                Change("indicator OPD", None, "1 → 9 %"),
            ],
        )
    ]
    # And taking them away again reads the other way round.
    assert compare(new, old).changed[0].changes == [
        Change("budget 2025 apbd", 5, None),
        Change("indicator OPD", "1 → 9 %", None),
    ]


def test_two_budget_lines_of_one_year_and_source_are_added_up():
    def with_budgets(*amounts):
        lines = [{"year": 2025, "source": "apbd", "amount": a} for a in amounts]
        return {"programs": [{"key": "k", "name": "P", "budgets": lines}]}

    assert compare(with_budgets(3, 4), with_budgets(7)).is_empty
    assert compare(with_budgets(3, 4), with_budgets(3, 5)).changed[0].changes == [
        Change("budget 2025 apbd", 7, 8)
    ]


def test_an_indicator_without_a_unit_or_a_baseline_reads_plainly():
    def with_indicator(**indicator):
        return {
            "programs": [{"key": "k", "name": "P", "indicators": [{"name": "OPD", **indicator}]}]
        }

    changes = compare(with_indicator(target=9), with_indicator(baseline=2, target=9)).changed
    assert changes[0].changes == [Change("indicator OPD", "None → 9 ", "2 → 9 ")]
    changes = compare(with_indicator(target=9), with_indicator(target=10, unit="%")).changed
    assert changes[0].changes == [Change("indicator OPD", "None → 9 ", "None → 10 %")]

import copy

from cerdas.masterplans.engine.diff import compare

BASE = {
    "title": "Masterplan",
    "period_start": 2025,
    "period_end": 2034,
    "sections": {"vision": {"vision": "Maju", "mission": "Melayani"}},
    "programs": [
        {
            "key": "k1",
            "name": "Satu Data",
            "dimension": "governance",
            "horizon": "short",
            "start_year": 2025,
            "end_year": 2026,
            "budgets": [{"year": 2025, "source": "apbd", "amount": 100}],
            "indicators": [{"name": "OPD", "unit": "%", "baseline": 1, "target": 9}],
        },
        {
            "key": "k2",
            "name": "Pasar",
            "dimension": "economy",
            "horizon": "long",
            "start_year": 2027,
            "end_year": 2030,
            "budgets": [],
            "indicators": [],
        },
    ],
}


def test_identical_snapshots_have_no_changes():
    assert compare(BASE, copy.deepcopy(BASE)).is_empty


def test_a_changed_field_shows_old_and_new_text():
    new = copy.deepcopy(BASE)
    new["sections"]["vision"]["vision"] = "Maju dan cerdas"
    diff = compare(BASE, new)
    (change,) = diff.sections["vision"]
    assert (change.field, change.old, change.new) == ("vision", "Maju", "Maju dan cerdas")


def test_a_renamed_program_is_changed_not_added_and_removed():
    new = copy.deepcopy(BASE)
    new["programs"][0]["name"] = "Satu Data Bojonegoro"
    new["programs"][0]["budgets"][0]["amount"] = 250
    diff = compare(BASE, new)
    assert not diff.added and not diff.removed
    (changed,) = diff.changed
    fields = {c.field: (c.old, c.new) for c in changed.changes}
    assert fields["name"] == ("Satu Data", "Satu Data Bojonegoro")
    assert fields["budget 2025 apbd"] == (100, 250)


def test_added_and_removed_programs_are_listed():
    new = copy.deepcopy(BASE)
    new["programs"] = [new["programs"][0], {**new["programs"][1], "key": "k3"}]
    diff = compare(BASE, new)
    assert [p["key"] for p in diff.added] == ["k3"]
    assert [p["key"] for p in diff.removed] == ["k2"]
    assert diff.plan == []

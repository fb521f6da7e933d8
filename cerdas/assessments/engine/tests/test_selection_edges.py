"""The selection's rules at their edges: exactly at a minimum, a cap, the reserved places.

Each case is small enough to follow by hand; together they pin every comparison of
`selection.propose`, so that moving any of them by one changes an outcome here.
"""

from cerdas.assessments.engine import selection
from cerdas.assessments.engine.selection import Candidate, Decision, Rules


def region(code, province, score=50.0, rank=1, **dimensions):
    return Candidate(code, province, score, rank, dimensions)


def ranked(*rows):
    """Candidates from (code, province) rows in rank order, scores falling from 90."""
    return [
        Candidate(code, province, 90.0 - i, i + 1, {"a": 50.0})
        for i, (code, province) in enumerate(rows)
    ]


def by_code(decisions):
    return {d.code: d for d in decisions}


def test_nobody_gives_no_decision():
    assert selection.propose([], Rules(size=3)) == []


def test_a_sub_score_exactly_at_the_minimum_is_eligible():
    candidates = [region("11.01", "11", a=30.0), region("11.02", "11", rank=2, a=29.99)]
    decisions = by_code(selection.propose(candidates, Rules(size=2, minimum={"a": 30.0})))
    assert decisions["11.01"].outcome == "selected"
    assert decisions["11.02"] == Decision(
        "11.02", "skipped", "below_minimum", {"dimension": "a", "minimum": 30.0, "value": 29.99}
    )


def test_a_missing_sub_score_fails_a_minimum_and_says_so():
    candidates = [region("11.01", "11", b=90.0)]
    [decision] = selection.propose(candidates, Rules(size=1, minimum={"a": 0.0}))
    assert decision == Decision(
        "11.01", "skipped", "below_minimum", {"dimension": "a", "minimum": 0.0, "value": None}
    )


def test_every_minimum_is_checked_not_only_the_first():
    candidates = [region("11.01", "11", a=90.0, b=10.0)]
    [decision] = selection.propose(candidates, Rules(size=1, minimum={"a": 20.0, "b": 20.0}))
    assert (decision.reason, decision.params["dimension"]) == ("below_minimum", "b")


def test_an_earlier_cohort_is_the_reason_even_without_a_score():
    candidates = [Candidate("11.01", "11", None, 1)]
    [decision] = selection.propose(candidates, Rules(size=1, excluded=frozenset({"11.01"})))
    assert decision == Decision("11.01", "skipped", "earlier_cohort")


def test_no_score_is_the_reason_before_a_minimum():
    candidates = [Candidate("11.01", "11", None, 1, {"a": 10.0})]
    [decision] = selection.propose(candidates, Rules(size=1, minimum={"a": 50.0}))
    assert decision == Decision("11.01", "skipped", "no_score")


def test_a_province_cap_of_one_takes_exactly_one_region_of_the_province():
    candidates = ranked(("35.01", "35"), ("35.02", "35"), ("32.01", "32"))
    decisions = selection.propose(candidates, Rules(size=3, province_cap=1))
    assert selection.selected_codes(decisions) == ["35.01", "32.01"]
    assert by_code(decisions)["35.02"] == Decision(
        "35.02", "skipped", "province_cap", {"province": "35", "cap": 1}
    )


def test_a_province_cap_is_counted_per_province():
    candidates = ranked(("35.01", "35"), ("32.01", "32"), ("35.02", "35"), ("32.02", "32"))
    decisions = selection.propose(candidates, Rules(size=4, province_cap=2))
    assert selection.selected_codes(decisions) == ["35.01", "32.01", "35.02", "32.02"]


def test_a_region_at_the_cap_is_skipped_even_when_places_remain():
    candidates = ranked(("35.01", "35"), ("35.02", "35"), ("35.03", "35"))
    decisions = selection.propose(candidates, Rules(size=3, province_cap=2))
    assert [d.outcome for d in decisions] == ["selected", "selected", "skipped"]


def test_a_full_cohort_sends_the_rest_to_the_waiting_list_before_any_cap():
    candidates = ranked(("35.01", "35"), ("35.02", "35"))
    decisions = selection.propose(candidates, Rules(size=1, province_cap=1))
    assert by_code(decisions)["35.02"] == Decision(
        "35.02", "waiting", "waiting", {"position": 1, "rank": 2}
    )


def test_a_cohort_of_no_places_picks_nobody():
    decisions = selection.propose(ranked(("35.01", "35")), Rules(size=0))
    assert decisions == [Decision("35.01", "waiting", "waiting", {"position": 1, "rank": 1})]


def test_the_selected_carry_their_rank_and_position():
    candidates = ranked(("35.01", "35"), ("35.02", "35"), ("32.01", "32"))
    decisions = selection.propose(candidates, Rules(size=2, province_cap=1))
    assert by_code(decisions)["32.01"].params == {"rank": 3, "position": 2}


def test_the_waiting_list_holds_exactly_its_size():
    candidates = ranked(("11.01", "11"), ("11.02", "11"), ("11.03", "11"), ("11.04", "11"))
    decisions = selection.propose(candidates, Rules(size=1, waitlist_size=2))
    assert [(d.outcome, d.reason, d.params) for d in decisions] == [
        ("selected", "merit", {"rank": 1, "position": 1}),
        ("waiting", "waiting", {"position": 1, "rank": 2}),
        ("waiting", "waiting", {"position": 2, "rank": 3}),
        ("skipped", "below_cutoff", {"rank": 4}),
    ]


def test_a_waiting_list_of_none_leaves_everyone_else_below_the_cutoff():
    candidates = ranked(("11.01", "11"), ("11.02", "11"))
    decisions = selection.propose(candidates, Rules(size=1, waitlist_size=0))
    assert decisions[1] == Decision("11.02", "skipped", "below_cutoff", {"rank": 2})


def test_the_last_place_is_kept_for_the_east_when_the_reserved_minimum_needs_it():
    # Three places, one reserved; the eastern region ranks last.
    candidates = ranked(("11.01", "11"), ("11.02", "11"), ("11.03", "11"), ("94.01", "94"))
    decisions = by_code(selection.propose(candidates, Rules(size=3, reserved=1)))
    assert [decisions[c].outcome for c in ("11.01", "11.02", "94.01")] == ["selected"] * 3
    assert (decisions["11.01"].reason, decisions["11.02"].reason) == ("merit", "merit")
    assert decisions["11.03"] == Decision(
        "11.03", "waiting", "reserved_for_east", {"position": 1, "rank": 3}
    )
    assert decisions["94.01"] == Decision(
        "94.01", "selected", "reserved_place", {"rank": 4, "position": 3}
    )


def test_an_eastern_region_with_places_to_spare_is_picked_on_merit():
    candidates = ranked(("11.01", "11"), ("94.01", "94"), ("11.02", "11"))
    decisions = by_code(selection.propose(candidates, Rules(size=3, reserved=1)))
    assert decisions["94.01"].reason == "merit"
    assert decisions["11.02"].reason == "merit"


def test_an_eastern_region_taking_the_last_needed_place_is_a_reserved_place():
    # Two places, two reserved, two eastern regions after one other region.
    candidates = ranked(("11.01", "11"), ("94.01", "94"), ("53.01", "53"))
    decisions = by_code(selection.propose(candidates, Rules(size=2, reserved=2)))
    assert decisions["11.01"] == Decision(
        "11.01", "waiting", "reserved_for_east", {"position": 1, "rank": 1}
    )
    assert decisions["94.01"].reason == "reserved_place"
    assert decisions["53.01"].reason == "reserved_place"


def test_places_beyond_the_reserved_minimum_stay_open_to_everyone():
    # Four places, two reserved: the first two others take places on merit, the third
    # would leave too few for the two eastern regions.
    rows = (("11.01", "11"), ("11.02", "11"), ("11.03", "11"), ("94.01", "94"), ("53.01", "53"))
    decisions = by_code(selection.propose(ranked(*rows), Rules(size=4, reserved=2)))
    assert [decisions[c].reason for c in ("11.01", "11.02", "11.03", "94.01", "53.01")] == [
        "merit",
        "merit",
        "reserved_for_east",
        "reserved_place",
        "reserved_place",
    ]


def test_only_as_many_places_are_kept_back_as_eastern_regions_are_eligible():
    # Two reserved, but only one eastern region: one place is kept back, not two.
    candidates = ranked(("11.01", "11"), ("11.02", "11"), ("11.03", "11"), ("94.01", "94"))
    decisions = by_code(selection.propose(candidates, Rules(size=4, reserved=2)))
    assert [decisions[c].reason for c in ("11.01", "11.02", "11.03")] == ["merit"] * 3
    assert decisions["94.01"].reason == "reserved_place"


def test_with_no_eastern_region_left_reserved_places_go_to_the_others():
    candidates = ranked(("94.01", "94"), ("11.01", "11"), ("11.02", "11"))
    decisions = selection.propose(candidates, Rules(size=2, reserved=2))
    assert [(d.outcome, d.reason) for d in decisions] == [
        ("selected", "merit"),
        ("selected", "merit"),
        ("waiting", "waiting"),
    ]


def test_the_reserved_places_are_for_the_default_eastern_provinces():
    assert selection.DEFAULT_EASTERN_PROVINCES == (
        "53",  # Nusa Tenggara Timur
        "81",  # Maluku
        "82",  # Maluku Utara
        "91",  # Papua Barat ... and the Papua provinces
        "92",
        "93",
        "94",
        "95",
        "96",
    )
    assert Rules(size=1).eastern == frozenset(selection.DEFAULT_EASTERN_PROVINCES)


def test_the_default_rules_have_no_cap_no_minimum_no_reserve_and_ten_waiting():
    rules = Rules(size=2)
    assert (rules.excluded, rules.province_cap, rules.minimum, rules.reserved) == (
        frozenset(),
        None,
        {},
        0,
    )
    assert rules.waitlist_size == 10
    candidates = ranked(*[(f"11.{i:02d}", "11") for i in range(1, 15)])
    decisions = selection.propose(candidates, rules)
    assert [d.outcome for d in decisions] == ["selected"] * 2 + ["waiting"] * 10 + ["skipped"] * 2


def test_the_waiting_codes_come_in_waiting_list_order():
    decisions = [
        Decision("b", "waiting", "waiting", {"position": 2}),
        Decision("a", "waiting", "waiting", {"position": 1}),
        Decision("c", "selected", "merit", {"position": 1}),
    ]
    assert selection.waiting_codes(decisions) == ["a", "b"]
    assert selection.selected_codes(decisions) == ["c"]


def test_a_candidate_without_dimension_scores_has_none():
    assert Candidate("11.01", "11", 1.0, 1).dimension_scores == {}


def test_every_eastern_pick_counts_towards_the_reserved_places():
    # Two eastern regions on top fill both reserved places: the next places are open again.
    candidates = ranked(("94.01", "94"), ("53.01", "53"), ("11.01", "11"), ("91.01", "91"))
    decisions = selection.propose(candidates, Rules(size=3, reserved=2))
    assert selection.selected_codes(decisions) == ["94.01", "53.01", "11.01"]
    assert [d.reason for d in decisions[:3]] == ["merit"] * 3

"""Proposing a cohort from a ranking: each rule, and a reason for every region."""

from hypothesis import given, settings
from hypothesis import strategies as st

from cerdas.assessments.engine import selection
from cerdas.assessments.engine.selection import Candidate, Rules


def ranking(*rows):
    """Candidates from (code, province, score) rows already in rank order."""
    return [
        Candidate(
            code=code,
            province=province,
            score=score,
            rank=i + 1,
            dimension_scores={"infra": score, "sdm": score},
        )
        for i, (code, province, score) in enumerate(rows)
    ]


ROWS = [
    ("35.22", "35", 90.0),
    ("35.78", "35", 85.0),
    ("35.15", "35", 80.0),
    ("32.73", "32", 75.0),
    ("94.12", "94", 60.0),
    ("53.71", "53", 55.0),
]


def outcomes(decisions):
    return {d.code: (d.outcome, d.reason) for d in decisions}


def test_the_top_n_are_picked_on_merit_and_the_next_wait():
    decisions = selection.propose(ranking(*ROWS), Rules(size=3, waitlist_size=2))
    assert selection.selected_codes(decisions) == ["35.22", "35.78", "35.15"]
    assert selection.waiting_codes(decisions) == ["32.73", "94.12"]
    assert outcomes(decisions)["53.71"] == ("skipped", "below_cutoff")
    assert decisions[0].params == {"rank": 1, "position": 1}


def test_a_region_of_an_earlier_cohort_is_skipped_and_the_next_moves_up():
    rules = Rules(size=3, excluded=frozenset({"35.78"}))
    decisions = selection.propose(ranking(*ROWS), rules)
    assert selection.selected_codes(decisions) == ["35.22", "35.15", "32.73"]
    assert outcomes(decisions)["35.78"] == ("skipped", "earlier_cohort")


def test_the_province_cap_skips_the_provinces_extra_regions():
    decisions = selection.propose(ranking(*ROWS), Rules(size=3, province_cap=2))
    assert selection.selected_codes(decisions) == ["35.22", "35.78", "32.73"]
    skipped = decisions[2]
    assert (skipped.outcome, skipped.reason) == ("skipped", "province_cap")
    assert skipped.params == {"province": "35", "cap": 2}


def test_a_dimension_below_its_minimum_makes_a_region_ineligible():
    candidates = ranking(*ROWS)
    candidates[0] = Candidate("35.22", "35", 90.0, 1, {"infra": 95.0, "sdm": 20.0})
    decisions = selection.propose(candidates, Rules(size=2, minimum={"sdm": 30.0}))
    assert selection.selected_codes(decisions) == ["35.78", "35.15"]
    assert decisions[0].reason == "below_minimum"
    assert decisions[0].params == {"dimension": "sdm", "minimum": 30.0, "value": 20.0}


def test_reserved_places_bring_in_eastern_regions_and_the_passed_over_wait_first():
    decisions = selection.propose(ranking(*ROWS), Rules(size=4, reserved=2, waitlist_size=5))
    assert selection.selected_codes(decisions) == ["35.22", "35.78", "94.12", "53.71"]
    assert outcomes(decisions)["94.12"] == ("selected", "reserved_place")
    assert outcomes(decisions)["35.15"] == ("waiting", "reserved_for_east")
    assert selection.waiting_codes(decisions) == ["35.15", "32.73"]


def test_an_eastern_region_in_the_top_on_merit_counts_towards_the_reserved_places():
    rows = [("91.01", "91", 95.0), *ROWS]
    decisions = selection.propose(ranking(*rows), Rules(size=3, reserved=1))
    assert selection.selected_codes(decisions) == ["91.01", "35.22", "35.78"]
    assert outcomes(decisions)["91.01"] == ("selected", "merit")


def test_reserved_places_go_to_others_when_too_few_eastern_regions_are_eligible():
    rules = Rules(size=4, reserved=3, excluded=frozenset({"53.71"}))
    decisions = selection.propose(ranking(*ROWS), rules)
    assert selection.selected_codes(decisions) == ["35.22", "35.78", "35.15", "94.12"]


def test_a_region_without_a_score_is_skipped():
    candidates = [*ranking(*ROWS[:2]), Candidate("11.01", "11", None, 3)]
    decisions = selection.propose(candidates, Rules(size=3))
    assert outcomes(decisions)["11.01"] == ("skipped", "no_score")


def test_the_eastern_provinces_are_configurable():
    rules = Rules(size=2, reserved=1, eastern=frozenset({"32"}))
    decisions = selection.propose(ranking(*ROWS), rules)
    assert selection.selected_codes(decisions) == ["35.22", "32.73"]


@st.composite
def cases(draw):
    count = draw(st.integers(0, 30))
    provinces = st.sampled_from(["11", "35", "53", "94", "32"])
    candidates = [
        Candidate(f"{i:02d}.01", draw(provinces), float(100 - i), i + 1, {"infra": float(i % 7)})
        for i in range(count)
    ]
    rules = Rules(
        size=draw(st.integers(0, 12)),
        province_cap=draw(st.one_of(st.none(), st.integers(1, 5))),
        reserved=draw(st.integers(0, 5)),
        excluded=frozenset(c.code for c in candidates if draw(st.booleans()) and c.rank % 5 == 0),
        minimum=draw(st.sampled_from([{}, {"infra": 2.0}])),
        waitlist_size=draw(st.integers(0, 10)),
    )
    return candidates, rules


@given(cases())
@settings(max_examples=200, deadline=None)
def test_every_region_gets_one_decision_and_the_rules_hold(case):
    candidates, rules = case
    decisions = selection.propose(candidates, rules)
    assert [d.code for d in decisions] == [c.code for c in candidates]
    picked = selection.selected_codes(decisions)
    by_code = {c.code: c for c in candidates}
    assert len(picked) <= rules.size
    assert not set(picked) & rules.excluded
    if rules.province_cap is not None:
        for province in {by_code[c].province for c in picked}:
            assert sum(by_code[c].province == province for c in picked) <= rules.province_cap
    assert len(selection.waiting_codes(decisions)) <= rules.waitlist_size
    eastern = sum(by_code[c].province in rules.eastern for c in picked)
    eligible_eastern = [
        c
        for c in candidates
        if c.province in rules.eastern and selection._ineligible(c, rules) is None
    ]
    if rules.province_cap is None:
        assert eastern >= min(rules.reserved, len(eligible_eastern), rules.size)

"""Every problem of the completeness check with its exact parameters, and each edge of the
period, the program years and the quick-win rules."""

from hypothesis import given
from hypothesis import strategies as st

from cerdas.masterplans.engine.checks import (
    Completeness,
    Problem,
    SectionScore,
    check_completeness,
)
from cerdas.masterplans.engine.tests.test_checks import DIMENSIONS, FIELDS, plan, program


def problems(result, kind):
    return result.get(kind).problems


def test_a_snapshot_with_no_sections_and_no_programs_lists_every_gap():
    result = check_completeness({"period_start": 2025, "period_end": 2034}, FIELDS, DIMENSIONS)
    assert problems(result, "vision") == [
        Problem("empty_field", {"field": "vision"}),
        Problem("empty_field", {"field": "mission"}),
    ]
    assert problems(result, "programs") == [
        Problem("dimension_without_program", {"dimension": "governance"}),
        Problem("dimension_without_program", {"dimension": "economy"}),
    ]
    assert problems(result, "quick_wins") == [
        Problem("dimension_without_quick_win", {"dimension": "governance"}),
        Problem("dimension_without_quick_win", {"dimension": "economy"}),
    ]
    assert [s.kind for s in result.sections] == ["vision", "programs", "quick_wins"]
    assert result.score == 0
    assert result.problem_count == 6


def test_a_field_of_spaces_is_empty_and_a_number_is_not():
    sections = {"vision": {"vision": "   ", "mission": 2045}}
    result = check_completeness(plan([], sections), FIELDS, DIMENSIONS)
    assert problems(result, "vision") == [Problem("empty_field", {"field": "vision"})]


def test_a_bare_program_gets_each_problem_with_its_name():
    bare = {
        "key": "p1",
        "name": "Satu Data",
        "dimension": "governance",
        "horizon": "short",
        "start_year": 2025,
        "end_year": 2026,
    }
    result = check_completeness(plan([bare]), FIELDS, ["governance"])
    assert problems(result, "programs") == [
        Problem("program_without_indicator", {"program": "Satu Data"}),
        Problem("program_without_agency", {"program": "Satu Data"}),
        Problem("program_without_budget", {"program": "Satu Data"}),
    ]
    assert result.get("programs").score == 50  # 3 of 6 checks pass


def test_program_years_exactly_at_the_period_ends_are_inside():
    edge = program(start_year=2025, end_year=2034, budgets=[
        {"year": 2025, "source": "apbd", "amount": 1},
        {"year": 2034, "source": "apbd", "amount": 1},
    ])  # fmt: skip
    result = check_completeness(plan([edge]), FIELDS, ["governance"])
    assert problems(result, "programs") == []


def test_a_program_of_one_year_is_inside_its_own_years():
    one = program(
        start_year=2030, end_year=2030, budgets=[{"year": 2030, "source": "apbd", "amount": 1}]
    )
    assert problems(check_completeness(plan([one]), FIELDS, ["governance"]), "programs") == []


def test_years_outside_give_the_program_its_years_and_the_budget_years_in_order():
    late = program(start_year=2024, end_year=2035, budgets=[
        {"year": 2036, "source": "apbd", "amount": 1},
        {"year": 2023, "source": "apbn", "amount": 1},
        {"year": 2036, "source": "apbn", "amount": 1},
        {"year": 2030, "source": "apbd", "amount": 1},
    ])  # fmt: skip
    result = check_completeness(plan([late]), FIELDS, ["governance"])
    assert problems(result, "programs") == [
        Problem(
            "program_years_outside_period", {"program": "Satu Data", "start": 2024, "end": 2035}
        ),
        Problem("budget_years_outside_program", {"program": "Satu Data", "years": "2023, 2036"}),
    ]


def test_a_program_ending_before_it_starts_is_outside_the_period():
    backwards = program(start_year=2030, end_year=2029, budgets=[])
    found = problems(check_completeness(plan([backwards]), FIELDS, ["governance"]), "programs")
    assert (
        Problem(
            "program_years_outside_period", {"program": "Satu Data", "start": 2030, "end": 2029}
        )
        in found
    )


def test_a_quick_win_of_exactly_two_years_starting_in_the_second_year_is_fine():
    quick = program(horizon="quick_win", start_year=2026, end_year=2027, citizen_benefit="x",
                    budgets=[{"year": 2026, "source": "apbd", "amount": 1}])  # fmt: skip
    result = check_completeness(plan([quick]), FIELDS, ["governance"])
    assert problems(result, "quick_wins") == []


def test_a_quick_win_of_three_years_starting_in_the_third_year_has_both_problems():
    slow = program(horizon="quick_win", start_year=2027, end_year=2029, citizen_benefit="  ")
    result = check_completeness(plan([slow]), FIELDS, ["governance"])
    assert problems(result, "quick_wins") == [
        Problem("quick_win_too_long", {"program": "Satu Data", "years": 3}),
        Problem("quick_win_starts_late", {"program": "Satu Data", "start": 2027}),
        Problem("quick_win_without_benefit", {"program": "Satu Data"}),
    ]


def test_a_quick_win_without_any_benefit_key_lacks_a_benefit():
    quick = program(horizon="quick_win")
    del quick["citizen_benefit"]
    found = problems(check_completeness(plan([quick]), FIELDS, ["governance"]), "quick_wins")
    assert found == [Problem("quick_win_without_benefit", {"program": "Satu Data"})]


def test_a_program_that_is_no_quick_win_covers_no_quick_win_dimension():
    result = check_completeness(plan([program()]), FIELDS, ["governance"])
    assert problems(result, "quick_wins") == [
        Problem("dimension_without_quick_win", {"dimension": "governance"})
    ]


def test_scores_round_down_and_nothing_to_check_is_a_hundred():
    section = SectionScore("x", passed=2, total=3)
    assert section.score == 66
    assert SectionScore("x").score == 100
    whole = Completeness([SectionScore("a", 1, 3), SectionScore("b", 1, 3), SectionScore("c")])
    assert whole.score == 33
    assert Completeness([]).score == 100
    assert Completeness([SectionScore("a")]).get("b") is None


@given(
    st.lists(
        st.fixed_dictionaries(
            {
                "name": st.sampled_from(["A", "B", "C"]),
                "dimension": st.sampled_from(["governance", "economy", "society"]),
                "horizon": st.sampled_from(["quick_win", "short", "long"]),
                "start_year": st.integers(2020, 2040),
                "end_year": st.integers(2020, 2040),
                "agency": st.sampled_from(["", "Diskominfo"]),
                "citizen_benefit": st.sampled_from(["", " ", "Antre cepat"]),
                "budgets": st.lists(
                    st.fixed_dictionaries(
                        {
                            "year": st.integers(2018, 2042),
                            "source": st.just("apbd"),
                            "amount": st.integers(0, 10),
                        }
                    ),
                    max_size=3,
                ),
                "indicators": st.lists(st.just({"name": "x"}), max_size=1),
            }
        ),
        max_size=6,
    )
)
def test_every_failed_check_is_one_problem_and_scores_stay_within_0_and_100(programs):
    result = check_completeness(plan(programs), FIELDS, DIMENSIONS)
    for section in result.sections:
        assert section.passed + len(section.problems) == section.total
        assert 0 <= section.score <= 100
        assert (section.score == 100) == (not section.problems)
    assert result.problem_count == sum(len(s.problems) for s in result.sections)
    assert 0 <= result.score <= 100

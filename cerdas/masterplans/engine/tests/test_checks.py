from cerdas.masterplans.engine.checks import check_completeness

DIMENSIONS = ["governance", "economy"]
FIELDS = {"vision": ["vision", "mission"]}


def program(**extra):
    base = {
        "key": "p1",
        "name": "Satu Data",
        "dimension": "governance",
        "horizon": "short",
        "start_year": 2025,
        "end_year": 2026,
        "agency": "Diskominfo",
        "citizen_benefit": "",
        "budgets": [{"year": 2025, "source": "apbd", "amount": 100}],
        "indicators": [{"name": "OPD terhubung", "unit": "%", "baseline": 10, "target": 90}],
    }
    return base | extra


def plan(programs, sections=None):
    return {
        "period_start": 2025,
        "period_end": 2034,
        "sections": sections or {},
        "programs": programs,
    }


def test_an_empty_field_lowers_its_sections_score():
    result = check_completeness(plan([], {"vision": {"vision": "Maju"}}), FIELDS, DIMENSIONS)
    vision = result.get("vision")
    assert vision.score == 50
    assert [p.params["field"] for p in vision.problems] == ["mission"]


def test_a_dimension_without_programs_is_reported():
    result = check_completeness(plan([program()]), FIELDS, DIMENSIONS)
    codes = [(p.code, p.params.get("dimension")) for p in result.get("programs").problems]
    assert codes == [("dimension_without_program", "economy")]


def test_a_program_without_indicator_agency_or_budget_is_reported():
    bare = program(indicators=[], agency="", budgets=[])
    problems = check_completeness(plan([bare]), FIELDS, DIMENSIONS).get("programs").problems
    assert {p.code for p in problems} >= {
        "program_without_indicator",
        "program_without_agency",
        "program_without_budget",
    }


def test_years_outside_the_period_and_budgets_outside_the_program_are_reported():
    late = program(end_year=2040, budgets=[{"year": 2024, "source": "apbd", "amount": 5}])
    problems = check_completeness(plan([late]), FIELDS, DIMENSIONS).get("programs").problems
    codes = {p.code: p.params for p in problems}
    assert "program_years_outside_period" in codes
    assert codes["budget_years_outside_program"]["years"] == "2024"


def test_a_quick_win_longer_than_two_years_or_starting_late_is_reported():
    slow = program(horizon="quick_win", start_year=2027, end_year=2030, citizen_benefit="x")
    problems = check_completeness(plan([slow]), FIELDS, DIMENSIONS).get("quick_wins").problems
    codes = {p.code for p in problems}
    assert {"quick_win_too_long", "quick_win_starts_late"} <= codes


def test_a_complete_plan_scores_a_hundred():
    programs = [
        program(key="a", horizon="quick_win", citizen_benefit="Antre lebih cepat"),
        program(key="b", dimension="economy", horizon="quick_win", citizen_benefit="Pasar daring"),
    ]
    sections = {"vision": {"vision": "Maju", "mission": "Melayani"}}
    result = check_completeness(plan(programs, sections), FIELDS, DIMENSIONS)
    assert result.score == 100
    assert result.problem_count == 0
    assert [s.score for s in result.sections] == [100, 100, 100]

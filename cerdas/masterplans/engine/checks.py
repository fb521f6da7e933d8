"""The completeness check of a masterplan, on its snapshot (a plain dict, see below).

A snapshot holds ``period_start``, ``period_end``, ``sections`` (kind → field → text) and
``programs`` (dicts with ``key``, ``name``, ``dimension``, ``horizon``, ``start_year``,
``end_year``, ``agency``, ``citizen_benefit``, ``budgets`` [{year, source, amount}] and
``indicators`` [{name, unit, baseline, target}]). Each section gets a score: the share of
its checks that pass. Problems carry a code and parameters; the app words them.
"""

from dataclasses import dataclass, field

QUICK_WIN = "quick_win"
QUICK_WIN_MAX_YEARS = 2
PROGRAMS = "programs"
QUICK_WINS = "quick_wins"


@dataclass(frozen=True)
class Problem:
    code: str
    params: dict = field(default_factory=dict, hash=False, compare=True)


@dataclass
class SectionScore:
    kind: str
    passed: int = 0
    total: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def score(self) -> int:
        """0-100, rounded down so 100 means nothing is missing."""
        return 100 if self.total == 0 else (100 * self.passed) // self.total

    def check(self, ok: bool, code: str, **params) -> None:
        self.total += 1
        if ok:
            self.passed += 1
        else:
            self.problems.append(Problem(code, params))


@dataclass
class Completeness:
    sections: list[SectionScore]

    @property
    def score(self) -> int:
        passed = sum(s.passed for s in self.sections)
        total = sum(s.total for s in self.sections)
        return 100 if total == 0 else (100 * passed) // total

    @property
    def problem_count(self) -> int:
        return sum(len(s.problems) for s in self.sections)

    def get(self, kind: str) -> SectionScore | None:
        return next((s for s in self.sections if s.kind == kind), None)


def check_completeness(
    snapshot: dict, section_fields: dict[str, list[str]], dimensions: list[str]
) -> Completeness:
    """Score every text section (its fields filled), the programs and the quick wins."""
    scores = []
    texts = snapshot.get("sections", {})
    for kind, fields in section_fields.items():
        score = SectionScore(kind)
        values = texts.get(kind, {})
        for name in fields:
            score.check(bool(str(values.get(name, "")).strip()), "empty_field", field=name)
        scores.append(score)
    programs = snapshot.get("programs", [])
    period = (snapshot["period_start"], snapshot["period_end"])
    scores.append(_check_programs(programs, dimensions, period))
    scores.append(_check_quick_wins(programs, dimensions, period))
    return Completeness(scores)


def _check_programs(programs: list[dict], dimensions: list[str], period) -> SectionScore:
    score = SectionScore(PROGRAMS)
    covered = {p["dimension"] for p in programs}
    for dimension in dimensions:
        score.check(dimension in covered, "dimension_without_program", dimension=dimension)
    first, last = period
    for program in programs:
        name = program["name"]
        start, end = program["start_year"], program["end_year"]
        score.check(bool(program.get("indicators")), "program_without_indicator", program=name)
        score.check(bool(program.get("agency")), "program_without_agency", program=name)
        score.check(bool(program.get("budgets")), "program_without_budget", program=name)
        score.check(
            first <= start <= end <= last,
            "program_years_outside_period",
            program=name,
            start=start,
            end=end,
        )
        outside = sorted(
            {b["year"] for b in program.get("budgets", []) if not start <= b["year"] <= end}
        )
        score.check(
            not outside,
            "budget_years_outside_program",
            program=name,
            years=", ".join(map(str, outside)),
        )
    return score


def _check_quick_wins(programs: list[dict], dimensions: list[str], period) -> SectionScore:
    score = SectionScore(QUICK_WINS)
    quick_wins = [p for p in programs if p["horizon"] == QUICK_WIN]
    covered = {p["dimension"] for p in quick_wins}
    for dimension in dimensions:
        score.check(dimension in covered, "dimension_without_quick_win", dimension=dimension)
    first = period[0]
    for program in quick_wins:
        name = program["name"]
        years = program["end_year"] - program["start_year"] + 1
        score.check(years <= QUICK_WIN_MAX_YEARS, "quick_win_too_long", program=name, years=years)
        score.check(
            program["start_year"] < first + QUICK_WIN_MAX_YEARS,
            "quick_win_starts_late",
            program=name,
            start=program["start_year"],
        )
        score.check(
            bool(str(program.get("citizen_benefit", "")).strip()),
            "quick_win_without_benefit",
            program=name,
        )
    return score

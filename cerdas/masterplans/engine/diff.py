"""What changed between two masterplan snapshots, section by section and program by program.

Programs are matched by their ``key`` (kept across versions and revisions), so a renamed
program shows as changed, not as one removed and one added. Budgets compare per
(year, source) and indicators per name, so one changed figure reads as one change.
"""

from dataclasses import dataclass, field

PLAN_FIELDS = ("title", "period_start", "period_end")
PROGRAM_FIELDS = (
    "name",
    "description",
    "dimension",
    "element",
    "agency",
    "partners",
    "horizon",
    "start_year",
    "end_year",
    "citizen_benefit",
    "rpjmd_program",
    "renstra_program",
)


@dataclass(frozen=True)
class Change:
    field: str
    old: object
    new: object


@dataclass
class ProgramChange:
    key: str
    name: str
    changes: list[Change]


@dataclass
class Diff:
    plan: list[Change] = field(default_factory=list)
    sections: dict[str, list[Change]] = field(default_factory=dict)
    added: list[dict] = field(default_factory=list)
    removed: list[dict] = field(default_factory=list)
    changed: list[ProgramChange] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.plan or self.sections or self.added or self.removed or self.changed)


def _changes(old: dict, new: dict, names) -> list[Change]:
    return [
        Change(name, old.get(name), new.get(name))
        for name in names
        if (old.get(name) or "") != (new.get(name) or "")
    ]


def _budget_map(program: dict) -> dict[str, int]:
    result: dict[str, int] = {}
    for budget in program.get("budgets", []):
        key = f"budget {budget['year']} {budget['source']}"
        result[key] = result.get(key, 0) + budget["amount"]
    return result


def _indicator_map(program: dict) -> dict[str, str]:
    return {
        f"indicator {i['name']}": f"{i.get('baseline')} → {i.get('target')} {i.get('unit', '')}"
        for i in program.get("indicators", [])
    }


def _program_changes(old: dict, new: dict) -> list[Change]:
    changes = _changes(old, new, PROGRAM_FIELDS)
    for mapper in (_budget_map, _indicator_map):
        before, after = mapper(old), mapper(new)
        changes += _changes(before, after, sorted(before.keys() | after.keys()))
    return changes


def compare(old: dict, new: dict) -> Diff:
    """The changes from ``old`` to ``new`` (both snapshots)."""
    diff = Diff(plan=_changes(old, new, PLAN_FIELDS))
    old_sections, new_sections = old.get("sections", {}), new.get("sections", {})
    for kind in sorted(old_sections.keys() | new_sections.keys()):
        before, after = old_sections.get(kind, {}), new_sections.get(kind, {})
        changes = _changes(before, after, sorted(before.keys() | after.keys()))
        if changes:
            diff.sections[kind] = changes
    old_programs = {p["key"]: p for p in old.get("programs", [])}
    new_programs = {p["key"]: p for p in new.get("programs", [])}
    for key, program in new_programs.items():
        if key not in old_programs:
            diff.added.append(program)
            continue
        changes = _program_changes(old_programs[key], program)
        if changes:
            diff.changed.append(ProgramChange(key, program["name"], changes))
    diff.removed = [p for key, p in old_programs.items() if key not in new_programs]
    return diff

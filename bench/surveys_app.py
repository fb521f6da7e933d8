"""The surveys app under load: a results page of 10,000 responses, and the IKM of 100,000
responses from the database. Called by bench/bench_surveys.py, which writes bench/surveys.md.

Like bench/run.py it builds a fresh SQLite database under bench/.tmp/surveys/ in production
mode (``DEBUG=0``, manifest static files), fills it through the app's own command
(``import_survey_responses``, two files of 5,000 paper questionnaires, the second with
``--publish``), then serves it with granian and loads it with wrk on loopback:

- ``/bench/baseline``: a trivial view behind the same middleware, the ceiling;
- the survey's public results page as anonymous visitors get it (the page cache);
- the same page rendered on every request (a session cookie bypasses the page cache).

Each is measured ``ROUNDS`` times, taking turns, and the median kept; the verdict is the
ratio to the baseline measured in the same run (target: at least 0.30 for the results page).

In-process, with the same database, it times the IKM of 100,000 responses of one survey
from the database (target: 200 ms): from the survey's running tally (one row) and the
engine's ``from_totals``, which is how the team's pages and publishing compute it, and, for
reference, by adding all the responses up again in one aggregate query (what
``services.recount`` does); both give the same figures.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench import run as harness

ROOT = Path(__file__).resolve().parent.parent
TMP = ROOT / "bench" / ".tmp" / "surveys"
ROUNDS = 3
SECONDS = 8
WARMUP = 2
PAGE_TARGET = 0.30
IKM_TARGET_S = 0.200
PAGE_RESPONSES = 10_000
IKM_RESPONSES = 100_000
REGION = "35.22"


def _env() -> dict[str, str]:
    env = harness.bench_env()
    env.update(
        VAR_DIR=str(TMP),
        STATIC_ROOT=str(TMP / "static"),
        DATABASE_URL=f"sqlite:///{TMP / 'cerdas.sqlite3'}",
    )
    return env


def _manage(env, *arguments) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=harness.SETUP_TIMEOUT_S,
    )
    if done.returncode != 0:
        sys.exit(f"manage.py {arguments[0]} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def _questionnaires(rng: random.Random, count: int) -> str:
    output = io.StringIO()
    writer = csv.writer(output)
    writer.writerow(["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9", "jenis_kelamin", "umur"])
    for _row in range(count):
        writer.writerow(
            [rng.choice("12334444") for _code in range(9)]
            + [rng.choice("LP "), rng.randrange(17, 80)]
        )
    return output.getvalue()


def prepare(env) -> int:
    """A fresh database with the regions and a published survey of 10,000 responses."""
    if TMP.exists():
        shutil.rmtree(TMP)
    TMP.mkdir(parents=True)
    for step in (["collectstatic", "--noinput", "--verbosity", "0"], ["migrate", "-v", "0"]):
        _manage(env, *step)
    _manage(env, "import_regions")
    rng = random.Random(2017)
    survey_id = None
    for part in range(PAGE_RESPONSES // 5000):
        path = TMP / f"kuesioner-{part}.csv"
        path.write_text(_questionnaires(rng, 5000))
        extra = ["--publish"] if part == PAGE_RESPONSES // 5000 - 1 else []
        out = _manage(
            env,
            "import_survey_responses",
            str(path),
            "--region",
            REGION,
            "--unit",
            "Disdukcapil — layanan KTP-el (bench)",
            "--period",
            "2026-01-01:2026-06-30",
            "--population",
            "20000",
            *extra,
        )
        survey_id = int(out.strip().splitlines()[-1])
    return survey_id


def measure_pages(env, survey_id: int) -> dict:
    wrk = harness.ensure_wrk()
    args = argparse.Namespace(
        threads=2,
        connections=16,
        uncached=False,
        granian_workers=os.cpu_count() or 1,
        granian_blocking_threads=1,
        gunicorn_workers=2 * (os.cpu_count() or 1),
    )
    page = f"/survei/{survey_id}/"
    variants = {
        "baseline (trivial view, same middleware)": ("/bench/baseline", {}),
        f"results page, 10,000 responses ({page}, page cache)": (page, {}),
        f"results page, 10,000 responses ({page}, rendered every time)": (
            page,
            harness.UNCACHED_HEADERS,
        ),
    }
    server = harness.start_server("granian", env, args)
    samples = {name: [] for name in variants}
    try:
        for path, headers in variants.values():
            status = harness.http_status(server.port, path, headers)
            if status != 200:
                sys.exit(f"{path} answered {status}")
        for round_no in range(ROUNDS):
            order = list(variants.items())
            if round_no % 2:
                order.reverse()
            for name, (path, headers) in order:
                args.uncached = bool(headers)
                url = f"http://{harness.HOST}:{server.port}{path}"
                if round_no == 0:
                    harness.run_wrk(wrk, url, args, WARMUP)
                figures = harness.parse_wrk(harness.run_wrk(wrk, url, args, SECONDS))
                reason = harness.void_reason(200, figures)
                if reason:
                    sys.exit(f"{name}: {reason}")
                samples[name].append(figures)
                print(f"  round {round_no + 1} {name}: {figures['requests_per_second']} req/s")
    finally:
        harness.stop_server(server)
    return {
        name: {
            "rps": statistics.median(run["requests_per_second"] for run in runs),
            "p99": statistics.median(run["p99_ms"] for run in runs),
        }
        for name, runs in samples.items()
    }


def measure_ikm(env) -> dict:
    """The IKM of 100,000 responses from the database, in this process."""
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from cerdas.surveys import results, services
    from cerdas.surveys.engine import ikm
    from cerdas.surveys.models import ELEMENT_FIELDS, Response, ServiceUnit

    unit = ServiceUnit.objects.create(region_id=REGION, name="Bench — 100,000 responses")
    survey = services.open_survey(None, unit.pk, *_period())
    rng = random.Random(7)
    choices = (1, 2, 3, 3, 4, 4, None)
    Response.objects.bulk_create(
        (
            Response(survey=survey, **{f: rng.choice(choices) for f in ELEMENT_FIELDS})
            for _n in range(IKM_RESPONSES)
        ),
        batch_size=5000,
    )

    services.recount(survey.pk)

    def from_tally():
        respondents, totals = results.live_totals(survey.pk)
        result = ikm.from_totals(totals)
        return respondents, result.converted, result.grade

    def from_aggregate():
        found = results.element_totals([survey.pk])[survey.pk]
        result = ikm.from_totals(found["totals"])
        return found["respondents"], result.converted, result.grade

    assert from_tally() == from_aggregate(), (from_tally(), from_aggregate())
    assert from_tally()[0] == IKM_RESPONSES
    return {"seconds": _median(from_tally, 21), "aggregate": _median(from_aggregate, 7)}


def _median(function, runs: int) -> float:
    timings = []
    for _run in range(runs):
        started = time.perf_counter()
        function()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def _period():
    import datetime as dt

    return dt.date(2025, 1, 1), dt.date(2025, 6, 30)


def run() -> tuple[list[str], bool]:
    """Measure; return the lines for bench/surveys.md and whether every target is met."""
    env = _env()
    print("Surveys app: preparing a database with a 10,000-response survey ...", flush=True)
    survey_id = prepare(env)
    pages = measure_pages(env, survey_id)
    figures = measure_ikm(env)
    names = list(pages)
    base = pages[names[0]]["rps"]
    cached, rendered = pages[names[1]], pages[names[2]]
    ok_page = cached["rps"] / base >= PAGE_TARGET
    ok_ikm = figures["seconds"] <= IKM_TARGET_S
    lines = [
        "## The app: results page and the IKM from the database",
        "",
        "`.venv/bin/python bench/bench_surveys.py` (bench/surveys_app.py): a fresh SQLite "
        "database in production mode, the survey filled by `import_survey_responses` (two files "
        "of 5,000 questionnaires, `--publish`); granian "
        f"({os.cpu_count()} workers) and wrk (2 threads, 16 connections, {SECONDS} s per URL after "
        f"{WARMUP} s of warm-up) on loopback, median of {ROUNDS} rounds taking turns. The ratio "
        "to the baseline measured in the same run is the result; absolute figures depend on the "
        "machine.",
        "",
        "| URL | req/s | p99 ms | ratio to baseline | target | verdict |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for name, figure in pages.items():
        ratio = figure["rps"] / base
        target = "—" if name == names[0] else f"≥ {PAGE_TARGET:.2f}"
        verdict = "—"
        if name == names[1]:
            verdict = "PASS" if ok_page else "FAIL"
        elif name == names[2]:
            verdict = "(no target)"
        lines.append(
            f"| {name} | {figure['rps']:,.0f} | {figure['p99']:.1f} | {ratio:.2f} | {target} "
            f"| {verdict} |"
        )
    lines += [
        "",
        "| figure | median | target | ratio to target | verdict |",
        "|---|---:|---:|---:|---|",
        f"| IKM of {IKM_RESPONSES:,} responses from the database: the survey's running tally "
        f"(one row) + `from_totals`, SQLite | {figures['seconds'] * 1000:.2f} ms | "
        f"{IKM_TARGET_S * 1000:.0f} ms | {figures['seconds'] / IKM_TARGET_S:.3f} | "
        f"{'PASS' if ok_ikm else 'FAIL'} |",
        f"| the same, adding the {IKM_RESPONSES:,} responses up again (one aggregate query, "
        f"as `services.recount` does) | {figures['aggregate'] * 1000:.1f} ms | "
        f"{IKM_TARGET_S * 1000:.0f} ms | {figures['aggregate'] / IKM_TARGET_S:.2f} | "
        f"{'PASS' if figures['aggregate'] <= IKM_TARGET_S else 'FAIL'} |",
        "",
        f"Results page rendered every time: {rendered['rps'] / base:.2f} of the baseline. A "
        "published survey's page reads the figures frozen at publication (one row), so its cost "
        "does not grow with the responses. The running tally is why the team's own pages and "
        "publishing stay fast at any size: the aggregate query, exact as well, only rebuilds a "
        "tally.",
        "",
    ]
    return lines, ok_page and ok_ikm

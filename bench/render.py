"""How long each page an official uses takes to render, in process, signed in.

Run from the repository root:

    .venv/bin/python bench/render.py                      # this tree; writes bench/render.md
    .venv/bin/python bench/render.py --against ../main    # this tree and another, in turns

No server and no HTTP: Django's test ``Client`` sends each request through the whole
middleware stack to the view, signed in (a session cookie, so the public page cache never
answers) as the demo ministry officer (``admin``) or the demo region team
(``tim.bojonegoro``), with production settings (``DEBUG`` off, the cached template loader,
whitenoise's manifest). Each page is rendered ``--warmup`` times unmeasured, then ``--renders``
times; the median CPU time of this process per render is the figure (the machine may be
busy: CPU time is what the render itself costs, wall time is shown beside it). The target is
8 ms per page. ``/bench/baseline`` (a view returning "ok" behind the same middleware) is
measured the same way, so each page's figure can be read against what the stack alone costs.

The database is built once in bench/.tmp/render/ (regions, records, demo) and copied afresh
for every measuring process, so renders (sessions, view counts) leave it unchanged.
``--against PATH`` measures another checkout of Cerdas (say, main) on the same database, the
two taking turns ``--rounds`` times, and reports each page's ratio: that compares before and
after on a busy machine, where absolute figures drift.

``--database postgres`` does the same on PostgreSQL (``--postgres``, by default the local
server with trust auth): the database is built once as ``cerdas_render_base`` and each
measuring process gets a fresh copy of it (``CREATE DATABASE ... TEMPLATE``).

``--load SECONDS`` then serves this tree as production does (granian, 2 workers, 1 blocking
thread, as ``make run``, or ``--blocking-threads``; DEBUG off) and loads every page with wrk,
16 connections, signed in as its persona: requests per second, p50 and p99 (target: p99
under 100 ms), and the ratio to Django's trivial view (bench/ceiling.py) served the same way
in the same run.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TMP = ROOT / "bench" / ".tmp" / "render"
RESULTS = ROOT / "bench" / "render.md"
TARGET_MS = 8.0
TARGET_P99_MS = 100.0
OFFICER, TEAM = "admin", "tim.bojonegoro"


def database_url(args: argparse.Namespace, name: str) -> str:
    """Where the base or a measuring process keeps its data: a file, or a PG database."""
    if args.database == "postgres":
        return f"{args.postgres.rstrip('/')}/{pg_name(name)}"
    return f"sqlite:///{TMP / f'{name}.sqlite3'}"


def pg_name(name: str) -> str:
    return f"cerdas_render_{name}"


def env_for(tree: Path, url: str) -> dict[str, str]:
    values = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "DATABASE_URL"}}
    values.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        PYTHONPATH=str(tree),
        DEBUG="0",
        SECRET_KEY="bench-only-secret-key-not-for-any-real-deployment",  # noqa: S106
        ALLOWED_HOSTS="testserver",
        SECURE_SSL_REDIRECT="0",
        VAR_DIR=str(TMP),
        STATIC_ROOT=str(TMP / "static"),
        DATABASE_URL=url,
        LOG_LEVEL="WARNING",
        EMAIL_URL="locmem://",
    )
    return values


def prepare(args: argparse.Namespace) -> None:
    """The database every measuring process starts from ("base"): built once, kept."""
    done = TMP / f"base-{args.database}.done"
    if done.exists() and not args.fresh:
        return
    TMP.mkdir(parents=True, exist_ok=True)
    if args.database == "postgres":
        recreate(args, pg_name("base"))
    else:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{TMP / 'base.sqlite3'}{suffix}").unlink(missing_ok=True)
    values = env_for(ROOT, database_url(args, "base"))
    for step in (
        ["collectstatic", "--noinput", "--verbosity", "0"],
        ["migrate", "--verbosity", "0"],
        ["import_regions"],
        ["load_records"],
        ["seed_demo"],
    ):
        print(f"  manage.py {' '.join(step)}", flush=True)
        subprocess.run(
            [sys.executable, "manage.py", *step],
            cwd=ROOT,
            env=values,
            check=True,
            capture_output=True,
        )
    done.write_text(datetime.now(UTC).isoformat())


def recreate(args: argparse.Namespace, name: str, template: str | None = None) -> None:
    """Drop and create a PostgreSQL database, empty or as a copy of ``template``."""
    import psycopg

    with psycopg.connect(f"{args.postgres.rstrip('/')}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))


def pages() -> list[tuple[str, str, str]]:
    """(what, persona, path) of every page measured, found in the demo data."""
    from cerdas.assessments.models import Round
    from cerdas.cohorts.models import Cohort
    from cerdas.complaints.models import Category, Report
    from cerdas.masterplans.models import Masterplan
    from cerdas.portal.models import Article
    from cerdas.surveys.models import ServiceUnit, Survey

    article = Article.objects.filter(region_id="35.22", status="published").order_by("pk").first()
    plan = Masterplan.objects.filter(status="approved").order_by("pk").first()
    ranking = Round.objects.get(slug="2017-kesiapan")
    year = Cohort.objects.order_by("year").first().year
    unit = ServiceUnit.objects.filter(region_id="35.22").order_by("pk").first()
    survey = Survey.objects.filter(unit=unit).order_by("pk").first()
    report = Report.objects.filter(region_id="35.22").order_by("pk").first()
    category = Category.objects.filter(region_id="35.22").order_by("pk").first()
    news = "/berita/kelola/"
    return [
        ("baseline: 'ok' behind the middleware", OFFICER, "/bench/baseline"),
        ("region directory", OFFICER, "/wilayah/"),
        ("region profile", OFFICER, "/wilayah/35.22/"),
        ("region profile", TEAM, "/wilayah/35.22/"),
        ("news list", OFFICER, "/berita/"),
        ("news article", OFFICER, article.get_absolute_url()),
        ("news article", TEAM, article.get_absolute_url()),
        ("ranking 2017 (514 regions)", OFFICER, f"/penilaian/{ranking.slug}/peringkat/"),
        ("approved masterplan", OFFICER, f"/masterplan/{plan.pk}/"),
        ("approved masterplan", TEAM, f"/masterplan/{plan.pk}/"),
        ("cohort page", OFFICER, f"/angkatan/{year}/"),
        ("cohort progress board", OFFICER, f"/angkatan/{year}/papan/"),
        ("region's cohort board", TEAM, f"/angkatan/{year}/wilayah/35.22/"),
        ("assessment rounds (manage)", OFFICER, "/penilaian/kelola/"),
        ("masterplans to edit", OFFICER, "/masterplan/kelola/"),
        ("masterplans to edit", TEAM, "/masterplan/kelola/"),
        ("cohort manage", OFFICER, f"/angkatan/{year}/kelola/"),
        ("news editor list", OFFICER, news),
        ("news editor list", TEAM, news),
        ("complaints desk", OFFICER, "/pengaduan/kelola/"),
        ("complaints desk", TEAM, "/pengaduan/kelola/"),
        ("surveys desk", OFFICER, "/survei/kelola/"),
        ("surveys desk", TEAM, "/survei/kelola/"),
        # The other pages officials work on (added 2026-11-30).
        ("account page", TEAM, "/akun/"),
        ("a round's management (514 regions)", OFFICER, f"/penilaian/kelola/{ranking.pk}/"),
        ("a round's selection rules", OFFICER, f"/penilaian/kelola/{ranking.pk}/aturan/"),
        ("cohort schedule", OFFICER, f"/angkatan/{year}/kelola/jadwal/"),
        ("cohort mentors", OFFICER, f"/angkatan/{year}/kelola/mentor/"),
        ("cohort awards", OFFICER, f"/angkatan/{year}/kelola/penghargaan/"),
        ("masterplan workspace", TEAM, f"/masterplan/{plan.pk}/kelola/"),
        ("new article", OFFICER, f"{news}baru/"),
        ("new article", TEAM, f"{news}baru/"),
        ("article edit", TEAM, f"{news}{article.pk}/"),
        ("article readership", TEAM, f"{news}{article.pk}/statistik/"),
        ("article pictures", TEAM, f"{news}{article.pk}/gambar/"),
        ("article preview", TEAM, f"{news}{article.pk}/pratinjau/"),
        ("news readership overview", OFFICER, f"{news}statistik/"),
        ("new service unit", OFFICER, "/survei/kelola/unit/baru/"),
        ("service unit edit", TEAM, f"/survei/kelola/unit/{unit.pk}/"),
        ("a survey's management", TEAM, f"/survei/kelola/{survey.pk}/"),
        ("survey edit", TEAM, f"/survei/kelola/{survey.pk}/ubah/"),
        ("complaint figures", TEAM, "/pengaduan/kelola/statistik/"),
        ("a complaint", TEAM, f"/pengaduan/kelola/laporan/{report.pk}/"),
        ("complaint topics", TEAM, "/pengaduan/kelola/wilayah/35.22/topik/"),
        ("Open311 API keys", TEAM, "/pengaduan/kelola/wilayah/35.22/kunci-api/"),
        ("implementation dashboard", OFFICER, "/implementasi/"),
        ("open-data catalogue", TEAM, "/data/"),
        # More pages officials work on (added 2026-11-30, second pass).
        ("assessments (region team)", TEAM, "/penilaian/"),
        ("a framework's weights", OFFICER, f"/penilaian/kelola/kerangka/{ranking.framework_id}/"),
        ("bimtek session", OFFICER, f"/angkatan/{year}/bimtek/1/"),
        ("session attendance", OFFICER, f"/angkatan/{year}/bimtek/1/kehadiran/"),
        ("cohort members", OFFICER, f"/angkatan/{year}/anggota/"),
        ("jury scores", OFFICER, f"/angkatan/{year}/juri/"),
        ("region's obligations", TEAM, f"/angkatan/{year}/wilayah/35.22/kewajiban/"),
        ("masterplan versions", TEAM, f"/masterplan/{plan.pk}/versi/"),
        ("masterplans compared", OFFICER, "/masterplan/bandingkan/"),
        ("article import", TEAM, f"{news}impor/"),
        ("complaint topic", TEAM, f"/pengaduan/kelola/topik/{category.pk}/"),
        ("national dashboard", OFFICER, "/dasbor/"),
        ("region dashboard", TEAM, "/dasbor/35.22/"),
        ("region implementation", TEAM, "/implementasi/35.22/"),
    ]


def measure(args: argparse.Namespace) -> dict:
    """In this process: every page, signed in, ``--renders`` times after ``--warmup``."""
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from cerdas.accounts.models import User

    clients = {}
    for username in (OFFICER, TEAM):
        client = Client()
        client.force_login(User.objects.get(username=username))
        clients[username] = client
    rows = []
    for what, persona, path in pages():
        if args.only and not any(part in path for part in args.only.split(",")):
            continue
        client = clients[persona]
        status = client.get(path).status_code
        for _ in range(args.warmup):
            client.get(path)
        cpu, wall = [], []
        for _ in range(args.renders):
            start, start_cpu = time.perf_counter(), time.process_time()
            client.get(path)
            cpu.append((time.process_time() - start_cpu) * 1000)
            wall.append((time.perf_counter() - start) * 1000)
        with CaptureQueriesContext(connection) as queries:
            content = client.get(path).content
        rows.append(
            {
                "what": what,
                "persona": persona,
                "path": path,
                "status": status,
                "cpu_ms": round(statistics.median(cpu), 2),
                "wall_ms": round(statistics.median(wall), 2),
                "queries": len(queries),
                "bytes": len(content),
                "digest": digest(content),
            }
        )
        print(f"  {persona:15} {path:50} {rows[-1]['cpu_ms']:7.2f} ms", flush=True)
    return {"rows": rows}


def digest(content: bytes) -> str:
    """The page's fingerprint, without what differs on every request (CSRF tokens, nonces)."""
    text = re.sub(rb'(csrfmiddlewaretoken" value=")[^"]*', rb"\1", content)
    text = re.sub(rb'(nonce=")[^"]*', rb"\1", text)
    return hashlib.sha256(text).hexdigest()[:16]


def fresh_copy(args: argparse.Namespace, tag: str) -> str:
    """A copy of the base database for one measuring process: renders leave the base as is."""
    if args.database == "postgres":
        recreate(args, pg_name(tag), template=pg_name("base"))
        return database_url(args, tag)
    database = TMP / f"{tag}.sqlite3"
    shutil.copyfile(TMP / "base.sqlite3", database)
    for suffix in ("-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    return database_url(args, tag)


def run_tree(tree: Path, args: argparse.Namespace, tag: str) -> dict:
    """Measure one checkout in a process of its own, on a fresh copy of the database."""
    out = TMP / f"{tag}.json"
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", str(out)]
    command += ["--renders", str(args.renders), "--warmup", str(args.warmup)]
    if args.only:
        command += ["--only", args.only]
    subprocess.run(command, cwd=tree, env=env_for(tree, fresh_copy(args, tag)), check=True)
    return json.loads(out.read_text())


def load(args: argparse.Namespace, rows: list[dict]) -> list[dict]:
    """Every page under wrk, signed in, from this tree served by granian as production is."""
    sys.path.insert(0, str(ROOT))
    from bench import run

    url = fresh_copy(args, "load")
    values = {**env_for(ROOT, url), "ALLOWED_HOSTS": run.HOST, "PYTHONPATH": str(ROOT)}
    sessions = {}
    for persona in (OFFICER, TEAM):
        made = subprocess.run(
            [sys.executable, "-c", run.SESSION.replace("{username}", persona)],
            cwd=ROOT,
            env=values,
            capture_output=True,
            text=True,
            check=True,
        )
        sessions[persona] = made.stdout.split()[-1]
    server_args = argparse.Namespace(
        granian_workers=args.workers,
        granian_blocking_threads=args.blocking_threads,
        connections=16,
        threads=2,
    )
    wrk = run.ensure_wrk()
    run.TMP_DIR.mkdir(parents=True, exist_ok=True)
    servers = []
    try:
        servers.append(run.start_server("granian", values, server_args))
        servers.append(run.start_server("granian", values, server_args, ceiling=True))
        cerdas, ceiling = servers
        targets = [(None, "ceiling", "/", ceiling.port)]
        targets += [(row, row["persona"], row["path"], cerdas.port) for row in rows]
        measured = []
        for row, persona, path, port in targets:
            headers = {} if row is None else {"Cookie": f"sessionid={sessions[persona]}"}
            status = run.http_status(port, path, headers)
            address = f"http://{run.HOST}:{port}{path}"
            run.run_wrk(wrk, address, server_args, args.load_warmup, headers)
            figures = run.parse_wrk(run.run_wrk(wrk, address, server_args, args.load, headers))
            figures["error"] = run.void_reason(status, figures)
            print(
                f"  {persona:15} {path:50} {figures['requests_per_second']} req/s, "
                f"p99 {figures['p99_ms']} ms",
                flush=True,
            )
            measured.append(figures)
    finally:
        for server in servers:
            run.stop_server(server)
    ceiling_rps = measured[0]["requests_per_second"] or 0
    return [{**figures, "ceiling_rps": ceiling_rps} for figures in measured[1:]]


def combine(runs: list[dict]) -> list[dict]:
    """The median over rounds of each page's figures."""
    rows = []
    for index, first in enumerate(runs[0]["rows"]):
        row = dict(first)
        for key in ("cpu_ms", "wall_ms"):
            row[key] = round(statistics.median(run["rows"][index][key] for run in runs), 2)
        rows.append(row)
    return rows


def busy_percent() -> float | None:
    stat = Path("/proc/stat")
    if not stat.exists():
        return None

    def sample():
        fields = [int(x) for x in stat.read_text().splitlines()[0].split()[1:]]
        return fields[3] + fields[4], sum(fields)

    idle1, total1 = sample()
    time.sleep(2)
    idle2, total2 = sample()
    return round(100 * (1 - (idle2 - idle1) / max(1, total2 - total1)), 1)


def report(rows: list[dict], other: list[dict] | None, args, busy) -> str:
    command = " ".join(["bench/render.py", *sys.argv[1:]])
    lines = [
        "# Render times, signed in, in process",
        "",
        f"Measured {datetime.now(UTC).isoformat(timespec='seconds')} with "
        f"`.venv/bin/python {command}` — {os.cpu_count()} CPUs, Python "
        f"{platform.python_version()}, production settings (DEBUG off), "
        f"{'PostgreSQL' if args.database == 'postgres' else 'SQLite'}; "
        f"median of {args.rounds} round(s) of the median of {args.renders} renders after "
        f"{args.warmup} unmeasured; CPUs {busy} % busy just before the run. "
        "bench/render.py explains the method.",
        "",
        f"Target: every page ≤ {TARGET_MS:g} ms of CPU per render.",
        "",
    ]
    head = "| page | signed in as | path | status | CPU ms | wall ms | queries | verdict |"
    rule = "|---|---|---|---:|---:|---:|---:|---|"
    if other:
        head = head[:-10] + f" {args.against_label} CPU ms | ratio | same page | verdict |"
        rule = rule[:-4] + "---:|---:|---|---|"
    lines += [head, rule]
    for index, row in enumerate(rows):
        baseline = row["path"] == "/bench/baseline"
        verdict = "—" if baseline else ("PASS" if row["cpu_ms"] <= TARGET_MS else "FAIL")
        cells = [
            row["what"],
            row["persona"],
            f"`{row['path']}`",
            str(row["status"]),
            f"{row['cpu_ms']:.2f}",
            f"{row['wall_ms']:.2f}",
            str(row["queries"]),
        ]
        if other:
            before = other[index]["cpu_ms"]
            same = "yes" if row["digest"] == other[index]["digest"] else "**no**"
            cells += [f"{before:.2f}", f"{row['cpu_ms'] / before:.2f}", same]
        lines.append("| " + " | ".join([*cells, verdict]) + " |")
    if args.loaded:
        lines += load_report(rows, args.loaded, args)
    return "\n".join(lines) + "\n"


def load_report(rows: list[dict], loaded: list[dict], args) -> list[str]:
    ceiling = loaded[0]["ceiling_rps"]
    lines = [
        "",
        f"## Under load: granian, {args.workers} workers x {args.blocking_threads} "
        "blocking threads, "
        f"wrk -t2 -c16 -d{args.load}s, signed in",
        "",
        f"Each page as its persona, after {args.load_warmup} s unmeasured. The ceiling is "
        f"Django's trivial view (bench/ceiling.py) served the same way: {ceiling:,.0f} req/s. "
        f"Target: p99 under {TARGET_P99_MS:g} ms.",
        "",
        "| page | signed in as | req/s | p50 ms | p99 ms | ratio to the ceiling | verdict |",
        "|---|---|---:|---:|---:|---:|---|",
    ]
    for row, figures in zip(rows, loaded, strict=True):
        if figures["error"]:
            verdict, numbers = f"VOID: {figures['error']}", ["—"] * 4
        else:
            p99 = figures["p99_ms"]
            verdict = (
                "—"
                if row["path"] == "/bench/baseline"
                else ("PASS" if p99 < TARGET_P99_MS else "FAIL")
            )
            numbers = [
                f"{figures['requests_per_second']:,.0f}",
                f"{figures['p50_ms']:.1f}",
                f"{p99:.1f}",
                f"{figures['requests_per_second'] / ceiling:.3f}" if ceiling else "—",
            ]
        lines.append("| " + " | ".join([row["what"], row["persona"], *numbers, verdict]) + " |")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--renders", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--against", type=Path, help="another checkout of Cerdas to compare")
    parser.add_argument("--fresh", action="store_true", help="build the database again")
    parser.add_argument("--only", help="measure only the paths containing one of these (a,b)")
    parser.add_argument("--database", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument(
        "--postgres",
        default=os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432"),
        help="the PostgreSQL server for --database postgres (a user who may create databases)",
    )
    parser.add_argument(
        "--load", type=int, default=0, metavar="SECONDS", help="also load every page with wrk"
    )
    parser.add_argument("--load-warmup", type=int, default=2, metavar="SECONDS")
    parser.add_argument(
        "--blocking-threads", type=int, default=1, help="granian's per worker (make run: 1)"
    )
    parser.add_argument(
        "--workers", type=int, default=2, help="granian's worker processes (make run: 2)"
    )
    parser.add_argument("--output", type=Path)
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        sys.path.insert(0, os.getcwd())
        args.worker.write_text(json.dumps(measure(args)))
        return 0
    args.output = args.output or RESULTS.with_name(
        "render-postgres.md" if args.database == "postgres" else "render.md"
    )
    prepare(args)
    busy = busy_percent()
    mine, theirs = [], []
    for round_no in range(args.rounds):
        # Taking turns: a slow patch of the machine hits both checkouts alike.
        order = [("this", ROOT)] + ([("other", args.against.resolve())] if args.against else [])
        if round_no % 2:
            order.reverse()
        for tag, tree in order:
            print(f"round {round_no + 1}: {tree}", flush=True)
            (mine if tag == "this" else theirs).append(run_tree(tree, args, tag))
    args.against_label = args.against.name if args.against else ""
    rows = combine(mine)
    args.loaded = load(args, rows) if args.load else None
    markdown = report(rows, combine(theirs) if theirs else None, args, busy)
    print("\n" + markdown)
    args.output.write_text(markdown)
    failing = [r for r in rows if r["path"] != "/bench/baseline" and r["cpu_ms"] > TARGET_MS]
    slow = [f for f in args.loaded or [] if f["error"] or f["p99_ms"] >= TARGET_P99_MS]
    return 1 if failing or slow else 0


if __name__ == "__main__":
    sys.exit(main())

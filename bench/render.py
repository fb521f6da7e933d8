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
OFFICER, TEAM = "admin", "tim.bojonegoro"


def env_for(tree: Path, database: Path) -> dict[str, str]:
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
        DATABASE_URL=f"sqlite:///{database}",
        LOG_LEVEL="WARNING",
        EMAIL_URL="locmem://",
    )
    return values


def prepare(fresh: bool) -> Path:
    """The database every measuring process starts from: built once, kept in bench/.tmp."""
    database = TMP / "base.sqlite3"
    if database.exists() and not fresh:
        return database
    shutil.rmtree(TMP, ignore_errors=True)
    TMP.mkdir(parents=True)
    values = env_for(ROOT, database)
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
    return database


def pages() -> list[tuple[str, str, str]]:
    """(what, persona, path) of every page measured, found in the demo data."""
    from cerdas.assessments.models import Round
    from cerdas.cohorts.models import Cohort
    from cerdas.masterplans.models import Masterplan
    from cerdas.portal.models import Article

    article = Article.objects.filter(region_id="35.22", status="published").order_by("pk").first()
    plan = Masterplan.objects.filter(status="approved").order_by("pk").first()
    ranking = Round.objects.get(slug="2017-kesiapan")
    year = Cohort.objects.order_by("year").first().year
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
        ("news editor list", OFFICER, "/berita/kelola/"),
        ("news editor list", TEAM, "/berita/kelola/"),
        ("complaints desk", OFFICER, "/pengaduan/kelola/"),
        ("complaints desk", TEAM, "/pengaduan/kelola/"),
        ("surveys desk", OFFICER, "/survei/kelola/"),
        ("surveys desk", TEAM, "/survei/kelola/"),
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


def run_tree(tree: Path, base: Path, args: argparse.Namespace, tag: str) -> dict:
    """Measure one checkout in a process of its own, on a fresh copy of the database."""
    database = TMP / f"{tag}.sqlite3"
    shutil.copyfile(base, database)
    for suffix in ("-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    out = TMP / f"{tag}.json"
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", str(out)]
    command += ["--renders", str(args.renders), "--warmup", str(args.warmup)]
    if args.only:
        command += ["--only", args.only]
    subprocess.run(command, cwd=tree, env=env_for(tree, database), check=True)
    return json.loads(out.read_text())


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
        f"{platform.python_version()}, production settings (DEBUG off), SQLite; "
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
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--renders", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--against", type=Path, help="another checkout of Cerdas to compare")
    parser.add_argument("--fresh", action="store_true", help="build the database again")
    parser.add_argument("--only", help="measure only the paths containing one of these (a,b)")
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        sys.path.insert(0, os.getcwd())
        args.worker.write_text(json.dumps(measure(args)))
        return 0
    base = prepare(args.fresh)
    busy = busy_percent()
    mine, theirs = [], []
    for round_no in range(args.rounds):
        # Taking turns: a slow patch of the machine hits both checkouts alike.
        order = [("this", ROOT)] + ([("other", args.against.resolve())] if args.against else [])
        if round_no % 2:
            order.reverse()
        for tag, tree in order:
            print(f"round {round_no + 1}: {tree}", flush=True)
            (mine if tag == "this" else theirs).append(run_tree(tree, base, args, tag))
    args.against_label = args.against.name if args.against else ""
    rows = combine(mine)
    markdown = report(rows, combine(theirs) if theirs else None, args, busy)
    print("\n" + markdown)
    args.output.write_text(markdown)
    failing = [r for r in rows if r["path"] != "/bench/baseline" and r["cpu_ms"] > TARGET_MS]
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())

"""Complaints benchmark: report intake under 16 concurrent clients, and the public pages.

Run from the repository root (``make bench`` runs it too):

    .venv/bin/python bench/bench_complaints.py

It builds a fresh SQLite database under bench/.tmp/complaints/ (regions and the demo, in
production settings), starts granian as bench/run.py does, and drives it with wrk over
loopback only:

- **intake, web form**: 16 connections POST the report form's final step (``step=send``,
  as the check-your-answers page sends it, CSRF cookie and token included) for the duration;
- **intake, Open311**: 16 connections POST ``/open311/v2/requests.json`` with an API key;
- **pages**: the baseline (a trivial view behind the same middleware), the region's public
  report list and one public report page, each ``--rounds`` times (median).

Intake counts as accepted only what is in the database afterwards: the number of new reports
must equal the number of successful answers wrk saw (none lost, none doubled), and no answer
may be an error. The rate limits are raised for the run (one client address sends
everything). Targets: >= 200 accepted reports/s for each intake; the pages >= 0.30 x the
baseline. Results go to bench/complaints.md.
"""

from __future__ import annotations

import http.client
import os
import platform
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import urllib.parse
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import run as harness  # noqa: E402

TMP = ROOT / "bench" / ".tmp" / "complaints"
RESULTS = ROOT / "bench" / "complaints.md"
TARGET_INTAKE = 200.0
TARGET_PAGE_RATIO = 0.30
CONNECTIONS = 16


def env() -> dict[str, str]:
    values = harness.bench_env()
    values.update(
        VAR_DIR=str(TMP),
        STATIC_ROOT=str(TMP / "static"),
        DATABASE_URL=f"sqlite:///{TMP / 'cerdas.sqlite3'}",
        COMPLAINTS_INTAKE_PER_HOUR="100000000",
        OPEN311_POSTS_PER_MINUTE="100000000",
        EMAIL_URL="locmem://",
    )
    return values


def manage(values, *args) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=values,
        capture_output=True,
        text=True,
        timeout=harness.SETUP_TIMEOUT_S,
    )
    if done.returncode != 0:
        sys.exit(f"manage.py {args[0]} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def prepare(values) -> dict:
    if TMP.exists():
        shutil.rmtree(TMP)
    TMP.mkdir(parents=True)
    for step in (
        ["collectstatic", "--noinput", "-v", "0"],
        ["migrate", "-v", "0"],
        ["import_regions"],
        ["seed_demo"],
    ):
        print("  manage.py", " ".join(step), flush=True)
        manage(values, *step)
    key = manage(values, "open311_key", "--region", "35.22", "--name", "Benchmark").split()[-1]
    db = sqlite3.connect(TMP / "cerdas.sqlite3")
    category = db.execute(
        "SELECT id FROM complaints_category WHERE region_id='35.22' AND code='jalan-rusak'"
    ).fetchone()[0]
    number = db.execute(
        "SELECT tracking_number FROM complaints_report WHERE region_id='35.22' "
        "AND privacy='public' AND text_public=1 ORDER BY id LIMIT 1"
    ).fetchone()[0]
    db.close()
    return {"key": key, "category": category, "report": number}


def count_reports() -> int:
    db = sqlite3.connect(TMP / "cerdas.sqlite3")
    try:
        return db.execute("SELECT COUNT(*) FROM complaints_report").fetchone()[0]
    finally:
        db.close()


def csrf(port: int) -> tuple[str, str]:
    """A CSRF cookie and the form's token, fetched once like a browser would."""
    conn = http.client.HTTPConnection(harness.HOST, port, timeout=10)
    conn.request("GET", "/pengaduan/wilayah/35.22/lapor/")
    response = conn.getresponse()
    body = response.read().decode()
    cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie", "")).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
    conn.close()
    return cookie, token


def lua_post(body: dict, headers: dict) -> Path:
    script = TMP / f"post-{len(list(TMP.glob('post-*.lua')))}.lua"
    lines = ['wrk.method = "POST"', f"wrk.body = {lua_string(urllib.parse.urlencode(body))}"]
    headers = {"Content-Type": "application/x-www-form-urlencoded", **headers}
    for name, value in headers.items():
        lines.append(f"wrk.headers[{lua_string(name)}] = {lua_string(value)}")
    script.write_text("\n".join(lines) + "\n")
    return script


def lua_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def wrk(url: str, seconds: int, script: Path | None = None) -> dict:
    command = [harness.ensure_wrk(), "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency"]
    if script:
        command += ["-s", str(script)]
    done = subprocess.run([*command, url], capture_output=True, text=True, timeout=seconds + 60)
    if done.returncode != 0:
        raise RuntimeError(done.stdout + done.stderr)
    figures = harness.parse_wrk(done.stdout)
    figures["output"] = done.stdout
    return figures


def intake(name, url, script, seconds) -> dict:
    before = count_reports()
    figures = wrk(url, seconds, script)
    accepted = count_reports() - before
    answered = figures["requests"] - figures["non_2xx"]
    errors = {k: v for k, v in figures["socket_errors"].items() if v}
    per_second = accepted / seconds
    # wrk stops counting at the deadline; requests still in flight then are stored but not
    # seen, so more stored than seen is expected. Fewer stored than seen would be a loss.
    lost = max(0, answered - accepted)
    in_flight = max(0, accepted - answered)
    ok = per_second >= TARGET_INTAKE and lost == 0 and not figures["non_2xx"] and not errors
    print(
        f"  {name}: {accepted} accepted ({per_second:.1f}/s), answered {answered}, "
        f"errors {figures['non_2xx']} {errors}",
        flush=True,
    )
    return {
        "name": name,
        "accepted": accepted,
        "answered": answered,
        "lost": lost,
        "in_flight": in_flight,
        "non_2xx": figures["non_2xx"],
        "socket_errors": errors,
        "per_second": per_second,
        "p99_ms": figures["p99_ms"],
        "verdict": "PASS" if ok else "FAIL",
    }


def intake_scripts(port: int, data: dict) -> tuple[Path, Path]:
    """The wrk scripts that post the web form's last step and an Open311 request."""
    base = f"http://{harness.HOST}:{port}"
    cookie, token = csrf(port)
    form = lua_post(
        {
            "csrfmiddlewaretoken": token,
            "step": "send",
            "kind": "complaint",
            "category": data["category"],
            "description": "Jalan berlubang di depan pasar (benchmark).",
            "address": "Jl. Veteran",
            "latitude": "-7.150975",
            "longitude": "111.881860",
            "privacy": "public",
        },
        {"Cookie": f"csrftoken={cookie}", "Referer": base + "/pengaduan/wilayah/35.22/lapor/"},
    )
    open311 = lua_post(
        {
            "api_key": data["key"],
            "jurisdiction_id": "35.22",
            "service_code": "jalan-rusak",
            "lat": "-7.150975",
            "long": "111.881860",
            "description": "Jalan berlubang (benchmark).",
        },
        {},
    )
    return form, open311


def group_cpu_seconds(pgid: int) -> float:
    """CPU time (user + system) used so far by the processes of this group (the server)."""
    total, tick = 0, os.sysconf("SC_CLK_TCK")
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # gone meanwhile
        if int(fields[2]) == pgid:  # fields after the name: state, ppid, pgrp, ...
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / tick


def measure_intake(tree: Path, values: dict, args, data: dict, seconds: int) -> list[dict]:
    """Serve ``tree`` (a checkout of Cerdas) on the benchmark's database and load both intakes.

    Besides the rate, the server's CPU time per accepted report: other work on the machine
    slows the rate down but hardly changes what one report costs."""
    server = harness.start_server("granian", {**values, "PYTHONPATH": str(tree)}, args, cwd=tree)
    try:
        base = f"http://{harness.HOST}:{server.port}"
        form, open311 = intake_scripts(server.port, data)
        rows = []
        for name, url, script in (
            ("web form", base + "/pengaduan/wilayah/35.22/lapor/", form),
            ("Open311 POST", base + "/open311/v2/requests.json", open311),
        ):
            cpu = group_cpu_seconds(server.proc.pid)
            row = intake(name, url, script, seconds)
            used = group_cpu_seconds(server.proc.pid) - cpu
            row["cpu_ms_per_report"] = 1000 * used / max(1, row["accepted"])
            rows.append(row)
        return rows
    finally:
        harness.stop_server(server)


def median_intakes(runs: list[list[dict]]) -> list[dict]:
    """Per intake, the round with the median rate; losses and errors summed over rounds."""
    rows = []
    for index in range(len(runs[0])):
        rounds = sorted((run[index] for run in runs), key=lambda row: row["per_second"])
        row = dict(rounds[len(rounds) // 2])
        for key in ("lost", "non_2xx"):
            row[key] = sum(r[key] for r in rounds)
        row["socket_errors"] = {"all rounds": sum(sum(r["socket_errors"].values()) for r in rounds)}
        row["rounds"] = [r["per_second"] for r in rounds]
        row["cpu_ms_per_report"] = statistics.median(r["cpu_ms_per_report"] for r in rounds)
        if row["lost"] or row["non_2xx"] or row["socket_errors"]["all rounds"]:
            row["verdict"] = "FAIL"
        rows.append(row)
    return rows


def main() -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--against",
        type=Path,
        help="another checkout of Cerdas (say, main): its intake is measured in turns with "
        "this one's, on the same database, and the ratio reported",
    )
    parser.add_argument("--intake-only", action="store_true", help="leave out the pages")
    options = parser.parse_args()
    values = env()
    load_before = os.getloadavg()[0]
    print("Preparing a fresh database ...", flush=True)
    data = prepare(values)
    args = harness.parse_args(["--servers", "granian"])
    trees = [("this", ROOT)]
    if options.against:
        trees.append(("other", options.against.resolve()))
    runs = {tag: [] for tag, _tree in trees}
    for round_no in range(options.rounds if options.against else 1):
        # Taking turns, so a slow patch of the machine hits both checkouts alike.
        for tag, tree in trees if round_no % 2 == 0 else trees[::-1]:
            print(f"  round {round_no + 1}: intake served from {tree}", flush=True)
            runs[tag].append(measure_intake(tree, values, args, data, options.duration))
    intakes = median_intakes(runs["this"])
    options.compared = None
    if options.against:
        options.compared = (options.against, median_intakes(runs["other"]))
    pages = {
        "baseline": "/bench/baseline",
        "public list": "/pengaduan/wilayah/35.22/",
        "report page": f"/pengaduan/{data['report']}/",
    }
    if options.intake_only:
        pages = {"baseline": "/bench/baseline"}
    server = harness.start_server("granian", values, args)
    try:
        base = f"http://{harness.HOST}:{server.port}"
        for path in pages.values():
            status = harness.http_status(server.port, path)
            if status != 200:
                sys.exit(f"{path} answered {status}")
            wrk(base + path, 2)  # warm-up
        samples = {name: [] for name in pages}
        for round_no in range(options.rounds):
            order = list(pages.items()) if round_no % 2 == 0 else list(pages.items())[::-1]
            for name, path in order:
                figures = wrk(base + path, options.duration)
                if figures["non_2xx"] or any(figures["socket_errors"].values()):
                    sys.exit(f"{path}: errors under load\n{figures['output']}")
                samples[name].append(figures)
                print(f"  round {round_no + 1} {name}: {figures['requests_per_second']} req/s")
    finally:
        harness.stop_server(server)
    median = {
        name: statistics.median(f["requests_per_second"] for f in runs)
        for name, runs in samples.items()
    }
    p99 = {name: statistics.median(f["p99_ms"] for f in runs) for name, runs in samples.items()}
    options.load = (load_before, os.getloadavg()[0])
    lines = report(intakes, median, p99, options, data)
    RESULTS.write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    page_ok = all(
        median[n] / median["baseline"] >= TARGET_PAGE_RATIO for n in pages if n != "baseline"
    )
    return 0 if page_ok and all(i["verdict"] == "PASS" for i in intakes) else 1


def report(intakes, median, p99, options, data) -> list[str]:
    import django

    base = median["baseline"]
    lines = [
        "# Complaints benchmark",
        "",
        f"Measured {datetime.now(UTC).isoformat(timespec='seconds')} with "
        f"`.venv/bin/python {' '.join(['bench/bench_complaints.py', *sys.argv[1:]])}` — "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"Django {django.get_version()}, "
        "SQLite (WAL), production settings, granian (workers = cores, 1 blocking thread), "
        f"wrk with {CONNECTIONS} connections on loopback; intake {options.duration} s each, pages "
        f"the median of {options.rounds} rounds of {options.duration} s. wrk runs on the same "
        "machine and takes CPU from the server. Load average (1 min) before the run "
        f"{options.load[0]:.1f}, after {options.load[1]:.1f}: above 2 on these 2 CPUs, other "
        "work was competing with the server and the figures understate it.",
        "",
        "## Intake (16 concurrent clients)",
        "",
        "| intake | accepted reports | accepted/s | answers seen | in flight at the end | lost "
        "| errors | p99 ms | server CPU ms per report | target | verdict |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for row in intakes:
        errors = row["non_2xx"] + sum(row["socket_errors"].values())
        lines.append(
            f"| {row['name']} | {row['accepted']:,} | {row['per_second']:,.1f} | "
            f"{row['answered']:,} | {row['in_flight']} | {row['lost']} | {errors} | "
            f"{row['p99_ms']} | {row['cpu_ms_per_report']:.2f} | "
            f">= {TARGET_INTAKE:.0f}/s | {row['verdict']} |"
        )
    if options.compared:
        other, theirs = options.compared
        lines += [
            "",
            f"Against `{other}` (served from that checkout on the same database, the two taking "
            f"turns over {options.rounds} rounds; the round with the median rate of each):",
            "",
            "| intake | this checkout accepted/s (rounds) | other accepted/s (rounds) | ratio "
            "| server CPU ms per report: this | other | ratio |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for mine, before in zip(intakes, theirs, strict=True):
            lines.append(
                f"| {mine['name']} | {mine['per_second']:,.1f} "
                f"({', '.join(f'{x:.1f}' for x in mine['rounds'])}) | "
                f"{before['per_second']:,.1f} ({', '.join(f'{x:.1f}' for x in before['rounds'])}) "
                f"| {mine['per_second'] / before['per_second']:.2f} "
                f"| {mine['cpu_ms_per_report']:.2f} | {before['cpu_ms_per_report']:.2f} "
                f"| {mine['cpu_ms_per_report'] / before['cpu_ms_per_report']:.2f} |"
            )
    lines += [
        "",
        "Accepted means counted in the database after the run; *lost* is successful answers "
        "wrk saw without a stored report (must be 0); *in flight* are reports stored after wrk "
        "stopped counting; *errors* are non-2xx/3xx answers and socket errors (wrk's 2 s "
        "timeout included).",
        "",
        "## Public pages (anonymous visitors: the page cache serves them)",
        "",
        "| page | req/s | p99 ms | ratio to baseline | target | verdict |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for name, value in median.items():
        ratio = value / base
        target = "—" if name == "baseline" else f">= {TARGET_PAGE_RATIO:.2f}"
        verdict = "—" if name == "baseline" else ("PASS" if ratio >= TARGET_PAGE_RATIO else "FAIL")
        lines.append(
            f"| {name} | {value:,.1f} | {p99[name]} | {ratio:.2f} | {target} | {verdict} |"
        )
    lines += [
        "",
        f"Pages: `/bench/baseline`, `/pengaduan/wilayah/35.22/`, `/pengaduan/{data['report']}/` "
        "(a demo report).",
        "Intake ratio to the baseline: web form "
        f"{intakes[0]['per_second'] / base:.3f}, Open311 {intakes[1]['per_second'] / base:.3f} "
        "(each accepted report is several writes in one transaction: number, report, event, "
        "audit entry, rate-limit counter).",
    ]
    return lines


if __name__ == "__main__":
    sys.exit(main())

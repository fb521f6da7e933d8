"""Load benchmark of Cerdas under gunicorn and granian, in production mode, on loopback only.

Run from the repository root: ``.venv/bin/python bench/run.py`` (``make bench`` does it).
Each page's throughput is divided by the throughput of ``/bench/baseline`` (a trivial view
behind the same middleware) measured in the same run, so the verdict holds on any machine;
absolute figures are only recorded for reference. bench/README.md explains the targets.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "bench"
TMP_DIR = BENCH_DIR / ".tmp"
VENV_BIN = Path(sys.executable).parent
README = BENCH_DIR / "README.md"
MARK_START, MARK_END = "<!-- results:start -->", "<!-- results:end -->"
HOST = "127.0.0.1"  # all traffic stays on loopback

BASELINE = ("baseline", "/bench/baseline")
PAGES = [
    ("region directory", "/wilayah/"),
    ("region profile", "/wilayah/35.22/"),
    ("regions API list", "/api/v1/regions?level=regency&limit=100"),
]
MIN_RATIO = 0.50  # a page must keep at least half of the baseline's throughput
MAX_P99_MS = 100.0  # ... and answer 99 % of requests within 100 ms at the default load

HEALTH_TIMEOUT_S = 60
STOP_TIMEOUT_S = 20
SETUP_TIMEOUT_S = 600


class Stop(Exception):
    """Raised by the SIGTERM handler so the ``finally`` blocks still stop the servers."""


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    cores = os.cpu_count() or 1
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds of wrk per URL")
    parser.add_argument("--warmup", type=int, default=3, help="seconds of wrk per URL, unmeasured")
    parser.add_argument("--connections", type=int, default=16, help="open wrk connections")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--servers", default="gunicorn,granian", help="comma-separated list")
    parser.add_argument("--output", type=Path, default=BENCH_DIR / "results.json")
    # gunicorn's sync workers each serve one request at a time, so 2 x cores keeps every core
    # busy while some workers wait on SQLite or the socket (gunicorn's own advice is 2n+1).
    parser.add_argument("--gunicorn-workers", type=int, default=2 * cores)
    # granian reads and writes sockets in Rust threads outside the GIL, so one Python worker
    # per core already keeps the cores busy; 2 x cores measured slower here (see README).
    parser.add_argument("--granian-workers", type=int, default=cores)
    parser.add_argument("--no-readme", action="store_true", help="leave bench/README.md alone")
    args = parser.parse_args(argv)
    args.servers = [name.strip() for name in args.servers.split(",") if name.strip()]
    unknown = set(args.servers) - {"gunicorn", "granian"}
    if unknown:
        parser.error(f"unknown server(s): {', '.join(sorted(unknown))}")
    if min(args.duration, args.connections, args.threads) < 1 or args.warmup < 0:
        parser.error("--duration, --connections and --threads must be at least 1")
    if args.threads > args.connections:
        parser.error("--threads must not exceed --connections (wrk needs a connection each)")
    return args


def ensure_wrk() -> str:
    """The path of wrk, installing Debian's package when it is missing and we are root."""
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() == 0:
        print("wrk is missing: installing it with apt-get ...", flush=True)
        install = ["apt-get", "install", "-y", "-qq", "wrk"]
        if subprocess.run(install, timeout=SETUP_TIMEOUT_S).returncode != 0:
            # A fresh container has no package lists yet.
            subprocess.run(["apt-get", "update", "-qq"], timeout=SETUP_TIMEOUT_S, check=True)
            subprocess.run(install, timeout=SETUP_TIMEOUT_S, check=True)
        found = shutil.which("wrk")
    if not found:
        sys.exit(
            "wrk is not installed. Install it with `sudo apt-get install wrk` (Debian/Ubuntu) "
            "or `brew install wrk` (macOS), then run the benchmark again."
        )
    return found


def bench_env() -> dict[str, str]:
    """Production settings pointed at a throw-away SQLite database under bench/.tmp/."""
    env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "DJANGO_SETTINGS_MODULE"}}
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        PYTHONPATH=str(ROOT),  # bench/ is not installed; the servers import bench.settings
        DEBUG="0",
        SECRET_KEY="bench-only-secret-key-not-for-any-real-deployment",
        ALLOWED_HOSTS=HOST,
        SECURE_SSL_REDIRECT="0",  # plain HTTP on loopback; a redirect would void every figure
        VAR_DIR=str(TMP_DIR),
        STATIC_ROOT=str(TMP_DIR / "static"),
        DATABASE_URL=f"sqlite:///{TMP_DIR / 'cerdas.sqlite3'}",
        LOG_LEVEL="WARNING",
    )
    return env


def prepare(env: dict[str, str]) -> None:
    """A fresh database with the regions and demo data, and the hashed static files."""
    if TMP_DIR.exists():
        shutil.rmtree(TMP_DIR)
    TMP_DIR.mkdir(parents=True)
    steps = [
        ["migrate", "--verbosity", "0"],
        ["import_regions"],
        ["seed_demo"],
        ["collectstatic", "--noinput", "--verbosity", "0"],
    ]
    for step in steps:
        print(f"  manage.py {' '.join(step)}", flush=True)
        done = subprocess.run(
            [sys.executable, "manage.py", *step],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=SETUP_TIMEOUT_S,
        )
        if done.returncode != 0:
            sys.exit(f"manage.py {step[0]} failed:\n{done.stdout}\n{done.stderr}")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def server_command(name: str, port: int, workers: int) -> list[str]:
    if name == "gunicorn":
        return [
            str(VENV_BIN / "gunicorn"),
            "cerdas.wsgi:application",
            f"--bind={HOST}:{port}",
            f"--workers={workers}",
            "--worker-class=sync",
        ]
    return [
        str(VENV_BIN / "granian"),
        "--interface=wsgi",
        f"--host={HOST}",
        f"--port={port}",
        f"--workers={workers}",
        "--no-ws",
        "--log-level=warning",
        "cerdas.wsgi:application",
    ]


def http_status(port: int, path: str, timeout: float = 5.0) -> int:
    """The status of one GET, without following redirects (a redirect is not a page)."""
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def start_server(name: str, workers: int, env: dict[str, str]) -> tuple[subprocess.Popen, int]:
    """Start the server in its own process group and wait until /healthz answers 200."""
    port = free_port()
    log = open(TMP_DIR / f"{name}.log", "wb")  # noqa: SIM115 - closed when the server stops
    proc = subprocess.Popen(
        server_command(name, port, workers),
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own group, so stopping it also stops every worker
    )
    proc.log = log  # type: ignore[attr-defined]
    deadline = time.monotonic() + HEALTH_TIMEOUT_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            break
        try:
            if http_status(port, "/healthz", timeout=2) == 200:
                return proc, port
        except OSError:
            pass  # not listening yet
        time.sleep(0.2)
    stop_server(proc)
    tail = (TMP_DIR / f"{name}.log").read_text(errors="replace")[-3000:]
    raise RuntimeError(f"{name} did not answer /healthz with 200 in {HEALTH_TIMEOUT_S}s:\n{tail}")


def stop_server(proc: subprocess.Popen) -> None:
    """Stop the whole process group: SIGTERM, then SIGKILL if it lingers; leave nothing."""
    pgid = proc.pid
    for sig, wait_s in ((signal.SIGTERM, STOP_TIMEOUT_S), (signal.SIGKILL, 5)):
        try:
            os.killpg(pgid, sig)
        except ProcessLookupError:
            break
        try:
            proc.wait(timeout=wait_s)
        except subprocess.TimeoutExpired:
            continue
        # The master is gone; wait (bounded) for its workers to leave the group too.
        deadline = time.monotonic() + wait_s
        while time.monotonic() < deadline and group_alive(pgid):
            time.sleep(0.1)
        if not group_alive(pgid):
            break
    proc.log.close()  # type: ignore[attr-defined]
    if group_alive(pgid):
        print(f"WARNING: processes of group {pgid} survived SIGKILL", file=sys.stderr)


def group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}


def to_ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", text).groups()
    return float(number) * _UNITS_MS[unit]


def parse_wrk(output: str) -> dict:
    """Requests/s, latency percentiles and error counts from ``wrk --latency`` output."""
    figures: dict = {"non_2xx": 0, "socket_errors": {}}
    rps = re.search(r"^Requests/sec:\s+([\d.]+)", output, re.M)
    total = re.search(r"^\s*(\d+) requests in ([\d.]+\w+)", output, re.M)
    for percent in ("50", "99"):
        found = re.search(rf"^\s+{percent}(?:\.000)?%\s+([\d.]+\w+)", output, re.M)
        figures[f"p{percent}_ms"] = round(to_ms(found.group(1)), 3) if found else None
    figures["requests_per_second"] = float(rps.group(1)) if rps else None
    figures["requests"] = int(total.group(1)) if total else None
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    if non_2xx:
        figures["non_2xx"] = int(non_2xx.group(1))
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    if errors:
        keys = ("connect", "read", "write", "timeout")
        figures["socket_errors"] = dict(zip(keys, map(int, errors.groups()), strict=True))
    return figures


def run_wrk(wrk: str, url: str, args: argparse.Namespace, seconds: int) -> str:
    command = [
        wrk,
        f"-t{args.threads}",
        f"-c{args.connections}",
        f"-d{seconds}s",
        "--latency",
        url,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60)
    if done.returncode != 0:
        raise RuntimeError(f"wrk failed on {url}:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def void_reason(status: int, figures: dict) -> str | None:
    """Why a measurement cannot be trusted, or None when it can."""
    if status != 200:
        return f"answered {status}, not 200"
    if figures["requests_per_second"] is None or figures["p99_ms"] is None:
        return "wrk output could not be parsed"
    if figures["non_2xx"]:
        return f"{figures['non_2xx']} non-2xx/3xx responses under load"
    # Timed-out requests are missing from wrk's latency distribution, so p99 would lie.
    timeouts = figures["socket_errors"].get("timeout", 0)
    if timeouts:
        return f"{timeouts} requests timed out under load"
    broken = sum(v for k, v in figures["socket_errors"].items() if k != "timeout")
    if broken:
        return f"socket errors under load: {figures['socket_errors']}"
    return None


def measure(wrk: str, port: int, label: str, path: str, args: argparse.Namespace) -> dict:
    """Check one URL answers 200, warm it up, then measure it."""
    url = f"http://{HOST}:{port}{path}"
    status = http_status(port, path)
    row = {"name": label, "path": path, "status": status}
    if status != 200:
        row.update(requests_per_second=None, p50_ms=None, p99_ms=None)
        row["error"] = void_reason(status, {})
        return row
    if args.warmup:
        run_wrk(wrk, url, args, args.warmup)
    output = run_wrk(wrk, url, args, args.duration)
    row.update(parse_wrk(output))
    row["error"] = void_reason(status, row)
    row["wrk_output"] = output
    print(f"    {path}: {row['requests_per_second']} req/s, p99 {row['p99_ms']} ms", flush=True)
    return row


def judge(rows: list[dict]) -> None:
    """Add each row's ratio to the baseline and its PASS/FAIL against the targets."""
    base = rows[0]
    base_rps = None if base.get("error") else base["requests_per_second"]
    for row in rows:
        if row.get("error") or not base_rps:
            row["ratio"], row["verdict"] = None, "ERROR"
            if not row.get("error"):
                row["error"] = "baseline measurement is void"
            continue
        row["ratio"] = round(row["requests_per_second"] / base_rps, 3)
        row["checks"] = {"p99_under_target": row["p99_ms"] < MAX_P99_MS}
        if row is not base:
            row["checks"]["ratio_at_least_target"] = row["ratio"] >= MIN_RATIO
        row["verdict"] = "PASS" if all(row["checks"].values()) else "FAIL"


def bench_server(name: str, wrk: str, env: dict, args: argparse.Namespace) -> dict:
    workers = args.gunicorn_workers if name == "gunicorn" else args.granian_workers
    print(f"\n{name}: {workers} workers", flush=True)
    proc, port = start_server(name, workers, env)
    try:
        rows = [measure(wrk, port, label, path, args) for label, path in [BASELINE, *PAGES]]
    finally:
        stop_server(proc)
    judge(rows)
    command = server_command(name, port, workers)
    command[0] = Path(command[0]).name
    return {
        "version": metadata.version(name),
        "workers": workers,
        "command": shlex.join(command),
        "results": rows,
    }


def page_mean(server: dict) -> float | None:
    """Mean req/s over the real pages, or None when any of them is void."""
    rows = server["results"][1:]
    if any(row.get("error") for row in rows):
        return None
    return sum(row["requests_per_second"] for row in rows) / len(rows)


def compare(servers: dict[str, dict]) -> dict:
    """Which server served the real pages faster, by their mean throughput."""
    means = {name: page_mean(server) for name, server in servers.items()}
    valid = {name: mean for name, mean in means.items() if mean is not None}
    if len(valid) < 2:
        return {"page_mean_rps": means, "winner": None, "margin_percent": None}
    ranked = sorted(valid, key=valid.get, reverse=True)
    winner, runner_up = ranked[0], ranked[1]
    margin = (valid[winner] / valid[runner_up] - 1) * 100
    return {
        "page_mean_rps": {name: round(mean, 1) for name, mean in valid.items()},
        "winner": winner,
        "runner_up": runner_up,
        "margin_percent": round(margin, 1),
    }


def machine_info(wrk: str) -> dict:
    cpu = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        found = re.search(r"^model name\s*:\s*(.+)$", cpuinfo.read_text(), re.M)
        cpu = found.group(1).strip() if found else ""
    wrk_version = subprocess.run([wrk, "--version"], capture_output=True, text=True, timeout=10)
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "load_average_before": [round(x, 2) for x in os.getloadavg()],
        "platform": platform.platform(),
        "python": platform.python_version(),
        "django": metadata.version("django"),
        "wrk": (wrk_version.stdout or wrk_version.stderr).split("Copyright")[0].strip(),
    }


def exact_command() -> str:
    python = Path(sys.executable)
    if python.is_relative_to(ROOT):
        python = python.relative_to(ROOT)
    return shlex.join([str(python), *sys.argv])


def fmt(value: float | None, digits: int = 1) -> str:
    return "—" if value is None else f"{value:,.{digits}f}"


def server_table(name: str, server: dict) -> list[str]:
    lines = [
        f"### {name} {server['version']} ({server['workers']} workers)",
        "",
        f"`{server['command']}`",
        "",
        "| URL | req/s | p50 ms | p99 ms | ratio to baseline | verdict |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for row in server["results"]:
        verdict = row["verdict"]
        if row.get("error"):
            verdict += f": {row['error']}"
        lines.append(
            f"| `{row['path']}` | {fmt(row.get('requests_per_second'))} "
            f"| {fmt(row.get('p50_ms'), 2)} | {fmt(row.get('p99_ms'), 2)} "
            f"| {fmt(row.get('ratio'), 2)} | {verdict} |"
        )
    return [*lines, ""]


def report_markdown(report: dict) -> str:
    machine, run = report["machine"], report["run"]
    lines = [
        f"Measured {report['date']} with `{report['command']}`",
        "",
        f"Machine: {machine['nproc']} CPUs ({machine['cpu'] or 'unknown CPU'}), "
        f"load average before {machine['load_average_before'][0]}; Python "
        f"{machine['python']}, Django {machine['django']}, {machine['wrk']}. "
        f"wrk: {run['threads']} threads, {run['connections']} connections, "
        f"{run['duration_s']} s per URL after {run['warmup_s']} s of warm-up; wrk runs on the "
        "same machine and takes CPU from the server.",
        "",
        f"Targets: pages and API ≥ {MIN_RATIO:.2f} × baseline req/s; "
        f"p99 < {MAX_P99_MS:.0f} ms at {run['connections']} connections.",
        "",
    ]
    for name, server in report["servers"].items():
        lines += server_table(name, server)
    lines.append(verdict_sentence(report["comparison"]))
    return "\n".join(lines)


def verdict_sentence(comparison: dict) -> str:
    if not comparison["winner"]:
        return "No winner: fewer than two servers have valid figures for every page."
    means = comparison["page_mean_rps"]
    winner, loser = comparison["winner"], comparison["runner_up"]
    return (
        f"**{winner}** served the real pages faster: {means[winner]:,.1f} req/s on average "
        f"against {means[loser]:,.1f} for {loser} (+{comparison['margin_percent']:.1f} %)."
    )


def update_readme(markdown: str) -> None:
    """Replace the text between the results markers in bench/README.md."""
    text = README.read_text() if README.exists() else ""
    if MARK_START not in text or MARK_END not in text:
        print(f"NOTE: {README} has no results markers; left unchanged.", file=sys.stderr)
        return
    head, rest = text.split(MARK_START, 1)
    _old, tail = rest.split(MARK_END, 1)
    README.write_text(f"{head}{MARK_START}\n{markdown}\n{MARK_END}{tail}")


def _raise_stop(signum, frame):
    raise Stop(f"signal {signum}")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, _raise_stop)
    os.chdir(ROOT)
    wrk = ensure_wrk()
    machine = machine_info(wrk)  # load average before we add our own
    env = bench_env()
    print("Preparing a fresh database in bench/.tmp/ ...", flush=True)
    prepare(env)
    servers = {name: bench_server(name, wrk, env, args) for name in args.servers}
    report = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": exact_command(),
        "machine": machine,
        "run": {
            "duration_s": args.duration,
            "warmup_s": args.warmup,
            "connections": args.connections,
            "threads": args.threads,
        },
        "targets": {"min_ratio_to_baseline": MIN_RATIO, "max_p99_ms": MAX_P99_MS},
        "servers": servers,
        "comparison": compare(servers),
    }
    markdown = report_markdown(report)
    print("\n" + markdown)
    args.output.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(f"\nFigures written to {args.output}")
    if not args.no_readme:
        update_readme(markdown)
    verdicts = [row["verdict"] for s in servers.values() for row in s["results"]]
    return 0 if all(v == "PASS" for v in verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())

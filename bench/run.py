"""Load benchmark of Cerdas under gunicorn and granian, in production mode, on loopback only.

Run from the repository root: ``.venv/bin/python bench/run.py`` (``make bench`` does it).
Each page's throughput is divided by the throughput of ``/bench/baseline`` (a trivial view
behind the same middleware) measured in the same run, so the verdict holds on any machine;
absolute figures are only recorded for reference. bench/README.md explains the targets.
"""

from __future__ import annotations

import argparse
import functools
import http.client
import json
import os
import platform
import re
import shlex
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "bench"
TMP_DIR = BENCH_DIR / ".tmp"
VENV_BIN = Path(sys.executable).parent
README = BENCH_DIR / "README.md"
MARK_START, MARK_END = "<!-- results:start -->", "<!-- results:end -->"
HOST = "127.0.0.1"  # all traffic stays on loopback

MIN_RATIO = 0.50  # a page must keep at least half of the baseline's throughput
MAX_P99_MS = 100.0  # ... and answer 99 % of requests within 100 ms at the default load


@dataclass(frozen=True)
class Page:
    name: str
    path: str
    min_ratio: float | None  # None for the ceiling, the baseline and signed-in pages
    source: str = "run.py"  # or the bench/pages_<app>.txt that asked for it
    signed_in: bool = False  # requested with the demo admin's session cookie

    @property
    def key(self) -> str:
        return f"{self.path} (signed in)" if self.signed_in else self.path

    def as_signed_in(self) -> Page:
        return Page(self.name, self.path, None, self.source, signed_in=True)


# Django's trivial view behind only Security and Common middleware (bench/ceiling.py), served
# by a second server started the same way; every page is divided by it too.
CEILING = Page("ceiling", "/", None, "ceiling.py")
BASELINE = Page("baseline", "/bench/baseline", None)
PAGES = [
    Page("region directory", "/wilayah/", MIN_RATIO),
    Page("region profile", "/wilayah/35.22/", MIN_RATIO),
    Page("regions API list", "/api/v1/regions?level=regency&limit=100", MIN_RATIO),
]

BUSY_PERCENT = 25  # CPU use by other work, outside our run, that makes the figures noisy
HEALTH_TIMEOUT_S = 60
STOP_TIMEOUT_S = 20
SETUP_TIMEOUT_S = 600
BENCH_SECRET_KEY = "bench-only-secret-key-not-for-any-real-deployment"
# Public pages are cached for visitors without a session cookie (cerdas.core.cache). Every page
# is also requested signed in as the demo national admin (a real session, made in prepare()),
# so that page is rendered for the user on every request: a cached copy cannot hide the render.
SIGNED_IN_USER = "admin"
SESSION = """
import django
django.setup()
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.cached_db import SessionStore
from cerdas.accounts.models import User
user = User.objects.get(username="{username}")
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
print(session.session_key)
"""


class Stop(Exception):
    """Raised by the SIGTERM handler so the ``finally`` blocks still stop the servers."""


@dataclass
class Server:
    name: str
    workers: int
    port: int
    command: list[str]
    proc: subprocess.Popen
    log: IO[bytes]


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    cores = os.cpu_count() or 1
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds of wrk per URL")
    parser.add_argument("--warmup", type=int, default=3, help="seconds of wrk per URL, unmeasured")
    parser.add_argument("--rounds", type=int, default=3, help="measurements per URL (median)")
    parser.add_argument("--connections", type=int, default=16, help="open wrk connections")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--servers", default="gunicorn,granian", help="comma-separated list")
    parser.add_argument(
        "--wait-idle",
        type=int,
        default=120,
        help="seconds to wait at most for other work to leave the CPUs before measuring",
    )
    parser.add_argument("--output", type=Path, default=BENCH_DIR / "results.json")
    # gunicorn's sync workers each serve one request at a time, so 2 x cores keeps every core
    # busy while some workers wait on SQLite or the socket (gunicorn's own advice is 2n+1).
    parser.add_argument("--gunicorn-workers", type=int, default=2 * cores)
    # granian does its socket work in Rust threads outside the GIL, so one Python worker per
    # core keeps the cores busy; README.md records the variants measured against it.
    parser.add_argument("--granian-workers", type=int, default=cores)
    # granian's WSGI default is backpressure/2 Python threads per worker (256 by default); for
    # CPU-bound Django views they only queue on the GIL. README.md records what was measured.
    parser.add_argument(
        "--granian-blocking-threads", type=int, default=1, help="0: granian's own default"
    )
    parser.add_argument(
        "--anonymous-only",
        action="store_true",
        help="leave out the signed-in requests (a quick check; a full run measures both)",
    )
    parser.add_argument(
        "--no-extra-pages",
        action="store_true",
        help="measure only the baseline and run.py's pages, not those in bench/pages_*.txt",
    )
    parser.add_argument("--no-readme", action="store_true", help="leave bench/README.md alone")
    args = parser.parse_args(argv)
    args.servers = [name.strip() for name in args.servers.split(",") if name.strip()]
    unknown = set(args.servers) - {"gunicorn", "granian"}
    if unknown or not args.servers:
        parser.error(f"--servers takes gunicorn and/or granian, not {args.servers}")
    if min(args.duration, args.connections, args.threads, args.rounds) < 1 or args.warmup < 0:
        parser.error("--duration, --rounds, --connections and --threads must be at least 1")
    if args.threads > args.connections:
        parser.error("--threads must not exceed --connections (wrk needs a connection each)")
    return args


def ensure_wrk() -> str:
    """The path of wrk, installing Debian's package when it is missing and we are root."""
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() == 0 and shutil.which("apt-get"):
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
        SECRET_KEY=BENCH_SECRET_KEY,
        ALLOWED_HOSTS=HOST,
        SECURE_SSL_REDIRECT="0",  # plain HTTP on loopback; a redirect would void every figure
        VAR_DIR=str(TMP_DIR),
        STATIC_ROOT=str(TMP_DIR / "static"),
        DATABASE_URL=f"sqlite:///{TMP_DIR / 'cerdas.sqlite3'}",
        LOG_LEVEL="WARNING",
    )
    return env


def prepare(env: dict[str, str]) -> str:
    """A fresh database with the regions and demo data, and the hashed static files.

    Returns the session key of the demo national admin, signed in."""
    if TMP_DIR.exists():
        shutil.rmtree(TMP_DIR)
    TMP_DIR.mkdir(parents=True)
    # collectstatic first: with the manifest storage of production, any code that asks for a
    # static URL while the URLconf loads (the system checks of `migrate` load it) needs the
    # manifest to exist already.
    steps = [
        ["collectstatic", "--noinput", "--verbosity", "0"],
        ["migrate", "--verbosity", "0"],
        ["import_regions"],
        ["seed_demo"],
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
    done = subprocess.run(
        [sys.executable, "-c", SESSION.replace("{username}", SIGNED_IN_USER)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=SETUP_TIMEOUT_S,
    )
    if done.returncode != 0:
        sys.exit(f"signing in failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout.split()[-1]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


@functools.cache
def gunicorn_extra_flags() -> list[str]:
    """gunicorn 25+ opens a control socket at a fixed path in $HOME by default; two
    gunicorns on one machine would share it, so the benchmark's server goes without."""
    help_text = subprocess.run(
        [str(VENV_BIN / "gunicorn"), "--help"], capture_output=True, text=True, timeout=30
    ).stdout
    return ["--no-control-socket"] if "--no-control-socket" in help_text else []


def server_command(
    name: str, port: int, args: argparse.Namespace, target: str = "cerdas.wsgi:application"
) -> list[str]:
    if name == "gunicorn":
        return [
            str(VENV_BIN / "gunicorn"),
            target,
            f"--bind={HOST}:{port}",
            f"--workers={args.gunicorn_workers}",
            "--worker-class=sync",
            *gunicorn_extra_flags(),
        ]
    threads = args.granian_blocking_threads
    return [
        str(VENV_BIN / "granian"),
        "--interface=wsgi",
        f"--host={HOST}",
        f"--port={port}",
        f"--workers={args.granian_workers}",
        *([f"--blocking-threads={threads}"] if threads else []),
        "--no-ws",
        "--log-level=warning",
        target,
    ]


def http_status(port: int, path: str, headers: dict | None = None, timeout: float = 5.0) -> int:
    """The status of one GET, without following redirects (a redirect is not a page)."""
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def start_server(
    name: str,
    env: dict[str, str],
    args: argparse.Namespace,
    cwd: Path = ROOT,
    *,
    ceiling: bool = False,
) -> Server:
    """Start the server in its own process group and wait until /healthz answers 200.

    ``cwd`` is the checkout it serves (another one is compared with ``PYTHONPATH`` set to it);
    ``ceiling`` serves bench/ceiling.py's trivial view instead of Cerdas, the same way."""
    port = free_port()
    if ceiling:
        env = {**env, "DJANGO_SETTINGS_MODULE": "bench.ceiling"}
        command = server_command(name, port, args, "bench.ceiling:application")
    else:
        command = server_command(name, port, args)
    log_path = TMP_DIR / f"{name}{'-ceiling' if ceiling else ''}.log"
    log = open(log_path, "wb")  # noqa: SIM115 - closed by stop_server
    proc = subprocess.Popen(
        command,
        cwd=cwd,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own group, so stopping it also stops every worker
    )
    workers = args.gunicorn_workers if name == "gunicorn" else args.granian_workers
    server = Server(name, workers, port, command, proc, log)
    deadline, last = time.monotonic() + HEALTH_TIMEOUT_S, "no answer"
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            status = http_status(port, "/healthz", timeout=2.0)
        except OSError as error:
            status, last = None, str(error)  # not listening yet
        if status == 200:
            what = f"{name} (ceiling)" if ceiling else name
            print(f"  {what} is up on port {port} ({workers} workers)", flush=True)
            return server
        last = f"status {status}" if status else last  # 503: database down or migrations due
        time.sleep(0.2)
    stop_server(server)
    tail = log_path.read_text(errors="replace")[-2000:]
    raise RuntimeError(
        f"{name} did not answer /healthz with 200 within {HEALTH_TIMEOUT_S}s (last: {last}); "
        f"the end of {log_path}:\n{tail}"
    )


def stop_server(server: Server) -> None:
    """Stop the whole process group: SIGTERM, then SIGKILL if it lingers; leave nothing."""
    pgid = server.proc.pid
    for sig, wait_s in ((signal.SIGTERM, STOP_TIMEOUT_S), (signal.SIGKILL, 5)):
        try:
            os.killpg(pgid, sig)
        except ProcessLookupError:
            break
        try:
            server.proc.wait(timeout=wait_s)
        except subprocess.TimeoutExpired:
            continue
        # The master is gone; wait (bounded) for its workers to leave the group too.
        deadline = time.monotonic() + wait_s
        while time.monotonic() < deadline and group_alive(pgid):
            time.sleep(0.1)
        if not group_alive(pgid):
            break
    server.log.close()
    if group_alive(pgid):
        print(f"WARNING: processes of {server.name} (group {pgid}) survived", file=sys.stderr)


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
    total = re.search(r"^\s*(\d+) requests in ", output, re.M)
    for percent in ("50", "99"):
        found = re.search(rf"^\s+{percent}(?:\.0+)?%\s+([\d.]+[a-z]+)", output, re.M)
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


def run_wrk(
    wrk: str, url: str, args: argparse.Namespace, seconds: int, headers: dict | None = None
) -> str:
    command = [wrk, f"-t{args.threads}", f"-c{args.connections}", f"-d{seconds}s", "--latency"]
    for name, value in (headers or {}).items():
        command += ["-H", f"{name}: {value}"]
    done = subprocess.run([*command, url], capture_output=True, text=True, timeout=seconds + 60)
    if done.returncode != 0:
        raise RuntimeError(f"wrk failed on {url}:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def request_headers(page: Page, args: argparse.Namespace) -> dict[str, str]:
    return {"Cookie": f"sessionid={args.session_key}"} if page.signed_in else {}


def void_reason(status: int, figures: dict) -> str | None:
    """Why a measurement cannot be trusted, or None when it can."""
    if status != 200:
        return f"answered {status}, not 200"
    if figures["requests_per_second"] is None or figures["p99_ms"] is None:
        return "wrk output could not be parsed"
    if figures["non_2xx"]:
        return f"{figures['non_2xx']} non-2xx/3xx responses under load"
    # Timed-out requests are missing from wrk's latency distribution, so p99 would lie.
    errors = {k: v for k, v in figures["socket_errors"].items() if v}
    if errors:
        return f"socket errors under load: {errors}"
    return None


def extra_pages() -> tuple[list[Page], list[str]]:
    """Pages each app asks to have measured: ``bench/pages_<app>.txt``, ``/path min_ratio``
    a line (``#`` starts a comment). Returns the pages and the lines that could not be read."""
    pages, problems = [], []
    known = {page.path for page in [BASELINE, *PAGES]}
    for file in sorted(BENCH_DIR.glob("pages_*.txt")):
        app = file.stem.removeprefix("pages_")
        for number, line in enumerate(file.read_text().splitlines(), 1):
            parts = line.split("#", 1)[0].split()
            if not parts:
                continue
            try:
                ratio = float(parts[1]) if len(parts) > 1 else MIN_RATIO
            except ValueError:
                ratio = -1.0
            if len(parts) > 2 or not parts[0].startswith("/") or not 0 < ratio <= 1:
                problems.append(f"{file.name} line {number}: expected `/path ratio`: {line!r}")
            elif parts[0] not in known:
                known.add(parts[0])
                pages.append(Page(app, parts[0], ratio, file.name))
    return pages, problems


def run_rounds(
    servers: list[Server], ceilings: dict[str, Server], urls: list[Page], wrk: str, args
) -> dict:
    """Every URL on every server, ``--rounds`` times, the servers taking turns.

    Taking turns spreads any slow-down from other work on the machine over both servers and
    over the baseline and the pages alike, instead of landing on whichever ran at that moment.
    The ceiling is requested from the server's companion that serves bench/ceiling.py.
    """
    samples = {s.name: {page.key: {"status": 0, "runs": []} for page in urls} for s in servers}

    def url_of(server: Server, page: Page) -> tuple[int, str]:
        port = ceilings[server.name].port if page is CEILING else server.port
        return port, f"http://{HOST}:{port}{page.path}"

    for server in servers:
        for page in urls:
            port, url = url_of(server, page)
            status = http_status(port, page.path, request_headers(page, args))
            samples[server.name][page.key]["status"] = status
            if status == 200 and args.warmup:
                run_wrk(wrk, url, args, args.warmup, request_headers(page, args))
    for round_no in range(args.rounds):
        # Alternate the order so neither server always follows the other.
        order = servers if round_no % 2 == 0 else servers[::-1]
        for server in order:
            for page in urls:
                entry = samples[server.name][page.key]
                if entry["status"] != 200:
                    continue
                _port, url = url_of(server, page)
                output = run_wrk(wrk, url, args, args.duration, request_headers(page, args))
                figures = parse_wrk(output)
                entry["runs"].append({**figures, "round": round_no + 1, "wrk_output": output})
                print(
                    f"  round {round_no + 1} {server.name:8} {page.key}: "
                    f"{figures['requests_per_second']} req/s, p99 {figures['p99_ms']} ms",
                    flush=True,
                )
    return samples


def summarise(page: Page, entry: dict) -> dict:
    """One table row: the median of the rounds, void if any round was void."""
    row = {
        "name": page.name,
        "path": page.path,
        "key": page.key,
        "signed_in": page.signed_in,
        "source": page.source,
        "min_ratio": page.min_ratio,
        "status": entry["status"],
        "rounds": entry["runs"],
    }
    runs = entry["runs"]
    reasons = [void_reason(entry["status"], run) for run in runs] or [
        void_reason(entry["status"], {})
    ]
    row["error"] = next((reason for reason in reasons if reason), None)
    for key in ("requests_per_second", "p50_ms", "p99_ms"):
        values = [run[key] for run in runs if run[key] is not None]
        row[key] = round(statistics.median(values), 3) if values else None
    return row


def judge(rows: list[dict]) -> None:
    """Add each row's ratios to the baseline and to the ceiling, and its verdict.

    The anonymous pages have targets (PASS/FAIL); the ceiling and the signed-in requests are
    measured without one ("—"): bench/render.py holds signed-in pages to their render time."""
    by_key = {row["key"]: row for row in rows}
    base, ceiling = by_key[BASELINE.key], by_key.get(CEILING.key)
    base_rps = None if base["error"] else base["requests_per_second"]
    ceiling_rps = None if not ceiling or ceiling["error"] else ceiling["requests_per_second"]
    for row in rows:
        if row["error"] or not base_rps:
            row["ratio"], row["ceiling_ratio"], row["verdict"] = None, None, "ERROR"
            row["error"] = row["error"] or "baseline measurement is void"
            continue
        row["ratio"] = round(row["requests_per_second"] / base_rps, 3)
        row["ceiling_ratio"] = (
            round(row["requests_per_second"] / ceiling_rps, 3) if ceiling_rps else None
        )
        if row["signed_in"] or row["key"] == CEILING.key:
            row["checks"], row["verdict"] = {}, "—"
            continue
        row["checks"] = {"p99_under_target": row["p99_ms"] < MAX_P99_MS}
        if row["min_ratio"] is not None:
            row["checks"]["ratio_at_least_target"] = row["ratio"] >= row["min_ratio"]
        row["verdict"] = "PASS" if all(row["checks"].values()) else "FAIL"


def server_report(server: Server, samples: dict, urls: list[Page]) -> dict:
    rows = [summarise(page, samples[page.key]) for page in urls]
    judge(rows)
    command = [Path(server.command[0]).name, *server.command[1:]]
    try:
        version = metadata.version(server.name)
    except metadata.PackageNotFoundError:  # a server installed outside this environment
        version = "(version unknown)"
    return {
        "version": version,
        "workers": server.workers,
        "command": shlex.join(command),
        "results": rows,
    }


def bench_servers(
    urls: list[Page], wrk: str, env: dict, args: argparse.Namespace
) -> dict[str, dict]:
    """Start every server and its ceiling, measure them in turns, and always stop them all."""
    running: list[Server] = []
    ceilings: dict[str, Server] = {}
    try:
        for name in args.servers:
            running.append(start_server(name, env, args))
            ceilings[name] = start_server(name, env, args, ceiling=True)
        samples = run_rounds(running, ceilings, urls, wrk, args)
    finally:
        for server in [*running, *ceilings.values()]:
            stop_server(server)
    return {server.name: server_report(server, samples[server.name], urls) for server in running}


def page_mean(server: dict) -> float | None:
    """Mean req/s over run.py's own pages, or None when any of them is void.

    The pages other apps list come and go, so they stay out of the comparison."""
    own = {page.key for page in PAGES}
    rows = [row for row in server["results"] if row["key"] in own]
    if any(row["error"] for row in rows):
        return None
    return sum(row["requests_per_second"] for row in rows) / len(rows)


def compare(servers: dict[str, dict]) -> dict:
    """Which server served the real pages faster, by their mean throughput."""
    means = {name: page_mean(server) for name, server in servers.items()}
    valid = {name: round(mean, 1) for name, mean in means.items() if mean is not None}
    if len(valid) < 2:
        return {"page_mean_rps": valid, "winner": None, "margin_percent": None}
    winner, runner_up = sorted(valid, key=valid.get, reverse=True)[:2]
    return {
        "page_mean_rps": valid,
        "winner": winner,
        "runner_up": runner_up,
        "margin_percent": round((valid[winner] / valid[runner_up] - 1) * 100, 1),
    }


def cpu_busy_percent(seconds: float = 2.0) -> float | None:
    """How busy the CPUs are right now, from /proc/stat: other work skews every figure."""
    stat = Path("/proc/stat")
    if not stat.exists():
        return None

    def sample() -> tuple[int, int]:
        fields = [int(x) for x in stat.read_text().splitlines()[0].split()[1:]]
        idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
        return idle, sum(fields)

    idle1, total1 = sample()
    time.sleep(seconds)
    idle2, total2 = sample()
    return round(100 * (1 - (idle2 - idle1) / max(1, total2 - total1)), 1)


def wait_until_quiet(limit_s: int) -> float | None:
    """Wait, at most ``limit_s``, until other work leaves the CPUs mostly idle.

    Returns how busy they were at the end; the report warns when that is still too busy.
    """
    deadline = time.monotonic() + limit_s
    busy = cpu_busy_percent()
    while busy is not None and busy >= BUSY_PERCENT and time.monotonic() < deadline:
        left = int(deadline - time.monotonic())
        print(f"  CPUs {busy} % busy with other work; waiting up to {left} s ...", flush=True)
        busy = cpu_busy_percent(5.0)
    return busy


def machine_info(wrk: str, busy_before: float | None) -> dict:
    cpu = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        found = re.search(r"^model name\s*:\s*(.+)$", cpuinfo.read_text(), re.M)
        cpu = found.group(1).strip() if found else ""
    wrk_version = subprocess.run([wrk, "--version"], capture_output=True, text=True, timeout=10)
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "cpu_busy_percent_before": busy_before,
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
        f"#### {name} {server['version']} ({server['workers']} workers)",
        "",
        f"`{server['command']}`",
        "",
        "| URL | req/s | p50 ms | p99 ms | ratio to ceiling | ratio to baseline | min ratio "
        "| verdict |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for row in server["results"]:
        verdict = row["verdict"] + (f": {row['error']}" if row["error"] else "")
        asked_by = "" if row["source"] == "run.py" else f" ({row['source']})"
        who = ", signed in" if row.get("signed_in") else ""
        lines.append(
            f"| `{row['path']}`{asked_by}{who} | {fmt(row['requests_per_second'])} "
            f"| {fmt(row['p50_ms'], 2)} | {fmt(row['p99_ms'], 2)} "
            f"| {fmt(row.get('ceiling_ratio'), 2)} | {fmt(row['ratio'], 2)} "
            f"| {fmt(row['min_ratio'], 2)} | {verdict} |"
        )
    return [*lines, ""]


def busy_note(machine: dict) -> str | None:
    # Sampled just before and just after the run; the load average lags too much to judge by.
    busy = max(machine["cpu_busy_percent_before"] or 0, machine["cpu_busy_percent_after"] or 0)
    if busy < BUSY_PERCENT:
        return None
    return (
        f"**Note:** other work kept the CPUs {busy} % busy around the run (load average "
        f"{machine['load_average_after'][0]} on {machine['nproc']} CPUs) and competed with the "
        "servers, so the absolute figures are low and noisy. The ratios and the comparison "
        "hold better, since every URL and both servers took turns in each round; rerun on an "
        "idle machine before deciding."
    )


def report_markdown(report: dict) -> str:
    machine, run = report["machine"], report["run"]
    lines = [
        f"Measured {report['date']} with `{report['command']}`",
        "",
        f"Machine: {machine['nproc']} CPUs ({machine['cpu'] or 'unknown CPU'}), "
        f"{machine['platform']}; Python {machine['python']}, Django {machine['django']}, "
        f"{machine['wrk']}. wrk: {run['threads']} threads, {run['connections']} connections, "
        f"{run['duration_s']} s per URL after {run['warmup_s']} s of warm-up, median of "
        f"{run['rounds']} rounds; wrk runs on the same machine and takes CPU from the server.",
        "",
        "The ceiling is bench/ceiling.py (Django's trivial view behind Security and Common "
        "middleware only, served the same way); the baseline is a trivial view behind Cerdas' "
        "full middleware. Anonymous visitors get the public pages from the page cache after "
        "the warm-up; *signed in* rows carry the demo national admin's session cookie, so "
        "every request renders the page for that user (no target here: bench/render.py holds "
        "signed-in pages to 8 ms of render)."
        if not run["anonymous_only"]
        else "Anonymous visitors only (`--anonymous-only`): after the warm-up the public pages "
        "come from the page cache.",
        "",
    ]
    note = busy_note(machine)
    if note:
        lines += [note, ""]
    lines += [
        f"Targets: pages and API ≥ {MIN_RATIO:.2f} x baseline req/s (pages listed in "
        "`bench/pages_<app>.txt`: the ratio their app set, in the *min ratio* column); "
        f"p99 < {MAX_P99_MS:.0f} ms at {run['connections']} connections.",
        "",
    ]
    lines += [f"- Skipped, {problem}" for problem in report["unreadable_page_lines"]]
    for name, server in report["servers"].items():
        lines += server_table(name, server)
    lines.append(verdict_sentence(report["comparison"]))
    return "\n".join(lines)


def build_report(
    machine: dict, servers: dict, problems: list[str], args: argparse.Namespace
) -> dict:
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": exact_command(),
        "machine": {
            **machine,
            "cpu_busy_percent_after": cpu_busy_percent(),
            "load_average_after": [round(x, 2) for x in os.getloadavg()],
        },
        "run": {
            "duration_s": args.duration,
            "warmup_s": args.warmup,
            "rounds": args.rounds,
            "connections": args.connections,
            "threads": args.threads,
            "anonymous_only": args.anonymous_only,
        },
        "targets": {"min_ratio_to_baseline": MIN_RATIO, "max_p99_ms": MAX_P99_MS},
        "unreadable_page_lines": problems,
        "servers": servers,
        "comparison": compare(servers),
    }


def verdict_sentence(comparison: dict) -> str:
    if not comparison["winner"]:
        return "No comparison: fewer than two servers have valid figures for every page."
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
    env = bench_env()
    print("Preparing a fresh database in bench/.tmp/ ...", flush=True)
    args.session_key = prepare(env)
    extra, problems = ([], []) if args.no_extra_pages else extra_pages()
    for problem in problems:
        print(f"NOTE: skipped {problem}", file=sys.stderr)
    machine = machine_info(wrk, wait_until_quiet(args.wait_idle))  # before our own load
    anonymous = [BASELINE, *PAGES, *extra]
    signed_in = [] if args.anonymous_only else [page.as_signed_in() for page in anonymous]
    servers = bench_servers([CEILING, *anonymous, *signed_in], wrk, env, args)
    report = build_report(machine, servers, problems, args)
    markdown = report_markdown(report)
    print("\n" + markdown)
    args.output.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(f"\nFigures written to {args.output}")
    if not args.no_readme:
        update_readme(markdown)
    verdicts = [row["verdict"] for server in servers.values() for row in server["results"]]
    return 0 if all(verdict in ("PASS", "—") for verdict in verdicts) else 1


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (KeyboardInterrupt, Stop):
        sys.exit("Interrupted; the servers were stopped.")

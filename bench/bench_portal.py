"""Portal benchmark: the article page under load against Django's trivial-view ceiling.

Run from the repository root: ``.venv/bin/python bench/bench_portal.py`` (``make bench``).

Both are served the same way, in the same run, on loopback only: granian, ``--workers``
(2) and ``--blocking-threads`` (1, as docs/deploy.md runs Cerdas), production settings on a
fresh SQLite database with the local-memory cache (the default setup: no Redis), prepared as
bench/run.py prepares it (collectstatic, migrate, regions, demo). The ceiling is
``bench/ceiling.py``: ``HttpResponse("ok")`` behind only SecurityMiddleware and
CommonMiddleware. wrk (``-t2 -c16``) loads, in interleaved rounds:

- the ceiling;
- the article page, anonymous, view counting on, reaction form present, **every request a new
  reader**: ``bench/readers.lua`` gives each request its own browser User-Agent and no cookie
  (Cerdas counts a cookie-less browser once per address and user agent), so every request
  is a distinct reader that must be counted once;
- the same page signed in (a session cookie: rendered for the user, with their token).

Exactness is checked, not assumed: the Lua script reports how many readers each wrk thread
made; a request made but unanswered when wrk stopped (or never sent, when wrk reconnected)
may or may not have reached the server, so after the run every reader is sent once more
(a reader already counted in this window is not counted again: that is checked too); then
the views are flushed and the article's total must have risen by exactly the number of
distinct readers (plus one for the signed-in reader). Figures go
to bench/portal.md; the exit status is 1 when a target is missed or the count is not exact.
"""

from __future__ import annotations

import argparse
import http.client
import os
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import run  # noqa: E402

OUTPUT = ROOT / "bench" / "portal.md"
READERS_LUA = ROOT / "bench" / "readers.lua"
MIN_RATIO = 0.30
MAX_P99_MS = 100.0
AGENT = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"  # readers.lua adds " reader/…"

SETUP = """
import django
django.setup()
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.cached_db import SessionStore
from cerdas.accounts.models import User
from cerdas.portal.models import Article
article = Article.objects.published().filter(region_id="35.22").order_by("pk").first()
user, _ = User.objects.get_or_create(username="bench-reader", defaults={"role": "citizen"})
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
print(article.pk, article.get_absolute_url(), session.session_key)
"""
VIEWS = """
import django
django.setup()
from cerdas.portal.counting import flush_view_counts
from cerdas.portal.models import Article
flush_view_counts()
print(Article.objects.get(pk={pk}).views)
"""


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds of wrk per URL")
    parser.add_argument("--warmup", type=int, default=3, help="unmeasured seconds per URL")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--blocking-threads", type=int, default=1)
    parser.add_argument("--wait-idle", type=int, default=120)
    parser.add_argument("--no-write", action="store_true", help="leave bench/portal.md alone")
    return parser.parse_args(argv)


def manage_python(env, code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=run.SETUP_TIMEOUT_S,
    )
    if done.returncode != 0:
        sys.exit(f"setup failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout.strip().splitlines()[-1]


def start(name: str, target: str, env: dict, args) -> run.Server:
    port = run.free_port()
    command = [
        str(run.VENV_BIN / "granian"),
        "--interface=wsgi",
        f"--host={run.HOST}",
        f"--port={port}",
        f"--workers={args.workers}",
        f"--blocking-threads={args.blocking_threads}",
        "--no-ws",
        "--log-level=warning",
        target,
    ]
    log = open(run.TMP_DIR / f"portal-{name}.log", "wb")  # noqa: SIM115 - closed by stop_server
    proc = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    server = run.Server(name, args.workers, port, command, proc, log)
    deadline = time.monotonic() + run.HEALTH_TIMEOUT_S
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if run.http_status(port, "/healthz", timeout=2.0) == 200:
                return server
        except OSError:
            pass
        time.sleep(0.2)
    run.stop_server(server)
    sys.exit(f"{name} did not answer /healthz; see {log.name}")


def wrk(url: str, args, seconds: int, *, readers_label=None, headers=None) -> dict:
    command = ["wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{seconds}s", "--latency"]
    for name, value in (headers or {}).items():
        command += ["-H", f"{name}: {value}"]
    if readers_label:
        command += ["-s", str(READERS_LUA), url, "--", readers_label]
    else:
        command.append(url)
    done = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60)
    if done.returncode != 0:
        raise RuntimeError(f"wrk failed:\n{done.stdout}\n{done.stderr}")
    return run.parse_wrk(done.stdout)


def replay_readers(port: int, path: str, readers_file: Path) -> int:
    """Send every reader of the run again; returns how many distinct readers were sent."""
    total, tails = 0, []
    for line in readers_file.read_text().split("\n"):
        if not line.strip():
            continue
        label, thread, made, _answered = line.split()
        total += int(made)
        first = 1
        tails += [f"{AGENT} reader/{label}/{thread}/{n}" for n in range(first, int(made) + 1)]

    def visit(agent):
        conn = http.client.HTTPConnection(run.HOST, port, timeout=30)
        try:
            conn.request("GET", path, headers={"User-Agent": agent})
            response = conn.getresponse()
            response.read()
            return response.status
        finally:
            conn.close()

    with ThreadPoolExecutor(16) as pool:
        statuses = list(pool.map(visit, tails))
    if any(status != 200 for status in statuses):
        raise RuntimeError("a replayed reader was not answered with 200")
    return total


# A reader counts once per window of PORTAL_VIEW_WINDOW seconds (windows end at multiples of
# it since the epoch): readers sent again after a window's end rightly count again. One day
# (ending at 00:00 UTC) keeps a run in one window, which the count check needs and checks.
WINDOW_S = 24 * 3600


def measure(args) -> dict:
    env = {**run.bench_env(), "PORTAL_VIEW_WINDOW": str(WINDOW_S)}
    print("Preparing a fresh database in bench/.tmp/ ...", flush=True)
    run.prepare(env)
    readers_file = run.TMP_DIR / "portal-readers.txt"
    readers_file.unlink(missing_ok=True)
    os.environ["BENCH_READERS_FILE"] = str(readers_file)  # for readers.lua, run by wrk
    pk, path, session_key = manage_python(env, SETUP).split()
    before = int(manage_python(env, VIEWS.format(pk=pk)))
    busy_before = run.wait_until_quiet(args.wait_idle)
    first_window = time.time() // WINDOW_S
    ceiling_env = {**env, "DJANGO_SETTINGS_MODULE": "bench.ceiling"}
    servers = []
    try:
        servers.append(start("ceiling", "bench.ceiling:application", ceiling_env, args))
        servers.append(start("cerdas", "cerdas.wsgi:application", env, args))
        ceiling, cerdas = servers
        signed_in = {"Cookie": f"sessionid={session_key}", "User-Agent": AGENT}
        variants = {
            "ceiling": lambda s, label: wrk(f"http://{run.HOST}:{ceiling.port}/", args, s),
            "article, anonymous, a new reader every request": lambda s, label: wrk(
                f"http://{run.HOST}:{cerdas.port}{path}", args, s, readers_label=label
            ),
            "article, signed in": lambda s, label: wrk(
                f"http://{run.HOST}:{cerdas.port}{path}", args, s, headers=signed_in
            ),
        }
        for load in variants.values():
            if args.warmup:
                load(args.warmup, "warm")
        samples = {name: [] for name in variants}
        for round_no in range(args.rounds):
            order = list(variants.items())
            if round_no % 2:
                order.reverse()
            for name, load in order:
                figures = load(args.duration, f"r{round_no + 1}")
                samples[name].append(figures)
                print(
                    f"  round {round_no + 1} {name}: {figures['requests_per_second']} req/s, "
                    f"p99 {figures['p99_ms']} ms",
                    flush=True,
                )
        readers = replay_readers(cerdas.port, path, readers_file)
    finally:
        for server in servers:
            run.stop_server(server)
    after = int(manage_python(env, VIEWS.format(pk=pk)))
    return {
        "samples": samples,
        "readers": readers,
        "views_added": after - before,
        "one_window": time.time() // WINDOW_S == first_window,
        "expected": readers + 1,  # every anonymous reader once, the signed-in reader once
        "path": path,
        "busy_before": busy_before,
        "busy_after": run.cpu_busy_percent(),
    }


def summary(runs: list[dict]) -> dict:
    void = next((reason for r in runs if (reason := run.void_reason(200, r))), None)
    return {
        "rps": statistics.median(r["requests_per_second"] for r in runs),
        "p50": statistics.median(r["p50_ms"] for r in runs),
        "p99": statistics.median(r["p99_ms"] for r in runs),
        "error": void,
    }


def report(result: dict, args) -> tuple[list[str], bool]:
    import platform
    from importlib import metadata

    rows = {name: summary(runs) for name, runs in result["samples"].items()}
    ceiling = rows["ceiling"]["rps"]
    exact = result["views_added"] == result["expected"]
    ok = exact and result["one_window"]
    if not result["one_window"]:
        counted = (
            "NOT CHECKED: the run crossed the end of a counting window (00:00 UTC), after "
            "which a reader sent again rightly counts again; run it again"
        )
    else:
        counted = "EXACT" if exact else "NOT EXACT"
    lines = [
        "# Portal benchmark: the article page against the trivial-view ceiling",
        "",
        f"Command: `.venv/bin/python bench/bench_portal.py` — {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}, Django {metadata.version('django')}, "
        f"granian {metadata.version('granian')} ({args.workers} workers, "
        f"{args.blocking_threads} blocking threads each, for both servers), SQLite with the "
        "local-memory cache (the default setup), production settings; wrk "
        f"-t{args.threads} -c{args.connections}, {args.duration} s per URL after "
        f"{args.warmup} s of warm-up, median of {args.rounds} interleaved rounds, on the same "
        'machine as the servers. The ceiling is `bench/ceiling.py`: `HttpResponse("ok")` with '
        "only SecurityMiddleware and CommonMiddleware.",
        "",
        f"CPU busy with other work just before / after the run: {result['busy_before']} % / "
        f"{result['busy_after']} % (figures from a busy machine are low and noisy; the "
        "ratios hold better, since every variant took turns in each round).",
        "",
        f"Targets: anonymous article ≥ {MIN_RATIO:.2f} x the ceiling's req/s, p99 < "
        f"{MAX_P99_MS:.0f} ms at {args.connections} connections.",
        "",
        "| variant | req/s | p50 ms | p99 ms | ratio to ceiling | verdict |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for name, row in rows.items():
        ratio = row["rps"] / ceiling if ceiling else 0
        verdict = "—"
        if row["error"]:
            verdict, ok = f"ERROR: {row['error']}", False
        elif name.startswith("article, anonymous"):
            passed = ratio >= MIN_RATIO and row["p99"] < MAX_P99_MS
            verdict, ok = ("PASS" if passed else "FAIL"), ok and passed
        lines.append(
            f"| {name} | {row['rps']:,.0f} | {row['p50']:.2f} | {row['p99']:.2f} "
            f"| {ratio:.2f} | {verdict} |"
        )
    lines += [
        "",
        f"- Exactly counted: {result['readers']:,} distinct anonymous readers plus one "
        f"signed-in reader were sent to `{result['path']}`; after the flush its total rose by "
        f"{result['views_added']:,} (expected {result['expected']:,}): "
        f"{counted}.",
        "- Readers: `bench/readers.lua` gives every request its own browser User-Agent and no "
        "cookie: each is a new reader, counted once and handed a reader cookie. Every reader "
        "is sent once more after the run, so those whose request was in flight when wrk "
        "stopped surely reached the server, and the repeat visits must not count.",
        "- The anonymous page is the shared copy from the page cache, without any per-visitor "
        "token, served by `SharedPageMiddleware` before sessions, auth, CSRF, messages and the "
        "URL resolver; each view is a row kept by `INSERT … ON CONFLICT DO NOTHING`, written "
        "by the worker's view writer, many per statement (`cerdas/portal/counting.py`).",
        "- Signed in, the page is rendered for the user (their CSRF token, their answer).",
    ]
    return lines, ok


def main(argv=None) -> int:
    args = parse_args(argv)
    os.chdir(ROOT)
    run.ensure_wrk()
    result = measure(args)
    lines, ok = report(result, args)
    print("\n".join(lines))
    if not args.no_write:
        OUTPUT.write_text("\n".join(lines) + "\n")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

"""Portal benchmark: the article page with view counting and reactions on vs. off, same run.

Run from the repository root:

    DJANGO_SETTINGS_MODULE=cerdas.settings DEBUG=1 SECRET_KEY=x \
        .venv/bin/python bench/bench_portal.py

It builds a fresh SQLite database under bench/.tmp/portal/ (regions and the demo), then
drives the whole Django stack (middleware, views, templates, cache, database) in-process
with the test client, in interleaved rounds so that any slow-down of the machine falls on
every variant alike. Figures are ratios measured in the same run, written to bench/portal.md.
Target (issue 6): counting on >= 0.80 x counting off. The news list against the baseline is
also measured by the owner's HTTP harness (bench/pages_portal.txt).
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
VAR = ROOT / "bench" / ".tmp" / "portal"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cerdas.settings")
os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("SECRET_KEY", "bench-only-secret-key")
os.environ["VAR_DIR"] = str(VAR)
os.environ.pop("DATABASE_URL", None)

import django  # noqa: E402

ROUNDS = 5
REQUESTS = 100
TARGET_COUNTING = 0.80
TARGET_LIST = 0.50
BROWSER = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36"


def prepare():
    from io import StringIO

    from django.core.management import call_command

    VAR.mkdir(parents=True, exist_ok=True)
    (VAR / "cerdas.sqlite3").unlink(missing_ok=True)
    call_command("migrate", verbosity=0)
    call_command("import_regions", stdout=StringIO())
    call_command("seed_demo", stdout=StringIO())


def rate(get, n=REQUESTS) -> float:
    """Requests per second of ``get()`` over n calls; every answer must be a 200."""
    start = time.perf_counter()
    for _ in range(n):
        response = get()
        if response.status_code != 200:
            raise RuntimeError(f"status {response.status_code}")
    return n / (time.perf_counter() - start)


def variants(article_url: str):
    from django.conf import settings
    from django.test import Client

    returning = Client(HTTP_USER_AGENT=BROWSER)
    counter = iter(range(10**9))

    def new_reader():
        # A new reader every request: counted, handed a cookie, buffer incremented.
        n = next(counter)
        client = Client(
            HTTP_USER_AGENT=BROWSER, REMOTE_ADDR=f"10.{n >> 16 & 255}.{n >> 8 & 255}.{n & 255}"
        )
        return client.get(article_url)

    def counting(on, get):
        def run():
            settings.PORTAL_COUNT_VIEWS = on
            try:
                return rate(get)
            finally:
                settings.PORTAL_COUNT_VIEWS = True

        return run

    anonymous = Client(HTTP_USER_AGENT=BROWSER)
    return {
        "article, counting on, a new reader each time": counting(True, new_reader),
        "article, counting on, returning reader": counting(
            True, lambda: returning.get(article_url)
        ),
        "article, counting off": counting(
            False, lambda: Client(HTTP_USER_AGENT=BROWSER).get(article_url)
        ),
        "baseline (trivial view, same middleware)": lambda: rate(
            lambda: anonymous.get("/bench/baseline")
        ),
        "news list /berita/ (anonymous, page cache)": lambda: rate(
            lambda: anonymous.get("/berita/")
        ),
        "news list /berita/ (uncached)": lambda: rate(lambda: _uncached(anonymous, "/berita/")),
    }


def _uncached(client, url):
    from cerdas.core.cache import bump_version

    bump_version("portal")
    return client.get(url)


def main() -> int:
    django.setup()
    from django.test.utils import override_settings, setup_test_environment

    setup_test_environment()
    prepare()
    from cerdas.portal.models import Article

    with override_settings(ROOT_URLCONF="bench.urls", ALLOWED_HOSTS=["*"]):
        article = Article.objects.published().filter(region_id="35.22").first()
        runs = variants(article.get_absolute_url())
        samples = {name: [] for name in runs}
        for run in runs.values():  # warm-up
            run()
        for round_no in range(ROUNDS):
            order = list(runs.items())
            if round_no % 2:
                order.reverse()
            for name, run in order:
                samples[name].append(run())
    median = {name: statistics.median(values) for name, values in samples.items()}
    off = median["article, counting off"]
    base = median["baseline (trivial view, same middleware)"]
    lines = report(median, off, base)
    (ROOT / "bench" / "portal.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    on = median["article, counting on, a new reader each time"]
    return 0 if on / off >= TARGET_COUNTING else 1


def report(median, off, base) -> list[str]:
    import platform

    import django as dj

    on_new = median["article, counting on, a new reader each time"]
    on_back = median["article, counting on, returning reader"]
    cached = median["news list /berita/ (anonymous, page cache)"]
    uncached = median["news list /berita/ (uncached)"]
    lines = [
        "# Portal benchmark",
        "",
        f"Command: `DJANGO_SETTINGS_MODULE=cerdas.settings DEBUG=1 SECRET_KEY=x .venv/bin/python "
        f"bench/bench_portal.py` — {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"Django {dj.get_version()}, SQLite, local-memory cache; in-process test client "
        f"(full middleware, no HTTP), median of {ROUNDS} interleaved rounds of {REQUESTS} "
        "requests. Absolute figures depend on the machine; the ratios are the result.",
        "",
        "| variant | req/s | ratio to counting off | ratio to baseline |",
        "|---|---:|---:|---:|",
    ]
    for name, value in median.items():
        lines.append(f"| {name} | {value:,.0f} | {value / off:.2f} | {value / base:.2f} |")
    verdict = "PASS" if on_new / off >= TARGET_COUNTING else "FAIL"
    lines += [
        "",
        f"- Counting and reactions on, new reader each request: **{on_new / off:.2f}** x "
        f"counting off (target >= {TARGET_COUNTING:.2f}, ratio to target "
        f"{on_new / off / TARGET_COUNTING:.2f}): {verdict}.",
        f"- Returning reader (not counted again): {on_back / off:.2f} x counting off.",
        f"- News list (page cache) vs baseline: {cached / base:.2f} "
        f"(target >= {TARGET_LIST:.2f}); uncached: {uncached / base:.2f}.",
        "- 'Counting off' (PORTAL_COUNT_VIEWS=False) turns off only the view counting; the "
        "page still shows the count and the reaction form.",
        "- 10,000 concurrent view increments adding up exactly is a test, not a timing: "
        "cerdas/portal/tests/test_concurrent_views.py (SQLite, PostgreSQL, Redis).",
    ]
    return lines


if __name__ == "__main__":
    sys.exit(main())

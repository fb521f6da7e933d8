"""Shared state holds across real app server workers: exact view counts, a lockout that stays.

Starts the production app server (granian, 2 workers, as docs/deploy.md says) on a free
loopback port, in production mode (``SERVER_SETTINGS``: production settings, plain static
files), first on the default setup (SQLite, local-memory cache:
each worker has its own cache), then on PostgreSQL with Redis when DATABASE_URL points at
PostgreSQL. Bounded: 1,000 readers, a few dozen logins, every request with a timeout, the
server stopped with its whole process group whatever happens. Nothing leaves 127.0.0.1.
"""

import http.client
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

import pytest

ROOT = Path(__file__).resolve().parents[3]
HOST = "127.0.0.1"
READERS = 1000
LIMIT = 3  # LOGIN_FAILURE_LIMIT on the test server
BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
PASSWORD = "stress-password-1"  # a throw-away account on a throw-away database
STEP_TIMEOUT = 300

SETUP = f"""
import django
django.setup()
from cerdas.accounts.models import User
from cerdas.portal.models import Article
from django.utils import timezone
user = User(username="kepala", role=User.Role.NATIONAL_ADMIN, is_staff=True)
user.set_password({PASSWORD!r})
user.save()
article = Article.objects.create(
    title="Uji beban", summary="Ringkas.", body="<p>Isi.</p>", byline="Diskominfo",
    status=Article.Status.PUBLISHED, published_at=timezone.now() - timezone.timedelta(hours=1),
)
print(article.get_absolute_url())
"""
# Production settings without the hashed, compressed static files: compressing the API docs'
# bundles takes a minute of a busy CI machine, and static files are not what this is about.
SERVER_SETTINGS = """
from cerdas.settings import *  # noqa: F403

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
"""
VIEWS = """
import django
django.setup()
from cerdas.portal.models import Article
print(Article.objects.get().views)
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def _run(env, *args):
    done = subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=STEP_TIMEOUT,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout.strip()


def _request(port, method, path, headers=None, body=None):
    """One request on a new connection (so the two workers share the load)."""
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.getheaders(), response.read().decode()
    finally:
        conn.close()


def _cookies(headers) -> dict[str, str]:
    jar = SimpleCookie()
    for name, value in headers:
        if name.lower() == "set-cookie":
            jar.load(value)
    return {key: morsel.value for key, morsel in jar.items()}


class Server:
    """granian with 2 workers on a free loopback port, in its own process group."""

    def __init__(self, env, log_path):
        self.port = _free_port()
        command = [
            str(Path(sys.executable).parent / "granian"),
            "--interface=wsgi",
            f"--host={HOST}",
            f"--port={self.port}",
            "--workers=2",
            "--blocking-threads=1",
            "--no-ws",
            "--log-level=warning",
            "cerdas.wsgi:application",
        ]
        self.log = open(log_path, "wb")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def wait_ready(self, seconds=60):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and self.proc.poll() is None:
            try:
                if _request(self.port, "GET", "/healthz")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise AssertionError(f"granian did not become healthy; see {self.log.name}")

    def stop(self):
        for sig, wait in ((signal.SIGTERM, 20), (signal.SIGKILL, 5)):
            try:
                os.killpg(self.proc.pid, sig)
            except ProcessLookupError:
                break
            try:
                self.proc.wait(timeout=wait)
                break
            except subprocess.TimeoutExpired:
                continue
        self.log.close()


def _server_env(tmp_path, database_url, redis_url=None):
    (tmp_path / "server_settings.py").write_text(SERVER_SETTINGS)
    env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "DATABASE_URL"}}
    env.update(
        DJANGO_SETTINGS_MODULE="server_settings",
        PYTHONPATH=os.pathsep.join([str(tmp_path), str(ROOT)]),
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(40),
        ALLOWED_HOSTS=HOST,
        SECURE_SSL_REDIRECT="0",
        SESSION_COOKIE_SECURE="0",
        CSRF_COOKIE_SECURE="0",
        VAR_DIR=str(tmp_path),
        STATIC_ROOT=str(tmp_path / "static"),
        DATABASE_URL=database_url,
        LOGIN_FAILURE_LIMIT=str(LIMIT),
        # One window for the whole test: a reader's second visit never lands in a new one.
        PORTAL_VIEW_WINDOW=str(10**9),
        LOG_LEVEL="ERROR",
    )
    if redis_url:
        env.update(REDIS_URL=redis_url, CACHE_KEY_PREFIX=f"stress-{uuid.uuid4().hex}")
    return env


def _read(port, path, n):
    """Reader n: a first visit without a cookie, then a reload with the cookie it was given.

    Both visits are one reader, so only the first is a view."""
    agent = f"{BROWSER} reader/{n}"
    status, headers, _body = _request(port, "GET", path, {"User-Agent": agent})
    assert status == 200
    cookie = _cookies(headers)["cerdas_pembaca"]
    headers = {"User-Agent": agent, "Cookie": f"cerdas_pembaca={cookie}"}
    assert _request(port, "GET", path, headers)[0] == 200


def _log_in(port, password):
    """A real login through the form: its CSRF cookie and token, then the post."""
    status, headers, body = _request(port, "GET", "/akun/masuk/", {"User-Agent": BROWSER})
    assert status == 200
    csrf = _cookies(headers)["csrftoken"]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
    form = urlencode({"username": "kepala", "password": password, "csrfmiddlewaretoken": token})
    status, headers, _body = _request(
        port,
        "POST",
        "/akun/masuk/",
        {
            "User-Agent": BROWSER,
            "Cookie": f"csrftoken={csrf}",
            "Content-Type": "application/x-www-form-urlencoded",
        },
        form,
    )
    return status, "sessionid" in _cookies(headers)


def _exercise(tmp_path, env):
    _run(env, "manage.py", "migrate", "--verbosity", "0")
    path = _run(env, "-c", SETUP).splitlines()[-1]
    server = Server(env, tmp_path / "granian.log")
    try:
        server.wait_ready()
        # Failures for one account, spread over both workers; the last one pauses it...
        for attempt in range(1, LIMIT + 1):
            assert _log_in(server.port, "wrong") == (200 if attempt < LIMIT else 429, False)
        # ... then 1,000 readers, 16 at a time, each visiting twice: 2,000 page views, far
        # more than the local-memory cache's 300 entries in each worker.
        with ThreadPoolExecutor(16) as pool:
            list(pool.map(lambda n: _read(server.port, path, n), range(READERS)))
        # The account stays locked on whichever worker answers, right password or not.
        for _ in range(4):
            assert _log_in(server.port, PASSWORD) == (429, False)
    finally:
        server.stop()
    _run(env, "manage.py", "flush_view_counts")
    assert int(_run(env, "-c", VIEWS)) == READERS


def test_two_workers_on_sqlite_and_local_memory_count_exactly_and_keep_a_lockout(tmp_path):
    _exercise(tmp_path, _server_env(tmp_path, f"sqlite:///{tmp_path / 'stress.sqlite3'}"))


POSTGRES = os.environ.get("DATABASE_URL", "")


@pytest.mark.skipif(
    not POSTGRES.startswith(("postgres://", "postgresql://")),
    reason="DATABASE_URL is not PostgreSQL",
)
def test_two_workers_on_postgresql_and_redis_count_exactly_and_keep_a_lockout(tmp_path):
    import psycopg

    redis_url = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"
    parts = urlsplit(POSTGRES)
    name = f"{parts.path.lstrip('/') or 'cerdas'}_stress_{os.getpid()}"
    admin_url = urlunsplit(parts._replace(scheme="postgresql", path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        url = urlunsplit(parts._replace(path=f"/{name}"))
        _exercise(tmp_path, _server_env(tmp_path, url, redis_url))
    finally:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

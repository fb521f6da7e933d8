"""Production mode (DEBUG off) refuses to start unsafely and turns the protections on."""

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PRINT_SETTINGS = (
    "import json, django; from django.conf import settings; django.setup(); "
    "print(json.dumps({k: getattr(settings, k) for k in ("
    "'DEBUG', 'SECURE_HSTS_SECONDS', 'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', "
    "'SECURE_SSL_REDIRECT', 'ALLOWED_HOSTS', 'EMAIL_BACKEND')}))"
)


def _run(env_overrides, var_dir=None):
    env = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "SECRET_KEY", "ALLOWED_HOSTS")}
    # An empty folder of their own: the checkout's var/ may hold the key make run keeps.
    env.update(env_overrides, DJANGO_SETTINGS_MODULE="cerdas.settings")
    env.setdefault("VAR_DIR", str(var_dir or Path(tempfile.mkdtemp())))
    return subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS], cwd=ROOT, env=env, capture_output=True, text=True
    )


def test_a_missing_secret_key_in_production_stops_start_up_with_a_clear_message():
    result = _run({"DEBUG": "0"})
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_mode_turns_on_hsts_secure_cookies_and_the_https_redirect():
    result = _run({"DEBUG": "0", "SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "cerdas.example.go.id"})
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["DEBUG"] is False
    assert values["SECURE_HSTS_SECONDS"] >= 31536000
    assert values["SESSION_COOKIE_SECURE"] and values["CSRF_COOKIE_SECURE"]
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["ALLOWED_HOSTS"] == ["cerdas.example.go.id"]
    assert values["EMAIL_BACKEND"].endswith("smtp.EmailBackend")


def test_the_key_kept_under_var_serves_when_the_environment_has_none(tmp_path):
    (tmp_path / "secret_key").write_text("k" * 50 + "\n")
    result = _run({"DEBUG": "0"}, var_dir=tmp_path)
    assert result.returncode == 0, result.stderr


def test_local_http_is_production_without_the_https_only_protections(tmp_path):
    """make run: DEBUG off, plain HTTP on loopback, email printed to the terminal."""
    result = _run({"LOCAL_HTTP": "1", "SECRET_KEY": "x" * 50}, var_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["DEBUG"] is False and values["SECURE_SSL_REDIRECT"] is False
    assert not values["SESSION_COOKIE_SECURE"] and not values["CSRF_COOKIE_SECURE"]
    assert values["SECURE_HSTS_SECONDS"] == 0
    assert "127.0.0.1" in values["ALLOWED_HOSTS"]
    assert values["EMAIL_BACKEND"].endswith("console.EmailBackend")


def test_a_malformed_boolean_stops_start_up_naming_the_variable():
    result = _run({"DEBUG": "perhaps"})
    assert result.returncode != 0
    assert "DEBUG must be one of" in result.stderr


def test_production_mode_loads_the_urls_before_static_files_are_collected(tmp_path):
    """A deployment runs migrate before collectstatic: nothing may need the manifest earlier."""
    env = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "SECRET_KEY")}
    env.update(
        DEBUG="0",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="cerdas.example.go.id",
        STATIC_ROOT=str(tmp_path / "static"),
        DJANGO_SETTINGS_MODULE="cerdas.settings",
    )
    code = "import django; django.setup(); from django.urls import resolve; print(resolve('/'))"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_each_log_record_is_written_once(tmp_path):
    """Django's own loggers hand their records to the one JSON handler, not to a second one."""
    code = (
        "import django, logging; django.setup(); "
        "logging.getLogger('django.request').warning('once-only'); "
        "logging.getLogger('django.server').info('served-once')"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY",)}
    env.update(DEBUG="1", DJANGO_SETTINGS_MODULE="cerdas.settings", VAR_DIR=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    output = result.stdout + result.stderr
    assert output.count("once-only") == 1, output
    assert output.count("served-once") == 1, output


def test_the_deployment_check_leaves_only_the_two_hsts_choices_docs_deploy_explains():
    """``manage.py check --deploy``: HSTS for subdomains and preloading are the operator's
    call (docs/deploy.md, "manage.py check --deploy"); nothing else may be reported."""
    # The browser tests' conftest allows sync ORM calls in this process; a deployment never does.
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DEBUG", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    env.update(
        DEBUG="0",
        SECRET_KEY="a-long-random-production-key-" + "x" * 40,
        ALLOWED_HOSTS="cerdas.example.go.id",
        DJANGO_SETTINGS_MODULE="cerdas.settings",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    reported = set(re.findall(r"\(([a-z_]+\.[EW]\d+)\)", result.stdout + result.stderr))
    assert reported == {"security.W005", "security.W021"}, result.stdout + result.stderr
    env.update(SECURE_HSTS_INCLUDE_SUBDOMAINS="1", SECURE_HSTS_PRELOAD="1")
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr

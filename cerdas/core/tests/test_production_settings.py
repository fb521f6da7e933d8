"""Production mode (DEBUG off) refuses to start unsafely and turns the protections on."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PRINT_SETTINGS = (
    "import json, django; from django.conf import settings; django.setup(); "
    "print(json.dumps({k: getattr(settings, k) for k in ("
    "'DEBUG', 'SECURE_HSTS_SECONDS', 'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', "
    "'SECURE_SSL_REDIRECT', 'ALLOWED_HOSTS', 'EMAIL_BACKEND')}))"
)


def _run(env_overrides):
    env = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "SECRET_KEY", "ALLOWED_HOSTS")}
    env.update(env_overrides, DJANGO_SETTINGS_MODULE="cerdas.settings")
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


def test_the_deployment_check_leaves_only_the_two_hsts_choices_docs_deploy_explains():
    """``manage.py check --deploy``: HSTS for subdomains and preloading are the operator's
    call (docs/deploy.md, "manage.py check --deploy"); nothing else may be reported."""
    env = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "REDIS_URL")}
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

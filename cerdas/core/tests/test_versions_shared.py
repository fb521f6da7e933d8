"""The version stamps that retire kept pages are one for every worker and every command.

Production runs two granian workers, each with its own local-memory cache of pages. A change
saved through one worker (or loaded by a command such as ``seed_demo``) must retire the pages
and fragments the other worker keeps: here another process stands for that other worker.
"""

import os
import subprocess
import sys
from pathlib import Path

from cerdas.core.cache import bump_version, content_version

ROOT = Path(__file__).resolve().parents[3]
SETUP = "import django; django.setup(); from cerdas.core import cache; "


def _in_another_process(code: str) -> str:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cerdas.settings"}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_a_change_announced_in_another_process_retires_this_ones_pages():
    before = content_version("portal")
    _in_another_process(SETUP + "cache.bump_version('portal')")
    after = content_version("portal")
    assert after != before
    assert after.split(".")[0] == before.split(".")[0]  # the site's stamp did not move


def test_both_processes_read_the_same_stamps():
    bump_version("regions")
    read = SETUP + "print(cache.content_version('regions'))"
    assert _in_another_process(read) == content_version("regions")


def test_every_bump_leaves_a_new_stamp():
    seen = {content_version("cohorts")}
    for _ in range(50):
        bump_version("cohorts")
        seen.add(content_version("cohorts"))
    assert len(seen) == 51

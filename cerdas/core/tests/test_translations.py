"""Every user-facing text has its Bahasa Indonesia translation."""

import os
import re
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

PACKAGE = Path(settings.BASE_DIR) / "cerdas"


def _untranslated(po_text: str) -> list[str]:
    """The msgids of entries (not the header) whose translation is empty or fuzzy."""
    missing = []
    for block in po_text.split("\n\n"):
        msgid = re.search(r'^msgid ((?:".*"\n?)+)', block, re.M)
        if not msgid or msgid.group(1).strip() == '""':
            continue
        strings = re.findall(r'^msgstr(?:\[\d\])? ((?:".*"\n?)+)', block, re.M)
        empty = not strings or any(s.replace('"', "").strip() == "" for s in strings)
        if empty or "#, fuzzy" in block:
            missing.append(msgid.group(1).replace('"\n"', "").strip())
    return missing


@pytest.mark.skipif(not shutil.which("xgettext"), reason="gettext is not installed")
def test_the_indonesian_catalogues_cover_every_text_in_the_code(tmp_path, settings):
    """Extract the texts afresh in a copy of the code: nothing may be left untranslated."""
    copy = tmp_path / "cerdas"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    settings.LOCALE_PATHS = [copy / "locale"]
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        call_command("makemessages", locale=["id"], verbosity=0)
    finally:
        os.chdir(cwd)
    missing = {
        str(po.relative_to(tmp_path)): _untranslated(po.read_text())
        for po in tmp_path.glob("cerdas/**/locale/id/LC_MESSAGES/django.po")
    }
    assert {path: ids for path, ids in missing.items() if ids} == {}

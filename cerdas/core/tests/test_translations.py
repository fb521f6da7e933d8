"""Every user-facing text has its Bahasa Indonesia translation."""

import re
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

LOCALE = Path(settings.BASE_DIR) / "cerdas" / "locale"


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
def test_the_indonesian_catalogue_covers_every_text_in_the_code(tmp_path, settings):
    """Extract the texts afresh into a copy of the catalogue: nothing may be untranslated."""
    shutil.copytree(LOCALE, tmp_path / "locale")
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    call_command(
        "makemessages",
        locale=["id"],
        # Skipping the real catalogue makes makemessages write to the copy alone.
        ignore_patterns=[".venv", "bench", "var", "node_modules", "cerdas/locale"],
        verbosity=0,
    )
    po = (tmp_path / "locale" / "id" / "LC_MESSAGES" / "django.po").read_text()
    assert _untranslated(po) == []

"""Pictures held between a form and its check-your-answers page.

A citizen's pictures are checked and re-encoded when the form is sent; the page that asks
them to confirm cannot carry files, so the re-encoded JPEGs wait here under a random key that
the confirmation sends back. Staged files older than ``MAX_AGE`` are swept away by
``purge`` (the ``complaint_deadlines`` command runs it).
"""

import re
import secrets
import time

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

FOLDER = "pengaduan/sementara"
MAX_AGE = 24 * 3600
KEY = re.compile(r"^[A-Za-z0-9_-]{22}$")


def stage(pictures) -> str:
    """Keep (large, thumbnail) JPEG pairs; returns the key that brings them back ("" if none)."""
    if not pictures:
        return ""
    key = secrets.token_urlsafe(16)
    for index, (large, thumbnail) in enumerate(pictures):
        default_storage.save(f"{FOLDER}/{key}-{index}-l.jpg", ContentFile(large.read()))
        default_storage.save(f"{FOLDER}/{key}-{index}-t.jpg", ContentFile(thumbnail.read()))
    return key


def unstage(key: str, limit: int) -> list[tuple[ContentFile, ContentFile]]:
    """The pictures staged under ``key`` (at most ``limit``), removed from the staging area."""
    if not key or not KEY.match(key):
        return []
    found = []
    for index in range(limit):
        names = (f"{FOLDER}/{key}-{index}-l.jpg", f"{FOLDER}/{key}-{index}-t.jpg")
        if not all(default_storage.exists(name) for name in names):
            break
        pair = []
        for name in names:
            with default_storage.open(name, "rb") as handle:
                pair.append(ContentFile(handle.read()))
            default_storage.delete(name)
        found.append(tuple(pair))
    return found


def count(key: str, limit: int) -> int:
    if not key or not KEY.match(key):
        return 0
    return sum(
        1 for index in range(limit) if default_storage.exists(f"{FOLDER}/{key}-{index}-l.jpg")
    )


def purge(now: float | None = None) -> int:
    """Delete staged pictures older than ``MAX_AGE``; returns how many files."""
    now = time.time() if now is None else now
    try:
        _folders, files = default_storage.listdir(FOLDER)
    except FileNotFoundError:
        return 0
    removed = 0
    for name in files:
        path = f"{FOLDER}/{name}"
        if now - default_storage.get_modified_time(path).timestamp() > MAX_AGE:
            default_storage.delete(path)
            removed += 1
    return removed

"""The ``versions`` cache without Redis: the version stamps in one small file that every
process of this machine reads (settings.CACHES, ``cerdas.core.cache.content_version``).

Django's FileBasedCache would do, but it keeps a file per stamp and pickles, compresses and
dates each: reading the four stamps of a kept news article that way was a quarter of the
cost of serving it. Here a page's stamps cost one small read. A change writes the whole file
anew and moves it into place, under a lock that writers take in turn, so a reader sees the
stamps before the change or after it, never part of one, and no two writers lose each
other's stamp. Stamps never expire (``timeout`` is ignored); the cache's key prefix and
versions are not used.
"""

import fcntl
import os
import threading
from contextlib import contextmanager
from pathlib import Path

from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache


class StampFiles(BaseCache):
    def __init__(self, location, params):
        super().__init__(params)
        self.directory = Path(location)
        self.path = str(self.directory / "stamps")

    def _read(self) -> dict[str, int]:
        try:
            descriptor = os.open(self.path, os.O_RDONLY)  # no file object: read on every page
        except FileNotFoundError:
            return {}
        try:
            # Exactly the file's size: a file is replaced, never changed in place, and a
            # larger buffer would be allocated in full on every read.
            text = os.read(descriptor, os.fstat(descriptor).st_size).decode("ascii")
        finally:
            os.close(descriptor)
        return {
            key: int(value) for key, value in (line.split(" ") for line in text.split("\n") if line)
        }

    @contextmanager
    def _changing(self):
        """The stamps, to change in place; written back when the block ends."""
        self.directory.mkdir(parents=True, exist_ok=True)
        with open(self.directory / "lock", "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # released when the lock file closes
            stamps = self._read()
            yield stamps
            draft = self.directory / f".{os.getpid()}.{threading.get_ident()}.draft"
            text = "".join(f"{key} {int(value)}\n" for key, value in stamps.items())
            draft.write_bytes(text.encode("ascii"))
            os.replace(draft, self.path)

    def get(self, key, default=None, version=None):
        return self._read().get(key, default)

    def get_many(self, keys, version=None):
        stamps = self._read()
        return {key: stamps[key] for key in keys if key in stamps}

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._check(key)
        with self._changing() as stamps:
            stamps[key] = value

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        """Put ``value`` in unless a stamp is there already; True if it was put."""
        self._check(key)
        with self._changing() as stamps:
            if key in stamps:
                return False
            stamps[key] = value
        return True

    def delete(self, key, version=None):
        with self._changing() as stamps:
            return stamps.pop(key, None) is not None

    def clear(self):
        with self._changing() as stamps:
            stamps.clear()

    @staticmethod
    def _check(key: str) -> None:
        if not key or any(c.isspace() for c in key):
            raise ValueError(f"A stamp's key is one word: {key!r}")

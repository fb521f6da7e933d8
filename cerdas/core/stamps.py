"""The ``versions`` cache without Redis: the version stamps in one small file that every
process of this machine reads (settings.CACHES, ``cerdas.core.cache.content_version``).

Django's FileBasedCache would do, but it keeps a file per stamp and pickles, compresses and
dates each: reading the four stamps of a kept news article that way was a quarter of the
cost of serving it. Here a page's stamps cost one ``stat``: a process reads the file again
only when it has been replaced. A change writes the whole file anew and moves it into place,
under a lock that writers take in turn, so a reader sees the stamps before the change or
after it, never part of one, and no two writers lose each other's stamp. Stamps never expire
(``timeout`` is ignored); the cache's key prefix and versions are not used.
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
        self._lock = threading.Lock()
        self._held = None  # (device, inode, open descriptor, stamps) of the file read last

    def _read(self) -> dict[str, int]:
        """The stamps, not to be changed by the caller.

        A file is never changed, only replaced by another (``_changing``), and the one read
        last is held open, so that its inode cannot be given to a new file: while the path
        still names that inode, what was read from it holds, and a read costs one ``stat``
        however many stamps there are (one per region and desk, for some)."""
        with self._lock:
            try:
                now = os.stat(self.path)
            except FileNotFoundError:
                return {}
            held = self._held
            if held is not None and held[:2] == (now.st_dev, now.st_ino):
                return held[3]
            try:
                descriptor = os.open(self.path, os.O_RDONLY)  # no file object: less to make
            except FileNotFoundError:
                return {}
            opened = os.fstat(descriptor)
            # Exactly the file's size: a larger buffer would be allocated in full.
            text = os.read(descriptor, opened.st_size).decode("ascii")
            stamps = {
                key: int(value)
                for key, value in (line.split(" ") for line in text.split("\n") if line)
            }
            self._held = (opened.st_dev, opened.st_ino, descriptor, stamps)
            if held is not None:
                os.close(held[2])
            return stamps

    @contextmanager
    def _changing(self):
        """The stamps, to change in place; written back when the block ends."""
        self.directory.mkdir(parents=True, exist_ok=True)
        with open(self.directory / "lock", "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # released when the lock file closes
            stamps = dict(self._read())
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

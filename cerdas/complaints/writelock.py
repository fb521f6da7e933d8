"""On SQLite, intake writers queue on an operating-system lock instead of SQLite's back-off.

SQLite lets one writer at a time; a second writer that finds the database locked sleeps in
growing steps (1, 2, 5 … 100 ms) before it tries again, so under many concurrent reports
the workers spend their time asleep while the lock is long free. Around the short write
transaction of an intake, each worker process first takes an exclusive ``flock`` on a file
next to the database: the kernel wakes the next waiter the instant the lock is released.
On PostgreSQL (row locks, no database-wide writer lock) and where ``fcntl`` is missing, this
does nothing.
"""

import contextlib
import threading

from django.db import connection

try:
    import fcntl
except ImportError:  # pragma: no cover - not on Unix
    fcntl = None

_files: dict[str, tuple] = {}
_guard = threading.Lock()


def _queue(path: str) -> tuple:
    """The process's open lock file for ``path`` and the thread lock in front of it: flock
    belongs to the open file, which the process's threads share, so they queue on the thread
    lock first and the process then queues on the file lock."""
    with _guard:
        found = _files.get(path)
        if found is None:
            handle = open(path, "a")  # noqa: SIM115 - kept open for the process
            found = _files[path] = (handle, threading.Lock())
        return found


@contextlib.contextmanager
def sqlite_writer():
    """Hold the database's writer queue around one write transaction (SQLite only)."""
    name = str(connection.settings_dict.get("NAME") or "")
    usable = fcntl is not None and connection.vendor == "sqlite" and name
    if not usable or connection.in_atomic_block or name == ":memory:" or name.startswith("file:"):
        yield
        return
    handle, thread_lock = _queue(name + ".writers")
    with thread_lock:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)

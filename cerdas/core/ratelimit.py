"""Rate limits kept in the database: shared by every worker and server, never evicted.

Security state (how often an address reacted, a client posted, a visitor answered a survey)
must survive a cache eviction, a restart and a second worker, or a flood simply waits for
the counter to vanish. Each limit counts hits in fixed windows of ``seconds``: one row per
key and window, incremented atomically by the database itself (``INSERT … ON CONFLICT …
DO UPDATE … RETURNING``, the same statement on SQLite and PostgreSQL), so two workers
hitting at once are both counted. A window allows at most ``limit`` hits; a burst across a
window's edge can reach twice that, which is the price of a counter without a log of hits.

Keys are hashed with the site's secret: the table holds no address or key in the clear.
"""

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass

from django.conf import settings
from django.db import connection, transaction

from cerdas.core.models import RateCounter

# About one new window in this many sweeps the table of windows that have ended.
CLEANUP_EVERY = 500


@dataclass(frozen=True)
class Limit:
    """At most ``limit`` hits per ``seconds`` for each identity within ``scope``."""

    scope: str
    limit: int
    seconds: int

    def key(self, identity: str) -> str:
        secret = hashlib.sha256(f"cerdas.ratelimit:{settings.SECRET_KEY}".encode()).digest()
        digest = hmac.new(secret, f"{self.scope}\n{identity}".encode(), hashlib.sha256)
        return f"{self.scope}:{digest.hexdigest()[:40]}"

    def _slot(self, now: float | None = None) -> int:
        return int((time.time() if now is None else now) // self.seconds)

    def hit(self, identity: str, *, now: float | None = None) -> bool:
        """Count one hit; True while this identity is within its limit (this hit included)."""
        return self.count_hit(identity, now=now) <= self.limit

    def count_hit(self, identity: str, *, now: float | None = None) -> int:
        """Count one hit and return the number of hits in the current window."""
        slot = self._slot(now)
        table = connection.ops.quote_name(RateCounter._meta.db_table)
        statement = (
            f"INSERT INTO {table} (key, slot, hits, expires) VALUES (%s, %s, 1, %s) "  # noqa: S608 - our own table's name
            f"ON CONFLICT (key, slot) DO UPDATE SET hits = {table}.hits + 1 RETURNING hits"
        )
        # Inside a caller's transaction (a report's intake) the statement needs no savepoint
        # of its own: if it fails, the caller's transaction fails with it.
        with transaction.atomic(savepoint=False), connection.cursor() as cursor:
            cursor.execute(statement, [self.key(identity), slot, (slot + 1) * self.seconds])
            hits = cursor.fetchone()[0]
        if hits == 1 and secrets.randbelow(CLEANUP_EVERY) == 0:
            # Now and again a new window sweeps out the ended ones, so the table stays small.
            expire_old(now)
        return hits

    def hits(self, identity: str, *, now: float | None = None) -> int:
        """Hits counted so far in the current window, without counting one."""
        row = RateCounter.objects.filter(key=self.key(identity), slot=self._slot(now)).first()
        return row.hits if row else 0

    def exceeded(self, identity: str, *, now: float | None = None) -> bool:
        """Whether this identity has used up its window, without counting a hit."""
        return self.hits(identity, now=now) >= self.limit

    def reset(self, identity: str) -> None:
        RateCounter.objects.filter(key=self.key(identity)).delete()


def expire_old(now: float | None = None) -> int:
    """Delete the rows of windows that have ended; returns how many."""
    moment = int(time.time() if now is None else now)
    deleted, _ = RateCounter.objects.filter(expires__lt=moment).delete()
    return deleted

"""View counting: once per reader per article per window, kept in the database, flushed exactly.

A view is one row of ``ArticleView``: (article, reader hash, end of the window), unique. A
reader's first view in a window inserts the row; any later one in the same window meets the
unique constraint and inserts nothing (``INSERT … ON CONFLICT DO NOTHING``, the same on
SQLite and PostgreSQL). The database itself decides, so two workers, two servers or two
requests at the same instant cannot both count one reader. Nothing of it lives in the cache:
an eviction, a restart or a second worker changes nothing.

Why rows, and why written this way (measured with bench/bench_portal.py, two cores):

- The old design kept "seen" marks and buffered counts in the cache; the default cache is
  local memory, per process and evictable, so a busy site over-counted (marks evicted) and
  lost counts (buffers evicted), and two workers counted one reader twice.
- One row per view and the unique constraint is the plainest thing that is exact across
  processes. Writing the row inside each request cost the article page two thirds of its
  throughput: one commit per reader, and request threads queueing for SQLite's write lock and
  for the interpreter. So a request hands its row to its worker's writer thread
  (``_Writer``), which writes whatever has gathered in one statement; a worker that stops
  normally writes what is left first. Only a worker killed outright loses the views of its
  last few milliseconds; none is ever counted twice.
- The reader cookie carries the window and the connection (address and user agent, as a
  keyed hash) it was handed out to: a first visit without a cookie counts as that
  connection, and for the rest of the window the cookie still counts as that connection, so
  a reader's second visit, now with the cookie, is not a second view, with one row per view.

Rows start ``flushed = false``. The flush folds them into ``Article.views`` (and the day's
``ArticleDay``) exactly once: in one transaction it flips a batch of rows to flushed with
``UPDATE … SET flushed = true WHERE … AND NOT flushed RETURNING article_id`` and adds what
came back. Why no view is lost or counted twice:

- a flush that dies before commit flipped nothing; the next one finds the same rows;
- a flush that committed flipped its rows; no later one can return them again;
- two flushes at once: on PostgreSQL the second waits on the first's row locks and then
  re-checks ``NOT flushed``, so it skips those rows; SQLite runs the two one after the other.
- a busy database (SQLite's lock held past its timeout, a PostgreSQL deadlock) rolls the
  pass back whole; it is run again, which cannot double.

The page shows ``Article.views`` plus the rows still pending, read in one query (one
snapshot), so a flush between two reads cannot make a view show twice or vanish. Rows are
deleted once flushed and their window is over. Windows are fixed on the clock
(``PORTAL_VIEW_WINDOW`` seconds, 30 minutes by default), like ``cerdas.core.ratelimit``.
"""

import atexit
import hashlib
import hmac
import logging
import os
import re
import secrets
import threading
import time
import zoneinfo
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: SQLite's own busy handler does the queuing
    fcntl = None

from django.conf import settings
from django.db import IntegrityError, OperationalError, connection, transaction
from django.db.models import Count, F, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from cerdas.core.querysets import built_once
from cerdas.portal.models import NATIONAL_TIMEZONE, Article, ArticleDay, ArticleView, Reaction
from cerdas.portal.receivers import readership_changed

logger = logging.getLogger(__name__)

FLUSH_BATCH = 1000
READER_COOKIE = "cerdas_pembaca"

# Crawlers, link previews and scripts: their visits are not readers. Browsers all say
# "Mozilla/"; an empty user agent is a script.
_BOT = re.compile(
    r"bot|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|whatsapp|"
    r"telegram|discord|curl|wget|python|httpx|okhttp|java/|go-http|libwww|headless|"
    r"lighthouse|pingdom|uptime|monitor|scan",
    re.IGNORECASE,
)


def view_window() -> int:
    return int(getattr(settings, "PORTAL_VIEW_WINDOW", 1800))


def flush_interval() -> int:
    return int(getattr(settings, "PORTAL_FLUSH_INTERVAL", 10))


def counting_enabled() -> bool:
    return bool(getattr(settings, "PORTAL_COUNT_VIEWS", True))


def is_bot(user_agent: str) -> bool:
    return (
        not user_agent.strip()
        or "mozilla/" not in user_agent.lower()
        or bool(_BOT.search(user_agent))
    )


def keyed_hash(purpose: str, text: str) -> str:
    key = hashlib.sha256(f"cerdas.portal.{purpose}:{settings.SECRET_KEY}".encode()).digest()
    return hmac.new(key, text.encode(), hashlib.sha256).hexdigest()


def client_address(request) -> str:
    # Behind a proxy the deployment sets REMOTE_ADDR from X-Forwarded-For (docs/deploy.md);
    # trusting the header here would let anyone pick their own address.
    return request.META.get("REMOTE_ADDR", "")


def window_end(now: float | None = None) -> int:
    window = view_window()
    return (int((time.time() if now is None else now) // window) + 1) * window


def connection_identity(request) -> str:
    """A client without a reader cookie, known by its address and user agent (keyed hash)."""
    agent = request.META.get("HTTP_USER_AGENT", "")
    return keyed_hash("connection", f"{client_address(request)}|{agent}")[:16]


@dataclass(frozen=True)
class ReaderCookie:
    """The reader cookie: a random token, plus who the reader was when it was handed out.

    ``window_end`` and ``connection`` say in which counting window, and to which
    address-and-agent, the cookie was given: for the rest of that window the reader is still
    counted as that connection, whose first view was counted before they had a cookie. So
    the cookie's first use is never a second view, without writing anything extra.
    """

    token: str
    window_end: int
    connection: str

    @property
    def value(self) -> str:
        body = f"{self.token}.{self.window_end}.{self.connection}"
        return f"{body}.{keyed_hash('reader-cookie', body)[:16]}"


def new_reader_cookie(request) -> ReaderCookie:
    """A new reader cookie for this request's client, signed so none can be invented."""
    return ReaderCookie(secrets.token_urlsafe(16), window_end(), connection_identity(request))


def reader_cookie(request) -> ReaderCookie | None:
    """The request's reader cookie when Cerdas issued it (its signature holds), else None."""
    parts = request.COOKIES.get(READER_COOKIE, "").split(".")
    if len(parts) != 4 or not parts[1].isdigit():
        return None
    token, end, connection, signature = parts
    expected = keyed_hash("reader-cookie", f"{token}.{end}.{connection}")[:16]
    if not hmac.compare_digest(signature, expected):
        return None
    return ReaderCookie(token, int(end), connection)


def reader_identity(request) -> str:
    """Who reads, for de-duplication only: the account, the reader cookie, or the connection.

    A client without a valid cookie is known by its address and user agent, so a script that
    drops or invents cookies is still one reader per window.
    """
    if settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated:
        return f"user:{request.user.pk}"
    cookie = reader_cookie(request)
    if cookie is None or cookie.window_end == window_end():
        connection = cookie.connection if cookie else connection_identity(request)
        return f"connection:{connection}"
    return f"cookie:{cookie.token}"


def is_countable(request) -> bool:
    """A person opening the page: a GET, not a bot, not a browser's speculative prefetch."""
    if request.method != "GET" or is_bot(request.META.get("HTTP_USER_AGENT", "")):
        return False
    return "prefetch" not in request.headers.get("Sec-Purpose", request.headers.get("Purpose", ""))


def record_view(request, article_id: int) -> bool:
    """Record this request as a view (counted if it is the reader's first in the window).

    False for what is not a reader's view at all (a bot, a prefetch, a POST)."""
    if not is_countable(request):
        return False
    count_view(article_id, reader_identity(request))
    return True


def _reader_hash(identity: str, article_id: int) -> str:
    return keyed_hash("seen", f"{identity}#{article_id}")[:32]


def count_view(article_id: int, identity: str, *, now: float | None = None) -> None:
    """Record one view by ``identity``; the database keeps it only if it is the reader's first
    in this window (its unique constraint decides, for every worker at once)."""
    row = (article_id, _reader_hash(identity, article_id), window_end(now), False)
    if connection.in_atomic_block:
        # Inside a transaction (a service, a test): written now, in that transaction.
        with one_writer_at_a_time():
            _insert([row])
        return
    _writer().put(row)


def wait_for_writes(timeout: float = 30.0) -> None:
    """Return once every view recorded so far in this process is in the database."""
    writer = _writers.get(os.getpid())
    if writer is not None:
        writer.drain(timeout)


class _Writer:
    """A thread of this process that writes the recorded views, many per statement.

    A request only appends its view to a list and answers; the writer takes whatever has
    gathered and writes it in one ``INSERT … ON CONFLICT DO NOTHING`` (one commit, one turn
    at SQLite's write lock), then takes what gathered meanwhile. Under load a statement
    carries tens of views; idle, each view is written within a millisecond or so. Measured
    on two cores, writing in the request instead (one commit per reader, and request threads
    queueing for the write lock and the interpreter) cost the article page two thirds of its
    throughput (bench/portal.md).

    What this trades: a view lives only in this process's memory from the moment it is
    recorded until the statement carrying it commits, a few milliseconds. A worker killed
    outright (SIGKILL, power loss) in that moment loses those views; it never counts one
    twice. A worker that stops normally writes them first (``atexit``), and every flush
    in this process waits for them.
    """

    def __init__(self):
        self.rows: list[tuple] = []
        self.writing = 0
        self.changed = threading.Condition()
        self.thread = threading.Thread(target=self.run, name="cerdas-view-writer", daemon=True)
        self.thread.start()

    def put(self, row: tuple) -> None:
        with self.changed:
            self.rows.append(row)
            if len(self.rows) == 1:
                self.changed.notify_all()

    def run(self) -> None:
        while True:
            with self.changed:
                while not self.rows:
                    self.changed.wait()
            # Let the views of the next few milliseconds join: one statement for many readers
            # costs the workers far less than one each (fewer commits, fewer thread switches).
            time.sleep(WRITE_GATHER_SECONDS)
            with self.changed:
                rows, self.rows = self.rows, []
                self.writing = len(rows)
            try:
                self.write(rows)
            finally:
                with self.changed:
                    self.writing = 0
                    idle = not self.rows
                    self.changed.notify_all()
                if idle:
                    # Nothing waiting: let the connection go rather than hold it through a
                    # lull (a database being dropped or restarted must not wait on it).
                    connection.close()

    @staticmethod
    def write(rows: list[tuple]) -> None:
        for attempt in range(1, 6):
            try:
                with one_writer_at_a_time():
                    _insert(rows)
                return
            except OperationalError:
                # SQLite busy past its timeout (a long flush): wait and write them again;
                # rows already written are kept once by the unique constraint.
                logger.warning("views not written yet (attempt %d), retrying", attempt)
                time.sleep(0.2 * attempt)
            except Exception:
                logger.exception("views could not be written; %d lost", len(rows))
                return
            finally:
                connection.close_if_unusable_or_obsolete()
        logger.error("views could not be written after 5 attempts; %d lost", len(rows))

    def drain(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        with self.changed:
            while (self.rows or self.writing) and time.monotonic() < deadline:
                self.changed.wait(0.05)


_writers: dict[int, _Writer] = {}
_writers_lock = threading.Lock()


def _writer() -> _Writer:
    """This process's writer (a forked worker starts its own)."""
    pid = os.getpid()
    writer = _writers.get(pid)
    if writer is None:
        with _writers_lock:
            writer = _writers.get(pid)
            if writer is None:
                writer = _writers[pid] = _Writer()
                atexit.register(wait_for_writes)
    return writer


WRITE_GATHER_SECONDS = 0.005
INSERT_CHUNK = 400  # rows per statement: 4 parameters each, well under SQLite's limit


def _insert(rows: list[tuple]) -> set[tuple]:
    """INSERT … ON CONFLICT DO NOTHING; returns the rows that were new."""
    inserted: set[tuple] = set()
    for start in range(0, len(rows), INSERT_CHUNK):
        chunk = rows[start : start + INSERT_CHUNK]
        try:
            inserted |= _insert_statement(chunk)
        except IntegrityError:
            # A row of an article deleted meanwhile (its page still shared from the cache):
            # write the others one by one, leaving that one out.
            for row in chunk:
                try:
                    inserted |= _insert_statement([row])
                except IntegrityError:
                    continue
    return inserted


def _insert_statement(rows: list[tuple]) -> set[tuple]:
    table = connection.ops.quote_name(ArticleView._meta.db_table)
    values = ", ".join(["(%s, %s, %s, %s)"] * len(rows))
    statement = (
        f"INSERT INTO {table} (article_id, reader, window_end, flushed) VALUES {values} "  # noqa: S608 - our own table's name
        "ON CONFLICT (article_id, reader, window_end) DO NOTHING "
        "RETURNING article_id, reader, window_end, flushed"
    )
    # A savepoint inside a caller's transaction, so a refused row spoils nothing else.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement, [value for row in rows for value in row])
        returned = cursor.fetchall()
    return {(article, reader, end) for article, reader, end, flushed in returned if not flushed}


_thread_lock = threading.Lock()
_lock_files: dict[str, int] = {}


@contextmanager
def one_writer_at_a_time():
    """One writer of views per process at a time; on SQLite, one per machine.

    SQLite lets one writer at a time in; a worker that finds it busy sleeps in SQLite's
    busy handler for 1, 2, 5, 10 … ms before looking again, while the write it waits for
    takes a fraction of a millisecond. Queuing on a file lock next to the database hands
    the turn over as soon as the writer is done (the kernel wakes the next in line). Other
    engines queue writers themselves.
    """
    name = str(connection.settings_dict["NAME"])
    sqlite_file = connection.vendor == "sqlite" and not name.startswith((":memory:", "file:"))
    with _thread_lock:
        if not sqlite_file or fcntl is None:
            yield
            return
        descriptor = _lock_files.get(name)
        if descriptor is None:
            descriptor = os.open(f"{name}-views.lock", os.O_RDWR | os.O_CREAT, 0o600)
            _lock_files[name] = descriptor
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(descriptor, fcntl.LOCK_UN)


def count_per_article(rows):
    """How many of ``rows`` (views, reactions) each article of the outer query has, 0 for
    none: a subquery, to annotate an article query with."""
    per_article = (
        rows.filter(article=OuterRef("pk"))
        .order_by()
        .values("article")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(per_article, output_field=IntegerField()), Value(0))


def with_pending_views(queryset):
    """Annotate ``pending_views`` (views recorded but not yet flushed into ``views``) and
    ``legacy_views`` (what an older portal had counted before the article moved here).

    Read in the same query as ``views``, so one snapshot: a flush committing meanwhile moves
    views from one to the other without any showing twice or not at all.
    """
    return queryset.annotate(
        pending_views=count_per_article(ArticleView.objects.filter(flushed=False)),
        legacy_views=Coalesce(F("legacy__views"), Value(0)),
    )


@built_once
def articles_with_views():
    """Every article, annotated by ``with_pending_views``: filter it (``.readable()``,
    ``.for_user(user)``)."""
    return with_pending_views(Article.objects.all())


def total_views(article) -> int:
    """Recorded, flushed and pending views of an article annotated by ``with_pending_views``."""
    return (
        getattr(article, "legacy_views", 0) + article.views + getattr(article, "pending_views", 0)
    )


def shown_views(article_ids) -> dict[int, int]:
    """Each article's total views: from an older portal, flushed, and not yet flushed."""
    ids = list(article_ids)
    if not ids:
        return {}
    rows = articles_with_views().filter(pk__in=ids).only("pk", "views")
    return {row.pk: total_views(row) for row in rows}


def views_counted_here(article_id: int) -> int:
    """The views Cerdas itself counted for an article, flushed and pending (one query, one
    snapshot), without those an older portal had counted."""
    rows = articles_with_views().filter(pk=article_id)
    counted = rows.values_list("views", "pending_views").first()
    return sum(counted) if counted else 0


def flush_view_counts(attempts: int = 5) -> int:
    """Fold every pending view into the articles' totals; safe at any time, any number of times.

    A pass that meets a busy database (SQLite's lock held past its timeout, a PostgreSQL
    deadlock or serialisation failure) is rolled back whole and run again: a rolled-back
    pass flipped nothing, so retrying cannot double.
    """
    wait_for_writes()
    for attempt in range(1, attempts + 1):
        try:
            added = 0
            while True:
                flipped = _flush_batch()
                added += flipped
                if flipped < FLUSH_BATCH:
                    break
            _sweep()
            return added
        except OperationalError:
            if attempt == attempts:
                raise
            time.sleep(0.05 * attempt)
    return 0


def _flush_batch() -> int:
    """Flip up to FLUSH_BATCH pending rows and add them to their articles, in one transaction."""
    table = connection.ops.quote_name(ArticleView._meta.db_table)
    flip = (
        f"UPDATE {table} SET flushed = %s WHERE id IN "  # noqa: S608 - our own table's name
        f"(SELECT id FROM {table} WHERE NOT flushed ORDER BY id LIMIT %s) "
        "AND NOT flushed RETURNING article_id"
    )
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(flip, [True, FLUSH_BATCH])
            flipped = [article_id for (article_id,) in cursor.fetchall()]
        counts = Counter(flipped)
        zones = dict(
            Article.objects.filter(pk__in=counts).values_list("pk", "region__province__timezone")
        )
        # Articles in one order for every flusher, so two never wait on each other's rows.
        for article_id, views in sorted(counts.items()):
            Article.objects.filter(pk=article_id).update(views=F("views") + views)
            zone = zoneinfo.ZoneInfo(zones.get(article_id) or NATIONAL_TIMEZONE)
            day = timezone.localdate(timezone=zone)
            ArticleDay.objects.bulk_create(
                [ArticleDay(article_id=article_id, day=day)], ignore_conflicts=True
            )
            ArticleDay.objects.filter(article_id=article_id, day=day).update(
                views=F("views") + views
            )
        if flipped:
            readership_changed()
    return len(flipped)


def _sweep(now: float | None = None) -> int:
    """Delete flushed rows whose window is over: no later view can meet them again."""
    moment = int(time.time() if now is None else now)
    deleted, _ = ArticleView.objects.filter(flushed=True, window_end__lte=moment).delete()
    return deleted


def expire_reader_hashes() -> int:
    """Forget which reader gave which reaction once the hash expires; the answer stays."""
    return Reaction.objects.filter(hash_expires_at__lte=timezone.now()).update(
        reader_hash=None, hash_expires_at=None
    )

"""View counting: once per reader per article per window, kept in the database, flushed exactly.

A view is one row of ``ArticleView``: (article, reader hash, end of the window), unique. A
reader's first view in a window inserts the row; any later one in the same window meets
the unique constraint and inserts nothing (``INSERT … ON CONFLICT DO NOTHING``, one
statement, the same on SQLite and PostgreSQL). Whether the insert happened is the answer to
"count this view?", decided by the database itself, so two workers, two servers or two
requests at the same instant cannot both count the same reader. Nothing of it lives in the
cache: an eviction, a restart or a second worker changes nothing.

Rows start ``flushed = false``. The flush folds them into ``Article.views`` (and the day's
``ArticleDay``) exactly once: in one transaction it flips a batch of rows to flushed with
``UPDATE … SET flushed = true WHERE … AND NOT flushed RETURNING article_id`` and adds what
came back. Why no view is lost or counted twice:

- a flush that dies before commit flipped nothing; the next one finds the same rows;
- a flush that committed flipped its rows; no later one can return them again;
- two flushes at once: on PostgreSQL the second waits on the first's row locks and then
  re-checks ``NOT flushed``, so it skips those rows; SQLite runs the two one after the other.

The page shows ``Article.views`` plus the rows still pending, read in one query (one
snapshot), so a flush between two reads cannot make a view show twice or vanish. Rows are
deleted once flushed and their window is over. Windows are fixed on the clock
(``PORTAL_VIEW_WINDOW`` seconds, 30 minutes by default), like ``cerdas.core.ratelimit``.
"""

import hashlib
import hmac
import re
import secrets
import time
import zoneinfo
from collections import Counter

from django.conf import settings
from django.db import IntegrityError, OperationalError, connection, transaction
from django.db.models import Count, F, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from cerdas.portal.models import NATIONAL_TIMEZONE, Article, ArticleDay, ArticleView, Reaction

FLUSH_BATCH = 5000
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


def new_reader_cookie() -> str:
    """A random reader cookie, signed so that a client cannot invent new readers at will."""
    token = secrets.token_urlsafe(16)
    return f"{token}.{keyed_hash('reader-cookie', token)[:16]}"


def reader_cookie(request) -> str | None:
    """The request's reader cookie when Cerdas issued it (its signature holds), else None."""
    value = request.COOKIES.get(READER_COOKIE, "")
    token, _dot, signature = value.partition(".")
    if len(token) != 22 or len(signature) != 16:
        return None
    expected = keyed_hash("reader-cookie", token)[:16]
    return value if hmac.compare_digest(signature, expected) else None


def reader_identity(request) -> str:
    """Who reads, for de-duplication only: the account, the reader cookie, or the connection.

    A client without a valid cookie is known by its address and user agent, so a script that
    drops or invents cookies is still one reader per window.
    """
    if request.user.is_authenticated:
        return f"user:{request.user.pk}"
    cookie = reader_cookie(request)
    if cookie:
        return f"cookie:{cookie}"
    return f"address:{client_address(request)}|{request.META.get('HTTP_USER_AGENT', '')}"


def is_countable(request) -> bool:
    """A person opening the page: a GET, not a bot, not a browser's speculative prefetch."""
    if request.method != "GET" or is_bot(request.META.get("HTTP_USER_AGENT", "")):
        return False
    return "prefetch" not in request.headers.get("Sec-Purpose", request.headers.get("Purpose", ""))


def record_view(request, article_id: int, new_cookie: str | None = None) -> bool:
    """Count this request as a view if it is this reader's first in the window.

    ``new_cookie`` is the reader cookie handed to a first-time visitor with this very
    response: their next visit is recognised by it, so it is marked as seen (not counted).
    """
    if not is_countable(request):
        return False
    seen = [f"cookie:{new_cookie}"] if new_cookie else []
    try:
        return count_view(article_id, reader_identity(request), seen=seen)
    except IntegrityError:
        # The article was deleted while its page was still shared from the cache.
        return False


def _reader_hash(identity: str, article_id: int) -> str:
    return keyed_hash("seen", f"{identity}#{article_id}")[:32]


def window_end(now: float | None = None) -> int:
    window = view_window()
    return (int((time.time() if now is None else now) // window) + 1) * window


def count_view(article_id: int, identity: str, *, seen=(), now: float | None = None) -> bool:
    """Count one view by ``identity`` unless it already viewed in this window; True if counted.

    ``seen`` are other identities of the same reader to mark as having viewed, uncounted.
    One statement: the database's unique constraint decides, for every worker at once.
    """
    end = window_end(now)
    rows = [(article_id, _reader_hash(identity, article_id), end, False)]
    rows += [(article_id, _reader_hash(other, article_id), end, True) for other in seen]
    table = connection.ops.quote_name(ArticleView._meta.db_table)
    values = ", ".join(["(%s, %s, %s, %s)"] * len(rows))
    statement = (
        f"INSERT INTO {table} (article_id, reader, window_end, flushed) VALUES {values} "  # noqa: S608 - our own table's name
        "ON CONFLICT (article_id, reader, window_end) DO NOTHING RETURNING flushed"
    )
    with connection.cursor() as cursor:
        cursor.execute(statement, [value for row in rows for value in row])
        inserted = cursor.fetchall()
    return any(not flushed for (flushed,) in inserted)


def with_pending_views(queryset):
    """Annotate ``pending_views``: views recorded but not yet flushed into ``views``.

    Read in the same query as ``views``, so one snapshot: a flush committing meanwhile moves
    views from one to the other without any showing twice or not at all.
    """
    pending = (
        ArticleView.objects.filter(article=OuterRef("pk"), flushed=False)
        .order_by()
        .values("article")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return queryset.annotate(
        pending_views=Coalesce(Subquery(pending, output_field=IntegerField()), Value(0))
    )


def total_views(article) -> int:
    """Flushed plus pending views of an article annotated by ``with_pending_views``."""
    return article.views + getattr(article, "pending_views", 0)


def shown_views(article_ids) -> dict[int, int]:
    """Each article's total views: flushed ones plus those not yet flushed."""
    ids = list(article_ids)
    if not ids:
        return {}
    rows = with_pending_views(Article.objects.filter(pk__in=ids).only("pk", "views"))
    return {row.pk: total_views(row) for row in rows}


def flush_view_counts(attempts: int = 5) -> int:
    """Fold every pending view into the articles' totals; safe at any time, any number of times.

    A pass that meets a busy database (SQLite's lock held past its timeout, a PostgreSQL
    deadlock or serialisation failure) is rolled back whole and run again: a rolled-back
    pass flipped nothing, so retrying cannot double.
    """
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
    return len(flipped)


def _sweep(now: float | None = None) -> int:
    """Delete flushed rows whose window is over: no later view can meet them again."""
    moment = int(time.time() if now is None else now)
    deleted, _ = ArticleView.objects.filter(flushed=True, window_end__lte=moment).delete()
    return deleted


def pending_total() -> int:
    """How many recorded views are not yet in the totals (for the health of the flush)."""
    return ArticleView.objects.filter(flushed=False).count()


def expire_reader_hashes() -> int:
    """Forget which reader gave which reaction once the hash expires; the answer stays."""
    return Reaction.objects.filter(hash_expires_at__lte=timezone.now()).update(
        reader_hash=None, hash_expires_at=None
    )

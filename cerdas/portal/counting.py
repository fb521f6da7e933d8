"""View counting: once per reader per article per window, buffered in the cache, flushed exactly.

Each article has one counter in the cache that only grows. When the counter is created it
starts at ``generation << 32``, a random generation in the high bits, so a counter that the
cache loses (a restart, an eviction) comes back as a *new* generation instead of looking
like the old one gone backwards. The database keeps, per article and generation, a
``ViewFlushMark``: how much of that counter is already in ``Article.views``. Flushing adds
``count - mark`` and raises the mark in the same transaction, under the mark row's lock:

- a flush that dies before commit changes nothing; the next one adds the same views;
- a flush that dies after commit already raised the mark; the next one adds nothing more;
- two flushes at once queue on the mark row; the second sees the raised mark.

So a view is never counted twice, and never lost while its counter stays in the cache. The
cache counter is never decremented, so readers and the flusher never race on it. Locmem
``incr`` is atomic within a process (each process then has its own generation and marks);
Redis ``INCR`` is atomic for everyone. Views buffered in a cache that is itself lost
(process-local locmem at a restart, Redis without persistence) are gone: the total then
lags, and never shrinks or doubles.
"""

import hashlib
import hmac
import re
import secrets
import time
from collections.abc import Iterable

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.db import OperationalError, transaction
from django.db.models import Case, F, IntegerField, OuterRef, Subquery, Value, When
from django.utils import timezone

from cerdas.portal.models import Article, ArticleDay, Reaction, ViewFlushMark

GENERATION_SHIFT = 32
COUNT_MASK = (1 << GENERATION_SHIFT) - 1
FLUSH_BATCH = 500

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


def _counter_key(article_id: int) -> str:
    return f"portal:views:{article_id}"


def keyed_hash(purpose: str, text: str) -> str:
    key = hashlib.sha256(f"cerdas.portal.{purpose}:{settings.SECRET_KEY}".encode()).digest()
    return hmac.new(key, text.encode(), hashlib.sha256).hexdigest()


def client_address(request) -> str:
    # Behind a proxy the deployment sets REMOTE_ADDR from X-Forwarded-For (docs/deploy.md);
    # trusting the header here would let anyone pick their own address.
    return request.META.get("REMOTE_ADDR", "")


def reader_identity(request) -> str:
    """Who reads, for de-duplication only: the account, the reader cookie, or the connection."""
    if request.user.is_authenticated:
        return f"user:{request.user.pk}"
    token = request.COOKIES.get(READER_COOKIE, "")
    if 16 <= len(token) <= 64:
        return f"cookie:{token}"
    return f"address:{client_address(request)}|{request.META.get('HTTP_USER_AGENT', '')}"


READER_COOKIE = "cerdas_pembaca"


def _seen_key(identity: str, article_id: int) -> str:
    return f"portal:seen:{keyed_hash('seen', f'{identity}#{article_id}')}"


def should_count(request, article_id: int, new_token: str | None = None) -> bool:
    """True the first time this reader opens this article within the window, for people only.

    ``new_token`` is the reader cookie being handed to a first-time visitor with this very
    response: their next visit is recognised by it, so it is marked as seen too (a client
    that drops cookies stays recognised by its connection).
    """
    if request.method != "GET" or is_bot(request.META.get("HTTP_USER_AGENT", "")):
        return False
    # Browsers that fetch a page speculatively say so; the reader has not opened it yet.
    if "prefetch" in request.headers.get("Sec-Purpose", request.headers.get("Purpose", "")):
        return False
    window = view_window()
    counted = cache.add(_seen_key(reader_identity(request), article_id), 1, timeout=window)
    if new_token:
        cache.add(_seen_key(f"cookie:{new_token}", article_id), 1, timeout=window)
    return counted


def buffer_view(article_id: int) -> int:
    """Add one view to the article's cache counter; returns the counter's new value."""
    key = _counter_key(article_id)
    try:
        return cache.incr(key)
    except ValueError:
        # No counter yet (or the cache lost it): start a new generation. ``add`` lets only
        # one of several first readers create it; the others' incr then finds it.
        cache.add(key, (secrets.randbits(30) + 1) << GENERATION_SHIFT, timeout=None)
        return cache.incr(key)


def split(value: int) -> tuple[int, int]:
    return value >> GENERATION_SHIFT, value & COUNT_MASK


def read_counters(article_ids: Iterable[int]) -> dict[int, tuple[int, int]]:
    """The (generation, count) of each article's buffered counter, where there is one."""
    keys = {_counter_key(i): i for i in article_ids}
    found = cache.get_many(list(keys))
    return {keys[key]: split(int(value)) for key, value in found.items()}


def with_flushed_marks(queryset, counters: dict[int, tuple[int, int]]):
    """Annotate ``flushed_mark``: how much of each article's counter is already in ``views``.

    Reading the mark in the same query as ``views`` gives one consistent snapshot, so a
    flush running meanwhile cannot make a view show twice.
    """
    if not counters:
        return queryset.annotate(flushed_mark=Value(None, output_field=IntegerField()))
    if len(counters) == 1:  # the article page: a plain filter, much cheaper to build
        [(article_id, (gen, _n))] = counters.items()
        marks = ViewFlushMark.objects.filter(article_id=article_id, generation=gen)
        return queryset.annotate(flushed_mark=Subquery(marks.values("mark")[:1]))
    generation = Case(
        *(When(pk=i, then=Value(gen)) for i, (gen, _n) in counters.items()),
        default=Value(-1),
        output_field=IntegerField(),
    )
    marks = ViewFlushMark.objects.filter(
        article_id=OuterRef("pk"), generation=OuterRef("counter_generation")
    ).values("mark")[:1]
    return queryset.annotate(counter_generation=generation, flushed_mark=Subquery(marks))


def total_views(article, read: tuple[int, int] | None, now: tuple[int, int] | None) -> int:
    """Flushed views plus the buffered ones, for an article annotated by with_flushed_marks.

    ``read`` is the counter as it was when the marks were read, ``now`` as it is now (after
    this reader's view). A counter of another generation has no mark yet.
    """
    if now is None:
        return article.views
    mark = article.flushed_mark or 0 if read is not None and read[0] == now[0] else 0
    return article.views + max(0, now[1] - mark)


def shown_views(article_ids: Iterable[int]) -> dict[int, int]:
    """Each article's total views: flushed ones plus those still buffered in the cache."""
    ids = list(article_ids)
    if not ids:
        return {}
    counters = read_counters(ids)
    rows = with_flushed_marks(Article.objects.filter(pk__in=ids).only("pk", "views"), counters)
    return {row.pk: total_views(row, counters.get(row.pk), counters.get(row.pk)) for row in rows}


def flush_one(article_id: int, value: int, zone) -> int:
    """Add what one counter holds beyond its mark to the article; returns the views added."""
    generation, count = split(value)
    with transaction.atomic():
        ViewFlushMark.objects.bulk_create(
            [ViewFlushMark(article_id=article_id, generation=generation)], ignore_conflicts=True
        )
        mark = ViewFlushMark.objects.select_for_update().get(
            article_id=article_id, generation=generation
        )
        added = count - mark.mark
        if added <= 0:
            return 0
        ViewFlushMark.objects.filter(pk=mark.pk).update(mark=count, updated_at=timezone.now())
        Article.objects.filter(pk=article_id).update(views=F("views") + added)
        day = timezone.localdate(timezone=zone)
        ArticleDay.objects.bulk_create(
            [ArticleDay(article_id=article_id, day=day)], ignore_conflicts=True
        )
        ArticleDay.objects.filter(article_id=article_id, day=day).update(views=F("views") + added)
    return added


def flush_view_counts(attempts: int = 5) -> int:
    """Move every buffered view into the database; safe to run at any time, any number of times.

    A pass that meets a locked database (SQLite under concurrent writers, a PostgreSQL
    deadlock) is simply run again: every step is idempotent, so retrying cannot double.
    """
    for attempt in range(1, attempts + 1):
        try:
            return _flush_pass()
        except OperationalError:
            if attempt == attempts:
                raise
            time.sleep(0.02 * attempt)
    return 0


def _flush_pass() -> int:
    import zoneinfo

    from cerdas.portal.models import NATIONAL_TIMEZONE

    articles = list(
        Article.objects.exclude(published_at=None).values_list("pk", "region__province__timezone")
    )
    added = 0
    for start in range(0, len(articles), FLUSH_BATCH):
        chunk = dict(articles[start : start + FLUSH_BATCH])
        found = cache.get_many([_counter_key(i) for i in chunk])
        if not found:
            continue
        known = {
            (m.article_id, m.generation): m.mark
            for m in ViewFlushMark.objects.filter(article_id__in=chunk)
        }
        for article_id, zone_name in chunk.items():
            value = found.get(_counter_key(article_id))
            if value is None:
                continue
            generation, count = split(int(value))
            if count > known.get((article_id, generation), 0):
                zone = zoneinfo.ZoneInfo(zone_name or NATIONAL_TIMEZONE)
                added += flush_one(article_id, int(value), zone)
    return added


def expire_reader_hashes() -> int:
    """Forget which reader gave which reaction once the hash expires; the answer stays."""
    return Reaction.objects.filter(hash_expires_at__lte=timezone.now()).update(
        reader_hash=None, hash_expires_at=None
    )


def default_cache_is_local() -> bool:
    """Whether buffered views live in this process only (the local-memory cache)."""
    return isinstance(_default_cache(), LocMemCache)


def _default_cache():
    from django.core.cache import caches

    return caches["default"]

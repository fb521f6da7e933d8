"""10,000 views arriving at once, with flushes running meanwhile, add up exactly.

Real threads against the real cache and database (SQLite here, PostgreSQL when
DATABASE_URL points at it; Redis too when PORTAL_TEST_REDIS_URL or REDIS_URL is set).
"""

import os
import threading
import uuid

import pytest
from django.db import connection
from django.test import override_settings

from cerdas.portal import counting
from cerdas.portal.models import Article, ArticleDay
from cerdas.portal.tests.factories import make_article

THREADS = 20
PER_THREAD = 500  # 20 x 500 = 10,000


def _hammer(article_id: int) -> None:
    """Readers in THREADS threads while two flushers run until the readers are done."""
    start = threading.Barrier(THREADS + 2)
    readers_done = threading.Event()
    errors = []

    def reader():
        try:
            start.wait()
            for _ in range(PER_THREAD):
                counting.buffer_view(article_id)
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connection.close()

    def flusher():
        try:
            start.wait()
            while not readers_done.is_set():
                counting.flush_view_counts()
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connection.close()

    readers = [threading.Thread(target=reader) for _ in range(THREADS)]
    flushers = [threading.Thread(target=flusher) for _ in range(2)]
    for thread in readers + flushers:
        thread.start()
    for thread in readers:
        thread.join()
    readers_done.set()
    for thread in flushers:
        thread.join()
    assert errors == []


def _check_exact(article: Article) -> None:
    # What is still buffered shows on the page before the last flush...
    assert counting.shown_views([article.pk])[article.pk] == THREADS * PER_THREAD
    counting.flush_view_counts()
    article.refresh_from_db()
    assert article.views == THREADS * PER_THREAD
    assert sum(ArticleDay.objects.filter(article=article).values_list("views", flat=True)) == (
        THREADS * PER_THREAD
    )
    # ... and flushing again adds nothing.
    counting.flush_view_counts()
    article.refresh_from_db()
    assert article.views == THREADS * PER_THREAD


@pytest.mark.django_db(transaction=True)
def test_ten_thousand_concurrent_views_add_up_exactly():
    article = make_article()
    _hammer(article.pk)
    _check_exact(article)


REDIS = os.environ.get("PORTAL_TEST_REDIS_URL") or os.environ.get("REDIS_URL")


@pytest.mark.skipif(not REDIS, reason="neither PORTAL_TEST_REDIS_URL nor REDIS_URL is set")
@pytest.mark.django_db(transaction=True)
def test_ten_thousand_concurrent_views_add_up_exactly_on_redis():
    prefix = f"test-portal-{uuid.uuid4().hex}"
    redis = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS,
            "KEY_PREFIX": prefix,
        }
    }
    with override_settings(CACHES=redis):
        from django.core.cache import cache

        try:
            article = make_article()
            _hammer(article.pk)
            _check_exact(article)
        finally:
            client = cache._cache.get_client(write=True)
            for key in client.scan_iter(f"{prefix}:*"):
                client.delete(key)

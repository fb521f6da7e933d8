"""10,000 readers arriving at once, each reloading, with flushes meanwhile, add up exactly.

The views go through the process's writer thread, as in a worker serving requests.

Real threads against the real database (SQLite here, a file in WAL mode as in production;
PostgreSQL when DATABASE_URL points at it). Nothing of the counting is in the cache, so
the same test covers a Redis setup. Windows are made long enough that no window can end
during the test, so the result does not depend on when it runs.
"""

import threading

import pytest
from django.db import connection

from cerdas.portal import counting
from cerdas.portal.models import Article, ArticleDay
from cerdas.portal.tests.factories import make_article

THREADS = 20
PER_THREAD = 500  # 20 x 500 = 10,000 readers
VISITS = 2  # every reader comes twice; the second visit is not a view


def _hammer(article_id: int) -> None:
    """Readers in THREADS threads while two flushers run until the readers are done."""
    start = threading.Barrier(THREADS + 2)
    readers_done = threading.Event()
    errors = []

    def reader(thread_no):
        try:
            start.wait()
            for _visit in range(VISITS):
                for n in range(PER_THREAD):
                    counting.count_view(article_id, f"reader-{thread_no}-{n}")
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

    readers = [threading.Thread(target=reader, args=(n,)) for n in range(THREADS)]
    flushers = [threading.Thread(target=flusher) for _ in range(2)]
    for thread in readers + flushers:
        thread.start()
    for thread in readers:
        thread.join()
    readers_done.set()
    for thread in flushers:
        thread.join()
    assert errors == []


@pytest.mark.django_db(transaction=True)
def test_ten_thousand_concurrent_views_add_up_exactly(settings):
    settings.PORTAL_VIEW_WINDOW = 10**9  # one window from 2001 to 2033
    article = make_article()
    _hammer(article.pk)
    counting.wait_for_writes()  # the views this process recorded are all in the database
    # What is not flushed yet shows on the page before the last flush...
    assert counting.shown_views([article.pk])[article.pk] == THREADS * PER_THREAD
    counting.flush_view_counts()
    article = Article.objects.get(pk=article.pk)
    assert article.views == THREADS * PER_THREAD
    days = ArticleDay.objects.filter(article=article).values_list("views", flat=True)
    assert sum(days) == THREADS * PER_THREAD
    # ... and flushing again adds nothing.
    assert counting.flush_view_counts() == 0

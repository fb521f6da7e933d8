"""Recorded views reach the totals exactly once, whatever dies or repeats on the way."""

from unittest import mock

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import OperationalError

from cerdas.portal import counting
from cerdas.portal.models import ArticleDay, ArticleView
from cerdas.portal.tests.factories import make_article


def _views(article):
    article.refresh_from_db()
    return article.views


def _read(article, readers):
    for n in range(readers):
        counting.count_view(article.pk, f"reader-{n}")


@pytest.mark.django_db
def test_recorded_views_show_on_the_page_before_they_are_flushed():
    article = make_article(views=390)
    _read(article, 3)
    assert _views(article) == 390
    assert counting.shown_views([article.pk]) == {article.pk: 393}


@pytest.mark.django_db
def test_a_flush_moves_the_views_into_the_total_and_the_day():
    article = make_article()
    _read(article, 5)
    assert counting.flush_view_counts() == 5
    assert _views(article) == 5
    assert ArticleDay.objects.get(article=article).views == 5
    assert counting.shown_views([article.pk]) == {article.pk: 5}


@pytest.mark.django_db
def test_flushing_again_adds_nothing():
    article = make_article()
    _read(article, 2)
    counting.flush_view_counts()
    counting.flush_view_counts()
    assert counting.flush_view_counts() == 0
    assert _views(article) == 2


@pytest.mark.django_db
def test_a_flush_that_dies_before_commit_loses_nothing_and_the_next_one_counts_once():
    article = make_article()
    _read(article, 4)
    # The worker dies after adding to the article, before the day row: all rolled back.
    with (
        mock.patch.object(ArticleDay.objects, "bulk_create", side_effect=SystemExit),
        pytest.raises(SystemExit),
    ):
        counting.flush_view_counts()
    assert _views(article) == 0
    assert counting.shown_views([article.pk]) == {article.pk: 4}
    counting.flush_view_counts()
    assert _views(article) == 4


@pytest.mark.django_db
def test_a_busy_database_is_retried_and_still_counts_once():
    """SQLite answers 'database is locked' when another writer holds it past the timeout."""
    article = make_article()
    _read(article, 3)
    real = counting._flush_batch
    calls = []

    def busy_once():
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("database is locked")
        return real()

    with mock.patch.object(counting, "_flush_batch", side_effect=busy_once):
        assert counting.flush_view_counts() == 3
    assert _views(article) == 3


@pytest.mark.django_db
def test_the_views_survive_the_cache_being_emptied():
    """The old buffer lived in the local-memory cache: evicted, its views were lost or doubled."""
    article = make_article()
    _read(article, 3)
    cache.clear()
    _read(article, 3)  # the same three readers: still seen
    counting.flush_view_counts()
    assert _views(article) == 3


@pytest.mark.django_db
def test_a_reader_is_counted_again_in_the_next_window_and_old_rows_are_swept(settings):
    settings.PORTAL_VIEW_WINDOW = 60
    article = make_article()
    counting.count_view(article.pk, "reader", now=1_000_000)
    counting.count_view(article.pk, "reader", now=1_000_019)
    assert counting.shown_views([article.pk])[article.pk] == 1
    counting.count_view(article.pk, "reader", now=1_000_020)  # the next window
    assert counting.shown_views([article.pk])[article.pk] == 2
    counting.flush_view_counts()
    assert _views(article) == 2
    assert ArticleView.objects.count() == 0  # both windows are long over


@pytest.mark.django_db
def test_rows_of_the_current_window_stay_after_the_flush_so_the_reader_is_still_seen():
    article = make_article()
    counting.count_view(article.pk, "reader")
    counting.flush_view_counts()
    counting.count_view(article.pk, "reader")
    assert counting.flush_view_counts() == 0
    assert _views(article) == 1


@pytest.mark.django_db
def test_the_command_flushes_and_says_how_many(capsys):
    article = make_article()
    counting.count_view(article.pk, "reader")
    call_command("flush_view_counts")
    assert "1 views flushed" in capsys.readouterr().out
    assert _views(article) == 1

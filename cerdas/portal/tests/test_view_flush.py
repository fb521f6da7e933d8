"""Buffered views reach the database exactly once, whatever dies or repeats on the way."""

from unittest import mock

import pytest
from django.core.cache import cache
from django.core.management import call_command

from cerdas.portal import counting
from cerdas.portal.models import ArticleDay, ViewFlushMark
from cerdas.portal.tests.factories import make_article


def _views(article):
    article.refresh_from_db()
    return article.views


@pytest.mark.django_db
def test_buffered_views_show_on_the_page_before_they_are_flushed():
    article = make_article(views=390)
    for _ in range(3):
        counting.buffer_view(article.pk)
    assert _views(article) == 390
    assert counting.shown_views([article.pk]) == {article.pk: 393}


@pytest.mark.django_db
def test_a_flush_moves_the_buffer_into_the_total_and_the_day():
    article = make_article()
    for _ in range(5):
        counting.buffer_view(article.pk)
    assert counting.flush_view_counts() == 5
    assert _views(article) == 5
    assert ArticleDay.objects.get(article=article).views == 5
    assert counting.shown_views([article.pk]) == {article.pk: 5}


@pytest.mark.django_db
def test_flushing_again_or_twice_at_once_adds_nothing():
    article = make_article()
    counting.buffer_view(article.pk)
    counting.buffer_view(article.pk)
    counting.flush_view_counts()
    counting.flush_view_counts()
    assert counting.flush_view_counts() == 0
    assert _views(article) == 2


@pytest.mark.django_db
def test_a_flush_that_dies_before_commit_loses_nothing_and_the_next_one_counts_once():
    article = make_article()
    for _ in range(4):
        counting.buffer_view(article.pk)
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
def test_a_flush_that_dies_after_commit_is_not_counted_again():
    article = make_article()
    counting.buffer_view(article.pk)
    counting.buffer_view(article.pk)
    # Committed, then the worker is killed before it could do anything else; the buffer
    # itself is never cleared, so there is nothing left half-done: the mark says it all.
    counting.flush_one(article.pk, cache.get(f"portal:views:{article.pk}"), article.tzinfo)
    counting.flush_view_counts()
    assert _views(article) == 2


@pytest.mark.django_db
def test_a_lost_cache_starts_a_new_generation_and_the_total_never_shrinks():
    article = make_article()
    for _ in range(3):
        counting.buffer_view(article.pk)
    counting.flush_view_counts()
    cache.clear()  # a cache restart: the counter is gone
    counting.buffer_view(article.pk)
    counting.flush_view_counts()
    assert _views(article) == 4
    assert ViewFlushMark.objects.filter(article=article).count() == 2


@pytest.mark.django_db
def test_the_command_flushes_and_says_how_many(capsys):
    article = make_article()
    counting.buffer_view(article.pk)
    call_command("flush_view_counts")
    assert "1 views flushed" in capsys.readouterr().out
    assert _views(article) == 1

"""Rate limits live in the database: exact under concurrency, never lost to an eviction."""

import threading

import pytest
from django.core.cache import cache
from django.db import connection

from cerdas.core import ratelimit
from cerdas.core.models import RateCounter

LIMIT = ratelimit.Limit("test", limit=3, seconds=60)
NOW = 1_800_000_000.0  # a whole minute: 30_000_000 windows of 60 s


@pytest.mark.django_db
def test_hits_within_the_limit_pass_and_the_next_is_refused():
    assert [LIMIT.hit("1.2.3.4", now=NOW) for _ in range(4)] == [True, True, True, False]
    assert LIMIT.hits("1.2.3.4", now=NOW) == 4
    assert LIMIT.exceeded("1.2.3.4", now=NOW)


@pytest.mark.django_db
def test_exactly_at_the_limit_is_exceeded_one_below_is_not():
    for _ in range(2):
        LIMIT.hit("a", now=NOW)
    assert not LIMIT.exceeded("a", now=NOW)
    LIMIT.hit("a", now=NOW)
    assert LIMIT.exceeded("a", now=NOW)


@pytest.mark.django_db
def test_each_identity_and_scope_counts_on_its_own():
    for _ in range(3):
        LIMIT.hit("a", now=NOW)
    assert LIMIT.hit("b", now=NOW)
    assert ratelimit.Limit("other", limit=3, seconds=60).hit("a", now=NOW)


@pytest.mark.django_db
def test_a_new_window_starts_from_zero():
    for _ in range(4):
        LIMIT.hit("a", now=NOW)
    assert LIMIT.hit("a", now=NOW + 60)
    assert LIMIT.hits("a", now=NOW + 59.999) == 4


@pytest.mark.django_db
def test_clearing_the_cache_forgets_nothing():
    for _ in range(3):
        LIMIT.hit("a", now=NOW)
    cache.clear()
    assert not LIMIT.hit("a", now=NOW)


@pytest.mark.django_db
def test_the_table_keeps_no_identity_in_the_clear():
    LIMIT.hit("203.0.113.9", now=NOW)
    assert "203.0.113.9" not in RateCounter.objects.get().key


@pytest.mark.django_db
def test_ended_windows_are_swept_and_current_ones_kept():
    LIMIT.hit("a", now=NOW)
    LIMIT.hit("a", now=NOW + 60)
    assert ratelimit.expire_old(now=NOW + 61) == 1
    assert LIMIT.hits("a", now=NOW + 60) == 1


@pytest.mark.django_db
def test_reset_forgets_an_identity():
    for _ in range(3):
        LIMIT.hit("a", now=NOW)
    LIMIT.reset("a")
    assert LIMIT.hits("a", now=NOW) == 0


@pytest.mark.django_db(transaction=True)
def test_concurrent_hits_from_several_threads_are_all_counted():
    threads, per_thread = 4, 25

    def hammer():
        try:
            for _ in range(per_thread):
                LIMIT.count_hit("crowd", now=NOW)
        finally:
            connection.close()

    workers = [threading.Thread(target=hammer) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert LIMIT.hits("crowd", now=NOW) == threads * per_thread

"""Background work of the portal: thin wrappers over the services."""

import time
from datetime import timedelta

from django.core.cache import cache
from django.utils import timezone
from django_tasks import task

from cerdas.portal import counting


@task()
def flush_view_counts_task() -> dict:
    """Fold pending views into the totals and forget expired reader hashes."""
    return {
        "views_added": counting.flush_view_counts(),
        "hashes_expired": counting.expire_reader_hashes(),
    }


_last_look = float("-inf")


def schedule_flush() -> None:
    """Flush about once per interval, from whichever counted view comes first after it.

    The mark is only a hint: the views themselves are in the database, and a flush is exact
    however often it runs, so a mark lost from the cache (or one per worker, with the
    local-memory cache) only means an extra flush.
    """
    global _last_look
    now = time.monotonic()
    if now - _last_look < counting.flush_interval():
        return  # this process asked less than an interval ago: no need to ask the cache
    _last_look = now
    if not cache.add("portal:flush-due", 1, timeout=counting.flush_interval()):
        return
    task = flush_view_counts_task
    backend = task.get_backend()
    if backend.supports_defer:
        task = task.using(run_after=timezone.now() + timedelta(seconds=counting.flush_interval()))
    task.enqueue()

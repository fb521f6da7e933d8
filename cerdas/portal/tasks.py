"""Background work of the portal: thin wrappers over the services."""

from datetime import timedelta

from django.core.cache import cache
from django.utils import timezone
from django_tasks import task

from cerdas.portal import counting


@task()
def flush_view_counts_task() -> dict:
    """Move buffered views into the database and forget expired reader hashes."""
    return {
        "views_added": counting.flush_view_counts(),
        "hashes_expired": counting.expire_reader_hashes(),
    }


def schedule_flush() -> None:
    """Flush at most once per interval, from whichever request comes first after it."""
    if not cache.add("portal:flush-due", 1, timeout=counting.flush_interval()):
        return
    if counting.default_cache_is_local():
        # A process-local buffer can only be flushed by its own process.
        flush_view_counts_task.call()
        return
    task = flush_view_counts_task
    backend = task.get_backend()
    if backend.supports_defer:
        task = task.using(run_after=timezone.now() + timedelta(seconds=counting.flush_interval()))
    task.enqueue()

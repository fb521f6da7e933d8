"""Background work of the portal: thin wrappers over the services."""

from django_tasks import task

from cerdas.portal import counting


@task()
def flush_view_counts_task() -> dict:
    """Move buffered views into the database and forget expired reader hashes."""
    return {
        "views_added": counting.flush_view_counts(),
        "hashes_expired": counting.expire_reader_hashes(),
    }

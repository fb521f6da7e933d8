"""The kernel's signals: what any app announces so that caches and listeners keep up.

Each signal says who sends it, when, with which arguments, and what a receiver may return.
"""

from django.db import transaction
from django.dispatch import Signal

public_content_changed = Signal()
"""Sent after a change to content that public pages show has committed.

Sender: the app's label. Arguments: ``kinds``, a tuple of the kinds of content that
changed — the names public pages are cached under (``"regions"``, ``"profile"`` for a
region's profile, ``"assessments"``, ``"cohorts"``, ``"masterplans"``, ``"portal"``, …;
``cerdas.core.cache.SITE`` for every page). Receivers return nothing. The public page cache
listens (``cerdas.core.cache``), and so does the cohort board's cache.
"""


def content_changed(sender: str, *kinds: str) -> None:
    """Announce, once the current transaction commits, that content of these kinds changed."""
    transaction.on_commit(lambda: public_content_changed.send(sender=sender, kinds=kinds))

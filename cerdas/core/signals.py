"""The kernel's signals: what any app announces so that caches and listeners keep up.

Each signal says who sends it, when, with which arguments, and what a receiver may return.
"""

from django.db import transaction
from django.dispatch import Signal

public_content_changed = Signal()
"""Sent after a change to content that kept pages show has committed.

Sender: the app's label. Arguments: ``kinds``, a tuple of the kinds of content that
changed — the names public pages and kept parts of pages are cached under (``"regions"``,
``"profile"`` for a region's profile, ``"assessments"``, ``"cohorts"``, ``"masterplans"``,
``"portal"``, …; officials' pages kept under kinds of their own, such as the complaints
desk's ``"complaints-desk:35.22"``; ``cerdas.core.cache.SITE`` for every page). Receivers
return nothing. The public page cache listens (``cerdas.core.cache``), and so does the cohort
board's cache.
"""


def content_changed(sender: str, *kinds: str) -> None:
    """Announce, once the current transaction commits, that content of these kinds changed."""
    transaction.on_commit(lambda: public_content_changed.send(sender=sender, kinds=kinds))

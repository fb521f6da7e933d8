"""The kernel's signals: what any app announces so that caches and listeners keep up.

Each signal says who sends it, when, with which arguments, and what a receiver may return.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
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


def on_every_write(receiver, *models, uid: str) -> None:
    """Call ``receiver(sender, instance, **kwargs)`` after every save and every delete of
    these models (what an officials' desk kept under its own kinds listens to); ``uid``
    names the connection, so connecting twice connects once."""
    for model in models:
        key = f"{uid}-{model._meta.label_lower}"
        post_save.connect(receiver, sender=model, dispatch_uid=f"{key}-save")
        post_delete.connect(receiver, sender=model, dispatch_uid=f"{key}-delete")

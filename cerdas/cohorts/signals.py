"""How the cohorts app announces its changes.

Every save or delete of a cohorts row that public pages or the progress boards show
announces ``public_content_changed`` (kinds ``cohorts``, and ``profile`` for memberships,
which region profiles show) once the transaction commits; the page cache and the boards'
cache, keyed by the same content version, retire what they kept. Hooking the models rather
than each service means no write can forget it; a change rolled back announces nothing.
"""

from django.apps import apps
from django.db.models.signals import post_delete, post_save

from cerdas.core.registries import PROFILE
from cerdas.core.signals import content_changed

# Bookkeeping that no page shows.
QUIET = {"ReminderSent"}
# What region profiles show of a cohort.
ON_PROFILES = {"Cohort", "Membership"}


def _changed(sender, **kwargs):
    if sender.__name__ in ON_PROFILES:
        content_changed("cohorts", "cohorts", PROFILE)
    else:
        content_changed("cohorts", "cohorts")


def connect():
    for model in apps.get_app_config("cohorts").get_models():
        if model.__name__ in QUIET:
            continue
        uid = f"cohorts-changed-{model.__name__}"
        post_save.connect(_changed, sender=model, dispatch_uid=uid + "-save")
        post_delete.connect(_changed, sender=model, dispatch_uid=uid + "-delete")

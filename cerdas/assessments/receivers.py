"""What the assessments app announces when a record a round's management page shows changes.

A round's management page (``views.manage.round_dashboard``: its participants, their
assessors, the data each has and lacks, the assessor picker) is kept for the ministry under
``DESK`` (``cerdas.core.cache.desk_kinds``). Every save or delete of any record of this app
announces a change, and so does every change to a user other than a sign-in (assessors are
shown and offered by name); the one bulk write that sends no signal, inviting regions,
announces itself (``services.invite_regions``).
"""

from cerdas.core.signals import content_changed

DESK = "assessments-desk"


def record_changed(sender, instance, **kwargs) -> None:
    """A round, a participant, an answer, a score, an assignment, a framework… changed."""
    content_changed("assessments", DESK)


def user_changed(sender, instance, update_fields=None, **kwargs) -> None:
    """A user was saved or deleted; a sign-in (the last-login time alone) shows nowhere."""
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return
    content_changed("assessments", DESK)

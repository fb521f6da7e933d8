"""What the assessments app announces when a record a round's management page shows changes.

A round's management page (``views.manage.round_dashboard``: its participants, their
assessors, the data each has and lacks, the assessor picker) is kept for the ministry under
``DESK`` (``cerdas.core.cache.desk_kinds``), and under the people's kind for the assessors'
names (``cerdas.accounts.receivers``). Every save or delete of any record of this app
announces a change; the one bulk write that sends no signal, inviting regions, announces
itself (``services.invite_regions``).
"""

from cerdas.core.signals import content_changed

DESK = "assessments-desk"


def record_changed(sender, instance, **kwargs) -> None:
    """A round, a participant, an answer, a score, an assignment, a framework… changed."""
    content_changed("assessments", DESK)

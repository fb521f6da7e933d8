"""Every change to a row the national board reads bumps that cohort's board version."""

from django.db.models.signals import post_delete, post_save

from . import models
from .board_cache import bump_board_on_commit

# How to find the cohort of each kind of row; a missing parent (cascade delete) gives None.
_COHORT_OF = {
    models.Cohort: lambda row: row.pk,
    models.Membership: lambda row: row.cohort_id,
    models.Mou: lambda row: row.cohort_id,
    models.Institution: lambda row: row.cohort_id,
    models.Deliverable: lambda row: row.cohort_id,
    models.BimtekSession: lambda row: row.cohort_id,
    models.MentorAssignment: lambda row: row.cohort_id,
    models.Obligation: lambda row: _parent_cohort(models.Mou, row.mou_id),
    models.InstitutionMember: lambda row: _parent_cohort(models.Institution, row.institution_id),
    models.Attendance: lambda row: _parent_cohort(models.BimtekSession, row.session_id),
    models.Submission: lambda row: _parent_cohort(models.Deliverable, row.deliverable_id),
}


def _parent_cohort(model, pk):
    return model.objects.filter(pk=pk).values_list("cohort_id", flat=True).first()


def _changed(sender, instance, **kwargs):
    bump_board_on_commit(_COHORT_OF[sender](instance))


def connect():
    for model in _COHORT_OF:
        uid = f"cohorts-board-{model.__name__}"
        post_save.connect(_changed, sender=model, dispatch_uid=uid + "-save")
        post_delete.connect(_changed, sender=model, dispatch_uid=uid + "-delete")

"""What goes into a score: imported values, self-assessment answers, evidence, assessor scores."""

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cerdas.core.models import Audited


class Answer(Audited, models.Model):
    """One indicator's value for one invited region: imported data or a self-assessment."""

    class Source(models.TextChoices):
        IMPORT = "import", _("Imported")
        SELF = "self", _("Self-assessment")

    participant = models.ForeignKey(
        "assessments.Participant", on_delete=models.CASCADE, related_name="answers"
    )
    indicator = models.ForeignKey(
        "assessments.Indicator", on_delete=models.CASCADE, related_name="answers"
    )
    value = models.FloatField(_("value"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    source = models.CharField(max_length=10, choices=Source.choices)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["participant", "indicator"], name="answer_unique")
        ]

    def __str__(self):
        return f"{self.indicator}: {self.value}"


class AssessorScore(models.Model):
    participant = models.ForeignKey(
        "assessments.Participant", on_delete=models.CASCADE, related_name="assessor_scores"
    )
    indicator = models.ForeignKey(
        "assessments.Indicator", on_delete=models.CASCADE, related_name="+"
    )
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    score = models.FloatField(_("score"))
    note = models.TextField(_("note"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "indicator", "assessor"], name="assessor_score_unique"
            )
        ]

    def __str__(self):
        return f"{self.assessor} {self.indicator}: {self.score}"


def _evidence_path(instance, filename):
    """A random name under the round and region: the uploader's name never reaches the disk."""
    suffix = PurePosixPath(filename).suffix.lower()
    participant = instance.participant
    return f"assessments/{participant.round_id}/{participant.region_id}/{uuid.uuid4().hex}{suffix}"


class Evidence(models.Model):
    """A file a region attached to a self-assessment answer; served only through a check."""

    participant = models.ForeignKey(
        "assessments.Participant", on_delete=models.CASCADE, related_name="evidence"
    )
    indicator = models.ForeignKey(
        "assessments.Indicator", on_delete=models.CASCADE, related_name="+"
    )
    file = models.FileField(upload_to=_evidence_path)
    original_name = models.CharField(max_length=200)
    size = models.PositiveIntegerField()
    content_type = models.CharField(max_length=100)
    uploaded_at = models.DateTimeField(auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["uploaded_at", "id"]

    def __str__(self):
        return self.original_name


class ImportBatch(models.Model):
    """An uploaded file's rows as previewed, kept until the admin confirms them.

    The confirm step writes these stored rows, not anything the browser sends back, so a
    forged confirm cannot slip in other values.
    """

    round = models.ForeignKey("assessments.Round", on_delete=models.CASCADE, related_name="+")
    filename = models.CharField(max_length=200)
    rows = models.JSONField(default=list)
    indicator_codes = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return self.filename

"""The seminar showcase and the award night: categories, rubric, jurors' scores."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cerdas.core.models import AUDIT_ACTIONS, Audited

from .membership import Cohort
from .program import document_path

AUDIT_ACTIONS.update(
    {
        "cohort.presentation_saved": _("saved the seminar presentation"),
        "cohort.award_scored": _("scored an award nominee"),
        "cohort.jury_closed": _("closed the jury"),
        "cohort.award_category_saved": _("saved an award category"),
        "cohort.jury_changed": _("changed the jury or the results' publish time"),
        "cohort.award_recorded": _("recorded an award from the public record"),
    }
)


class AwardRecord(Audited, models.Model):
    """An award the public record shows a region received at the award night, with its
    source: history as it happened, apart from the categories a jury scores in Cerdas."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="award_records")
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")
    # Empty when the record does not name the category: never invented.
    category = models.CharField(_("category"), max_length=200, blank=True)
    accepted_by = models.CharField(_("accepted by"), max_length=200, blank=True)
    source = models.TextField(_("source"))
    source_url = models.URLField(_("source address"), blank=True)

    class Meta:
        ordering = ["cohort", "region"]
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "region", "category"], name="award_record_once"
            )
        ]
        verbose_name = _("recorded award")
        verbose_name_plural = _("recorded awards")

    def __str__(self):
        return f"{self.region} — {self.category or _('category not recorded')}"

    def audit_region_id(self):
        return self.region_id


class Presentation(Audited, models.Model):
    """A region's seminar presentation, shown publicly once published."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="presentations")
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")
    summary = models.TextField(_("summary"))
    quick_wins = models.TextField(_("quick wins"), blank=True)
    slides = models.FileField(_("slides (PDF)"), upload_to=document_path, blank=True)
    is_published = models.BooleanField(_("published"), default=False)
    is_demo = models.BooleanField(_("demo"), default=False)

    class Meta:
        ordering = ["cohort", "region__name"]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "region"], name="presentation_once")
        ]

    def __str__(self):
        return f"{self.region} — {self.cohort}"

    def audit_region_id(self):
        return self.region_id

    def quick_win_list(self) -> list[str]:
        return [line.strip() for line in self.quick_wins.splitlines() if line.strip()]


class AwardCategory(models.Model):
    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="award_categories")
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_demo = models.BooleanField(_("demo"), default=False)

    class Meta:
        ordering = ["cohort", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "name"], name="award_category_once")
        ]
        verbose_name_plural = _("award categories")

    def __str__(self):
        return self.name


class Criterion(models.Model):
    """One line of a category's rubric, scored from 0 to ``max_score``."""

    category = models.ForeignKey(AwardCategory, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("criterion"), max_length=200)
    max_score = models.PositiveSmallIntegerField(_("maximum score"), default=10)
    # A nominee's total from one juror is the sum of score x weight over the rubric.
    weight = models.PositiveSmallIntegerField(_("weight"), default=1)

    class Meta:
        ordering = ["category", "id"]

    def __str__(self):
        return self.name


class Nominee(models.Model):
    category = models.ForeignKey(AwardCategory, on_delete=models.CASCADE, related_name="nominees")
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["category", "region__name"]
        constraints = [models.UniqueConstraint(fields=["category", "region"], name="nominee_once")]

    def __str__(self):
        return f"{self.region} — {self.category}"


class Score(Audited, models.Model):
    nominee = models.ForeignKey(Nominee, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="scores")
    juror = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    value = models.PositiveSmallIntegerField(_("score"))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["nominee", "criterion", "juror"], name="score_once_per_juror"
            )
        ]

    def __str__(self):
        return f"{self.nominee}: {self.criterion} = {self.value}"

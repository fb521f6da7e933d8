"""Implementation records: how each program and quick win of an approved masterplan is doing.

A ``Record`` follows one program of a region's approved masterplan, by the program's
``key`` (which stays the same across the plan's revisions). Each ``Update`` is a dated,
kept snapshot of the program at that moment: its status and progress, the spending
realised so far per year and funding source, the indicators' values and evidence. The
record carries the latest update's figures, so lists and open data read one row.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from cerdas.core.models import AUDIT_ACTIONS, Audited
from cerdas.masterplans.models import Budget

AUDIT_ACTIONS.update(
    {
        "implementation.updated": _("updated the implementation of a program"),
        "implementation.period_set": _("changed the reporting period of implementation"),
        "implementation.evidence_hidden": _("took evidence off the public timeline"),
    }
)

DEFAULT_PERIOD_MONTHS = 3
MAX_PERIOD_MONTHS = 24
# As the masterplan's budget lines: a larger figure is a typing slip.
MAX_SPENDING = 10_000_000_000_000
MEASURE_DIGITS, MEASURE_PLACES = 16, 2


class Status(models.TextChoices):
    NOT_STARTED = "not_started", pgettext_lazy("implementation status", "Not started")
    IN_PROGRESS = "in_progress", pgettext_lazy("implementation status", "In progress")
    DONE = "done", pgettext_lazy("implementation status", "Done")
    DROPPED = "dropped", pgettext_lazy("implementation status", "Dropped")


# The masterplan's funding sources, under the same codes and names.
Source = Budget.Source


class ReportingPeriod(Audited, models.Model):
    """How often a region's programs are to be updated; without a row, every three months."""

    region = models.OneToOneField(
        "regions.Region",
        verbose_name=_("region"),
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    months = models.PositiveSmallIntegerField(
        _("reporting period (months)"),
        default=DEFAULT_PERIOD_MONTHS,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_PERIOD_MONTHS)],
        help_text=_("A program not updated for this long is due an update; its team is reminded."),
    )

    class Meta:
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")

    def __str__(self):
        return f"{self.region_id}: {self.months}"

    def audit_region_id(self):
        return self.region_id


class Record(Audited, models.Model):
    """One program of a region's approved masterplan, followed through its implementation."""

    region = models.ForeignKey(
        "regions.Region",
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        related_name="implementation_records",
    )
    program_key = models.UUIDField(_("program"))
    # The program's name at the last update, so the timeline reads after a revision.
    name = models.CharField(_("name"), max_length=200)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.NOT_STARTED
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    realised_total = models.PositiveBigIntegerField(_("realised spending (Rp)"), default=0)
    last_update_at = models.DateTimeField(_("last update"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    is_demo = models.BooleanField(_("demo"), default=False)

    class Meta:
        ordering = ["region", "name"]
        verbose_name = _("implementation record")
        verbose_name_plural = _("implementation records")
        constraints = [
            models.UniqueConstraint(fields=["region", "program_key"], name="record_once"),
            models.CheckConstraint(condition=Q(progress__lte=100), name="record_progress_max"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("implementation:program", args=[self.region_id, self.program_key])

    def audit_region_id(self):
        return self.region_id


class Update(models.Model):
    """The program as its team reported it on one day; kept, never changed."""

    record = models.ForeignKey(
        Record, verbose_name=_("record"), on_delete=models.CASCADE, related_name="updates"
    )
    created_at = models.DateTimeField(_("date"), auto_now_add=True, db_index=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    progress = models.PositiveSmallIntegerField(_("progress (%)"))
    reason = models.TextField(_("why it was dropped"), blank=True)
    note = models.TextField(_("what happened"), blank=True)
    realised_total = models.PositiveBigIntegerField(_("realised spending (Rp)"), default=0)

    class Meta:
        ordering = ["record", "-created_at", "-id"]
        verbose_name = _("implementation update")
        verbose_name_plural = _("implementation updates")
        constraints = [
            models.CheckConstraint(condition=Q(progress__lte=100), name="update_progress_max"),
            models.CheckConstraint(
                condition=~Q(status=Status.DROPPED) | ~Q(reason=""), name="update_dropped_reason"
            ),
        ]

    def __str__(self):
        return f"{self.record} {self.created_at:%Y-%m-%d}"

    @property
    def is_dropped(self) -> bool:
        return self.status == Status.DROPPED


class Spending(models.Model):
    """Spending realised so far for one year from one source, as of an update (whole Rp)."""

    update = models.ForeignKey(
        Update, verbose_name=_("update"), on_delete=models.CASCADE, related_name="spendings"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    amount = models.PositiveBigIntegerField(_("realised (Rp)"))

    class Meta:
        ordering = ["update", "year", "source"]
        verbose_name = _("realised spending")
        verbose_name_plural = _("realised spending")
        constraints = [
            models.UniqueConstraint(
                fields=["update", "year", "source"], name="spending_once_per_year_and_source"
            )
        ]

    def __str__(self):
        return f"{self.year} {self.source}: Rp {self.amount}"


class Measurement(models.Model):
    """An indicator's value as of an update, beside its target then."""

    update = models.ForeignKey(
        Update, verbose_name=_("update"), on_delete=models.CASCADE, related_name="measurements"
    )
    indicator = models.CharField(_("indicator"), max_length=200)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    value = models.DecimalField(
        _("value"), max_digits=MEASURE_DIGITS, decimal_places=MEASURE_PLACES
    )
    target = models.DecimalField(
        _("target"), max_digits=MEASURE_DIGITS, decimal_places=MEASURE_PLACES
    )

    class Meta:
        ordering = ["update", "id"]
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")

    def __str__(self):
        return f"{self.indicator}: {self.value}"


def evidence_path(instance, filename: str) -> str:
    update = instance.update
    return f"implementation/{update.record.region_id}/{update.record_id}/{filename}"


class Evidence(models.Model):
    """A document or photo showing the work, public unless the team keeps it to itself."""

    update = models.ForeignKey(
        Update, verbose_name=_("update"), on_delete=models.CASCADE, related_name="evidence"
    )
    file = models.FileField(_("file"), upload_to=evidence_path, max_length=300)
    caption = models.CharField(_("caption"), max_length=250, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    is_public = models.BooleanField(
        _("public"),
        default=True,
        help_text=_("Untick for documents only the region's team and reviewers may open."),
    )

    class Meta:
        ordering = ["update", "id"]
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")

    def __str__(self):
        return self.caption or self.file.name

    def get_absolute_url(self):
        return reverse("media", args=[self.file.name])

    @property
    def is_picture(self) -> bool:
        return self.content_type in ("image/jpeg", "image/png")


class ReminderSent(models.Model):
    """A claim that the reminder for one program's stale period has gone out.

    The unique constraint is the lock: a worker inserts the row in its own transaction
    before sending; one whose insert fails knows another one sent it.
    """

    region = models.ForeignKey("regions.Region", on_delete=models.CASCADE, related_name="+")
    program_key = models.UUIDField()
    stale_since = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)
    recipients = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["region", "program_key", "stale_since"],
                name="implementation_reminder_once_per_period",
            )
        ]

    def __str__(self):
        return f"{self.region_id}/{self.program_key} {self.stale_since}"

"""A cohort: one year's group of selected regions going through the program together."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cerdas.core.models import AUDIT_ACTIONS, Audited

AUDIT_ACTIONS.update(
    {
        "cohort.created": _("created the cohort"),
        "cohort.updated": _("changed the cohort's calendar"),
        "cohort.member_joined": _("made the region a member of the cohort"),
        "cohort.member_left": _("recorded the region leaving the cohort"),
    }
)


class CohortQuerySet(models.QuerySet):
    def with_member_count(self, on: datetime.date | None = None):
        """Each cohort with ``member_count``: its members on that day (default: today)."""
        from django.db.models import Count

        on = on or datetime.date.today()
        current = Q(memberships__joined_on__lte=on) & (
            Q(memberships__left_on__isnull=True) | Q(memberships__left_on__gt=on)
        )
        return self.annotate(member_count=Count("memberships", filter=current, distinct=True))


class Cohort(Audited, models.Model):
    """One year's cohort ("Menuju 100 Smart City 2017") with its calendar."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    target_count = models.PositiveSmallIntegerField(_("target number of regions"), default=25)
    assessment_start = models.DateField(_("assessment starts"), null=True, blank=True)
    assessment_end = models.DateField(_("assessment ends"), null=True, blank=True)
    mou_start = models.DateField(_("launch and MoU signing starts"), null=True, blank=True)
    mou_end = models.DateField(_("launch and MoU signing ends"), null=True, blank=True)
    mou_place = models.CharField(_("MoU signing place"), max_length=200, blank=True)
    masterplan_deadline = models.DateField(_("masterplan deadline"), null=True, blank=True)
    seminar_date = models.DateField(_("seminar"), null=True, blank=True)
    seminar_place = models.CharField(_("seminar place"), max_length=200, blank=True)
    award_night_date = models.DateField(_("award night"), null=True, blank=True)
    award_night_place = models.CharField(_("award night place"), max_length=200, blank=True)
    jurors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("jurors"), blank=True, related_name="jury_cohorts"
    )
    jury_closed = models.BooleanField(_("jury closed"), default=False)
    # Before this moment the award results are invisible to the public (404).
    results_publish_at = models.DateTimeField(_("results published at"), null=True, blank=True)
    source = models.TextField(_("source"), blank=True)
    is_demo = models.BooleanField(_("demo"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CohortQuerySet.as_manager()

    class Meta:
        ordering = ["-year"]
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("cohorts:detail", args=[self.year])

    def members_on(self, day: datetime.date):
        """The memberships in force on this day: joined on or before it, not yet left."""
        return self.memberships.active_on(day)

    def current_members(self):
        return self.members_on(datetime.date.today())

    def calendar(self) -> list[tuple[str, datetime.date | None, datetime.date | None]]:
        """The cohort's milestones as (label, start, end), in calendar order."""
        rows = [
            (_("Assessment"), self.assessment_start, self.assessment_end),
            (_("Launch and MoU signing"), self.mou_start, self.mou_end),
            (_("Masterplan deadline"), self.masterplan_deadline, None),
            (_("Seminar"), self.seminar_date, None),
            (_("Award night"), self.award_night_date, None),
        ]
        return [row for row in rows if row[1]]

    def results_published(self, now=None) -> bool:
        now = now or timezone.now()
        return self.results_publish_at is not None and self.results_publish_at <= now


class MembershipQuerySet(models.QuerySet):
    def active_on(self, day: datetime.date):
        return self.filter(joined_on__lte=day).filter(Q(left_on__isnull=True) | Q(left_on__gt=day))

    def current(self):
        return self.filter(left_on__isnull=True)


class Membership(Audited, models.Model):
    """A region's time in a cohort, from ``joined_on`` to ``left_on`` (exclusive).

    History is never overwritten: a withdrawal sets ``left_on`` with its own reason and
    source, and a replacement or a re-joining is a new row.
    """

    class Status(models.TextChoices):
        ACTIVE = "active", _("active")
        WITHDRAWN = "withdrawn", _("withdrawn")
        REPLACED = "replaced", _("replaced")

    cohort = models.ForeignKey(
        Cohort, verbose_name=_("cohort"), on_delete=models.CASCADE, related_name="memberships"
    )
    region = models.ForeignKey(
        "regions.Region",
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        related_name="cohort_memberships",
    )
    joined_on = models.DateField(_("joined on"))
    left_on = models.DateField(_("left on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE
    )
    reason = models.TextField(_("reason for joining"))
    source = models.TextField(_("source"), blank=True)
    left_reason = models.TextField(_("reason for leaving"), blank=True)
    left_source = models.TextField(_("source for leaving"), blank=True)
    # Public sources sometimes give only the month; such dates are shown as approximate.
    dates_approximate = models.BooleanField(_("dates approximate"), default=False)
    replaces = models.ForeignKey(
        "self",
        verbose_name=_("replaces"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaced_by",
    )
    is_demo = models.BooleanField(_("demo"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["cohort", "region__name", "joined_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "region"],
                condition=Q(left_on__isnull=True),
                name="membership_one_current_per_region",
            ),
            models.CheckConstraint(
                condition=Q(left_on__isnull=True) | Q(left_on__gte=models.F("joined_on")),
                name="membership_leaves_after_joining",
            ),
        ]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self):
        return f"{self.region} — {self.cohort}"

    def audit_region_id(self):
        return self.region_id

    @property
    def is_current(self) -> bool:
        return self.left_on is None

    def was_member_on(self, day: datetime.date) -> bool:
        return self.joined_on <= day and (self.left_on is None or self.left_on > day)

"""The smart city masterplan: reference data, the plan, its sections, programs and versions."""
# ruff: noqa: RUF001 - en dashes in year ranges are intended typography

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q, Sum
from django.urls import reverse
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from cerdas.core.models import AUDIT_ACTIONS, Audited

AUDIT_ACTIONS.update(
    {
        "masterplan.created": _("created the masterplan"),
        "masterplan.section_saved": _("saved a section of the masterplan"),
        "masterplan.program_saved": _("saved a program of the masterplan"),
        "masterplan.program_deleted": _("deleted a program of the masterplan"),
        "masterplan.programs_imported": _("imported programs into the masterplan"),
        "masterplan.submitted": _("submitted the masterplan for review"),
        "masterplan.review_started": _("started reviewing the masterplan"),
        "masterplan.returned": _("returned the masterplan with comments"),
        "masterplan.resubmitted": _("resubmitted the masterplan"),
        "masterplan.withdrawn": _("withdrew the masterplan from review"),
        "masterplan.approved": _("approved the masterplan"),
        "masterplan.superseded": _("replaced the masterplan by an approved revision"),
        "masterplan.revision_started": _("started a revision of the approved masterplan"),
        "masterplan.commented": _("commented on the masterplan"),
        "masterplan.cohort_set": _("changed the cohort of the masterplan"),
    }
)

MIN_YEAR = 2000
MAX_YEAR = 2100
MAX_PERIOD_YEARS = 10
# No single program line of a kabupaten/kota budget comes near 10 trillion Rupiah; a larger
# figure is a typing slip (an extra zero group), so it is refused with a message.
MAX_BUDGET = 10_000_000_000_000
# Indicator baselines and targets: 14 digits before the decimal comma and 2 after.
MEASURE_DIGITS, MEASURE_PLACES = 16, 2
# Rows a program may have: one budget per year and source over ten years, and indicators.
MAX_BUDGET_ROWS, MAX_INDICATORS = 60, 20


class Named(models.Model):
    """Reference data named in Indonesian, with an English name for English pages."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name (Indonesian)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        abstract = True
        ordering = ["order", "code"]

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        if (get_language() or "id").startswith("en") and self.name_en:
            return self.name_en
        return self.name


class Dimension(Named):
    """One of the six smart city dimensions (Smart Governance … Smart Environment)."""

    class Meta(Named.Meta):
        verbose_name = _("dimension")
        verbose_name_plural = _("dimensions")


class Element(Named):
    """An element of a dimension (public services, tourism, waste …)."""

    dimension = models.ForeignKey(
        Dimension, verbose_name=_("dimension"), on_delete=models.CASCADE, related_name="elements"
    )

    class Meta(Named.Meta):
        ordering = ["dimension__order", "order", "code"]
        verbose_name = _("dimension element")
        verbose_name_plural = _("dimension elements")


class ReadinessElement(Named):
    """An element of the readiness analysis, within struktur, infrastruktur or suprastruktur."""

    class Pillar(models.TextChoices):
        STRUKTUR = "struktur", _("Structure (struktur)")
        INFRASTRUKTUR = "infrastruktur", _("Infrastructure (infrastruktur)")
        SUPRASTRUKTUR = "suprastruktur", _("Superstructure (suprastruktur)")

    pillar = models.CharField(_("pillar"), max_length=20, choices=Pillar.choices)

    class Meta(Named.Meta):
        verbose_name = _("readiness element")
        verbose_name_plural = _("readiness elements")


class Status(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("masterplan status", "Draft")
    SUBMITTED = "submitted", pgettext_lazy("masterplan status", "Submitted")
    IN_REVIEW = "in_review", pgettext_lazy("masterplan status", "In review")
    RETURNED = "returned", pgettext_lazy("masterplan status", "Returned with comments")
    RESUBMITTED = "resubmitted", pgettext_lazy("masterplan status", "Resubmitted")
    APPROVED = "approved", pgettext_lazy("masterplan status", "Approved")
    SUPERSEDED = "superseded", pgettext_lazy("masterplan status", "Replaced by a revision")


EDITABLE = (Status.DRAFT, Status.RETURNED)
PUBLIC = (Status.APPROVED, Status.SUPERSEDED)


class MasterplanQuerySet(models.QuerySet):
    def public(self):
        return self.filter(status__in=PUBLIC)

    def for_user(self, user):
        """Approved masterplans for everyone; drafts for those who may see the region's."""
        if not user.is_authenticated:
            return self.public()
        if user.is_national_admin:
            return self
        from cerdas.regions.models import Region

        return self.filter(Q(status__in=PUBLIC) | Q(region__in=Region.objects.for_user(user)))


class Masterplan(Audited, models.Model):
    """A region's smart city masterplan for one plan period (up to ten years)."""

    region = models.ForeignKey(
        "regions.Region",
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        related_name="masterplans",
    )
    title = models.CharField(_("title"), max_length=200)
    period_start = models.PositiveSmallIntegerField(_("first year"))
    period_end = models.PositiveSmallIntegerField(_("last year"))
    # The cohort the plan was written in; a cohort removed later leaves the plan standing.
    cohort = models.ForeignKey(
        "cohorts.Cohort",
        verbose_name=_("cohort"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="masterplans",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    revision = models.PositiveSmallIntegerField(_("revision"), default=1)
    based_on = models.ForeignKey(
        "self",
        verbose_name=_("revision of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="revisions",
    )
    is_demo = models.BooleanField(_("demo"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)

    objects = MasterplanQuerySet.as_manager()

    class Meta:
        ordering = ["region", "-period_start", "-revision"]
        verbose_name = _("masterplan")
        verbose_name_plural = _("masterplans")
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="masterplan_period_in_order",
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("masterplans:detail", args=[self.pk])

    def get_manage_url(self):
        return reverse("masterplans:workspace", args=[self.pk])

    def audit_region_id(self):
        return self.region_id

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE

    @property
    def is_public(self) -> bool:
        return self.status in PUBLIC

    @property
    def is_approved(self) -> bool:
        return self.status == Status.APPROVED

    @property
    def is_superseded(self) -> bool:
        return self.status == Status.SUPERSEDED

    @property
    def years(self) -> list[int]:
        return list(range(self.period_start, self.period_end + 1))

    def lineage_ids(self) -> list[int]:
        """This plan and every plan it revises, newest first."""
        ids, plan = [], self
        while plan is not None:
            ids.append(plan.pk)
            plan = plan.based_on
        return ids


class Section(models.Model):
    """One text section of a masterplan; ``version`` guards against silent overwrites."""

    class Kind(models.TextChoices):
        INTRODUCTION = "introduction", _("Introduction and legal basis")
        READINESS = "readiness", _("Readiness analysis")
        SWOT = "swot", _("SWOT analysis")
        VISION = "vision", _("Vision, mission and goals")
        STRATEGY = "strategy", _("Strategy per dimension")
        ACTION_PLAN = "action_plan", _("Action plan and roadmap")
        INSTITUTIONS = "institutions", _("Institutions and governance")
        MONITORING = "monitoring", _("Monitoring and evaluation")

    masterplan = models.ForeignKey(
        Masterplan, verbose_name=_("masterplan"), on_delete=models.CASCADE, related_name="sections"
    )
    kind = models.CharField(_("section"), max_length=20, choices=Kind.choices)
    data = models.JSONField(_("content"), default=dict, blank=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("updated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["masterplan", "kind"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        constraints = [
            models.UniqueConstraint(fields=["masterplan", "kind"], name="section_once_per_plan")
        ]

    def __str__(self):
        return f"{self.masterplan}: {self.get_kind_display()}"


class Horizon(models.TextChoices):
    QUICK_WIN = "quick_win", _("Quick win (1–2 years)")
    SHORT = "short", _("Short term")
    MEDIUM = "medium", _("Medium term")
    LONG = "long", _("Long term")


class Program(models.Model):
    """A program of the masterplan: what, who, when, how much, and how success is measured."""

    masterplan = models.ForeignKey(
        Masterplan, verbose_name=_("masterplan"), on_delete=models.CASCADE, related_name="programs"
    )
    # Stays the same across versions and revisions, so comparisons match programs by it.
    key = models.UUIDField(default=uuid.uuid4, editable=False)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    dimension = models.ForeignKey(
        Dimension, verbose_name=_("dimension"), on_delete=models.PROTECT, related_name="programs"
    )
    element = models.ForeignKey(
        Element,
        verbose_name=_("element"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="programs",
    )
    agency = models.ForeignKey(
        "regions.Agency",
        verbose_name=_("responsible agency (OPD)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="masterplan_programs",
    )
    partners = models.CharField(_("partners"), max_length=300, blank=True)
    horizon = models.CharField(_("horizon"), max_length=12, choices=Horizon.choices)
    start_year = models.PositiveSmallIntegerField(_("first year"))
    end_year = models.PositiveSmallIntegerField(_("last year"))
    citizen_benefit = models.TextField(
        _("what citizens will notice"),
        blank=True,
        help_text=_("For quick wins: what changes for citizens, in their words."),
    )
    rpjmd_program = models.CharField(_("RPJMD program"), max_length=300, blank=True)
    renstra_program = models.CharField(_("OPD Renstra program"), max_length=300, blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    version = models.PositiveIntegerField(_("version"), default=1)

    class Meta:
        ordering = ["masterplan", "dimension__order", "start_year", "order", "id"]
        verbose_name = _("program")
        verbose_name_plural = _("programs")
        constraints = [
            models.UniqueConstraint(fields=["masterplan", "key"], name="program_key_once_per_plan")
        ]

    def __str__(self):
        return self.name

    @property
    def is_quick_win(self) -> bool:
        return self.horizon == Horizon.QUICK_WIN

    def budget_total(self) -> int:
        if hasattr(self, "_prefetched_objects_cache") and "budgets" in (
            self._prefetched_objects_cache
        ):
            return sum(b.amount for b in self.budgets.all())
        return self.budgets.aggregate(total=Sum("amount"))["total"] or 0


class Budget(models.Model):
    """A program's estimated budget for one year from one source, in whole Rupiah."""

    class Source(models.TextChoices):
        APBD = "apbd", _("APBD (regional budget)")
        APBN = "apbn", _("APBN (national budget)")
        PRIVATE = "private", _("Private partners")
        OTHER = "other", _("Other")

    program = models.ForeignKey(
        Program, verbose_name=_("program"), on_delete=models.CASCADE, related_name="budgets"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    amount = models.PositiveBigIntegerField(_("amount (Rp)"))

    class Meta:
        ordering = ["program", "year", "source"]
        verbose_name = _("budget estimate")
        verbose_name_plural = _("budget estimates")
        constraints = [
            models.UniqueConstraint(
                fields=["program", "year", "source"], name="budget_once_per_year_and_source"
            )
        ]

    def __str__(self):
        return f"{self.program} {self.year} {self.source}: Rp {self.amount}"


class Indicator(models.Model):
    """How a program's result is measured: from a baseline to a target, in a unit."""

    program = models.ForeignKey(
        Program, verbose_name=_("program"), on_delete=models.CASCADE, related_name="indicators"
    )
    name = models.CharField(_("indicator"), max_length=200)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    baseline = models.DecimalField(
        _("baseline"),
        max_digits=MEASURE_DIGITS,
        decimal_places=MEASURE_PLACES,
        null=True,
        blank=True,
    )
    target = models.DecimalField(
        _("target"), max_digits=MEASURE_DIGITS, decimal_places=MEASURE_PLACES
    )

    class Meta:
        ordering = ["program", "id"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self):
        return self.name


class Version(models.Model):
    """A frozen copy of the whole plan, taken each time it is submitted or approved."""

    masterplan = models.ForeignKey(
        Masterplan, verbose_name=_("masterplan"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField(_("number"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    snapshot = models.JSONField(_("snapshot"))
    created_at = models.DateTimeField(_("taken"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["masterplan", "number"]
        verbose_name = _("version")
        verbose_name_plural = _("versions")
        constraints = [
            models.UniqueConstraint(fields=["masterplan", "number"], name="version_number_once")
        ]

    def __str__(self):
        return f"{self.masterplan} v{self.masterplan.revision}.{self.number}"

    @property
    def label(self) -> str:
        return f"{self.masterplan.revision}.{self.number}"


class Comment(models.Model):
    """A reviewer's comment on the plan, one of its sections, or one of its programs."""

    masterplan = models.ForeignKey(
        Masterplan, verbose_name=_("masterplan"), on_delete=models.CASCADE, related_name="comments"
    )
    version = models.ForeignKey(
        Version, verbose_name=_("version"), null=True, blank=True, on_delete=models.SET_NULL
    )
    section = models.CharField(
        _("section"), max_length=20, choices=Section.Kind.choices, blank=True
    )
    program = models.ForeignKey(
        Program, verbose_name=_("program"), null=True, blank=True, on_delete=models.SET_NULL
    )
    # The program's name when commented, so the comment still reads after a deletion.
    program_name = models.CharField(_("program name"), max_length=200, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        ordering = ["masterplan", "-created_at", "-id"]
        verbose_name = _("review comment")
        verbose_name_plural = _("review comments")

    def __str__(self):
        return self.text[:60]

"""Rounds: who is invited, who assesses whom, the computed results and the selection."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from cerdas.assessments.engine.selection import DEFAULT_EASTERN_PROVINCES
from cerdas.core.models import Audited

# Words of the app's own addresses, which a round's slug must not take over.
RESERVED_SLUGS = frozenset({"kelola", "bukti", "terbaru"})
PURPOSE_SLUGS = {"selection": "kesiapan", "evaluation": "evaluasi"}


def validate_round_slug(value: str) -> None:
    if value.isdigit():
        raise ValidationError(_("The address name needs at least one letter."))
    if value in RESERVED_SLUGS:
        raise ValidationError(_("This address name is taken by the site; choose another."))


class RoundQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Round.Status.PUBLISHED)

    def for_user(self, user):
        """Rounds this user may see listed: published ones, plus those they take part in."""
        if not user.is_authenticated:
            return self.published()
        if user.can("manage_program"):
            return self
        # Subqueries, not joins: a join to every round's participants (514 a round) made rows
        # to take apart again with DISTINCT, the most of a region team's list of rounds.
        mine = Q(status=Round.Status.PUBLISHED)
        if user.role == user.Role.ASSESSOR:
            mine |= Q(pk__in=Assignment.objects.filter(assessor=user).values("round_id"))
        elif user.region_id:
            mine |= Q(
                pk__in=Participant.objects.filter(region_id=user.region_id).values("round_id")
            )
        return self.filter(mine)


class Round(Audited, models.Model):
    """One assessment round: selection of a cohort, or evaluation of its implementation."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")
        PUBLISHED = "published", _("Published")

    class Purpose(models.TextChoices):
        SELECTION = "selection", _("Readiness assessment for selection")
        EVALUATION = "evaluation", _("Implementation evaluation")

    name = models.CharField(_("name (Indonesian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    # The public address (``2017-kesiapan``): stable, unlike the database id, so links and
    # the page benchmarks survive a reload of the data.
    slug = models.SlugField(
        _("address name"),
        max_length=60,
        unique=True,
        blank=True,
        validators=[validate_round_slug],
        help_text=_("Part of the public address; made from the year and purpose if empty."),
    )
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    framework = models.ForeignKey(
        "assessments.Framework",
        verbose_name=_("framework"),
        on_delete=models.PROTECT,
        related_name="rounds",
    )
    year = models.PositiveSmallIntegerField(_("cohort year"))
    opens_on = models.DateField(_("opens on"))
    deadline = models.DateTimeField(_("deadline for self-assessments"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default="open")
    cohort_size = models.PositiveSmallIntegerField(_("places in the cohort"), default=25)
    province_cap = models.PositiveSmallIntegerField(
        _("most regions per province"), null=True, blank=True
    )
    reserved_places = models.PositiveSmallIntegerField(
        _("places reserved for eastern Indonesia"), default=0
    )
    eastern_provinces = models.CharField(
        _("eastern Indonesia (province codes)"),
        max_length=200,
        default=",".join(DEFAULT_EASTERN_PROVINCES),
    )
    minimum_dimension_score = models.FloatField(
        _("minimum sub-score in every dimension"), null=True, blank=True
    )
    excluded_codes = models.TextField(
        _("other regions to exclude (codes)"),
        blank=True,
        help_text=_("Regions of earlier cohorts are excluded automatically; list others here."),
    )
    waitlist_size = models.PositiveSmallIntegerField(_("waiting list length"), default=10)
    sensitivity_draws = models.PositiveIntegerField(_("sensitivity draws"), default=1000)
    sensitivity_spread = models.FloatField(_("weight wobble (+/-)"), default=0.2)
    computed_at = models.DateTimeField(_("computed at"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    # Finalising a selection (or publishing an evaluation) while data are missing needs a
    # person to say why; what was missing at that moment is kept with the reason.
    data_gaps = models.JSONField(_("data missing when overridden"), default=dict, blank=True)
    data_override_reason = models.TextField(_("reason to go on with missing data"), blank=True)
    data_override_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    data_override_at = models.DateTimeField(_("overridden at"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = RoundQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "-id"]
        verbose_name = _("assessment round")
        verbose_name_plural = _("assessment rounds")

    def __str__(self):
        return self.label

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self.free_slug()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("assessments:round", args=[self.slug])

    @property
    def label(self) -> str:
        """The name in Bahasa Indonesia, or in English on English pages when it has one."""
        if (get_language() or "id").startswith("en") and self.name_en:
            return self.name_en
        return self.name

    def free_slug(self) -> str:
        """``<year>-<purpose>``, with ``-2``, ``-3``... when another round has it."""
        base = slugify(f"{self.year}-{PURPOSE_SLUGS.get(self.purpose, self.purpose)}")[:55]
        taken = set(
            Round.objects.filter(slug__startswith=base)
            .exclude(pk=self.pk)
            .values_list("slug", flat=True)
        )
        slug, number = base, 1
        while slug in taken:
            number += 1
            slug = f"{base}-{number}"
        return slug

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    def publish_refusal(self) -> str | None:
        """Why the results cannot be published yet; None when they can."""
        if self.computed_at is None:
            return _("Compute the scores before publishing.")
        if self.purpose == self.Purpose.SELECTION and not (
            hasattr(self, "selection") and self.selection.is_final
        ):
            return _("Finalise the selection before publishing.")
        return None

    @property
    def was_overridden(self) -> bool:
        """Whether someone went on with missing data, saying why."""
        return self.data_override_at is not None

    @property
    def can_publish(self) -> bool:
        return not self.is_published and self.publish_refusal() is None

    def eastern_codes(self) -> frozenset[str]:
        return frozenset(c.strip() for c in self.eastern_provinces.split(",") if c.strip())

    def extra_excluded(self) -> frozenset[str]:
        return frozenset(c.strip() for c in self.excluded_codes.replace(",", " ").split())

    def is_assessor(self, user, region=None) -> bool:
        """Whether ``user`` is assigned in this round (to ``region``, when given)."""
        if not user.is_authenticated:
            return False
        assignments = self.assignments.filter(assessor=user)
        if region is not None:
            assignments = assignments.filter(region=region)
        return assignments.exists()


class Participant(Audited, models.Model):
    """A region invited to a round: its self-assessment state and, once computed, its result."""

    class SelfStatus(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        DRAFT = "draft", _("Draft saved")
        SUBMITTED = "submitted", _("Submitted")

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="participants")
    region = models.ForeignKey(
        "regions.Region", on_delete=models.PROTECT, related_name="assessment_participations"
    )
    invited_at = models.DateTimeField(auto_now_add=True)
    self_status = models.CharField(
        _("self-assessment"), max_length=12, choices=SelfStatus.choices, default="not_started"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    # The result of the last computation; empty until the round is computed.
    score = models.FloatField(_("score"), null=True, blank=True)
    rank = models.PositiveIntegerField(_("rank"), null=True, blank=True)
    dimension_scores = models.JSONField(default=dict, blank=True)
    explanation = models.JSONField(default=dict, blank=True)
    inside_share = models.FloatField(_("share of draws inside the cohort"), null=True, blank=True)

    class Meta:
        ordering = ["rank", "region_id"]
        constraints = [
            models.UniqueConstraint(fields=["round", "region"], name="participant_unique_region")
        ]

    def __str__(self):
        return f"{self.region} — {self.round}"

    def get_absolute_url(self):
        return reverse("assessments:region_result", args=[self.round.slug, self.region_id])

    def audit_region_id(self):
        return self.region_id

    @property
    def is_fragile(self) -> bool:
        """Whether weight wobbles move this region across the cut-off fairly often."""
        return self.inside_share is not None and 0.1 <= self.inside_share <= 0.9


class Assignment(Audited, models.Model):
    """An assessor scores one invited region in one round."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="assignments")
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assessment_assignments"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["round", "region", "assessor"], name="assignment_unique"
            )
        ]

    def __str__(self):
        return f"{self.assessor} → {self.region} ({self.round})"

    def audit_region_id(self):
        return self.region_id


class Selection(Audited, models.Model):
    """The proposal drawn from a round's ranking, and the list a national admin finalised."""

    round = models.OneToOneField(Round, on_delete=models.CASCADE, related_name="selection")
    decisions = models.JSONField(default=list)  # [{code, outcome, reason, params}]
    rules = models.JSONField(default=dict)
    proposed_at = models.DateTimeField(auto_now=True)
    final_codes = models.JSONField(default=list, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    finalised_at = models.DateTimeField(null=True, blank=True)
    finalised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    cohort_year = models.PositiveSmallIntegerField(null=True, blank=True)

    def __str__(self):
        return str(_("Selection of %(round)s") % {"round": self.round})

    @property
    def is_final(self) -> bool:
        return self.finalised_at is not None

    def proposed_codes(self) -> list[str]:
        return [d["code"] for d in self.decisions if d["outcome"] == "selected"]

    def chosen_codes(self) -> list[str]:
        return self.final_codes if self.is_final else self.proposed_codes()

    def cutoff(self, scores: dict[str, float | None]) -> float | None:
        """The score of the lowest region chosen (the cut-off a region must reach)."""
        chosen = [scores[c] for c in self.chosen_codes() if scores.get(c) is not None]
        return min(chosen) if chosen else None

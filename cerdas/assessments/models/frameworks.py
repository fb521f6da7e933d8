"""Frameworks: dimensions and weighted indicators, versioned, frozen once used."""

from decimal import Decimal

import numpy as np
from django.conf import settings
from django.db import models, transaction
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from cerdas.assessments.engine import scoring
from cerdas.core.models import Audited

HUNDRED = Decimal("100")


def _in_language(obj, field: str) -> str:
    """The text in Bahasa Indonesia, or its English twin on English pages when there is one."""
    if (get_language() or "id").startswith("en"):
        return getattr(obj, f"{field}_en") or getattr(obj, field)
    return getattr(obj, field)


class Framework(Audited, models.Model):
    """One version of a weighted-indicator framework (readiness or evaluation)."""

    class Purpose(models.TextChoices):
        SELECTION = "selection", _("Readiness assessment for selection")
        EVALUATION = "evaluation", _("Implementation evaluation")

    class Normalisation(models.TextChoices):
        MINMAX = scoring.MINMAX, _("Min-max over the round's regions")
        ZSCORE = scoring.ZSCORE, _("Z-score over the round's regions")
        RANGE = scoring.RANGE, _("Each indicator's own scale")

    class MissingPolicy(models.TextChoices):
        REWEIGHT = scoring.REWEIGHT, _("Leave out, spread its weight over the present indicators")
        LOWEST = scoring.LOWEST, _("Count as the lowest value (0 points)")

    class Aggregation(models.TextChoices):
        MEAN = scoring.MEAN, _("Mean of the assessors' scores")
        MEDIAN = scoring.MEDIAN, _("Median of the assessors' scores")

    family = models.SlugField(_("family"), max_length=50)
    version = models.PositiveIntegerField(_("version"), default=1)
    name = models.CharField(_("name (Indonesian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    description = models.TextField(_("description (Indonesian)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    assumptions = models.TextField(
        _("assumptions (Indonesian)"),
        blank=True,
        help_text=_("Values that no public source gives and were set by assumption."),
    )
    assumptions_en = models.TextField(_("assumptions (English)"), blank=True)
    normalisation = models.CharField(
        _("normalisation"), max_length=10, choices=Normalisation.choices, default="minmax"
    )
    missing_policy = models.CharField(
        _("missing values"), max_length=10, choices=MissingPolicy.choices, default="reweight"
    )
    aggregation = models.CharField(
        _("assessor scores"), max_length=10, choices=Aggregation.choices, default="mean"
    )
    disagreement_share = models.FloatField(
        _("disagreement threshold"),
        default=0.25,
        help_text=_(
            "Assessors disagree when their scores differ by more than this share "
            "of the indicator's scale."
        ),
    )
    previous = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["family", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["family", "version"], name="framework_unique_version")
        ]
        verbose_name = _("assessment framework")
        verbose_name_plural = _("assessment frameworks")

    def __str__(self):
        return f"{self.label} (v{self.version})"

    @property
    def label(self) -> str:
        return _in_language(self, "name")

    @property
    def shown_description(self) -> str:
        return _in_language(self, "description")

    @property
    def shown_assumptions(self) -> str:
        return _in_language(self, "assumptions")

    def is_frozen(self) -> bool:
        """Used by a closed or published round: its results must stay reproducible."""
        return self.rounds.exclude(status="open").exists()

    def ordered_indicators(self) -> list["Indicator"]:
        return list(
            Indicator.objects.filter(dimension__framework=self)
            .select_related("dimension")
            .order_by("dimension__order", "dimension__id", "order", "id")
        )

    def weight_problems(self) -> list[str]:
        """What keeps the weights from adding up to 100%, as sentences; empty when fine."""
        problems = []
        dimensions = list(self.dimensions.prefetch_related("indicators"))
        total = sum((d.weight for d in dimensions), Decimal(0))
        if total != HUNDRED:
            problems.append(
                _("The dimension weights add up to %(total)s%%, not 100%%.") % {"total": total}
            )
        for dimension in dimensions:
            indicators = list(dimension.indicators.all())
            subtotal = sum((i.weight for i in indicators), Decimal(0))
            if indicators and subtotal != HUNDRED:
                problems.append(
                    _("The indicator weights in %(dimension)s add up to %(total)s%%, not 100%%.")
                    % {"dimension": dimension.label, "total": subtotal}
                )
            if not indicators:
                problems.append(
                    _("%(dimension)s has no indicators.") % {"dimension": dimension.label}
                )
        return problems

    def spec(self, indicators: list["Indicator"] | None = None) -> scoring.Spec:
        """The engine's view of this framework, columns in ``indicators`` order."""
        indicators = indicators if indicators is not None else self.ordered_indicators()
        dimension_ids = list(self.dimensions.order_by("order", "id").values_list("id", "weight"))
        position = {pk: i for i, (pk, _weight) in enumerate(dimension_ids)}
        return scoring.Spec(
            dimension_of=np.array([position[i.dimension_id] for i in indicators], dtype=int),
            indicator_weights=np.array([float(i.weight) for i in indicators]),
            dimension_weights=np.array([float(w) for _pk, w in dimension_ids]),
            higher_is_better=np.array([i.higher_is_better for i in indicators], dtype=bool),
            method=self.normalisation,
            missing=self.missing_policy,
            lower=np.array([i.lower_bound for i in indicators]),
            upper=np.array([i.upper_bound for i in indicators]),
        )

    @transaction.atomic
    def new_version(self, user=None) -> "Framework":
        """A copy with the next version number, to edit while this one stays as it was."""
        latest = Framework.objects.filter(family=self.family).aggregate(v=models.Max("version"))
        copy = Framework.objects.get(pk=self.pk)
        copy.pk = None
        copy.version = latest["v"] + 1
        copy.previous = self
        copy.created_by = user
        copy.save()
        for dimension in self.dimensions.prefetch_related("indicators"):
            indicators = list(dimension.indicators.all())
            dimension.pk = None
            dimension.framework = copy
            dimension.save()
            for indicator in indicators:
                indicator.pk = None
                indicator.dimension = dimension
            Indicator.objects.bulk_create(indicators)
        copy.log_action(
            "assessments.framework_versioned", user=user, changes={"from_version": self.version}
        )
        return copy


class Dimension(models.Model):
    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="dimensions")
    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("name (Indonesian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    weight = models.DecimalField(_("weight (%)"), max_digits=6, decimal_places=2)
    weight_is_assumption = models.BooleanField(
        _("weight is an assumption"),
        default=False,
        help_text=_("No public source gives this weight; change it when one does."),
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "code"], name="dimension_unique_code")
        ]

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        return _in_language(self, "name")


class Indicator(models.Model):
    class Kind(models.TextChoices):
        DATA = "data", _("Imported data")
        SCALE = "scale", _("Self-assessment on a scale")
        YESNO = "yesno", _("Self-assessment yes/no")
        ASSESSOR = "assessor", _("Assessor score")

    class Direction(models.TextChoices):
        HIGHER = "higher", _("Higher is better")
        LOWER = "lower", _("Lower is better")

    dimension = models.ForeignKey(Dimension, on_delete=models.CASCADE, related_name="indicators")
    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("name (Indonesian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    question = models.TextField(_("question or definition (Indonesian)"), blank=True)
    question_en = models.TextField(_("question or definition (English)"), blank=True)
    weight = models.DecimalField(_("weight in its dimension (%)"), max_digits=6, decimal_places=2)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    direction = models.CharField(
        _("direction"), max_length=6, choices=Direction.choices, default=Direction.HIGHER
    )
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    source = models.CharField(_("source"), max_length=200, blank=True)
    scale_min = models.FloatField(_("lowest allowed value"), null=True, blank=True)
    scale_max = models.FloatField(_("highest allowed value"), null=True, blank=True)
    evidence_required = models.BooleanField(_("evidence required"), default=False)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        return _in_language(self, "name")

    @property
    def shown_question(self) -> str:
        return _in_language(self, "question")

    @property
    def higher_is_better(self) -> bool:
        return self.direction == self.Direction.HIGHER

    @property
    def is_yes_no(self) -> bool:
        return self.kind == self.Kind.YESNO

    @property
    def is_self_assessed(self) -> bool:
        return self.kind in (self.Kind.SCALE, self.Kind.YESNO)

    @property
    def lower_bound(self) -> float:
        if self.kind == self.Kind.YESNO:
            return 0.0
        return self.scale_min if self.scale_min is not None else 0.0

    @property
    def upper_bound(self) -> float:
        if self.kind == self.Kind.YESNO:
            return 1.0
        return self.scale_max if self.scale_max is not None else 100.0

    def value_problem(self, value: float) -> str | None:
        """Why ``value`` is not acceptable for this indicator, or None."""
        low = 0 if self.kind == self.Kind.YESNO else self.scale_min
        high = 1 if self.kind == self.Kind.YESNO else self.scale_max
        if (low is not None and value < low) or (high is not None and value > high):
            return _("%(value)s is outside the allowed range %(low)s-%(high)s.") % {
                "value": f"{value:g}",
                "low": "…" if low is None else f"{low:g}",
                "high": "…" if high is None else f"{high:g}",
            }
        return None

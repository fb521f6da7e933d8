"""Editing frameworks (weights, method, indicators) and a round's selection rules.

A framework used by a finished round is frozen, so its results stay reproducible: every
edit of a frozen framework is made on a new version, which later rounds can use, while the
finished round keeps pointing at the version it was scored with.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from cerdas.assessments.models import Dimension, Framework, Indicator, Round

METHOD_FIELDS = (
    "name",
    "description",
    "assumptions",
    "normalisation",
    "missing_policy",
    "aggregation",
    "disagreement_share",
)
INDICATOR_FIELDS = (
    "code",
    "name",
    "question",
    "weight",
    "kind",
    "direction",
    "unit",
    "source",
    "scale_min",
    "scale_max",
    "evidence_required",
)
RULE_FIELDS = (
    "cohort_size",
    "province_cap",
    "reserved_places",
    "eastern_provinces",
    "minimum_dimension_score",
    "excluded_codes",
    "waitlist_size",
)


def _plain(value):
    """A value the audit log's JSON can hold."""
    return str(value) if isinstance(value, Decimal) else value


def _apply(obj, fields: dict, names) -> dict:
    """Set ``fields`` on ``obj``; returns the changes as {name: [old, new]}."""
    changes = {}
    for name in names:
        if name in fields and getattr(obj, name) != fields[name]:
            changes[name] = [_plain(getattr(obj, name)), _plain(fields[name])]
            setattr(obj, name, fields[name])
    return changes


def _editable(framework: Framework, user) -> Framework:
    """The framework itself, or a new version of it when a finished round uses it."""
    return framework.new_version(user) if framework.is_frozen() else framework


def _scaled(weights: dict, keys: list) -> None:
    """Scale the weights under ``keys`` so they add up to 100 (two decimals, exact sum)."""
    total = sum((weights[k] for k in keys), Decimal(0))
    if not keys or total == 0:
        return
    for key in keys:
        weights[key] = (weights[key] * 100 / total).quantize(Decimal("0.01"), ROUND_HALF_UP)
    weights[keys[-1]] += Decimal(100) - sum(weights[k] for k in keys)


@transaction.atomic
def update_weights(*, framework_id: int, weights: dict, normalise: bool, user) -> Framework:
    """Set weights (keys ``("d", code)`` and ``("i", dimension code, indicator code)``).

    Weights that do not add up to 100% per level are refused unless ``normalise`` asks to
    scale them. A frozen framework is not touched: the change makes a new version.
    """
    framework = Framework.objects.select_for_update().get(pk=framework_id)
    dimensions = list(framework.dimensions.prefetch_related("indicators"))
    if normalise:
        _scaled(weights, [("d", d.code) for d in dimensions])
        for d in dimensions:
            _scaled(weights, [("i", d.code, i.code) for i in d.indicators.all()])
    problems = []
    if sum(weights[("d", d.code)] for d in dimensions) != 100:
        problems.append(_("The dimension weights must add up to 100%."))
    for d in dimensions:
        if sum(weights[("i", d.code, i.code)] for i in d.indicators.all()) != 100:
            problems.append(
                _("The indicator weights in %(dimension)s must add up to 100%%.")
                % {"dimension": d.label}
            )
    if problems:
        raise ValidationError(problems)
    target = _editable(framework, user)
    for dimension in target.dimensions.prefetch_related("indicators"):
        dimension.weight = weights[("d", dimension.code)]
        dimension.save(update_fields=["weight"])
        for indicator in dimension.indicators.all():
            indicator.weight = weights[("i", dimension.code, indicator.code)]
            indicator.save(update_fields=["weight"])
    target.log_action("assessments.framework_edited", user=user)
    return target


@transaction.atomic
def update_method(*, framework_id: int, fields: dict, user) -> Framework:
    """Name, description, normalisation, missing-data policy and assessor aggregation."""
    framework = Framework.objects.select_for_update().get(pk=framework_id)
    changes = _apply(Framework.objects.get(pk=framework_id), fields, METHOD_FIELDS)
    if not changes:
        return framework
    target = _editable(framework, user)
    _apply(target, fields, METHOD_FIELDS)
    target.save()
    target.log_action("assessments.framework_settings_edited", user=user, changes=changes)
    return target


@transaction.atomic
def save_indicator(
    *, framework_id: int, indicator_id: int | None, dimension_code: str, fields: dict, user
) -> Indicator:
    """Add an indicator to a dimension (``indicator_id`` None) or change one.

    Its code must be unique in the framework: imports head their columns with it. The
    dimension's indicator weights may stop adding up to 100%; the framework page says so
    and a round cannot open on it until they are fixed.
    """
    framework = Framework.objects.select_for_update().get(pk=framework_id)
    old = None
    if indicator_id is not None:
        old = Indicator.objects.select_related("dimension").get(
            pk=indicator_id, dimension__framework=framework
        )
    others = Indicator.objects.filter(dimension__framework=framework, code=fields["code"])
    if old is not None:
        others = others.exclude(pk=old.pk)
    if others.exists():
        raise ValidationError({"code": _("Another indicator of this framework has this code.")})
    if not framework.dimensions.filter(code=dimension_code).exists():
        raise ValidationError({"dimension": _("Choose one of the framework's dimensions.")})
    target = _editable(framework, user)
    dimension = Dimension.objects.get(framework=target, code=dimension_code)
    if old is None:
        indicator = Indicator(dimension=dimension, order=dimension.indicators.count() + 1)
        changes = _apply(indicator, fields, INDICATOR_FIELDS)
        action = "assessments.indicator_added"
    else:
        indicator = Indicator.objects.get(dimension__framework=target, code=old.code)
        changes = _apply(indicator, fields, INDICATOR_FIELDS)
        if indicator.dimension_id != dimension.pk:
            changes["dimension"] = [indicator.dimension.code, dimension.code]
            indicator.dimension = dimension
        action = "assessments.indicator_edited"
    indicator.save()
    target.log_action(action, user=user, changes={"indicator": indicator.code, **changes})
    return indicator


@transaction.atomic
def update_rules(*, round_id: int, fields: dict, user, reason: str = "") -> Round:
    """Change a round's selection rules until its selection is final.

    A round already computed is computed again, so the proposal, the waiting list and the
    sensitivity follow the new rules at once.
    """
    from cerdas.assessments import computing

    round_ = Round.objects.select_for_update().get(pk=round_id)
    if hasattr(round_, "selection") and round_.selection.is_final:
        raise ValidationError(_("The selection is final: its rules can no longer change."))
    changes = _apply(round_, fields, RULE_FIELDS)
    if not changes:
        return round_
    round_.save(update_fields=list(changes))
    round_.log_action("assessments.rules_edited", user=user, reason=reason, changes=changes)
    if round_.computed_at is not None and not round_.is_open:
        computing.compute_round(round_id=round_.pk, user=user)
    return round_

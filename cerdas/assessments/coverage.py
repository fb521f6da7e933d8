"""What data a round has and lacks, per region and per dimension, before it is trusted.

Read from the very matrix the engine scores (``computing.value_matrix``): a value counts as
missing here exactly when the computation would have to do without it. A round computed,
finalised or published while values are missing says so, and finalising (or publishing an
evaluation) then needs an explicit override with a reason.
"""

from dataclasses import dataclass, field

import numpy as np
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cerdas.assessments.engine import scoring
from cerdas.assessments.models import Answer, AssessorScore, Indicator, Participant


def value_matrix(round_, participants, indicators) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Values (R, I) with assessor indicators aggregated, and their spread and flags.

    Exactly what the engine scores: ``coverage`` reads the same matrix to say what is
    missing, so what people are told is missing is what the computation lacks."""
    row = {p.pk: r for r, p in enumerate(participants)}
    column = {i.pk: c for c, i in enumerate(indicators)}
    values = np.full((len(participants), len(indicators)), np.nan)
    submitted = {p.pk for p in participants if p.self_status == Participant.SelfStatus.SUBMITTED}
    answers = Answer.objects.filter(participant__round=round_, value__isnull=False)
    for participant_id, indicator_id, value, source in answers.values_list(
        "participant_id", "indicator_id", "value", "source"
    ):
        # A self-assessment counts once submitted; imported data counts as soon as it is in.
        if indicator_id in column and (
            source == Answer.Source.IMPORT or participant_id in submitted
        ):
            values[row[participant_id], column[indicator_id]] = value
    assessed = [c for c, i in enumerate(indicators) if i.kind == Indicator.Kind.ASSESSOR]
    spread = np.full(values.shape, np.nan)
    flagged = np.zeros(values.shape, dtype=bool)
    if assessed:
        scores = list(
            AssessorScore.objects.filter(participant__round=round_).values_list(
                "participant_id", "indicator_id", "assessor_id", "score"
            )
        )
        assessors = {a: k for k, a in enumerate(sorted({s[2] for s in scores}))}
        sub = {column_index: j for j, column_index in enumerate(assessed)}
        cube = np.full((len(participants), len(assessed), max(len(assessors), 1)), np.nan)
        for participant_id, indicator_id, assessor_id, value in scores:
            if indicator_id in column and column[indicator_id] in sub:
                cube[row[participant_id], sub[column[indicator_id]], assessors[assessor_id]] = value
        scale = np.array([indicators[c].upper_bound - indicators[c].lower_bound for c in assessed])
        aggregate, sub_spread, sub_flagged = scoring.aggregate_assessments(
            cube, round_.framework.aggregation, round_.framework.disagreement_share * scale
        )
        values[:, assessed] = aggregate
        spread[:, assessed] = sub_spread
        flagged[:, assessed] = sub_flagged
    return values, spread, flagged


@dataclass
class DimensionGap:
    name: str
    missing: int
    total: int

    @property
    def complete(self) -> bool:
        return self.missing == 0


@dataclass
class RegionCoverage:
    participant: Participant
    self_submitted: bool
    assessors: int
    scored: bool
    dimensions: list[DimensionGap]
    missing_kinds: list[str] = field(default_factory=list)

    @property
    def region(self):
        return self.participant.region

    @property
    def missing(self) -> int:
        return sum(d.missing for d in self.dimensions)

    @property
    def total(self) -> int:
        return sum(d.total for d in self.dimensions)

    @property
    def complete(self) -> bool:
        return self.missing == 0


@dataclass
class Coverage:
    rows: list[RegionCoverage]
    dimension_names: list[str]
    # Share of the composite score (percent) each kind of indicator carries.
    weight_share: dict[str, float]
    policy: str

    @property
    def complete(self) -> bool:
        return all(row.complete for row in self.rows)

    def summary(self) -> dict:
        """The gaps as plain values: kept with an override, worded again by ``gap_texts``."""
        has = {kind for kind, share in self.weight_share.items() if share > 0}
        return {
            "invited": len(self.rows),
            "self_submitted": sum(row.self_submitted for row in self.rows),
            "self_share": round(self._share(Indicator.Kind.SCALE, Indicator.Kind.YESNO), 1),
            "asks_self": bool(has & {Indicator.Kind.SCALE, Indicator.Kind.YESNO}),
            "without_scores": [row.region.name for row in self.rows if not row.scored]
            if Indicator.Kind.ASSESSOR in has
            else [],
            "assessor_share": round(self._share(Indicator.Kind.ASSESSOR), 1),
            "without_data": [
                row.region.name for row in self.rows if Indicator.Kind.DATA in row.missing_kinds
            ],
            "incomplete": [
                [row.region.name, row.missing, row.total] for row in self.rows if not row.complete
            ],
            "dimensions": [
                [name, sum(1 for row in self.rows if not row.dimensions[k].complete)]
                for k, name in enumerate(self.dimension_names)
            ],
        }

    def texts(self) -> list[str]:
        return gap_texts(self.summary())

    def _share(self, *kinds) -> float:
        return sum(self.weight_share.get(kind, 0.0) for kind in kinds)


def coverage(round_) -> Coverage:
    """Every invited region's data as the engine will see it, with what is missing."""
    participants = list(
        round_.participants.select_related("region").order_by("region__name", "region_id")
    )
    indicators = round_.framework.ordered_indicators()
    dimensions = list(round_.framework.dimensions.order_by("order", "id"))
    values, _spread, _flagged = value_matrix(round_, participants, indicators)
    missing = np.isnan(values) if values.size else np.zeros((len(participants), 0), dtype=bool)
    position = {d.pk: k for k, d in enumerate(dimensions)}
    column_dimension = np.array([position[i.dimension_id] for i in indicators], dtype=int)
    assessed = [c for c, i in enumerate(indicators) if i.kind == Indicator.Kind.ASSESSOR]
    assessors = {}
    for region_id in round_.assignments.values_list("region_id", flat=True):
        assessors[region_id] = assessors.get(region_id, 0) + 1
    rows = []
    for r, participant in enumerate(participants):
        gaps = [
            DimensionGap(
                name=d.label,
                missing=int(missing[r, column_dimension == k].sum()),
                total=int((column_dimension == k).sum()),
            )
            for k, d in enumerate(dimensions)
        ]
        kinds = sorted({indicators[c].kind for c in np.flatnonzero(missing[r])})
        rows.append(
            RegionCoverage(
                participant=participant,
                self_submitted=participant.self_status == Participant.SelfStatus.SUBMITTED,
                assessors=assessors.get(participant.region_id, 0),
                scored=bool(assessed) and not bool(missing[r, assessed].all()),
                dimensions=gaps,
                missing_kinds=kinds,
            )
        )
    return Coverage(
        rows=rows,
        dimension_names=[d.label for d in dimensions],
        weight_share=_weight_share(dimensions, indicators),
        policy=str(round_.framework.get_missing_policy_display()),
    )


def _weight_share(dimensions, indicators) -> dict[str, float]:
    """Percent of the composite each kind of indicator carries (dimension times indicator)."""
    weights = {d.pk: float(d.weight) for d in dimensions}
    total = sum(weights.values()) or 1.0
    inside = {}
    for indicator in indicators:
        inside[indicator.dimension_id] = inside.get(indicator.dimension_id, 0.0) + float(
            indicator.weight
        )
    share: dict[str, float] = {}
    for indicator in indicators:
        within = float(indicator.weight) / (inside[indicator.dimension_id] or 1.0)
        part = 100.0 * weights[indicator.dimension_id] / total * within
        share[indicator.kind] = share.get(indicator.kind, 0.0) + part
    return share


def gap_texts(summary: dict) -> list[str]:
    """The gaps of a ``Coverage.summary()`` as sentences; empty when nothing is missing."""
    if not summary:
        return []
    texts = []
    invited, submitted = summary["invited"], summary["self_submitted"]
    if summary.get("asks_self") and submitted < invited:
        texts.append(
            _(
                "%(submitted)s of %(invited)s regions submitted their self-assessment "
                "(self-assessments carry %(share)s%% of the weight)."
            )
            % {"submitted": submitted, "invited": invited, "share": _percent(summary["self_share"])}
        )
    if summary["without_scores"]:
        count = len(summary["without_scores"])
        texts.append(
            ngettext(
                "%(count)s region has no assessor score: %(names)s (assessor scores and "
                "interviews carry %(share)s%% of the weight).",
                "%(count)s regions have no assessor score: %(names)s (assessor scores and "
                "interviews carry %(share)s%% of the weight).",
                count,
            )
            % {
                "count": count,
                "names": _names(summary["without_scores"]),
                "share": _percent(summary["assessor_share"]),
            }
        )
    if summary["without_data"]:
        count = len(summary["without_data"])
        texts.append(
            ngettext(
                "%(count)s region lacks imported indicator data: %(names)s.",
                "%(count)s regions lack imported indicator data: %(names)s.",
                count,
            )
            % {"count": count, "names": _names(summary["without_data"])}
        )
    for name, regions in summary["dimensions"]:
        if regions:
            texts.append(
                ngettext(
                    "%(dimension)s: values missing for %(count)s region.",
                    "%(dimension)s: values missing for %(count)s regions.",
                    regions,
                )
                % {"dimension": name, "count": regions}
            )
    return texts


def _names(names: list[str], shown: int = 6) -> str:
    if len(names) <= shown:
        return ", ".join(names)
    return _("%(names)s and %(count)s more") % {
        "names": ", ".join(names[:shown]),
        "count": len(names) - shown,
    }


def _percent(value: float) -> str:
    return number_format(value, decimal_pos=0 if float(value).is_integer() else 1)

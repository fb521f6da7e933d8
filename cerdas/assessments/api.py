"""The assessments API: frameworks, rounds, results and selections (read only).

Published rounds are public; before publication a round's results and selection answer
only national admins and the round's assessors (others get 404, as if it did not exist).
"""

from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema
from ninja.errors import HttpError

from cerdas.assessments import permissions
from cerdas.assessments.models import Framework, Round
from cerdas.assessments.results import ranking_rows

router = Router(tags=["assessments"])


class IndicatorOut(Schema):
    code: str
    name: str = Field(description="In Bahasa Indonesia")
    name_en: str = Field(description="In English; empty when not translated")
    weight: float
    kind: str
    direction: str
    unit: str
    source: str


class DimensionOut(Schema):
    code: str
    name: str = Field(description="In Bahasa Indonesia")
    name_en: str = Field(description="In English; empty when not translated")
    weight: float
    weight_is_assumption: bool
    indicators: list[IndicatorOut]


class FrameworkOut(Schema):
    id: int
    family: str
    version: int
    name: str = Field(description="In Bahasa Indonesia")
    name_en: str = Field(description="In English; empty when not translated")
    purpose: str
    normalisation: str
    missing_policy: str
    assumptions: str
    assumptions_en: str
    dimensions: list[DimensionOut]


class RoundOut(Schema):
    id: int
    slug: str
    name: str = Field(description="In Bahasa Indonesia")
    name_en: str = Field(description="In English; empty when not translated")
    purpose: str
    status: str
    year: int
    framework_id: int
    is_demo: bool


class ResultOut(Schema):
    region_code: str
    region_name: str
    score: float | None
    rank: int
    selected: bool
    dimension_scores: dict[str, float | None]


class SelectionOut(Schema):
    round_id: int
    final: bool
    region_codes: list[str]
    reason: str
    decisions: list[dict]


def _framework_out(framework) -> dict:
    return {
        **{
            f: getattr(framework, f)
            for f in (
                "id",
                "family",
                "version",
                "name",
                "name_en",
                "purpose",
                "normalisation",
                "missing_policy",
                "assumptions",
                "assumptions_en",
            )
        },
        "dimensions": [
            {
                "code": d.code,
                "name": d.name,
                "name_en": d.name_en,
                "weight": float(d.weight),
                "weight_is_assumption": d.weight_is_assumption,
                "indicators": [
                    {
                        "code": i.code,
                        "name": i.name,
                        "name_en": i.name_en,
                        "weight": float(i.weight),
                        "kind": i.kind,
                        "direction": i.direction,
                        "unit": i.unit,
                        "source": i.source,
                    }
                    for i in d.indicators.all()
                ],
            }
            for d in framework.dimensions.prefetch_related("indicators")
        ],
    }


@router.get("/frameworks", response=list[FrameworkOut], summary="Assessment frameworks")
def list_frameworks(request):
    return [_framework_out(f) for f in Framework.objects.all()]


@router.get("/frameworks/{framework_id}", response=FrameworkOut, summary="One framework")
def framework_detail(request, framework_id: int):
    return _framework_out(get_object_or_404(Framework, pk=framework_id))


@router.get("/rounds", response=list[RoundOut], summary="Assessment rounds")
def list_rounds(request):
    """Published rounds for everyone; national admins and the rounds' panel see the rest."""
    return list(Round.objects.for_user(request.user))


def _get_round_for_user(request, round_id: int) -> Round:
    round_ = get_object_or_404(Round.objects.select_related("framework"), pk=round_id)
    if not permissions.can_see_round_results(request.user, round_):
        raise HttpError(404, "Not found")
    return round_


@router.get("/rounds/{round_id}", response=RoundOut, summary="One round")
def round_detail(request, round_id: int):
    round_ = get_object_or_404(Round.objects.for_user(request.user), pk=round_id)
    return round_


@router.get("/rounds/{round_id}/results", response=list[ResultOut], summary="A round's results")
def round_results(request, round_id: int):
    """One item per assessed region, best first: score 0-100, rank, and whether selected."""
    round_ = _get_round_for_user(request, round_id)
    return [
        {
            "region_code": row["region"].code,
            "region_name": row["region"].name,
            "score": row["score"],
            "rank": row["rank"],
            "selected": row["selected"],
            "dimension_scores": row["participant"].dimension_scores,
        }
        for row in ranking_rows(round_)
    ]


@router.get("/rounds/{round_id}/selection", response=SelectionOut, summary="A round's selection")
def round_selection(request, round_id: int):
    round_ = _get_round_for_user(request, round_id)
    proposal = getattr(round_, "selection", None)
    if proposal is None:
        raise HttpError(404, "No selection")
    return {
        "round_id": round_.pk,
        "final": proposal.is_final,
        "region_codes": proposal.chosen_codes(),
        "reason": proposal.reason,
        "decisions": proposal.decisions,
    }

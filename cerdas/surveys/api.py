"""The surveys' open API: published satisfaction results (read only).

``ikm`` is the converted index (IKM x 25, 25-100) rounded to two decimals, ``grade`` one of
A/B/C/D; each element's ``nrr`` has four decimals. Results are public once published; a
signed-in team also sees its own unpublished surveys (``published: false``).
"""

from datetime import date

from django.db.models import Q
from django.http import Http404
from ninja import Router, Schema
from ninja.errors import HttpError

from cerdas.surveys import results
from cerdas.surveys.engine import ikm
from cerdas.surveys.models import ServiceUnit, Survey

router = Router(tags=["surveys"])

MAX_LIMIT = 1000


class SurveyOut(Schema):
    id: int
    region_code: str
    unit: str
    period_start: date
    period_end: date
    respondents: int
    ikm: float | None  # converted index 25-100, two decimals; null while incomplete
    grade: str | None  # A, B, C or D
    published: bool


class ElementOut(Schema):
    code: str  # U1 ... U9
    name: str  # the element's name in PermenPANRB 14/2017
    nrr: float | None  # average score 1-4, four decimals; null when nobody answered


class SurveyDetailOut(SurveyOut):
    elements: list[ElementOut]
    minimum_sample: int | None  # Krejcie-Morgan; null when the population is not given


class SurveyPage(Schema):
    count: int
    items: list[SurveyOut]


def _visible(user):
    surveys = Survey.objects.select_related("unit").order_by("-period_start", "pk")
    if user.is_authenticated:
        managed = ServiceUnit.objects.for_user(user)
        return surveys.filter(Q(published_at__isnull=False) | Q(unit__in=managed))
    return surveys.published()


def _figures(surveys: list[Survey]) -> dict[int, results.Figures]:
    """Each survey's figures: published ones from their frozen totals, the others live
    (one query for all of them)."""
    live = results.tallies([s.pk for s in surveys if not s.is_published])
    found = {}
    for survey in surveys:
        if survey.is_published:
            respondents = survey.published_respondents
            result = survey.published_result()
        else:
            entry = live.get(survey.pk, {"respondents": 0, "totals": {}})
            respondents, result = entry["respondents"], ikm.from_totals(entry["totals"])
        found[survey.pk] = (respondents, result)
    return found


def _out(survey: Survey, respondents: int, result) -> dict:
    return {
        "id": survey.pk,
        "region_code": survey.unit.region_id,
        "unit": survey.unit.name,
        "period_start": survey.period_start,
        "period_end": survey.period_end,
        "respondents": respondents,
        "ikm": None if result.converted is None else float(result.converted),
        "grade": result.grade.letter if result.grade else None,
        "published": survey.is_published,
    }


@router.get("", response=SurveyPage, summary="Published satisfaction survey results")
def list_surveys(request, region: str = "", limit: int = 100, offset: int = 0):
    """Published surveys, newest period first; `region` (a Kemendagri code such as 35.22)
    keeps one region's. `count` is the number of all matching surveys; `items` holds at
    most `limit` (1 to 1000) of them from `offset`."""
    if not 1 <= limit <= MAX_LIMIT or offset < 0:
        raise HttpError(400, f"limit must be 1 to {MAX_LIMIT} and offset 0 or more")
    surveys = _visible(request.user)
    if region:
        surveys = surveys.filter(unit__region_id=region)
    count = surveys.count()
    page = list(surveys[offset : offset + limit])
    figures = _figures(page)
    return {"count": count, "items": [_out(s, *figures[s.pk]) for s in page]}


@router.get("/{int:pk}", response=SurveyDetailOut, summary="One survey's results")
def survey_detail(request, pk: int):
    """The survey with the average score (NRR) of every element and the minimum sample."""
    survey = _visible(request.user).filter(pk=pk).first()
    if survey is None:
        raise Http404
    respondents, result = _figures([survey])[survey.pk]
    out = _out(survey, respondents, result)
    out["elements"] = [
        {
            "code": score.element.code,
            "name": score.element.name,
            "nrr": None if score.rounded_nrr is None else float(score.rounded_nrr),
        }
        for score in result.scores
    ]
    out["minimum_sample"] = results.minimum_sample_for(survey.population)
    return out

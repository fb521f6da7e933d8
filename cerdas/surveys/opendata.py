"""Published survey results as open data rows, for the open-data catalogue to serve.

Only published surveys, only aggregate figures: no response, suggestion or person. Each
row is a plain dict with these columns, in this order (``COLUMNS``):

| column | meaning |
|---|---|
| ``survey_id`` | the survey's id (its page is ``/survei/<id>/``) |
| ``region_code`` | Kemendagri code of the kabupaten/kota, e.g. ``35.22`` |
| ``region_name`` | the region's name |
| ``unit`` | the service unit's name |
| ``agency`` | the OPD that runs the unit, or empty |
| ``period_start``, ``period_end`` | the survey period (ISO dates) |
| ``respondents`` | respondents counted |
| ``population`` | people served in the period, or None when not given |
| ``minimum_sample`` | Krejcie-Morgan minimum for that population, or None |
| ``ikm`` | the IKM on the 1-4 scale, four decimals (a string, exact) |
| ``ikm_converted`` | IKM x 25, 25-100, two decimals (a string, exact) |
| ``grade`` | A, B, C or D |
| ``nrr_u1`` … ``nrr_u9`` | each element's average score, four decimals, or None |
| ``published_at`` | when the results were published (ISO 8601, UTC) |
| ``is_demo`` | True for demo content |
"""

from collections.abc import Iterator

from cerdas.surveys import results
from cerdas.surveys.engine import ikm
from cerdas.surveys.models import Survey

COLUMNS = (
    "survey_id",
    "region_code",
    "region_name",
    "unit",
    "agency",
    "period_start",
    "period_end",
    "respondents",
    "population",
    "minimum_sample",
    "ikm",
    "ikm_converted",
    "grade",
    *(f"nrr_{code.lower()}" for code in ikm.CODES),
    "published_at",
    "is_demo",
)


def published_results(region_code: str | None = None) -> Iterator[dict]:
    """One row per published survey (``COLUMNS``), by region, unit and period."""
    surveys = (
        Survey.objects.published()
        .select_related("unit__region", "unit__agency")
        .order_by("unit__region_id", "unit__name", "period_start")
    )
    if region_code:
        surveys = surveys.filter(unit__region_id=region_code)
    for survey in surveys.iterator(chunk_size=500):
        yield row_for(survey)


def row_for(survey: Survey) -> dict:
    result = survey.published_result()
    row = {
        "survey_id": survey.pk,
        "region_code": survey.unit.region_id,
        "region_name": survey.unit.region.name,
        "unit": survey.unit.name,
        "agency": survey.unit.agency.name if survey.unit.agency_id else "",
        "period_start": survey.period_start.isoformat(),
        "period_end": survey.period_end.isoformat(),
        "respondents": survey.published_respondents,
        "population": survey.population,
        "minimum_sample": results.minimum_sample_for(survey.population),
        "ikm": None if result.rounded_ikm is None else str(result.rounded_ikm),
        "ikm_converted": None if result.converted is None else str(result.converted),
        "grade": result.grade.letter if result.grade else None,
    }
    for score in result.scores:
        nrr = score.rounded_nrr
        row[f"nrr_{score.element.code.lower()}"] = None if nrr is None else str(nrr)
    row["published_at"] = survey.published_at.isoformat()
    row["is_demo"] = survey.is_demo or survey.unit.is_demo
    return row

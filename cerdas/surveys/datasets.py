"""Published survey results (SKM/IKM) as an open dataset: one row per survey.

The rows are ``cerdas.surveys.opendata``'s: only published surveys, only aggregate figures
(the index, its grade, each element's average, respondents counted), never an answer,
a suggestion or a respondent.
"""

from django.db.models import Max, Min
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from cerdas.core.registries import REGION, Column, Dataset, datasets
from cerdas.surveys.engine import ikm
from cerdas.surveys.models import Survey
from cerdas.surveys.opendata import COLUMNS, row_for
from cerdas.surveys.services import SURVEYS

FIELDS = (
    Column("survey_id", "integer", _("Survey number (its page is /survei/<number>/)")),
    Column("region_code", "string", _("Kemendagri code of the kabupaten/kota")),
    Column("region_name", "string", _("Name of the kabupaten/kota")),
    Column("unit", "string", _("Service unit")),
    Column("agency", "string", _("Agency (OPD) running the unit")),
    Column("period_start", "date", _("Survey period: first day")),
    Column("period_end", "date", _("Survey period: last day")),
    Column("respondents", "integer", _("Respondents counted")),
    Column("population", "integer", _("People served in the period")),
    Column("minimum_sample", "integer", _("Minimum sample (Krejcie-Morgan)")),
    Column("ikm", "number", _("IKM on the 1-4 scale")),
    Column("ikm_converted", "number", _("IKM converted to 25-100")),
    Column("grade", "string", _("Grade: A, B, C or D")),
    *(
        Column(
            f"nrr_{code.lower()}",
            "number",
            format_lazy("{} {}", _("Average score of element"), code),
        )
        for code in ikm.CODES
    ),
    Column("published_at", "datetime", _("When the results were published")),
    Column("is_demo", "boolean", _("Demo content")),
)
assert tuple(column.name for column in FIELDS) == COLUMNS


def _surveys(region_ids):
    surveys = Survey.objects.published()
    if region_ids is not None:
        surveys = surveys.filter(unit__region_id__in=region_ids)
    return surveys


def rows(region_ids=None):
    surveys = (
        _surveys(region_ids)
        .select_related("unit__region", "unit__agency")
        .order_by("unit__region_id", "unit__name", "period_start", "pk")
    )
    for survey in surveys.iterator(chunk_size=500):
        row = row_for(survey)
        yield tuple(row[name] for name in COLUMNS)


def regions():
    return set(_surveys(None).values_list("unit__region_id", flat=True).distinct())


def modified(region_ids=None):
    return _surveys(region_ids).aggregate(last=Max("published_at"))["last"]


def temporal(region_ids=None):
    span = _surveys(region_ids).aggregate(first=Min("period_start"), last=Max("period_end"))
    if span["first"] is None:
        return None
    return span["first"], span["last"]


def register() -> None:
    datasets.register(
        Dataset(
            "survey-results",
            _("Public satisfaction survey results (IKM)"),
            _(
                "The community satisfaction index (IKM, PermenPANRB 14/2017) of every "
                "published survey: service unit, period, respondents, index, grade and the "
                "average score of each of the nine elements."
            ),
            fields=FIELDS,
            rows=rows,
            modified=modified,
            regions=regions,
            temporal=temporal,
            scope=REGION,
            frequency="irregular",
            kinds=(SURVEYS,),
            order=60,
        )
    )

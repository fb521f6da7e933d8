"""A survey's figures: the database keeps the totals, the engine computes the index.

Every element's sum and count are kept in the survey's running tally (``Tally``), updated
with each response in the same transaction, so the index of any number of responses is read
from one row. Adding the responses up again in one aggregate query takes about 0.18 s for
100,000 responses on SQLite (bench/surveys.md), too close to the 200 ms target to be the
everyday path; it remains to rebuild a tally (``services.recount``). Published surveys keep
the figures they were published with (``Survey.published_totals``).
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Sum
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from cerdas.lib.percentages import percentages
from cerdas.surveys.engine import ikm, sample
from cerdas.surveys.models import CHARACTERISTICS, ELEMENT_FIELDS, Response, Survey, Tally
from cerdas.surveys.questions import QUESTION_BY_CODE, grade_label

NOT_STATED = ""


def element_totals(survey_ids) -> dict[int, dict]:
    """Per survey: ``{"respondents": n, "totals": {code: (sum, count)}}``, one query."""
    aggregates = {"respondents": Count("id")}
    for name in ELEMENT_FIELDS:
        aggregates[f"sum_{name}"] = Sum(name)
        aggregates[f"count_{name}"] = Count(name)
    rows = (
        Response.objects.filter(survey_id__in=list(survey_ids))
        .order_by()
        .values("survey_id")
        .annotate(**aggregates)
    )
    found = {}
    for row in rows:
        found[row["survey_id"]] = {
            "respondents": row["respondents"],
            "totals": {
                code: (int(row[f"sum_{name}"] or 0), row[f"count_{name}"])
                for code, name in zip(ikm.CODES, ELEMENT_FIELDS, strict=True)
            },
        }
    return found


def live_totals(survey_id: int) -> tuple[int, dict]:
    """The survey's respondents and element totals as the answers stand now: its running
    tally (one row), or, for a survey without one, the responses added up."""
    tally = Tally.objects.filter(survey_id=survey_id).first()
    if tally is not None:
        return tally.respondents, tally.totals()
    found = element_totals([survey_id]).get(survey_id)
    if found is None:
        return 0, {code: (0, 0) for code in ikm.CODES}
    return found["respondents"], found["totals"]


def tallies(survey_ids) -> dict[int, dict]:
    """Like ``element_totals`` for many surveys, from their running tallies (one query)."""
    found = {}
    for tally in Tally.objects.filter(survey_id__in=list(survey_ids)):
        found[tally.survey_id] = {"respondents": tally.respondents, "totals": tally.totals()}
    return found


def characteristic_counts(survey_id: int) -> dict[str, dict[str, int]]:
    """How many respondents gave each answer to each characteristic ("" = not stated)."""
    counts = {}
    for name, _label, _choices in CHARACTERISTICS:
        rows = (
            Response.objects.filter(survey_id=survey_id)
            .order_by()
            .values_list(name)
            .annotate(n=Count("id"))
        )
        counts[name] = {value: n for value, n in rows}
    return counts


@dataclass
class ElementRow:
    code: str
    name: object  # translatable name
    official_name: str
    answers: int
    nrr: Decimal | None
    weighted: Decimal | None
    converted: Decimal | None
    grade: str | None


@dataclass
class CharacteristicRow:
    label: object
    count: int
    percent: int


@dataclass
class Figures:
    """Everything a results page, report or API answer shows about one survey."""

    survey: Survey
    respondents: int
    result: ikm.Result
    elements: list[ElementRow]
    weakest: list[ElementRow]
    minimum_sample: int | None
    characteristics: list[tuple[object, list[CharacteristicRow]]] = field(default_factory=list)
    # The engine's result computes on every access: pages read these, computed once.
    converted: Decimal | None = None
    ikm: Decimal | None = None
    grade: str | None = None

    def __post_init__(self):
        self.converted = self.result.converted
        self.ikm = self.result.rounded_ikm
        self.grade = self.result.grade.letter if self.result.grade else None

    @property
    def grade_label(self):
        return grade_label(self.grade)

    @cached_property
    def missing(self) -> list[str]:
        return [element.code for element in self.result.missing]

    @property
    def sample_reached(self) -> bool | None:
        if self.minimum_sample is None:
            return None
        return self.respondents >= self.minimum_sample

    @property
    def sample_short(self) -> int:
        if self.minimum_sample is None:
            return 0
        return max(0, self.minimum_sample - self.respondents)


def minimum_sample_for(population: int | None) -> int | None:
    return sample.minimum_sample(population) if population else None


def _element_rows(result: ikm.Result) -> list[ElementRow]:
    rows = []
    for score in result.scores:
        question = QUESTION_BY_CODE[score.element.code]
        nrr = score.rounded_nrr
        converted = None if score.nrr is None else ikm.round_half_up(score.nrr * ikm.CONVERSION, 2)
        rows.append(
            ElementRow(
                code=score.element.code,
                name=question.name,
                official_name=score.element.name,
                answers=score.answers,
                nrr=nrr,
                weighted=None
                if score.weighted_nrr is None
                else ikm.round_half_up(score.weighted_nrr, ikm.NRR_PLACES),
                converted=converted,
                grade=None if converted is None else ikm.grade(converted).letter,
            )
        )
    return rows


def _characteristic_rows(counts: dict) -> list:
    sections = []
    for name, label, choices in CHARACTERISTICS:
        given = counts.get(name, {})
        keys = [*choices.values, NOT_STATED]
        shares = percentages({key: given.get(key, 0) for key in keys})
        labels = dict(choices.choices)
        rows = [
            CharacteristicRow(labels.get(key, _("Not stated")), given.get(key, 0), shares[key])
            for key in keys
        ]
        sections.append((label, rows))
    return sections


def figures(survey: Survey, *, live: bool | None = None) -> Figures:
    """The survey's figures: as published, or (``live``, or not yet published) as now."""
    if live is None:
        live = not survey.is_published
    if live:
        respondents, totals = live_totals(survey.pk)
        counts = characteristic_counts(survey.pk)
    else:
        respondents = survey.published_respondents
        totals = {code: tuple(pair) for code, pair in survey.published_totals.items()}
        counts = survey.published_characteristics
    result = ikm.from_totals(totals)
    elements = _element_rows(result)
    by_code = {row.code: row for row in elements}
    return Figures(
        survey=survey,
        respondents=respondents,
        result=result,
        elements=elements,
        weakest=[by_code[score.element.code] for score in ikm.weakest(result, 3)],
        minimum_sample=minimum_sample_for(survey.population),
        characteristics=_characteristic_rows(counts),
    )

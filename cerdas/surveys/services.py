"""Every write of the surveys app: units, surveys, answers, imports and publication.

Each function takes ids and plain values, runs in one transaction, checks who may do it
and writes the audit log; those that change what public pages show announce it once the
transaction commits. A citizen's answer is not logged (it is anonymous, and there are
thousands); it is counted against its sender's address instead (``cerdas.core.ratelimit``).
"""

import datetime as dt
import hashlib

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from cerdas.core.cache import desk_changed
from cerdas.core.ratelimit import Limit
from cerdas.core.registries import PROFILE
from cerdas.core.signals import content_changed
from cerdas.regions.models import Agency, Region
from cerdas.surveys import importing, results
from cerdas.surveys.engine import ikm
from cerdas.surveys.models import (
    CHARACTERISTICS,
    ELEMENT_FIELDS,
    ImportBatch,
    Response,
    ServiceUnit,
    Survey,
    Tally,
)
from cerdas.surveys.numbers import shown
from cerdas.surveys.permissions import (
    can_manage_region,
    can_manage_survey,
    can_manage_unit,
    is_officer,
)
from cerdas.surveys.receivers import DESK

SURVEYS = "surveys"
ANSWER_WINDOW = 3600


def announce() -> None:
    """Retire cached survey pages and region profiles once the change commits."""
    content_changed("surveys", SURVEYS, PROFILE)


class AlreadyAnswered(Exception):
    """This visit's form was sent before: the answer is counted once."""


class NotTakingAnswers(Exception):
    """The survey is closed, published, or outside its period."""


class TooManyAnswers(Exception):
    """This address sent more answers to the survey than a counter's visitors would."""


def answer_limit() -> Limit:
    """Answers one address may send to one survey per hour (a shared counter tablet or a
    mobile network's shared address still fits under the default)."""
    per_hour = int(getattr(settings, "SURVEY_ANSWERS_PER_ADDRESS", 30))
    return Limit("surveys.answer", per_hour, ANSWER_WINDOW)


# --- Units -------------------------------------------------------------------------------


def _check_agency(agency_id, region_id) -> None:
    if agency_id is None:
        return
    if not Agency.objects.filter(pk=agency_id, region_id=region_id).exists():
        raise ValidationError({"agency": _("Choose an agency of the unit's region.")})


def _check_name_free(region_id, name, unit_id=None) -> None:
    taken = ServiceUnit.objects.filter(region_id=region_id, name__iexact=name)
    if unit_id is not None:
        taken = taken.exclude(pk=unit_id)
    if taken.exists():
        raise ValidationError({"name": _("The region already has a unit with this name.")})


@transaction.atomic
def create_unit(user, region_id: str, name: str, agency_id: int | None) -> ServiceUnit:
    """Add a service unit; an OPD officer's unit always belongs to their own agency."""
    if is_officer(user) and not can_manage_region(user, region_id):
        if region_id != user.region_id:
            raise PermissionDenied
        agency_id = user.agency_id
    elif not can_manage_region(user, region_id):
        raise PermissionDenied
    name = " ".join(name.split())
    _check_agency(agency_id, region_id)
    _check_name_free(region_id, name)
    unit = ServiceUnit.objects.create(region_id=region_id, name=name, agency_id=agency_id)
    unit.log_action("surveys.unit_created", user=user, changes={"name": name})
    announce()
    return unit


@transaction.atomic
def update_unit(user, unit_id: int, name: str, agency_id: int | None) -> ServiceUnit:
    unit = ServiceUnit.objects.select_for_update().get(pk=unit_id)
    if not can_manage_unit(user, unit):
        raise PermissionDenied
    if not can_manage_region(user, unit.region_id):
        agency_id = unit.agency_id  # an officer cannot hand the unit to another agency
    name = " ".join(name.split())
    _check_agency(agency_id, unit.region_id)
    _check_name_free(unit.region_id, name, unit.pk)
    changes = {}
    if unit.name != name:
        changes["name"] = [unit.name, name]
    if unit.agency_id != agency_id:
        changes["agency"] = [unit.agency_id, agency_id]
    if changes:
        unit.name, unit.agency_id = name, agency_id
        unit.save()
        unit.log_action("surveys.unit_updated", user=user, changes=changes)
        announce()
    return unit


# --- Surveys -----------------------------------------------------------------------------


def _check_period(unit_id, start: dt.date, end: dt.date, survey_id=None) -> None:
    if end < start:
        raise ValidationError({"period_end": _("The last day must not be before the first day.")})
    if (end - start).days > 366:
        raise ValidationError(
            {
                "period_end": _(
                    "A survey period is at most one year: the SKM is held at least yearly."
                )
            }
        )
    overlapping = Survey.objects.filter(
        unit_id=unit_id, period_start__lte=end, period_end__gte=start
    )
    if survey_id is not None:
        overlapping = overlapping.exclude(pk=survey_id)
    other = overlapping.first()
    if other:
        raise ValidationError(
            {
                "period_start": _(
                    "The unit already has a survey from %(start)s to %(end)s: periods must not "
                    "overlap."
                )
                % {
                    "start": other.period_start.strftime("%d-%m-%Y"),
                    "end": other.period_end.strftime("%d-%m-%Y"),
                }
            }
        )


@transaction.atomic
def open_survey(
    user,
    unit_id: int,
    period_start: dt.date,
    period_end: dt.date,
    population: int | None = None,
    follow_up: str = "",
) -> Survey:
    """Open a survey of the unit for one period; it takes answers within the period."""
    unit = ServiceUnit.objects.select_for_update().get(pk=unit_id)
    if user is not None and not can_manage_unit(user, unit):
        raise PermissionDenied
    _check_period(unit.pk, period_start, period_end)
    survey = Survey.objects.create(
        unit=unit,
        period_start=period_start,
        period_end=period_end,
        population=population,
        follow_up=follow_up,
        created_by=user,
    )
    Tally.objects.create(survey=survey)
    survey.log_action(
        "surveys.survey_opened",
        user=user,
        changes={"period": [period_start.isoformat(), period_end.isoformat()]},
    )
    return survey


def _locked_survey(user, survey_id: int) -> Survey:
    survey = (
        Survey.objects.select_for_update()
        .select_related("unit__region__province")
        .get(pk=survey_id)
    )
    if user is not None and not can_manage_survey(user, survey):
        raise PermissionDenied
    return survey


@transaction.atomic
def update_survey(user, survey_id: int, fields: dict) -> Survey:
    """Change the period, the population or the follow-up plan.

    A published survey's period and population are what its figures were published
    with: withdraw the publication to change them. The follow-up plan can always change.
    """
    survey = _locked_survey(user, survey_id)
    allowed = (
        {"follow_up"}
        if survey.is_published
        else {
            "period_start",
            "period_end",
            "population",
            "follow_up",
        }
    )
    fields = {key: value for key, value in fields.items() if key in allowed}
    start = fields.get("period_start", survey.period_start)
    end = fields.get("period_end", survey.period_end)
    if (start, end) != (survey.period_start, survey.period_end):
        _check_period(survey.unit_id, start, end, survey.pk)
    changes = {
        key: [str(getattr(survey, key)), str(value)]
        for key, value in fields.items()
        if getattr(survey, key) != value
    }
    if changes:
        for key, value in fields.items():
            setattr(survey, key, value)
        survey.save()
        if "follow_up" in changes:
            changes["follow_up"] = "changed"
        survey.log_action("surveys.survey_updated", user=user, changes=changes)
        if survey.is_published:
            announce()
    return survey


@transaction.atomic
def set_answering(user, survey_id: int, taking_answers: bool) -> Survey:
    """Stop taking answers before the period ends, or take them again."""
    survey = _locked_survey(user, survey_id)
    if taking_answers and survey.is_published:
        raise ValidationError(
            _("The results are published: withdraw them before taking answers again.")
        )
    status = Survey.Status.OPEN if taking_answers else Survey.Status.CLOSED
    if survey.status != status:
        survey.status = status
        survey.save(update_fields=["status", "updated_at"])
        action = "surveys.survey_reopened" if taking_answers else "surveys.survey_closed"
        survey.log_action(action, user=user)
    return survey


def publication_problems(survey: Survey, figures) -> list[str]:
    """What stops the results from being published (nothing: they may be)."""
    problems = []
    if figures.respondents == 0:
        problems.append(_("Nobody has answered yet."))
    elif figures.missing:
        problems.append(
            _(
                "Nobody answered %(codes)s: the index needs every element (each weighs 1/9). "
                "Import the paper questionnaires or collect more answers."
            )
            % {"codes": ", ".join(figures.missing)}
        )
    return problems


def publication_warnings(survey: Survey, figures) -> list[str]:
    """What the team should know before publishing, without stopping it."""
    warnings = []
    if figures.minimum_sample is None:
        warnings.append(
            _("The number of people served is not given, so the minimum sample is not known.")
        )
    elif not figures.sample_reached:
        warnings.append(
            _(
                "%(respondents)s respondents: fewer than the minimum sample of %(minimum)s for "
                "%(population)s people served. The report will say so."
            )
            % {
                "respondents": shown(figures.respondents, 0),
                "minimum": shown(figures.minimum_sample, 0),
                "population": shown(survey.population, 0),
            }
        )
    if survey.local_today() <= survey.period_end:
        warnings.append(
            _("The period has not ended yet: publishing stops the survey taking answers.")
        )
    if not survey.follow_up.strip():
        warnings.append(_("There is no follow-up plan yet; the report will say none was given."))
    return warnings


@transaction.atomic
def publish(user, survey_id: int, reason: str = "") -> Survey:
    """Publish the results as they stand: the figures are frozen on the survey, the survey
    stops taking answers, and the public pages, reports and API show it."""
    survey = _locked_survey(user, survey_id)
    if survey.is_published:
        return survey
    figures = results.figures(survey, live=True)
    problems = publication_problems(survey, figures)
    if problems:
        raise ValidationError(problems)
    survey.published_totals = {
        code: [score.total, score.answers]
        for code, score in zip(ikm.CODES, figures.result.scores, strict=True)
    }
    survey.published_respondents = figures.respondents
    survey.published_characteristics = results.characteristic_counts(survey.pk)
    survey.published_at = timezone.now()
    survey.published_by = user
    survey.status = Survey.Status.CLOSED
    survey.save()
    survey.log_action(
        "surveys.published",
        user=user,
        reason=reason,
        changes={
            "respondents": figures.respondents,
            "ikm": str(figures.converted),
            "grade": figures.grade,
        },
    )
    announce()
    return survey


@transaction.atomic
def unpublish(user, survey_id: int, reason: str) -> Survey:
    """Withdraw published results (to correct them); the reason is kept in the log."""
    survey = _locked_survey(user, survey_id)
    if not survey.is_published:
        return survey
    survey.published_at = None
    survey.published_by = None
    survey.save(update_fields=["published_at", "published_by", "updated_at"])
    survey.log_action("surveys.unpublished", user=user, reason=reason)
    announce()
    return survey


# --- Answers -----------------------------------------------------------------------------


def visit_hash(nonce: str) -> str:
    return hashlib.sha256(f"cerdas.surveys.visit:{nonce}".encode()).hexdigest()


def check_address(survey_id: int, address: str) -> None:
    """Count one answer from this address; raise TooManyAnswers past the hourly limit."""
    if not answer_limit().hit(f"{survey_id}:{address}"):
        raise TooManyAnswers


@transaction.atomic
def submit_response(
    survey_id: int, answers: dict, characteristics: dict, suggestion: str, nonce: str
):
    """Record one respondent's answers, once per visit token.

    ``answers`` maps U1..U9 to 1-4; ``characteristics`` holds only the regulation's four
    (sex, age band, education, occupation), each possibly blank. Raises NotTakingAnswers
    or AlreadyAnswered; nothing is written then.
    """
    survey = Survey.objects.select_related("unit__region__province").get(pk=survey_id)
    if not survey.accepts_answers():
        raise NotTakingAnswers
    pairs = zip(ikm.CODES, ELEMENT_FIELDS, strict=True)
    values = {field: answers.get(code) for code, field in pairs}
    for value in values.values():
        if value is not None and not ikm.LOWEST_SCORE <= value <= ikm.HIGHEST_SCORE:
            raise ValueError(value)
    kept = {name: characteristics.get(name, "") for name, _label, _choices in CHARACTERISTICS}
    try:
        with transaction.atomic():
            response = Response.objects.create(
                survey=survey,
                suggestion=suggestion.strip(),
                visit_hash=visit_hash(nonce),
                source=Response.Source.ONLINE,
                **values,
                **kept,
            )
    except IntegrityError as error:
        raise AlreadyAnswered from error
    add_to_tally(survey, [values])
    return response


def add_to_tally(survey: Survey, rows: list[dict]) -> None:
    """Count these responses (``{"u1": 4, ...}``, None for a blank) in the survey's tally:
    one UPDATE adding to the stored figures, so responses written at the same moment by
    two workers are both counted. A survey without a tally gets one rebuilt."""
    if not rows:
        return
    changes = {"respondents": F("respondents") + len(rows)}
    for field in ELEMENT_FIELDS:
        scores = [row[field] for row in rows if row.get(field) is not None]
        if scores:
            changes[f"{field}_total"] = F(f"{field}_total") + sum(scores)
            changes[f"{field}_answers"] = F(f"{field}_answers") + len(scores)
    if Tally.objects.filter(survey_id=survey.pk).update(**changes):
        desk_changed("surveys", DESK, survey.unit.region_id)  # an UPDATE sends no signal
    else:
        recount(survey.pk)


@transaction.atomic
def recount(survey_id: int) -> Tally:
    """Rebuild the survey's tally from its responses (after writing responses in bulk)."""
    respondents, totals = (
        results.element_totals([survey_id])
        .get(survey_id, {"respondents": 0, "totals": {}})
        .values()
    )
    values = {"respondents": respondents}
    for code, field in zip(ikm.CODES, ELEMENT_FIELDS, strict=True):
        total, answers = totals.get(code, (0, 0))
        values[f"{field}_total"], values[f"{field}_answers"] = total, answers
    tally, _created = Tally.objects.update_or_create(survey_id=survey_id, defaults=values)
    return tally


# --- Paper questionnaires ----------------------------------------------------------------


def _check_importable(survey: Survey) -> None:
    if survey.is_published:
        raise ValidationError(
            _("The results are published: withdraw them before importing more questionnaires.")
        )


@transaction.atomic
def preview_import(user, survey_id: int, filename: str, content: bytes) -> tuple[ImportBatch, list]:
    """Read the file and keep every row's verdict; nothing is imported yet."""
    survey = _locked_survey(user, survey_id)
    _check_importable(survey)
    rows, unknown = importing.parse(filename, content)
    batch = ImportBatch.objects.create(
        survey=survey, filename=filename[:200], rows=rows, created_by=user
    )
    return batch, unknown


def _write_rows(survey: Survey, batch: ImportBatch) -> int:
    responses = [
        Response(
            survey=survey,
            batch=batch,
            source=Response.Source.PAPER,
            suggestion=row["suggestion"],
            sex=row["sex"],
            age_band=row["age_band"],
            education=row["education"],
            occupation=row["occupation"],
            **{
                field: row["answers"][code]
                for code, field in zip(ikm.CODES, ELEMENT_FIELDS, strict=True)
            },
        )
        for row in batch.rows
        if row["valid"]
    ]
    Response.objects.bulk_create(responses, batch_size=1000)
    add_to_tally(
        survey,
        [{field: getattr(r, field) for field in ELEMENT_FIELDS} for r in responses],
    )
    return len(responses)


@transaction.atomic
def confirm_import(user, survey_id: int, batch_id: int) -> ImportBatch:
    """Write the valid rows of the stored preview, once; invalid rows are left out and stay
    listed with their reasons. A batch of another survey or person writes nothing."""
    survey = _locked_survey(user, survey_id)
    _check_importable(survey)
    batch = ImportBatch.objects.select_for_update().filter(pk=batch_id, survey=survey).first()
    if batch is None or (user is not None and batch.created_by_id != user.pk):
        raise ValidationError(
            _("This preview does not belong to this survey and you: nothing was imported.")
        )
    if batch.confirmed_at:
        raise ValidationError(_("This file has already been imported."))
    batch.imported = _write_rows(survey, batch)
    batch.confirmed_at = timezone.now()
    batch.save(update_fields=["imported", "confirmed_at"])
    survey.log_action(
        "surveys.responses_imported",
        user=user,
        changes={
            "file": batch.filename,
            "imported": batch.imported,
            "left_out": batch.invalid_count,
            "lines_left_out": [row["line"] for row in batch.rows if not row["valid"]][:200],
        },
    )
    return batch


class ImportRefused(Exception):
    """The file has invalid rows and the caller did not ask to leave them out."""

    def __init__(self, rows: list[dict]):
        super().__init__(f"{len(rows)} invalid rows")
        self.rows = rows


@transaction.atomic
def import_for_unit(
    *,
    region_id: str,
    unit_name: str,
    period_start: dt.date,
    period_end: dt.date,
    filename: str,
    content: bytes,
    skip_invalid: bool = False,
    publish_results: bool = False,
    population: int | None = None,
) -> tuple[Survey, ImportBatch]:
    """The command line's import: find or create the unit and the survey of exactly this
    period, import the file and optionally publish, all or nothing.

    Raises ImportRefused when rows are invalid and ``skip_invalid`` is not given, and
    ValidationError for a file that cannot be read, an overlapping period or results that
    cannot be published; nothing is written then.
    """
    region = Region.objects.get(pk=region_id)
    rows, _unknown = importing.parse(filename, content)
    invalid = [row for row in rows if not row["valid"]]
    if invalid and not skip_invalid:
        raise ImportRefused(invalid)
    name = " ".join(unit_name.split())
    unit = ServiceUnit.objects.filter(region=region, name__iexact=name).first()
    if unit is None:
        unit = ServiceUnit.objects.create(region=region, name=name)
        unit.log_action(
            "surveys.unit_created", reason="import_survey_responses", changes={"name": name}
        )
    survey = Survey.objects.filter(
        unit=unit, period_start=period_start, period_end=period_end
    ).first()
    if survey is None:
        survey = open_survey(None, unit.pk, period_start, period_end, population)
    elif population is not None and survey.population != population:
        survey = update_survey(None, survey.pk, {"population": population})
    _check_importable(survey)
    batch = ImportBatch.objects.create(survey=survey, filename=filename[:200], rows=rows)
    confirm_import(None, survey.pk, batch.pk)
    batch.refresh_from_db()
    if publish_results:
        survey = publish(None, survey.pk, reason="import_survey_responses --publish")
    announce()
    return survey, batch

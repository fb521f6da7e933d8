"""Units, surveys and answers for tests, made through the services where a person would."""

import datetime as dt
import secrets

from cerdas.accounts.models import User
from cerdas.surveys import services
from cerdas.surveys.engine import ikm
from cerdas.surveys.models import ELEMENT_FIELDS, Response, ServiceUnit, Survey

REGION_A = "35.22"


def system_admin():
    user, _created = User.objects.get_or_create(
        username="surveys-factory-admin", defaults={"role": User.Role.NATIONAL_ADMIN}
    )
    return user


def make_unit(name="Disdukcapil — layanan KTP-el", region=REGION_A, agency=None) -> ServiceUnit:
    existing = ServiceUnit.objects.filter(region_id=region, name=name).first()
    if existing:
        return existing
    return services.create_unit(system_admin(), region, name, agency.pk if agency else None)


def current_period():
    """A period around today, so the survey takes answers now."""
    today = dt.date.today()
    return today - dt.timedelta(days=30), today + dt.timedelta(days=30)


def make_survey(unit=None, start=None, end=None, population=None, follow_up="") -> Survey:
    unit = unit or make_unit()
    if start is None:
        start, end = current_period()
    return services.open_survey(system_admin(), unit.pk, start, end, population, follow_up)


def answer(survey, scores, **characteristics) -> Response:
    """One respondent's answers through the service, as the form sends them."""
    return services.submit_response(
        survey.pk,
        dict(zip(ikm.CODES, scores, strict=True)),
        characteristics,
        characteristics.pop("suggestion", ""),
        secrets.token_urlsafe(12),
    )


def add_responses(survey, rows, **fields) -> None:
    """Many respondents at once (``rows`` of nine scores or None), then the tally rebuilt."""
    Response.objects.bulk_create(
        [
            Response(
                survey=survey,
                source=Response.Source.PAPER,
                **dict(zip(ELEMENT_FIELDS, row, strict=True)),
                **fields,
            )
            for row in rows
        ]
    )
    services.recount(survey.pk)


def publish(survey) -> Survey:
    return services.publish(system_admin(), survey.pk)

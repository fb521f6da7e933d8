"""Demo satisfaction surveys: three Bojonegoro service units over two half-years.

Invented figures, marked demo everywhere: the units' names end in "(demo)", and units and
surveys carry ``is_demo``. Each unit has two published half-years (the last two that have
ended); the PPID unit's latest one stays below its Krejcie-Morgan minimum sample. The KTP
counter also has a survey taking answers now, so the questionnaire can be tried. Answers
are drawn from a fixed seed, so every run makes the same figures; running again adds
nothing.
"""

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone

from cerdas.regions.models import Agency
from cerdas.surveys import services
from cerdas.surveys.models import (
    ELEMENT_FIELDS,
    AgeBand,
    Education,
    Occupation,
    Response,
    ServiceUnit,
    Sex,
    Survey,
)

REGION = "35.22"

# unit name, agency (name, short name), population per half-year, respondents in the two
# periods (older first), how likely each element gets a 4 / 3 / 2 (the rest a 1)
UNITS = [
    (
        "Disdukcapil — layanan KTP-el (demo)",
        ("Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil"),
        1500,
        (318, 342),
        [(0.45, 0.45, 0.08)] * 2
        + [(0.25, 0.5, 0.2)]
        + [(0.8, 0.15, 0.04)]
        + [(0.45, 0.45, 0.08)] * 5,
    ),
    (
        "DPMPTSP — perizinan usaha (demo)",
        ("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP"),
        800,
        (262, 281),
        [(0.3, 0.55, 0.12)] * 3 + [(0.6, 0.3, 0.08)] + [(0.3, 0.55, 0.12)] * 4 + [(0.15, 0.5, 0.3)],
    ),
    (
        "Diskominfo — layanan informasi publik PPID (demo)",
        ("Dinas Komunikasi dan Informatika", "Diskominfo"),
        400,
        (214, 121),  # the later period falls short of its minimum of 196
        [(0.35, 0.47, 0.13)] * 7 + [(0.2, 0.5, 0.22)] + [(0.25, 0.45, 0.2)],
    ),
]
FOLLOW_UP = {
    0: "Menambah satu loket pada jam 08.00 sampai 11.00 dan memasang papan antrean digital "
    "(contoh rencana, demo).",
    1: "Menerbitkan alur perizinan dalam satu lembar dan membuka kanal aduan melalui "
    "WhatsApp resmi (contoh rencana, demo).",
    2: "Memperbaiki ruang tunggu PPID dan menjawab setiap aduan dalam tiga hari kerja "
    "(contoh rencana, demo).",
}
SUGGESTIONS = [
    "Antrean pagi terlalu panjang.",
    "Petugas ramah, tetapi ruang tunggu panas.",
    "Mohon informasi persyaratan dipasang di depan loket.",
    "Pelayanan sudah cepat, terima kasih.",
]


def half_years(today: dt.date) -> list[tuple[dt.date, dt.date]]:
    """The last two half-years that have ended, older first, and the current one."""
    if today.month <= 6:
        current = (dt.date(today.year, 1, 1), dt.date(today.year, 6, 30))
        last = (dt.date(today.year - 1, 7, 1), dt.date(today.year - 1, 12, 31))
        before = (dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 6, 30))
    else:
        current = (dt.date(today.year, 7, 1), dt.date(today.year, 12, 31))
        last = (dt.date(today.year, 1, 1), dt.date(today.year, 6, 30))
        before = (dt.date(today.year - 1, 7, 1), dt.date(today.year - 1, 12, 31))
    return [before, last, current]


def _score(rng: random.Random, odds) -> int:
    draw, four, three, two = rng.random(), *odds
    if draw < four:
        return 4
    if draw < four + three:
        return 3
    return 2 if draw < four + three + two else 1


def _responses(survey, count: int, profile, rng: random.Random, period) -> list[Response]:
    start, end = period
    span = max((end - start).days, 1)
    rows = []
    for index in range(count):
        when = dt.datetime.combine(
            start + dt.timedelta(days=rng.randrange(span)), dt.time(1 + rng.randrange(8))
        ).replace(tzinfo=dt.UTC)
        rows.append(
            Response(
                survey=survey,
                source=Response.Source.PAPER if index % 5 == 0 else Response.Source.ONLINE,
                created_at=when,
                sex=rng.choice([*Sex.values, ""]),
                age_band=rng.choice(AgeBand.values),
                education=rng.choice([*Education.values, ""]),
                occupation=rng.choice(Occupation.values),
                suggestion=rng.choice(SUGGESTIONS) if index % 9 == 0 else "",
                **{
                    field: _score(rng, odds)
                    for field, odds in zip(ELEMENT_FIELDS, profile, strict=True)
                },
            )
        )
    return rows


@transaction.atomic
def seed(stdout) -> None:
    rng = random.Random(14_2017)  # noqa: S311 - made-up demo figures, not secrets
    periods = half_years(timezone.localdate())
    created = 0
    for number, (name, (agency_name, short), population, counts, profile) in enumerate(UNITS):
        agency, _new = Agency.objects.get_or_create(
            region_id=REGION, name=agency_name, defaults={"short_name": short, "is_demo": True}
        )
        unit, _new = ServiceUnit.objects.get_or_create(
            region_id=REGION, name=name, defaults={"agency": agency, "is_demo": True}
        )
        for period, count in zip(periods[:2], counts, strict=True):
            if Survey.objects.filter(unit=unit, period_start=period[0]).exists():
                continue
            survey = Survey.objects.create(
                unit=unit,
                period_start=period[0],
                period_end=period[1],
                population=population,
                follow_up=FOLLOW_UP[number],
                is_demo=True,
            )
            Response.objects.bulk_create(_responses(survey, count, profile, rng, period))
            services.recount(survey.pk)
            services.publish(None, survey.pk, reason="demo")
            published = dt.datetime.combine(period[1] + dt.timedelta(days=14), dt.time(3))
            Survey.objects.filter(pk=survey.pk).update(
                published_at=published.replace(tzinfo=dt.UTC)
            )
            created += 1
        if (
            number == 0
            and not Survey.objects.filter(unit=unit, period_start=periods[2][0]).exists()
        ):
            # Taking answers now: the demo questionnaire at /survei/isi/<id>/.
            current = Survey.objects.create(
                unit=unit,
                period_start=periods[2][0],
                period_end=periods[2][1],
                population=population,
                is_demo=True,
            )
            Response.objects.bulk_create(_responses(current, 37, profile, rng, periods[2]))
            services.recount(current.pk)
            created += 1
    stdout.write(f"Demo surveys: {created} created.")

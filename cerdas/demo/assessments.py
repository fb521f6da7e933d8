"""Demo content: the 2017 readiness round and a national readiness scan (invented numbers).

The regions and the 2017 cohort's names are real; every indicator value, answer and
assessor score is invented, chosen so the 25 regions of the real 2017 cohort come out on
top, and everything is marked demo.
"""

import datetime

import numpy as np
from django.db import transaction

from cerdas.accounts.models import User
from cerdas.assessments import computing, services
from cerdas.assessments.models import (
    Answer,
    AssessorScore,
    Assignment,
    Framework,
    Indicator,
    Participant,
    Round,
)
from cerdas.records.cohort_2017 import cohort_2017_codes
from cerdas.regions.models import Region

ROUND_2017 = "Asesmen kesiapan Gerakan Menuju 100 Smart City 2017 (demo)"
SCAN_2018 = "Pemetaan kesiapan seluruh kabupaten/kota 2018 (demo)"
# The same names for English pages.
NAMES_EN = {
    ROUND_2017: "Readiness assessment of Gerakan Menuju 100 Smart City 2017 (demo)",
    SCAN_2018: "Readiness scan of every kabupaten/kota 2018 (demo)",
}
INVITED_2017 = 80
# Usernames of the demo assessors; "asesor" comes from seed_demo.
ASSESSORS = [
    ("asesor", ""),
    ("asesor.dua", "Asesor Kedua (demo)"),
    ("asesor.tiga", "Asesor Ketiga (demo)"),
    ("asesor.empat", "Asesor Keempat (demo)"),
]


def seed(stdout):
    if Round.objects.filter(is_demo=True, name=ROUND_2017).exists():
        stdout.write("Assessments demo: already there.")
        return
    with transaction.atomic():
        admin = User.objects.get(username="admin")
        assessors = _assessors()
        round_ = _round_2017(admin, assessors)
        scan = _national_scan(admin)
    stdout.write(
        f"Assessments demo: round {round_.pk} (80 regions, 25 selected) and scan {scan.pk} "
        f"({scan.participants.count()} regions)."
    )


def _assessors() -> list[User]:
    from cerdas.demo.accounts import DEFAULT_PASSWORD

    users = []
    for username, full_name in ASSESSORS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": full_name,
                "role": User.Role.ASSESSOR,
                "is_demo": True,
                "email": f"{username}@demo.cerdas.invalid",
            },
        )
        if created:
            user.set_password(DEFAULT_PASSWORD)
            user.save(update_fields=["password"])
        users.append(user)
    return users


def _invited_2017(cohort: list[str]) -> list[str]:
    """The cohort plus 55 other regions: Kab. Lombok Timur and kota across the country."""
    cities = list(
        Region.objects.filter(kind=Region.Kind.KOTA)
        .exclude(code__in=cohort)
        .order_by("code")
        .values_list("code", flat=True)
    )
    wanted = INVITED_2017 - len(cohort) - 1
    # Spread over the whole list, so every part of the country is invited.
    spread = [cities[i * len(cities) // wanted] for i in range(wanted)]
    return [*cohort, "52.03", *spread]


def _round_2017(admin, assessors) -> Round:
    cohort = cohort_2017_codes()
    framework = Framework.objects.get(family="readiness", version=1)
    round_ = services.open_round(
        user=admin,
        framework_id=framework.pk,
        name=ROUND_2017,
        name_en=NAMES_EN[ROUND_2017],
        purpose="selection",
        year=2017,
        opens_on=datetime.date(2017, 4, 10),
        deadline=datetime.datetime(2017, 4, 28, 9, 0, tzinfo=datetime.UTC),
        cohort_size=25,
        waitlist_size=10,
        is_demo=True,
    )
    codes = _invited_2017(cohort)
    services.invite_regions(round_id=round_.pk, region_codes=codes, user=admin)
    participants = list(round_.participants.order_by("region_id"))
    # A readiness level per region: the 2017 cohort 0.65-1.0, the others 0.05-0.55.
    rng = np.random.default_rng(2017)
    level = {
        p.region_id: rng.uniform(0.65, 1.0) if p.region_id in cohort else rng.uniform(0.05, 0.55)
        for p in participants
    }
    _answers(framework, participants, level, rng, admin)
    _assessor_scores(round_, framework, participants, level, rng, assessors)
    Participant.objects.filter(round=round_).update(self_status="submitted")
    services.close_round(round_id=round_.pk, user=admin, confirmed=True)
    computing.compute_round(round_id=round_.pk, user=admin)
    computing.finalise_selection(
        round_id=round_.pk,
        region_codes=cohort,
        user=admin,
        name="Gerakan Menuju 100 Smart City 2017",
        reason="Demo: 25 wilayah dengan skor kesiapan tertinggi (angka rekaan).",
        confirmed=True,
    )
    services.publish_round(round_id=round_.pk, user=admin, confirmed=True)
    return round_


def _value(indicator, level, rng) -> float:
    """An invented value that grows with the region's readiness level."""
    noise = rng.normal(0, 0.08)
    share = min(max(level + noise, 0.0), 1.0)
    if indicator.kind == Indicator.Kind.YESNO or indicator.upper_bound == 1:
        return 1.0 if share > 0.5 else 0.0
    if indicator.kind in (Indicator.Kind.SCALE, Indicator.Kind.ASSESSOR):
        low, high = indicator.lower_bound, indicator.upper_bound
        return float(round(low + share * (high - low)))
    if indicator.scale_max is None:  # counts and indices without a ceiling
        return round(share * 40, 1)
    return round(share * indicator.upper_bound, 1)


def _answers(framework, participants, level, rng, admin):
    rows = []
    for indicator in framework.ordered_indicators():
        if indicator.kind == Indicator.Kind.ASSESSOR:
            continue
        source = (
            Answer.Source.IMPORT if indicator.kind == Indicator.Kind.DATA else Answer.Source.SELF
        )
        for p in participants:
            rows.append(
                Answer(
                    participant=p,
                    indicator=indicator,
                    source=source,
                    updated_by=admin,
                    value=_value(indicator, level[p.region_id], rng),
                )
            )
    Answer.objects.bulk_create(rows)


def _assessor_scores(round_, framework, participants, level, rng, assessors):
    assessed = [i for i in framework.ordered_indicators() if i.kind == Indicator.Kind.ASSESSOR]
    assignments, scores = [], []
    for position, p in enumerate(participants):
        # Two assessors per region, in turn, as the 2017 panel split its interviews.
        for assessor in (assessors[position % 4], assessors[(position + 1) % 4]):
            assignments.append(Assignment(round=round_, region_id=p.region_id, assessor=assessor))
            for indicator in assessed:
                scores.append(
                    AssessorScore(
                        participant=p,
                        indicator=indicator,
                        assessor=assessor,
                        score=_value(indicator, level[p.region_id], rng),
                        note="Demo: catatan wawancara rekaan.",
                    )
                )
    Assignment.objects.bulk_create(assignments)
    AssessorScore.objects.bulk_create(scores)


def _national_scan(admin) -> Round:
    """Every kabupaten/kota on the imported indicators alone: the 514-row ranking."""
    framework = Framework.objects.get(family="readiness", version=1)
    scan = services.open_round(
        user=admin,
        framework_id=framework.pk,
        name=SCAN_2018,
        name_en=NAMES_EN[SCAN_2018],
        purpose="evaluation",
        year=2018,
        opens_on=datetime.date(2018, 1, 15),
        deadline=datetime.datetime(2018, 2, 28, 9, 0, tzinfo=datetime.UTC),
        cohort_size=50,
        is_demo=True,
    )
    codes = list(Region.objects.order_by("code").values_list("code", flat=True))
    services.invite_regions(round_id=scan.pk, region_codes=codes, user=admin)
    participants = list(scan.participants.order_by("region_id"))
    rng = np.random.default_rng(2018)
    data = [i for i in framework.ordered_indicators() if i.kind == Indicator.Kind.DATA]
    Answer.objects.bulk_create(
        Answer(
            participant=p,
            indicator=i,
            source=Answer.Source.IMPORT,
            updated_by=admin,
            value=_value(i, rng.uniform(0, 1), rng),
        )
        for p in participants
        for i in data
    )
    services.close_round(round_id=scan.pk, user=admin, confirmed=True)
    computing.compute_round(round_id=scan.pk, user=admin)
    services.publish_round(
        round_id=scan.pk,
        user=admin,
        confirmed=True,
        override_reason=(
            "Demo: pemetaan seluruh wilayah hanya dari indikator yang diimpor; penilaian "
            "mandiri dan wawancara tidak termasuk."
        ),
    )
    return scan

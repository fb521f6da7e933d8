"""A readiness round with invited regions, assessors and answers, built through the services.

A plug-in of the root conftest: other apps' tests (cohorts: a finalised round makes a cohort)
use these rounds too.
"""

import datetime

import pytest
from django.utils import timezone

from cerdas.assessments import computing, services
from cerdas.assessments.models import Framework, Indicator
from conftest import make_user

INVITED = ["35.22", "32.73", "35.78", "73.71", "91.71"]


def readiness():
    return Framework.objects.get(family="readiness", version=1)


def open_selection(user, year=2030, name="Seleksi uji"):
    """A selection round on the readiness framework, open from May of ``year``."""
    return services.open_round(
        user=user,
        framework_id=readiness().pk,
        name=name,
        purpose="selection",
        year=year,
        opens_on=datetime.date(year, 5, 1),
        deadline=timezone.make_aware(datetime.datetime(year, 5, 20, 16, 0), datetime.UTC),
        cohort_size=2,
    )


@pytest.fixture
def open_round(db, national_admin):
    round_ = open_selection(national_admin)
    services.invite_regions(round_id=round_.pk, region_codes=INVITED, user=national_admin)
    return round_


@pytest.fixture
def round_assessor(db, open_round, national_admin):
    user = make_user("panel_a", "assessor")
    services.assign_assessor(
        round_id=open_round.pk,
        assessor_id=user.pk,
        region_codes=["35.22", "32.73"],
        user=national_admin,
    )
    return user


def fill(round_, user, level_by_code):
    """Answer every self-assessed indicator at a level 0-1 per region, and submit."""
    for participant in round_.participants.select_related("region"):
        level = level_by_code.get(participant.region_id, 0.5)
        answers = {}
        for indicator in round_.framework.ordered_indicators():
            if indicator.is_self_assessed:
                low, high = indicator.lower_bound, indicator.upper_bound
                answers[indicator.pk] = round(low + (high - low) * level)
                if indicator.evidence_required and answers[indicator.pk] > 0:
                    answers[indicator.pk] = 0
        services.save_self_assessment(
            participant_id=participant.pk, answers=answers, user=user, submit=True
        )


@pytest.fixture
def computed_round(open_round, national_admin, round_assessor):
    fill(open_round, national_admin, {"35.22": 1.0, "32.73": 0.8, "35.78": 0.6, "73.71": 0.3})
    scored = {
        p.region_id: p for p in open_round.participants.filter(region_id__in=["35.22", "32.73"])
    }
    assessed = [
        i for i in open_round.framework.ordered_indicators() if i.kind == Indicator.Kind.ASSESSOR
    ]
    for code, score in (("35.22", 5), ("32.73", 4)):
        services.save_assessor_scores(
            participant_id=scored[code].pk,
            assessor=round_assessor,
            scores={i.pk: (score, "") for i in assessed},
        )
    services.close_round(round_id=open_round.pk, user=national_admin, confirmed=True)
    computing.compute_round(round_id=open_round.pk, user=national_admin)
    open_round.refresh_from_db()
    return open_round

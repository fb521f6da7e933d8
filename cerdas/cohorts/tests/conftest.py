"""A small 2017 cohort for the cohorts tests: Bojonegoro (WIB) and Kota Makassar (WITA)."""

import datetime

import pytest

from cerdas.cohorts.models import Deliverable, MentorAssignment
from cerdas.cohorts.services import add_members, get_or_create_cohort

MAKASSAR = "73.71"


@pytest.fixture(autouse=True)
def _english(client, settings):
    """These tests read the English source texts; the site's default language is Indonesian."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


@pytest.fixture
def cohort(db, national_admin):
    cohort = get_or_create_cohort(year=2017, name="Menuju 100 Smart City 2017")
    add_members(
        cohort_id=cohort.pk,
        region_codes=["35.22", "32.73", MAKASSAR],
        user=national_admin,
        reason="Daftar Mei 2017",
        joined_on=datetime.date(2017, 5, 23),
    )
    return cohort


@pytest.fixture
def deliverable(cohort):
    return Deliverable.objects.create(
        cohort=cohort, title="Analisis kesiapan", due_on=datetime.date(2030, 8, 31)
    )


@pytest.fixture
def past_deliverable(cohort):
    return Deliverable.objects.create(
        cohort=cohort, title="Pemetaan program", due_on=datetime.date(2017, 8, 31)
    )


@pytest.fixture
def mentored(cohort, assessor_a):
    return MentorAssignment.objects.create(cohort=cohort, region_id="35.22", mentor=assessor_a)

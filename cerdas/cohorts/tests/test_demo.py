"""The demo 2017 cohort carries its real calendar and history, with or without a prior selection."""

import datetime
import io

import pytest
from django.core.management import call_command

from cerdas.cohorts import demo
from cerdas.cohorts.models import Cohort, Membership
from cerdas.cohorts.services import record_selection
from cerdas.regions.program import cohort_2017_codes


def _seed():
    call_command("seed_demo", stdout=io.StringIO())  # accounts, then every app's demo


def _check_history():
    cohort = Cohort.objects.get(year=2017)
    assert cohort.seminar_date == datetime.date(2017, 11, 15)
    may = {m.region_id for m in cohort.members_on(datetime.date(2017, 6, 1))}
    assert may == set(cohort_2017_codes())
    december = {m.region_id for m in cohort.members_on(datetime.date(2017, 12, 1))}
    assert demo.LOMBOK_TIMUR in december
    assert demo.PURWAKARTA not in december and demo.SINGKAWANG not in december
    assert len(december) == 24
    left = Membership.objects.get(cohort=cohort, region_id=demo.PURWAKARTA)
    assert left.dates_approximate and left.left_source == demo.NOVEMBER_SOURCE
    return cohort


@pytest.mark.django_db
def test_seeding_twice_adds_nothing():
    _seed()
    counts = (Membership.objects.count(), Cohort.objects.get().deliverables.count())
    _seed()
    assert (Membership.objects.count(), Cohort.objects.get().deliverables.count()) == counts
    _check_history()


@pytest.mark.django_db
def test_a_selection_recorded_today_is_dated_to_the_may_2017_list(national_admin):
    record_selection(
        year=2017,
        name="Menuju 100 Smart City 2017",
        region_codes=cohort_2017_codes(),
        user=national_admin,
        reason="Seleksi final",
    )
    _seed()
    cohort = _check_history()
    assert cohort.memberships.count() == 26

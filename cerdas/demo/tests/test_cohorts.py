"""The demo 2017 cohort carries its real calendar and history, with or without a prior selection."""

import datetime
import io

import pytest
from django.core.management import call_command

from cerdas.cohorts.models import (
    Attendance,
    Cohort,
    Institution,
    InstitutionMember,
    Membership,
    Obligation,
    Presentation,
)
from cerdas.cohorts.services import record_selection
from cerdas.demo import cohorts as demo
from cerdas.records.cohort_2017 import cohort_2017_codes


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


@pytest.mark.django_db
def test_the_demo_records_attendance_evidence_institutions_and_presentations_once():
    _seed()
    cohort = Cohort.objects.get()
    counts = _record_counts(cohort)
    for code in (demo.BOJONEGORO, demo.BANDUNG, demo.MAKASSAR):
        assert Attendance.objects.filter(session__cohort=cohort, region_id=code).count() == 4
        assert Attendance.objects.filter(
            session__cohort=cohort, region_id=code, attended=True
        ).exclude(attendees="")
        evidence = Obligation.objects.filter(mou__cohort=cohort, mou__region_id=code)
        assert evidence.exclude(evidence_url="").exclude(note="").exists()
        for institution in Institution.objects.filter(cohort=cohort, region_id=code):
            assert institution.is_demo and institution.members.count() == 4
        assert Institution.objects.filter(cohort=cohort, region_id=code).count() == 2
        assert Presentation.objects.get(cohort=cohort, region_id=code).is_demo
    _seed()
    assert _record_counts(cohort) == counts


@pytest.mark.django_db
def test_a_database_seeded_before_the_records_gets_them_without_losing_its_own(national_admin):
    _seed()
    cohort = Cohort.objects.get()
    Attendance.objects.filter(region_id=demo.MAKASSAR).delete()
    Presentation.objects.filter(region_id=demo.MAKASSAR).delete()
    mine = Attendance.objects.filter(region_id=demo.BANDUNG).first()
    mine.attendees = "Recorded by the team"
    mine.save()
    _seed()
    assert Attendance.objects.filter(region_id=demo.MAKASSAR).count() == 4
    assert Presentation.objects.filter(cohort=cohort, region_id=demo.MAKASSAR).exists()
    mine.refresh_from_db()
    assert mine.attendees == "Recorded by the team"


def _record_counts(cohort):
    return (
        Attendance.objects.filter(session__cohort=cohort).count(),
        Obligation.objects.filter(mou__cohort=cohort).exclude(evidence_url="").count(),
        Institution.objects.filter(cohort=cohort).count(),
        InstitutionMember.objects.filter(institution__cohort=cohort).count(),
        Presentation.objects.filter(cohort=cohort).count(),
    )

"""The demo adds its activity to the recorded 2017 cohort, once, and changes none of its history."""

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
from cerdas.demo import cohorts as demo
from cerdas.records import cohort_2017 as record


def _seed():
    call_command("seed_demo", stdout=io.StringIO())  # accounts, then every app's demo


@pytest.mark.django_db
def test_seeding_twice_adds_nothing_and_keeps_the_recorded_history():
    _seed()
    counts = (Membership.objects.count(), Cohort.objects.get().deliverables.count())
    _seed()
    assert (Membership.objects.count(), Cohort.objects.get().deliverables.count()) == counts
    cohort = Cohort.objects.get(year=2017)
    # The demo round's selection of the May list adds no row to the recorded history: 25
    # from May, Lombok Timur from November; Purwakarta and Singkawang left, not re-added.
    assert cohort.memberships.count() == 26
    december = {m.region_id for m in cohort.members_on(datetime.date(2017, 12, 1))}
    assert record.LOMBOK_TIMUR in december and len(december) == 24
    assert record.PURWAKARTA not in december and record.SINGKAWANG not in december


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

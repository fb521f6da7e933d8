"""A finalised selection makes its regions members of the year's cohort, once."""

import datetime

import pytest

from cerdas.cohorts.models import Cohort, Membership
from cerdas.cohorts.services import record_selection
from cerdas.core.models import AuditEntry

CODES = ["35.22", "32.73"]


def _select(user, codes=CODES, reason="Seleksi final"):
    return record_selection(
        year=2017, name="Menuju 100 Smart City 2017", region_codes=codes, user=user, reason=reason
    )


@pytest.mark.django_db
def test_it_creates_the_cohort_and_makes_the_regions_members_from_today(national_admin):
    cohort = _select(national_admin)
    assert cohort.year == 2017
    today = datetime.date.today()
    members = cohort.members_on(today)
    assert sorted(m.region_id for m in members) == sorted(CODES)
    assert all(m.joined_on == today and m.reason == "Seleksi final" for m in members)
    assert all(m.created_by == national_admin for m in members)


@pytest.mark.django_db
def test_running_it_twice_adds_nothing(national_admin):
    _select(national_admin)
    cohort = _select(national_admin, codes=[*CODES, "35.22"])
    assert Cohort.objects.count() == 1
    assert cohort.memberships.count() == 2


@pytest.mark.django_db
def test_a_later_selection_adds_only_the_new_regions(national_admin):
    _select(national_admin)
    cohort = _select(national_admin, codes=["35.22", "73.71"], reason="Tambahan")
    assert cohort.memberships.count() == 3
    assert cohort.memberships.get(region_id="73.71").reason == "Tambahan"


@pytest.mark.django_db
def test_unknown_codes_are_named_and_nothing_is_created(national_admin):
    with pytest.raises(ValueError, match=r"99\.99.*98\.01|98\.01.*99\.99"):
        _select(national_admin, codes=["35.22", "99.99", "98.01"])
    assert not Cohort.objects.exists()
    assert not Membership.objects.exists()


@pytest.mark.django_db
def test_it_writes_the_audit_log_with_the_reason(national_admin):
    _select(national_admin)
    entries = AuditEntry.objects.filter(action="cohort.member_joined")
    assert entries.count() == 2
    assert set(entries.values_list("region_code", flat=True)) == set(CODES)
    assert all(e.reason == "Seleksi final" for e in entries)
    assert AuditEntry.objects.filter(action="cohort.created").count() == 1


@pytest.mark.django_db
def test_the_regions_of_an_earlier_cohort_can_be_read_through_the_memberships(national_admin):
    _select(national_admin)
    earlier = Membership.objects.filter(cohort__year__lt=2018).values_list("region", flat=True)
    assert set(earlier) == set(CODES)


# ``computed_round``: the assessments app's own rounds (cerdas/assessments/tests/fixtures.py).


def test_a_finalised_round_becomes_the_cohort_of_its_year(computed_round, national_admin):
    from cerdas.assessments import computing

    computing.finalise_selection(
        round_id=computed_round.pk,
        region_codes=["35.22", "35.78"],
        reason="Kota Bandung withdrew",
        user=national_admin,
        name="Uji 2030",
        confirmed=True,
        override_reason="Uji: data sengaja tidak lengkap",
    )
    members = Membership.objects.filter(cohort__year=2030, cohort__name="Uji 2030")
    assert sorted(members.values_list("region_id", flat=True)) == ["35.22", "35.78"]
    assert all(m.reason == "Kota Bandung withdrew" for m in members)


def test_an_earlier_cohort_member_is_excluded_from_the_proposal(computed_round, national_admin):
    from cerdas.assessments import computing

    record_selection(
        year=2020, name="Lama", region_codes=["35.22"], user=national_admin, reason="x"
    )
    computing.compute_round(round_id=computed_round.pk, user=national_admin)
    computed_round.selection.refresh_from_db()
    decisions = {d["code"]: d for d in computed_round.selection.decisions}
    assert decisions["35.22"]["reason"] == "earlier_cohort"

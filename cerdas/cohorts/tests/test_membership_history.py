"""Membership changes keep their history: who was a member on which day, and why."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from cerdas.cohorts.models import Membership
from cerdas.cohorts.services import (
    add_members,
    end_membership,
    get_or_create_cohort,
    replace_member,
)

MAY = datetime.date(2017, 5, 23)
NOV = datetime.date(2017, 11, 1)


@pytest.fixture
def cohort(national_admin):
    cohort = get_or_create_cohort(year=2017, name="Menuju 100 Smart City 2017")
    add_members(
        cohort_id=cohort.pk,
        region_codes=["35.22", "32.14"],
        user=national_admin,
        reason="Daftar Mei 2017",
        joined_on=MAY,
    )
    return cohort


@pytest.mark.django_db
def test_a_replacement_ends_one_row_and_starts_a_new_one(cohort, national_admin):
    old = cohort.memberships.get(region_id="32.14")
    new = replace_member(
        confirmed=True,
        membership_id=old.pk,
        region_code="52.03",
        user=national_admin,
        on=NOV,
        reason="Diganti menurut berita November 2017",
        source="https://example.org/berita",
        dates_approximate=True,
    )
    old.refresh_from_db()
    assert old.left_on == NOV and old.status == Membership.Status.REPLACED
    assert old.reason == "Daftar Mei 2017"  # the joining reason is kept
    assert old.left_reason == "Diganti menurut berita November 2017"
    assert new.replaces == old and new.joined_on == NOV and new.dates_approximate
    assert {m.region_id for m in cohort.members_on(datetime.date(2017, 6, 1))} == {
        "35.22",
        "32.14",
    }
    assert {m.region_id for m in cohort.members_on(NOV)} == {"35.22", "52.03"}


@pytest.mark.django_db
def test_a_change_without_a_reason_is_refused(cohort, national_admin):
    membership = cohort.memberships.get(region_id="32.14")
    with pytest.raises(ValueError):
        end_membership(
            confirmed=True,
            membership_id=membership.pk,
            user=national_admin,
            left_on=NOV,
            reason=" ",
        )
    with pytest.raises(ValueError):
        add_members(cohort_id=cohort.pk, region_codes=["52.03"], user=national_admin, reason="")
    membership.refresh_from_db()
    assert membership.left_on is None


@pytest.mark.django_db
def test_a_region_cannot_leave_before_it_joined_or_leave_twice(cohort, national_admin):
    membership = cohort.memberships.get(region_id="32.14")
    with pytest.raises(ValueError):
        end_membership(
            confirmed=True,
            membership_id=membership.pk,
            user=national_admin,
            left_on=datetime.date(2017, 1, 1),
            reason="salah",
        )
    end_membership(
        confirmed=True,
        membership_id=membership.pk,
        user=national_admin,
        left_on=NOV,
        reason="mundur",
    )
    with pytest.raises(ValueError):
        end_membership(
            confirmed=True,
            membership_id=membership.pk,
            user=national_admin,
            left_on=NOV,
            reason="x",
        )


@pytest.mark.django_db
def test_the_database_refuses_two_current_rows_for_one_region(cohort):
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(
            cohort=cohort, region_id="35.22", joined_on=NOV, reason="duplikat"
        )


@pytest.mark.django_db
def test_a_withdrawn_region_can_rejoin_as_a_new_row(cohort, national_admin):
    membership = cohort.memberships.get(region_id="32.14")
    end_membership(
        confirmed=True,
        membership_id=membership.pk,
        user=national_admin,
        left_on=NOV,
        reason="mundur",
    )
    add_members(
        cohort_id=cohort.pk,
        region_codes=["32.14"],
        user=national_admin,
        reason="bergabung lagi",
        joined_on=datetime.date(2017, 11, 10),
    )
    assert cohort.memberships.filter(region_id="32.14").count() == 2
    assert cohort.members_on(datetime.date(2017, 11, 5)).filter(region_id="32.14").count() == 0

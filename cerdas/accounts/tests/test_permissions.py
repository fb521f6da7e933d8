"""`User.can` is the one place that decides; querysets follow it."""

import pytest
from django.core.exceptions import ValidationError

from cerdas.accounts.models import User
from cerdas.regions.models import Agency, Region


@pytest.mark.django_db
def test_the_permission_matrix_for_region_a(
    region_a, national_admin, member_a, member_b, officer_a, assessor_a, citizen
):
    expected = {
        #              view_private edit  view_audit manage_program
        national_admin: (True, True, True, True),
        member_a: (True, True, True, False),
        member_b: (False, False, False, False),
        officer_a: (True, False, False, False),
        assessor_a: (True, False, False, False),
        citizen: (False, False, False, False),
    }
    for user, flags in expected.items():
        got = tuple(
            user.can(p, region_a) for p in ("view_private", "edit", "view_audit", "manage_program")
        )
        assert got == flags, user.username


@pytest.mark.django_db
def test_a_deactivated_account_may_do_nothing(region_a, member_a, national_admin):
    for user in (member_a, national_admin):
        user.is_active = False
        assert not user.can("view_private", region_a)


@pytest.mark.django_db
def test_regions_for_user_follow_the_role(region_a, national_admin, member_a, assessor_a, citizen):
    assert Region.objects.for_user(national_admin).count() == 514
    assert list(Region.objects.for_user(member_a)) == [region_a]
    assert list(Region.objects.for_user(assessor_a)) == [region_a]
    assert not Region.objects.for_user(citizen).exists()


@pytest.mark.django_db
def test_a_regional_role_needs_a_region_and_an_officer_an_agency_of_that_region(region_a, region_b):
    with pytest.raises(ValidationError, match="region"):
        User(username="x", role=User.Role.REGIONAL_TEAM).full_clean()
    other = Agency.objects.create(region=region_b, name="Dinas Kesehatan")
    with pytest.raises(ValidationError, match="agency"):
        User(
            username="y", role=User.Role.AGENCY_OFFICER, region=region_a, agency=other
        ).full_clean()
    with pytest.raises(ValidationError, match="region"):
        User(username="z", role=User.Role.CITIZEN, region=region_a).full_clean()

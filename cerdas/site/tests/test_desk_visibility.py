"""Officials' desks kept for everyone who sees the same records (complaints, surveys) are
shared by ``User.visibility``: it must hold all that the desks' ``for_user`` read."""

import pytest
from django.core.exceptions import EmptyResultSet

from cerdas.accounts.models import User
from cerdas.complaints.models import Report
from cerdas.regions.models import Agency
from cerdas.surveys.models import ServiceUnit
from conftest import make_user


def _sql(records) -> str:
    try:
        return str(records.query)
    except EmptyResultSet:  # .none()
        return "nothing"


@pytest.mark.django_db
def test_the_same_visibility_means_the_same_units_and_reports(
    member_a, member_b, officer_a, national_admin, citizen
):
    """``User.visibility`` is what kept desks are shared by: two people with the same see the
    same records on every desk kept that way. The people differ in one part of it each (the
    superuser and the inactive team member from member_a, two officers in their agency),
    so leaving a part out fails."""
    root = make_user("root", User.Role.REGIONAL_TEAM, "35.22", is_superuser=True)
    gone = make_user("gone", User.Role.REGIONAL_TEAM, "35.22", is_active=False)
    elsewhere = Agency.objects.create(region_id="35.22", name="Dinas Kesehatan")
    colleague = make_user("officer_a2", User.Role.AGENCY_OFFICER, "35.22", elsewhere)
    people = [member_a, member_b, officer_a, national_admin, citizen, root, gone, colleague]
    for one in people:
        for other in people:
            for records in (ServiceUnit.objects, Report.objects):
                same_records = _sql(records.for_user(one)) == _sql(records.for_user(other))
                if one.visibility == other.visibility:
                    assert same_records, (one.username, other.username)

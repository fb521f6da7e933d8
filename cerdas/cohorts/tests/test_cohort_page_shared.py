"""A cohort's page below its heading is the same for every reader of a day, rendered once;
the links for those who run the cohort stay theirs, and a membership change shows at once."""

import datetime
import re

import pytest

from cerdas.cohorts.services import replace_member


def _shared_part(response) -> str:
    assert response.status_code == 200
    body = response.content.decode()
    return re.search(
        r'<section class="card" aria-labelledby="calendar-title">.*</main>', body, re.S
    )[0]


@pytest.mark.django_db
def test_officials_get_the_page_everyone_gets_with_their_own_links(
    client, cohort, national_admin, member_a
):
    path = "/angkatan/2017/?on=2017-06-01"
    anonymous = client.get(path).content.decode()
    client.force_login(member_a)
    team = client.get(path).content.decode()
    client.force_login(national_admin)
    admin = client.get(path)
    assert (
        _shared_part(admin)
        == re.search(
            r'<section class="card" aria-labelledby="calendar-title">.*</main>', anonymous, re.S
        )[0]
    )
    assert "Run the cohort" in admin.content.decode()
    assert "Run the cohort" not in team and "Run the cohort" not in anonymous


@pytest.mark.django_db
def test_a_membership_change_shows_to_a_signed_in_reader_once_it_commits(
    client, cohort, national_admin, django_capture_on_commit_callbacks
):
    client.force_login(national_admin)
    path = "/angkatan/2017/?on=2017-12-01"
    assert "Lombok Timur" not in _shared_part(client.get(path))
    with django_capture_on_commit_callbacks(execute=True):
        replace_member(
            confirmed=True,
            membership_id=cohort.memberships.get(region_id="32.73").pk,
            region_code="52.03",
            user=national_admin,
            on=datetime.date(2017, 11, 1),
            reason="Berita November 2017",
            dates_approximate=True,
        )
    assert "Lombok Timur" in _shared_part(client.get(path))


@pytest.mark.django_db
def test_each_day_has_its_own_members(client, cohort, national_admin):
    client.force_login(national_admin)
    before = _shared_part(client.get("/angkatan/2017/?on=2017-05-01"))
    after = _shared_part(client.get("/angkatan/2017/?on=2017-06-01"))
    assert "Kota Bandung" in after and "Kota Bandung" not in before.split("Membership changes")[0]

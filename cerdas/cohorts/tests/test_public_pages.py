"""Anyone reads the cohorts, their members on any day and the membership changes."""

import datetime

import pytest

from cerdas.cohorts.services import replace_member


@pytest.mark.django_db
def test_the_cohort_list_shows_each_cohort_with_its_member_count(client, cohort):
    body = client.get("/angkatan/").content.decode()
    assert "Menuju 100 Smart City 2017" in body
    assert "<td>3</td>" in body


@pytest.mark.django_db
def test_the_cohort_page_shows_who_was_a_member_on_the_chosen_day(client, cohort, national_admin):
    old = cohort.memberships.get(region_id="32.73")
    replace_member(
        confirmed=True,
        membership_id=old.pk,
        region_code="52.03",
        user=national_admin,
        on=datetime.date(2017, 11, 1),
        reason="Berita November 2017",
        dates_approximate=True,
    )
    june = client.get("/angkatan/2017/?on=2017-06-01").content.decode()
    assert "Kota Bandung" in june and "Lombok Timur" not in june.split("Membership changes")[0]
    december = client.get("/angkatan/2017/?on=2017-12-01").content.decode()
    members_part = december.split("Membership changes")[0]
    assert "Lombok Timur" in members_part and "Kota Bandung" not in members_part
    assert "Berita November 2017" in december and "approximate" in december


@pytest.mark.django_db
def test_an_unknown_cohort_is_a_404(client, db):
    assert client.get("/angkatan/1999/").status_code == 404


@pytest.mark.django_db
def test_the_regions_profile_shows_its_participation(client, cohort):
    body = client.get("/wilayah/35.22/").content.decode()
    assert "Cohort participation" in body and "Menuju 100 Smart City 2017" in body

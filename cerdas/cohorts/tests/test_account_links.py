"""A member region's team finds its own cohort board from its account page."""

import datetime

import pytest


@pytest.mark.django_db
def test_a_member_regions_team_gets_a_link_to_its_own_board(client, cohort, member_a):
    client.force_login(member_a)
    page = client.get("/akun/").content.decode()
    assert 'href="/angkatan/2017/wilayah/35.22/"' in page


@pytest.mark.django_db
def test_a_region_outside_every_cohort_gets_no_board_link(client, cohort, make_outsider):
    client.force_login(make_outsider)
    assert "/angkatan/2017/wilayah/" not in client.get("/akun/").content.decode()


@pytest.mark.django_db
def test_the_program_office_gets_the_cohorts_page(client, cohort, national_admin):
    client.force_login(national_admin)
    assert 'href="/angkatan/"' in client.get("/akun/").content.decode()


@pytest.fixture
def make_outsider(db):
    from conftest import make_user

    return make_user("tim_luar", "regional_team", "11.01")


@pytest.mark.django_db
def test_a_region_joining_a_cohort_finds_its_board_link_at_once(
    client, cohort, make_outsider, django_capture_on_commit_callbacks
):
    """The account page is kept per person; the cohorts' changes retire it (WorkLink.kinds):
    a membership written without an audit entry (which retires it too) still shows."""
    from cerdas.cohorts.models import Membership

    client.force_login(make_outsider)
    assert "/angkatan/2017/wilayah/11.01/" not in client.get("/akun/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        Membership.objects.create(
            cohort=cohort,
            region_id="11.01",
            joined_on=cohort.mou_start or datetime.date(2017, 5, 23),
        )
    assert 'href="/angkatan/2017/wilayah/11.01/"' in client.get("/akun/").content.decode()

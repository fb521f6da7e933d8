"""The membership page keeps its blank form and the members' history, yet every change of a
membership or a region's name shows on the next view (cerdas/cohorts/signals.py)."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cerdas.cohorts import services
from cerdas.cohorts.models import Membership
from cerdas.core.signals import content_changed
from cerdas.regions.models import Region

MEMBERS = "/angkatan/2017/anggota/"


def _page(client) -> str:
    """The page without its CSRF token (a new one each view)."""
    response = client.get(MEMBERS)
    assert response.status_code == 200
    return re.sub(r'(csrfmiddlewaretoken" value=")[^"]*', r"\1", response.content.decode())


@pytest.fixture
def signed_in(client, cohort, national_admin):
    client.force_login(national_admin)
    return client


@pytest.mark.django_db
def test_a_second_view_reads_no_membership_and_no_region(signed_in):
    first = _page(signed_in)
    with CaptureQueriesContext(connection) as ctx:
        body = _page(signed_in)
    read = " ".join(q["sql"] for q in ctx.captured_queries)
    assert '"cohorts_membership"' not in read and '"regions_region"' not in read
    assert body == first and "Kabupaten Bojonegoro" in body and 'name="csrfmiddlewaretoken"' in body


@pytest.mark.django_db
def test_each_change_shows_on_the_membership_page(
    signed_in, cohort, national_admin, django_capture_on_commit_callbacks
):
    def region_joined():
        services.add_members(
            cohort_id=cohort.pk, region_codes=["11.01"], user=national_admin, reason="Susulan"
        )
        return lambda body: "Susulan" in body

    def member_left():
        services.end_membership(
            membership_id=Membership.objects.get(cohort=cohort, region_id="32.73").pk,
            user=national_admin,
            left_on=datetime.date(2018, 3, 1),
            reason="Mengundurkan diri",
            confirmed=True,
        )
        return lambda body: "Mengundurkan diri" in body and "1 Mar 2018" in body

    def region_renamed():
        Region.objects.filter(pk="35.22").update(name="Kabupaten Bojonegoro Baru")
        content_changed("regions", "regions")  # as regions.services.import_regions does
        return lambda body: "Kabupaten Bojonegoro Baru" in body

    for change in (region_joined, member_left, region_renamed):
        before = _page(signed_in)
        with django_capture_on_commit_callbacks(execute=True):
            shows = change()
        assert not shows(before), change.__name__
        assert shows(_page(signed_in)), change.__name__


@pytest.mark.django_db
def test_a_refused_list_keeps_what_was_typed_and_the_kept_form_stays_blank(signed_in):
    kept = _page(signed_in)
    response = signed_in.post(MEMBERS, {"names": "Negeri Antah Berantah", "reason": "Uji"})
    body = response.content.decode()
    assert "Nothing was saved yet" in body and "Negeri Antah Berantah" in body
    again = _page(signed_in)
    assert "Negeri Antah Berantah" not in again and "Nothing was saved yet" not in again
    assert again == kept


@pytest.mark.django_db
def test_the_kept_history_is_not_shown_to_a_region_team(signed_in, client, member_a):
    _page(signed_in)
    client.force_login(member_a)
    assert client.get(MEMBERS).status_code == 403

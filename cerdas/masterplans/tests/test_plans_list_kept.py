"""The list of plans to work on is kept for all who see the same regions' plans, yet every
change shows on the next view (cerdas/masterplans/receivers.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cerdas.core.signals import content_changed
from cerdas.masterplans.tests.factories import make_plan, take_through
from cerdas.regions.models import Region

PATH = "/masterplan/kelola/"


def _list(client) -> str:
    """The list's section of the page, in English."""
    client.cookies["cerdas_lang"] = "en"
    response = client.get(PATH)
    assert response.status_code == 200
    page = response.content.decode()
    return page[page.index('<section aria-labelledby="plans-title">') :].split("</section>")[0]


@pytest.fixture
def plan(client, member_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        plan = make_plan()
    client.force_login(member_a)
    _list(client)  # the list is now kept
    return plan


@pytest.mark.django_db
def test_a_second_view_reads_no_plan(client, plan):
    with CaptureQueriesContext(connection) as ctx:
        shown = _list(client)
    assert not [q for q in ctx.captured_queries if '"masterplans_masterplan"' in q["sql"]]
    assert "Masterplan Smart City Bojonegoro" in shown


@pytest.mark.django_db
def test_each_change_shows_on_the_next_view(
    client, plan, member_a, assessor_a, django_capture_on_commit_callbacks
):
    def submitted():
        take_through(plan, member_a, assessor_a, "submit")
        # The status, and the day it was submitted in place of a dash.
        return lambda shown: ">Submitted<" in shown and "<td>—</td>" not in shown

    def returned():
        take_through(plan, member_a, assessor_a, "start_review", "return")
        return lambda shown: ">Returned with comments<" in shown

    def another_plan():
        make_plan(title="Masterplan Smart City Bojonegoro 2035-2044", start=2035, end=2044)
        return lambda shown: "Masterplan Smart City Bojonegoro 2035-2044" in shown

    def region_renamed():
        Region.objects.filter(pk="35.22").update(name="Kabupaten Bojonegoro Baru")
        content_changed("regions", "regions")  # as regions.services.import_regions does
        return lambda shown: "Kabupaten Bojonegoro Baru" in shown

    for change in (submitted, returned, another_plan, region_renamed):
        before = _list(client)
        with django_capture_on_commit_callbacks(execute=True):
            shows = change()
        assert not shows(before), change.__name__
        assert shows(_list(client)), change.__name__


@pytest.mark.django_db
def test_a_plan_deleted_leaves_the_list(client, plan, django_capture_on_commit_callbacks):
    assert plan.title in _list(client)
    with django_capture_on_commit_callbacks(execute=True):
        plan.delete()
    assert plan.title not in _list(client)


@pytest.mark.django_db
def test_each_person_gets_the_copy_of_what_they_see(
    client, member_a, member_b, assessor_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_plan()
        make_plan("32.73", "Masterplan Smart City Kota Bandung")
    for person, sees, not_seen in (
        (member_a, "Bojonegoro", "Kota Bandung"),
        (member_b, "Kota Bandung", "Bojonegoro"),
        (assessor_a, "Bojonegoro", "Kota Bandung"),
    ):
        client.force_login(person)
        shown = _list(client)
        assert sees in shown and not_seen not in shown, person.username
    # An assessor given another region sees its plans at once.
    assessor_a.assigned_regions.add("32.73")
    assert "Kota Bandung" in _list(client)

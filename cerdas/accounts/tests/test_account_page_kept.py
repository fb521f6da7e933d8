"""The account page is kept per person below their facts, yet every change shows on the next
view: their account, the regions an assessor is given, a new entry in the audit log they read.

It is kept ({% shared %}) under ``people``, the regions, the kinds the apps' work links follow
from (``WorkLink.kinds``) and the audit log of the regions the person reads
(cerdas/accounts/views.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cerdas.regions.models import Region
from conftest import REGION_A, make_user

ACCOUNT = "/akun/"


def _page(client) -> str:
    client.cookies["cerdas_lang"] = "en"
    response = client.get(ACCOUNT)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_a_second_view_reads_neither_the_audit_log_nor_the_regions(client, member_a):
    client.force_login(member_a)
    first = _page(client)
    with CaptureQueriesContext(connection) as ctx:
        second = _page(client)
    read = " ".join(q["sql"] for q in ctx.captured_queries)
    assert '"core_auditentry"' not in read and '"cohorts_membership"' not in read
    assert "Your regions" in second and "Your regions" in first


@pytest.mark.django_db
def test_each_change_shows_on_the_next_view(
    client, member_a, national_admin, django_capture_on_commit_callbacks
):
    client.force_login(member_a)
    region = Region.objects.get(pk=REGION_A)

    def audited():
        region.log_action("region.updated", user=national_admin, reason="Nama dinas diperbarui")
        return "Nama dinas diperbarui"

    def other_region_audited():  # read by the ministry only: the team's copy may stay
        Region.objects.get(pk="32.73").log_action("region.updated", reason="Bandung")
        return None

    def role_changed():
        member_a.role = member_a.Role.AGENCY_OFFICER
        member_a.save()
        return "Read the news and give your reaction"

    for change in (audited, other_region_audited, role_changed):
        before = _page(client)
        with django_capture_on_commit_callbacks(execute=True):
            expected = change()
        if expected is None:
            with CaptureQueriesContext(connection) as ctx:
                _page(client)
            assert not any('"core_auditentry"' in q["sql"] for q in ctx.captured_queries)
            continue
        assert expected not in before, change.__name__
        assert expected in _page(client), change.__name__


@pytest.mark.django_db
def test_an_assessor_given_a_region_finds_it_at_once(client, django_capture_on_commit_callbacks):
    assessor = make_user("penilai", "assessor")
    client.force_login(assessor)
    assert "Kota Bandung" not in _page(client)
    with django_capture_on_commit_callbacks(execute=True):
        assessor.assigned_regions.add("32.73")
    assert "Kota Bandung" in _page(client)


@pytest.mark.django_db
def test_each_person_has_their_own_copy(client, member_a, national_admin):
    client.force_login(member_a)
    assert "National program" not in _page(client)
    client.force_login(national_admin)
    assert "National program" in _page(client)
    client.force_login(member_a)
    assert "National program" not in _page(client)

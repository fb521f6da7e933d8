"""A region's team sets how often its programs are due an update; the account page links to it."""

import pytest

from cerdas.core.models import AuditEntry
from cerdas.implementation.figures import period_months


@pytest.mark.django_db
def test_the_team_sets_the_period_and_it_is_audited(client, approved, member_a):
    assert period_months("35.22") == 3
    client.force_login(member_a)
    assert client.get("/implementasi/35.22/periode/").status_code == 200
    response = client.post("/implementasi/35.22/periode/", {"months": "6"})
    assert response.status_code == 302
    assert period_months("35.22") == 6
    entry = AuditEntry.objects.get(action="implementation.period_set")
    assert (entry.actor, entry.changes["months"]) == (member_a, [None, 6])


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["0", "25", "abc"])
def test_a_period_outside_1_to_24_months_is_refused(client, approved, member_a, typed):
    client.force_login(member_a)
    assert client.post("/implementasi/35.22/periode/", {"months": typed}).status_code == 200
    assert period_months("35.22") == 3


@pytest.mark.django_db
def test_an_agency_officer_cannot_change_the_period(client, approved, officer_a):
    client.force_login(officer_a)
    assert client.post("/implementasi/35.22/periode/", {"months": "6"}).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona", "shown"),
    [("member_a", True), ("officer_a", True), ("citizen", False), ("assessor_a", False)],
)
def test_the_account_page_links_those_who_update(client, approved, persona, shown, request):
    client.force_login(request.getfixturevalue(persona))
    page = client.get("/akun/").content.decode()
    assert ('href="/implementasi/35.22/"' in page) is shown

"""The management pages answer national admins only; scoring answers assigned assessors only."""

import pytest

MANAGE_URLS = ["/penilaian/kelola/", "/penilaian/kelola/{pk}/", "/penilaian/kelola/{pk}/impor/"]


@pytest.mark.parametrize("persona", ["member_a", "member_b", "citizen", "assessor_a"])
@pytest.mark.parametrize("url", MANAGE_URLS)
def test_outsiders_get_403_on_management_pages(client, open_round, persona, url, request):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(url.format(pk=open_round.pk)).status_code == 403


@pytest.mark.parametrize("url", MANAGE_URLS)
def test_anonymous_visitors_are_sent_to_the_login(client, open_round, url):
    response = client.get(url.format(pk=open_round.pk))
    assert response.status_code == 302
    assert "/akun/" in response["Location"]


def test_an_admin_sees_the_round_dashboard(client, open_round, national_admin):
    client.force_login(national_admin)
    response = client.get(f"/penilaian/kelola/{open_round.pk}/")
    assert response.status_code == 200
    assert "Kabupaten Bojonegoro" in response.content.decode()


def test_an_assessor_cannot_score_a_region_not_assigned_in_the_round(
    client, open_round, round_assessor, assessor_a
):
    client.force_login(round_assessor)
    assert client.get(f"/penilaian/{open_round.pk}/nilai/35.22/").status_code == 200
    assert client.get(f"/penilaian/{open_round.pk}/nilai/35.78/").status_code == 403
    # assessor_a is assigned to 35.22 in the accounts model, but not in this round.
    client.force_login(assessor_a)
    assert client.get(f"/penilaian/{open_round.pk}/nilai/35.22/").status_code == 403


@pytest.mark.parametrize("persona", ["member_b", "citizen", "round_assessor"])
def test_only_the_regions_team_fills_its_self_assessment(client, open_round, persona, request):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(f"/penilaian/{open_round.pk}/isian/35.22/").status_code == 403

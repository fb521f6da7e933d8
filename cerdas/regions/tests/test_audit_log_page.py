"""A region's audit log is for national admins and that region's own team only."""

import pytest

URL = "/wilayah/35.22/audit/"


@pytest.fixture
def logged(region_a, national_admin):
    return region_a.log_action("region.updated", user=national_admin, reason="kode diperbaiki")


@pytest.mark.django_db
def test_an_anonymous_visitor_is_sent_to_log_in(client, logged):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/akun/masuk/?next=")


@pytest.mark.django_db
def test_the_regions_own_team_reads_its_log_with_times_in_its_zone(client, member_a, logged):
    client.force_login(member_a)
    response = client.get(URL)
    assert response.status_code == 200
    assert "kode diperbaiki" in response.content.decode()
    assert "WIB" in response.content.decode()


@pytest.mark.django_db
def test_a_national_admin_reads_any_regions_log(client, national_admin, logged):
    client.force_login(national_admin)
    assert client.get(URL).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["member_b", "assessor_a", "officer_a", "citizen"])
def test_everyone_else_is_refused(client, request, persona, logged):
    client.force_login(request.getfixturevalue(persona))
    response = client.get(URL)
    assert response.status_code == 403
    assert "kode diperbaiki" not in response.content.decode()


@pytest.mark.django_db
def test_an_unknown_region_is_a_404_even_for_an_admin(client, national_admin):
    client.force_login(national_admin)
    assert client.get("/wilayah/99.99/audit/").status_code == 404

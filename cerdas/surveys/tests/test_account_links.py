"""The account page leads the people who manage service units to their surveys."""

import pytest


@pytest.mark.django_db
def test_a_regions_team_finds_its_surveys_and_a_citizen_does_not(client, member_a, citizen):
    client.force_login(member_a)
    assert 'href="/survei/kelola/"' in client.get("/akun/").content.decode()
    client.force_login(citizen)
    assert 'href="/survei/kelola/"' not in client.get("/akun/").content.decode()

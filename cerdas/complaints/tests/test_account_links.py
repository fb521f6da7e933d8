"""The account page leads the people who answer complaints to their queue."""

import pytest


@pytest.mark.django_db
def test_a_coordinator_and_an_officer_find_the_queue_and_a_citizen_does_not(
    client, member_a, officer_a, citizen
):
    for person in (member_a, officer_a):
        client.force_login(person)
        assert 'href="/pengaduan/kelola/"' in client.get("/akun/").content.decode()
    client.force_login(citizen)
    assert 'href="/pengaduan/kelola/"' not in client.get("/akun/").content.decode()

"""The region profile's sections are the same for every reader, rendered once per change."""

import re

import pytest


def _section(response) -> str:
    assert response.status_code == 200
    body = response.content.decode()
    return re.search(
        r'<section aria-labelledby="region-complaints-title".*?</section>', body, re.S
    )[0]


@pytest.mark.django_db
def test_a_signed_in_team_sees_the_sections_everyone_sees_and_a_new_report_at_once(
    client, member_a, road, submit, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submit(road)
    anonymous = _section(client.get("/wilayah/35.22/"))
    client.force_login(member_a)
    assert _section(client.get("/wilayah/35.22/")) == anonymous
    assert "1 laporan" in anonymous
    with django_capture_on_commit_callbacks(execute=True):
        submit(road)  # announces the profile's change once it commits
    assert "2 laporan" in _section(client.get("/wilayah/35.22/"))

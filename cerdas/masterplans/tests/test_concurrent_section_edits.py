"""Two people saving the same section never silently overwrite each other."""

import pytest
from django.test import Client

from cerdas.masterplans.tests.factories import make_plan
from conftest import make_user


@pytest.fixture
def plan(db):
    return make_plan()


def _form_version(client, url) -> str:
    body = client.get(url).content.decode()
    marker = 'name="version" value="'
    return body[body.index(marker) + len(marker) :].split('"', 1)[0]


@pytest.mark.django_db
def test_the_second_save_shows_both_texts_and_keeps_the_first(plan, member_a):
    colleague = make_user("member_a2", "regional_team", "35.22")
    first, second = Client(), Client()
    first.force_login(member_a)
    second.force_login(colleague)
    url = f"/masterplan/{plan.pk}/bagian/vision/"
    version_first, version_second = _form_version(first, url), _form_version(second, url)
    assert version_first == version_second == "1"

    saved = first.post(url, {"version": version_first, "vision": "Bojonegoro Produktif"})
    assert saved.status_code == 302
    conflict = second.post(url, {"version": version_second, "vision": "Bojonegoro Cerdas"})

    body = conflict.content.decode()
    assert conflict.status_code == 200
    assert "Bojonegoro Produktif" in body  # what the other person saved
    assert "Bojonegoro Cerdas" in body  # what this person typed, still in the form
    section = plan.sections.get(kind="vision")
    assert section.data["vision"] == "Bojonegoro Produktif"
    assert section.version == 2
    # The conflict form carries the new version: saving again is a knowing overwrite.
    assert 'name="version" value="2"' in body
    second.post(url, {"version": "2", "vision": "Bojonegoro Produktif dan Cerdas"})
    section.refresh_from_db()
    assert section.data["vision"] == "Bojonegoro Produktif dan Cerdas"
    assert section.version == 3


@pytest.mark.django_db
def test_a_saved_section_drops_markup_and_scripts(plan, client, member_a):
    client.force_login(member_a)
    client.post(
        f"/masterplan/{plan.pk}/bagian/vision/",
        {"version": 1, "vision": "<script>alert(1)</script><b>Maju</b> & sejahtera"},
    )
    assert plan.sections.get(kind="vision").data["vision"] == "Maju & sejahtera"


@pytest.mark.django_db
def test_the_api_answers_409_with_the_newer_text(plan, member_a):
    client = Client(enforce_csrf_checks=False)
    client.force_login(member_a)
    url = f"/api/v1/masterplans/{plan.pk}/sections/swot"
    ok = client.put(
        url, {"version": 1, "data": {"strengths": "Migas"}}, content_type="application/json"
    )
    assert ok.status_code == 200 and ok.json()["version"] == 2
    stale = client.put(
        url, {"version": 1, "data": {"strengths": "Pertanian"}}, content_type="application/json"
    )
    assert stale.status_code == 409
    assert stale.json()["data"]["strengths"] == "Migas"

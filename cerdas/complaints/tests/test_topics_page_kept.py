"""A region's topics page is kept blank for its coordinators, yet every change shows on the
next view, and a form sent back refused shows what was typed.

The page is kept ({% shared %}) under its region's queue versions, which every write of a
topic, an agency or the region's complaint settings announces (cerdas/complaints/apps.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cerdas.complaints import configuration

TOPICS = "/pengaduan/kelola/wilayah/35.22/topik/"


def _page(client) -> str:
    client.cookies["cerdas_lang"] = "en"
    response = client.get(TOPICS)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def kept(client, member_a, road, django_capture_on_commit_callbacks):
    client.force_login(member_a)
    _page(client)  # the page is now kept
    return road


@pytest.mark.django_db
def test_a_second_view_reads_no_topic_agency_or_setting(client, kept):
    with CaptureQueriesContext(connection) as ctx:
        body = _page(client)
    read = " ".join(q["sql"] for q in ctx.captured_queries)
    for table in ("complaints_category", "regions_agency", "complaints_complaintsettings"):
        assert f'"{table}"' not in read, table
    assert "Jalan rusak" in body


@pytest.mark.django_db
def test_each_change_shows_on_the_next_view(
    client, kept, member_a, other_agency_a, django_capture_on_commit_callbacks
):
    def topic_added():
        data = {
            "name": "Sampah liar",
            "code": "sampah",
            "description": "",
            "group": "",
            "keywords": "",
            "agency": other_agency_a,
            "handling": "standard",
            "is_active": True,
        }
        configuration.save_category(member_a, "35.22", None, data)
        return "Sampah liar"

    def topic_renamed():
        kept.name = "Jalan dan jembatan rusak"
        kept.save()
        return "Jalan dan jembatan rusak"

    def agency_renamed():
        other_agency_a.name = "Dinas PUPR Bojonegoro"
        other_agency_a.save()
        return "Dinas PUPR Bojonegoro"

    def settings_saved():
        data = {"moderate_first": True, "escalation_email": "kadis@example.org"}
        configuration.save_settings(member_a, "35.22", data)
        return 'value="kadis@example.org"'

    for change in (topic_added, topic_renamed, agency_renamed, settings_saved):
        before = _page(client)
        with django_capture_on_commit_callbacks(execute=True):
            expected = change()
        assert expected not in before, change.__name__
        assert expected in _page(client), change.__name__


@pytest.mark.django_db
def test_a_refused_topic_keeps_what_was_typed_and_the_blank_copy_stays_blank(
    client, kept, other_agency_a
):
    refused = client.post(
        TOPICS,
        {"new-name": "Pohon tumbang", "new-code": "Pohon!", "new-agency": other_agency_a.pk},
    )
    assert refused.status_code == 400
    assert 'value="Pohon tumbang"' in refused.content.decode()
    assert "Pohon tumbang" not in _page(client)


@pytest.mark.django_db
def test_the_ministry_gets_its_own_copy(client, kept, national_admin):
    """The ministry's page links the working-day calendar; the region team's does not."""
    assert "Working-day calendar" not in _page(client)
    client.force_login(national_admin)
    assert "Working-day calendar" in _page(client)


@pytest.mark.django_db
def test_a_topic_s_form_is_kept_blank_yet_shows_each_change(
    client, kept, member_a, other_agency_a, django_capture_on_commit_callbacks
):
    """A topic's own form: kept per topic under the same versions."""
    from cerdas.regions.models import Agency

    path = f"/pengaduan/kelola/topik/{kept.pk}/"

    def form() -> str:
        client.cookies["cerdas_lang"] = "en"
        return client.get(path).content.decode()

    def topic_renamed():
        kept.name = "Jalan dan trotoar rusak"
        kept.save()
        return 'value="Jalan dan trotoar rusak"'

    def agency_added():
        Agency.objects.create(region_id="35.22", name="Dinas Perhubungan")
        return "Dinas Perhubungan"

    for change in (topic_renamed, agency_added):
        before = form()
        with django_capture_on_commit_callbacks(execute=True):
            expected = change()
        assert expected not in before, change.__name__
        assert expected in form(), change.__name__
    refused = client.post(path, {"name": "Ditolak", "code": "Bukan Kode!"})
    assert refused.status_code == 400 and 'value="Ditolak"' in refused.content.decode()
    assert "Ditolak" not in form()

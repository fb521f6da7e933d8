"""An article's preview keeps its parts as the public page does, yet every change of a draft
shows on the next view, and the preview's copies never reach the public page.

The parts are kept ({% shared %}) under the public page's kinds and the desk of the
article's region (every save of an article or of its links announces there, published or
not), per status shown (cerdas/portal/views/manage.py)."""

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cerdas.portal import services
from cerdas.portal.models import Article
from cerdas.portal.tests.factories import make_article, picture


def _preview(client, article) -> str:
    client.cookies["cerdas_lang"] = "en"
    response = client.get(f"/berita/kelola/{article.pk}/pratinjau/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def draft(client, member_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        article = make_article(status=Article.Status.DRAFT, published_at=None)
    client.force_login(member_a)
    _preview(client, article)  # its parts are now kept
    return article


@pytest.mark.django_db
def test_a_second_view_reads_no_picture_or_link(client, draft):
    with CaptureQueriesContext(connection) as ctx:
        body = _preview(client, draft)
    read = " ".join(q["sql"] for q in ctx.captured_queries)
    assert '"portal_articleimage"' not in read and "related_regions" not in read
    assert draft.title in body and "status: Draft" in body


@pytest.mark.django_db
def test_each_change_of_the_draft_shows_on_the_next_view(
    client, draft, member_a, django_capture_on_commit_callbacks
):
    def retitled():
        draft.title = "Taman kota kini punya Wi-Fi dan perpustakaan"
        draft.save()
        return "Wi-Fi dan perpustakaan"

    def picture_added():
        services.add_image(member_a, draft.pk, picture(), "Pengunjung taman membaca buku")
        return 'alt="Pengunjung taman membaca buku"'

    def region_linked():
        draft.related_regions.add("32.73")
        return "Kota Bandung"

    def published():
        services.change_status(member_a, draft.pk, Article.Status.PUBLISHED)
        return "status: Published"

    for change in (retitled, picture_added, region_linked, published):
        before = _preview(client, draft)
        with django_capture_on_commit_callbacks(execute=True):
            expected = change()
        assert expected not in before, change.__name__
        assert expected in _preview(client, draft), change.__name__


@pytest.mark.django_db
def test_a_scheduled_article_reads_published_once_its_time_comes(
    client, draft, member_a, monkeypatch, django_capture_on_commit_callbacks
):
    moment = timezone.now() + dt.timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        services.change_status(member_a, draft.pk, Article.Status.PUBLISHED, publish_at=moment)
    assert "status: Scheduled" in _preview(client, draft)
    monkeypatch.setattr(timezone, "now", lambda: moment + dt.timedelta(seconds=1))
    assert "status: Published" in _preview(client, draft)


@pytest.mark.django_db
def test_the_public_page_never_gets_the_previews_copy(client, member_a):
    article = make_article()
    client.force_login(member_a)
    assert "Preview for editors" in _preview(client, article)
    for reader in (client, Client()):
        reader.cookies["cerdas_lang"] = "en"
        page = reader.get(article.get_absolute_url()).content.decode()
        assert article.title in page and "Preview for editors" not in page
    assert "Preview for editors" in _preview(client, article)

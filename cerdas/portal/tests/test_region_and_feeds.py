"""News reaches readers beyond the portal: region profiles, Atom feeds and the sitemap."""

import datetime as dt

import pytest
from django.utils import timezone

from cerdas.portal.models import Article
from cerdas.portal.tests.factories import make_article


@pytest.mark.django_db
def test_a_region_profile_shows_its_latest_three_articles(client):
    for n in range(4):
        make_article(title=f"Kabar {n}", published_at=timezone.now() - dt.timedelta(days=n + 1))
    make_article(title="Draf rahasia", status=Article.Status.DRAFT)
    body = client.get("/wilayah/35.22/").content.decode()
    assert "Berita terbaru" in body
    assert all(f"Kabar {n}" in body for n in range(3))
    assert "Kabar 3" not in body and "Draf rahasia" not in body
    assert "Berita terbaru" not in client.get("/wilayah/32.73/").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "present", "absent"),
    [
        ("/berita/feed/", ["Kabar Bojonegoro", "Kabar nasional"], []),
        ("/berita/feed/nasional/", ["Kabar nasional"], ["Kabar Bojonegoro"]),
        ("/berita/wilayah/35.22/feed/", ["Kabar Bojonegoro"], ["Kabar nasional"]),
    ],
)
def test_atom_feeds_per_region_and_national(client, url, present, absent):
    make_article(title="Kabar Bojonegoro")
    make_article(title="Kabar nasional", region=None)
    make_article(title="Draf", status=Article.Status.DRAFT)
    response = client.get(url)
    body = response.content.decode()
    assert response["Content-Type"].startswith("application/atom+xml")
    assert all(title in body for title in present)
    assert not any(title in body for title in [*absent, "Draf"])


@pytest.mark.django_db
def test_the_sitemap_lists_readable_articles_only(client):
    shown = make_article(title="Terbit")
    hidden = make_article(title="Nanti", published_at=timezone.now() + dt.timedelta(days=1))
    body = client.get("/berita/sitemap.xml").content.decode()
    assert f"http://testserver{shown.get_absolute_url()}" in body
    assert hidden.get_absolute_url() not in body
    assert body.startswith('<?xml version="1.0" encoding="UTF-8"?>')

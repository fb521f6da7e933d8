"""Readers find published news: lists, search, the article page, in the region's time zone."""

import datetime as dt

import pytest
from django.utils import timezone

from cerdas.portal.models import Article
from cerdas.portal.tests.factories import make_article


@pytest.mark.django_db
def test_the_news_home_lists_published_news_newest_first_without_drafts_or_scheduled(client):
    make_article(title="Berita lama", published_at=timezone.now() - dt.timedelta(days=2))
    make_article(title="Berita baru", region=None)
    make_article(title="Masih draf", status=Article.Status.DRAFT)
    make_article(title="Terjadwal besok", published_at=timezone.now() + dt.timedelta(days=1))
    body = client.get("/berita/").content.decode()
    assert body.index("Berita baru") < body.index("Berita lama")
    assert "Masih draf" not in body
    assert "Terjadwal besok" not in body


@pytest.mark.django_db
def test_a_region_list_shows_only_that_regions_news(client):
    make_article(title="Berita Bojonegoro")
    make_article(title="Berita Bandung", region="32.73")
    body = client.get("/berita/wilayah/35.22/").content.decode()
    assert "Berita Bojonegoro" in body
    assert "Berita Bandung" not in body
    assert client.get("/berita/wilayah/99.99/").status_code == 404


@pytest.mark.django_db
def test_search_finds_words_in_title_or_body(client):
    make_article(title="Aplikasi layanan kependudukan", body="<p>Warga mengurus KTP daring.</p>")
    make_article(title="Festival budaya")
    body = client.get("/berita/", {"q": "ktp daring"}).content.decode()
    assert "Aplikasi layanan kependudukan" in body
    assert "Festival budaya" not in body


@pytest.mark.django_db
def test_the_article_page_shows_author_date_in_the_regions_zone_views_and_reactions(client):
    published = dt.datetime(2017, 11, 16, 2, 0, tzinfo=dt.UTC)
    article = make_article(region="73.71", byline="Admin", published_at=published, views=390)
    body = client.get(article.get_absolute_url(), HTTP_USER_AGENT="Mozilla/5.0").content.decode()
    assert "Admin" in body
    assert "16-11-2017 10:00 WITA" in body  # Makassar is UTC+8
    assert "391 dilihat" in body  # this reader's view is counted at once
    for answer in ("Sangat Puas", "Puas", "Cukup Puas", "Tidak Puas"):
        assert answer in body
    assert 'name="choice"' in body and 'method="post"' in body


@pytest.mark.django_db
def test_national_news_is_shown_in_western_indonesian_time(client):
    article = make_article(region=None, published_at=dt.datetime(2024, 1, 1, 0, 0, tzinfo=dt.UTC))
    assert "01-01-2024 07:00 WIB" in client.get(article.get_absolute_url()).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "values",
    [
        {"status": Article.Status.DRAFT},
        # Far enough ahead that a slow run (the value is taken at collection) is still early.
        {"published_at": timezone.now() + dt.timedelta(days=1)},
    ],
)
def test_drafts_and_scheduled_articles_are_404_before_their_time(client, values):
    article = make_article(**values)
    assert client.get(article.get_absolute_url()).status_code == 404
    assert client.get(f"/berita/{article.pk}/").status_code == 404
    assert client.get(f"/api/v1/articles/{article.pk}").status_code == 404


@pytest.mark.django_db
def test_a_scheduled_article_appears_once_its_time_comes(client):
    article = make_article(published_at=timezone.now() + dt.timedelta(seconds=1))
    assert client.get(article.get_absolute_url()).status_code == 404
    Article.objects.filter(pk=article.pk).update(
        published_at=timezone.now() - dt.timedelta(seconds=1)
    )
    assert client.get(article.get_absolute_url()).status_code == 200


@pytest.mark.django_db
def test_an_old_or_missing_slug_redirects_to_the_stable_address(client):
    article = make_article(title="Judul awal")
    assert client.get(f"/berita/{article.pk}/").url == article.get_absolute_url()
    wrong = client.get(f"/berita/{article.pk}-judul-lain/")
    assert wrong.status_code == 301
    assert wrong.url == article.get_absolute_url()


@pytest.mark.django_db
def test_an_archived_article_stays_readable_but_leaves_the_lists_and_takes_no_reactions(client):
    article = make_article(title="Arsip lama", status=Article.Status.ARCHIVED)
    assert "Arsip lama" not in client.get("/berita/").content.decode()
    body = client.get(article.get_absolute_url()).content.decode()
    assert "diarsipkan" in body
    assert 'name="choice"' not in body
    assert client.post(f"/berita/{article.pk}/tanggapan/", {"choice": "puas"}).status_code == 404


@pytest.mark.django_db
def test_script_in_any_field_is_shown_as_text_and_never_runs(client):
    article = make_article(
        title="<script>alert(1)</script>Judul",
        summary='"><img src=x onerror=alert(2)>',
        byline="<b>Admin</b>",
    )
    body = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;Judul" in body
    assert "<img src=x" not in body
    assert "<b>Admin</b>" not in body


@pytest.mark.django_db
def test_the_page_carries_open_graph_tags_and_the_print_stylesheet(client):
    article = make_article(title="Jembatan pintar", summary="Sensor memantau jembatan.")
    body = client.get(article.get_absolute_url()).content.decode()
    assert '<meta property="og:title" content="Jembatan pintar">' in body
    assert '<meta property="og:description" content="Sensor memantau jembatan.">' in body
    assert f'content="http://testserver{article.get_absolute_url()}"' in body
    assert "portal/portal.css" in body
    assert '<link rel="canonical"' in body


@pytest.mark.django_db
def test_the_news_list_pages_ten_at_a_time(client):
    for n in range(12):
        make_article(
            title=f"Berita nomor {n:02d}", published_at=timezone.now() - dt.timedelta(hours=n + 1)
        )
    first = client.get("/berita/").content.decode()
    second = client.get("/berita/", {"page": 2}).content.decode()
    assert "Berita nomor 00" in first and "Berita nomor 11" not in first
    assert "Berita nomor 11" in second and "Berita nomor 00" not in second

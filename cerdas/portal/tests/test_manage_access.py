"""Editors reach only their own region's news; national news is the program office's."""

import pytest

from cerdas.portal import services
from cerdas.portal.models import Article, ArticleImage
from cerdas.portal.tests.factories import make_article, picture

OUTSIDERS = ["member_b", "officer_a", "assessor_a", "citizen"]


def _pages(article):
    return [
        f"/berita/kelola/{article.pk}/",
        f"/berita/kelola/{article.pk}/pratinjau/",
        f"/berita/kelola/{article.pk}/gambar/",
        f"/berita/kelola/{article.pk}/statistik/",
        f"/berita/kelola/{article.pk}/statistik/?format=csv",
    ]


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_log_in(client):
    article = make_article()
    for url in [
        "/berita/kelola/",
        "/berita/kelola/baru/",
        "/berita/kelola/statistik/",
        *_pages(article),
    ]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/akun/masuk/?next="), url


@pytest.mark.django_db
@pytest.mark.parametrize("persona", OUTSIDERS)
def test_outsiders_get_403_on_another_regions_article(client, request, persona):
    article = make_article(title="Rahasia dapur redaksi", status=Article.Status.DRAFT)
    client.force_login(request.getfixturevalue(persona))
    for url in _pages(article):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "Rahasia dapur redaksi" not in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["officer_a", "assessor_a", "citizen"])
def test_people_who_write_no_news_cannot_open_the_dashboard(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    for url in ["/berita/kelola/", "/berita/kelola/baru/", "/berita/kelola/statistik/"]:
        assert client.get(url).status_code == 403, url


@pytest.mark.django_db
def test_an_editor_of_region_b_cannot_change_region_as_article_by_posting(
    client, member_b, member_a, media
):
    article = make_article(title="Judul asli")
    client.force_login(member_b)
    data = {"region": "32.73", "title": "Diubah", "summary": "x", "body": "x", "byline": "x"}
    assert client.post(f"/berita/kelola/{article.pk}/", data).status_code == 403
    assert (
        client.post(f"/berita/kelola/{article.pk}/status/", {"status": "draft"}).status_code == 403
    )
    image = services.add_image(member_a, article.pk, picture(), "foto")
    assert client.get(f"/berita/kelola/gambar/{image.pk}/hapus/").status_code == 403
    assert (
        client.post(f"/berita/kelola/gambar/{image.pk}/hapus/", {"confirmed": "yes"}).status_code
        == 403
    )
    article.refresh_from_db()
    assert article.title == "Judul asli" and article.status == Article.Status.PUBLISHED
    assert ArticleImage.objects.filter(pk=image.pk).exists()


@pytest.mark.django_db
def test_a_regional_team_cannot_touch_national_news(client, member_a):
    article = make_article(region=None, title="Berita nasional")
    client.force_login(member_a)
    assert client.get(f"/berita/kelola/{article.pk}/").status_code == 403
    assert "Berita nasional" not in client.get("/berita/kelola/").content.decode()


@pytest.mark.django_db
def test_the_regions_team_and_national_admins_reach_the_regions_article(
    client, member_a, national_admin
):
    article = make_article()
    for user in (member_a, national_admin):
        client.force_login(user)
        for url in _pages(article):
            assert client.get(url).status_code == 200, (user, url)


@pytest.mark.django_db
def test_an_unknown_article_is_404_even_for_an_admin(client, national_admin):
    client.force_login(national_admin)
    assert client.get("/berita/kelola/999999/").status_code == 404


@pytest.mark.django_db
def test_the_list_shows_only_the_editors_own_regions_articles(client, member_a):
    make_article(title="Punya Bojonegoro")
    make_article(title="Punya Bandung", region="32.73")
    client.force_login(member_a)
    body = client.get("/berita/kelola/").content.decode()
    assert "Punya Bojonegoro" in body and "Punya Bandung" not in body


@pytest.mark.django_db
def test_the_editor_list_links_each_article_to_its_own_pages(client, member_a, member_b):
    """Each row links to its own article's pages, and only the editor's articles are listed."""
    published = make_article(title="Berita terbit")
    draft = make_article(title="Berita draf", status=Article.Status.DRAFT, published_at=None)
    elsewhere = make_article(region="32.73", title="Berita wilayah lain")
    client.force_login(member_a)
    page = client.get("/berita/kelola/").content.decode()
    assert f'<a href="/berita/kelola/{published.pk}/">Berita terbit</a>' in page
    assert f'<a href="/berita/kelola/{draft.pk}/">Berita draf</a>' in page
    assert f'href="/berita/kelola/{published.pk}/statistik/"' in page
    assert f'href="/berita/kelola/{draft.pk}/statistik/"' not in page  # not published yet
    assert "Berita wilayah lain" not in page and f"/{elsewhere.pk}/" not in page
    client.force_login(member_b)
    assert "Berita terbit" not in client.get("/berita/kelola/").content.decode()


@pytest.mark.django_db
def test_the_editor_list_counts_every_view_and_response_an_article_has(client, member_a):
    """Views flushed, waiting to be flushed and recorded by an older portal; responses given
    here and recorded there: each row shows their sums, as the article's statistics do."""
    from cerdas.portal import counting, reactions
    from cerdas.portal.models import LegacyCounts, Reaction

    article = make_article(title="Berita dibaca")
    quiet = make_article(title="Berita sepi")
    Article.objects.filter(pk=article.pk).update(views=1200)
    for reader in ("a", "b", "c"):
        counting.count_view(article.pk, reader)
    counting.wait_for_writes()
    LegacyCounts.objects.create(
        article=article, source="portal lama", views=4000, puas=7, tidak_puas=2
    )
    for choice in ("puas", "sangat_puas"):
        Reaction.objects.create(article=article, choice=choice)
    client.force_login(member_a)
    page = client.get("/berita/kelola/").content.decode()
    row = page.split("Berita dibaca", 1)[1].split("</tr>", 1)[0]
    assert reactions.totals_for([article.pk])[article.pk]["total"] == 11
    assert '<td class="num">5.203</td>' in row and ">11</a>" in row
    row = page.split("Berita sepi", 1)[1].split("</tr>", 1)[0]
    assert '<td class="num">0</td>' in row and ">0</a>" in row and quiet.pk

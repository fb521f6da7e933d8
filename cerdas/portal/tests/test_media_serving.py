"""Uploaded pictures are served (make run and production alike), each under its app's rule."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from cerdas.portal.models import Article, ArticleImage
from cerdas.portal.tests.factories import make_article, picture


@pytest.fixture
def image(client, member_a, media):
    article = make_article()
    client.force_login(member_a)
    client.post(f"/berita/kelola/{article.pk}/gambar/", {"image": picture(), "alt_text": "Taman"})
    client.logout()
    return ArticleImage.objects.get()


@pytest.mark.django_db
def test_a_published_articles_picture_is_served_to_anyone_inline(client, image):
    for field in (image.image, image.thumbnail):
        response = client.get(field.url)
        assert response.status_code == 200
        assert response["Content-Type"] == "image/jpeg"
        assert response["Content-Disposition"].startswith("inline")
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "sandbox" in response["Content-Security-Policy"]
        assert "public" in response["Cache-Control"]
        assert b"".join(response.streaming_content)[:3] == b"\xff\xd8\xff"


@pytest.mark.django_db
def test_the_page_shows_an_address_that_answers(client, image):
    body = client.get(image.article.get_absolute_url()).content.decode()
    assert f'src="{image.image.url}"' in body
    assert image.image.url.startswith("/media/portal/")


@pytest.mark.django_db
def test_a_draft_articles_picture_is_only_for_its_editors(client, image, member_a, member_b):
    Article.objects.filter(pk=image.article_id).update(status=Article.Status.DRAFT)
    assert client.get(image.image.url).status_code == 404
    client.force_login(member_b)
    assert client.get(image.image.url).status_code == 404
    client.force_login(member_a)
    response = client.get(image.image.url)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]


@pytest.mark.django_db
def test_files_outside_a_registered_prefix_are_never_served(client, media, national_admin):
    default_storage.save("assessments/1/35.22/bukti.pdf", ContentFile(b"%PDF-1.4 rahasia"))
    client.force_login(national_admin)
    for url in (
        "/media/assessments/1/35.22/bukti.pdf",
        "/media/portal/../assessments/1/35.22/bukti.pdf",
        "/media/portal/1/tidak-ada.jpg",
        "/media/portal%2F..%2Fassessments/1/35.22/bukti.pdf",
    ):
        assert client.get(url).status_code == 404, url


@pytest.mark.django_db
def test_behind_nginx_the_app_checks_and_nginx_sends_the_bytes(client, image, settings):
    settings.MEDIA_SERVE = "x-accel"
    response = client.get(image.image.url)
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == "/_media/" + image.image.name
    assert response.content == b""
    Article.objects.filter(pk=image.article_id).update(status=Article.Status.DRAFT)
    assert "X-Accel-Redirect" not in client.get(image.image.url)

"""Pictures are checked, resized for phones, stripped of metadata, and always described."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from cerdas.portal.models import ArticleImage
from cerdas.portal.tests.factories import make_article, picture


def _url(article):
    return f"/berita/kelola/{article.pk}/gambar/"


@pytest.mark.django_db
def test_an_upload_is_resized_to_1600_and_400_pixels_and_shown_with_its_description(
    client, member_a, media
):
    article = make_article()
    client.force_login(member_a)
    response = client.post(_url(article), {"image": picture(), "alt_text": "Warga di taman"})
    assert response.status_code == 302
    image = ArticleImage.objects.get()
    with Image.open(image.image.path) as large, Image.open(image.thumbnail.path) as thumb:
        assert large.size == (1600, 800) and large.format == "JPEG"
        assert thumb.size == (400, 200)
        assert not large.getexif()
    body = client.get(article.get_absolute_url()).content.decode()
    assert 'alt="Warga di taman"' in body
    assert '<meta property="og:image"' in body


@pytest.mark.django_db
def test_a_picture_without_a_description_is_refused_and_the_typed_caption_stays(
    client, member_a, media
):
    article = make_article()
    client.force_login(member_a)
    response = client.post(
        _url(article), {"image": picture(), "alt_text": "", "caption": "Keterangan"}
    )
    assert response.status_code == 400
    assert "Jelaskan gambar" in response.content.decode()
    assert 'value="Keterangan"' in response.content.decode()
    assert not ArticleImage.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "upload",
    [
        SimpleUploadedFile("x.jpg", b"<?php system($_GET['c']); ?>", content_type="image/jpeg"),
        SimpleUploadedFile(
            "x.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            content_type="image/svg+xml",
        ),
        SimpleUploadedFile("x.pdf", b"%PDF-1.4\n", content_type="application/pdf"),
    ],
)
def test_a_file_that_is_not_a_picture_is_refused_with_a_message(client, member_a, media, upload):
    article = make_article()
    client.force_login(member_a)
    response = client.post(_url(article), {"image": upload, "alt_text": "foto"})
    assert response.status_code == 400
    assert "bukan gambar yang dapat digunakan" in response.content.decode()
    assert not ArticleImage.objects.exists()


@pytest.mark.django_db
def test_an_oversized_file_is_refused_with_the_limit(client, member_a, media, settings):
    settings.MAX_IMAGE_BYTES = 1024 * 1024
    article = make_article()
    client.force_login(member_a)
    big = SimpleUploadedFile("big.png", b"\0" * (1024 * 1024 + 1), content_type="image/png")
    response = client.post(_url(article), {"image": big, "alt_text": "foto"})
    assert response.status_code == 400
    assert "Gambar terlalu besar: paling besar 1 MB" in response.content.decode()


@pytest.mark.django_db
def test_a_transparent_png_becomes_a_jpeg_on_white(client, member_a, media):
    article = make_article()
    client.force_login(member_a)
    client.post(
        _url(article), {"image": picture((300, 300), "PNG", "logo.png"), "alt_text": "Logo"}
    )
    with Image.open(ArticleImage.objects.get().image.path) as large:
        assert large.format == "JPEG" and large.size == (300, 300)


@pytest.mark.django_db
def test_removing_a_picture_deletes_it(client, member_a, media, django_capture_on_commit_callbacks):
    article = make_article()
    client.force_login(member_a)
    client.post(_url(article), {"image": picture(), "alt_text": "foto"})
    image = ArticleImage.objects.get()
    path = image.image.path
    # A page says the file is deleted for good; only its confirmation removes it.
    page = client.get(f"/berita/kelola/gambar/{image.pk}/hapus/")
    assert page.status_code == 200 and 'name="confirmed"' in page.content.decode()
    client.post(f"/berita/kelola/gambar/{image.pk}/hapus/")
    assert ArticleImage.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/berita/kelola/gambar/{image.pk}/hapus/", {"confirmed": "yes"})
    assert not ArticleImage.objects.exists()
    import os

    assert not os.path.exists(path)


@pytest.mark.django_db
def test_a_signed_in_readers_page_shows_the_kept_pictures_without_reading_them_again(
    client, member_a, media, django_capture_on_commit_callbacks
):
    """The head (og:image) and the body are kept for all readers; drawn around them for a
    signed-in reader, the page does not read the pictures again."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    article = make_article()
    client.force_login(member_a)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_url(article), {"image": picture(), "alt_text": "Warga di taman"})
    first = client.get(article.get_absolute_url()).content.decode()
    with CaptureQueriesContext(connection) as ctx:
        again = client.get(article.get_absolute_url()).content.decode()
    assert not [q for q in ctx.captured_queries if "portal_articleimage" in q["sql"]]
    for body in (first, again):
        assert '<meta property="og:image"' in body and 'alt="Warga di taman"' in body

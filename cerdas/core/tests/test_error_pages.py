import pytest
from django.template.loader import render_to_string


@pytest.mark.django_db
def test_a_missing_page_gets_the_translated_404(client):
    response = client.get("/tidak-ada/")
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.content.decode()
    client.cookies["cerdas_lang"] = "en"
    assert "Page not found" in client.get("/tidak-ada/").content.decode()


@pytest.mark.django_db
def test_the_404_page_keeps_the_site_navigation(client):
    body = client.get("/tidak-ada/").content.decode()
    assert 'href="/wilayah/"' in body
    assert '<main id="main"' in body


def test_the_500_page_renders_without_a_request_in_both_languages():
    body = render_to_string("500.html")
    assert "Terjadi kesalahan" in body
    assert "Server error" in body

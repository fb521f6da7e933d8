"""Bahasa Indonesia by default; English when the visitor picks it with the switch."""

import pytest


@pytest.mark.django_db
def test_pages_are_in_bahasa_indonesia_by_default_even_for_an_english_browser(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response["Content-Language"] == "id"
    assert '<html lang="id">' in response.content.decode()
    assert "Cari wilayah Anda" in response.content.decode()


@pytest.mark.django_db
def test_the_language_switch_remembers_english_and_comes_back_to_the_same_page(client):
    response = client.get("/bahasa/en/", {"next": "/wilayah/"})
    assert response.status_code == 302
    assert response["Location"] == "/wilayah/"
    page = client.get("/wilayah/")
    assert page["Content-Language"] == "en"
    assert "Region directory" in page.content.decode()
    client.get("/bahasa/id/", {"next": "/"})
    assert "Direktori wilayah" in client.get("/wilayah/").content.decode()


@pytest.mark.django_db
def test_an_unknown_language_cookie_falls_back_to_bahasa_indonesia(client):
    client.cookies["cerdas_lang"] = "fr"
    assert client.get("/")["Content-Language"] == "id"


@pytest.mark.django_db
def test_pages_vary_on_the_cookie_so_caches_keep_languages_apart(client):
    assert "Cookie" in client.get("/")["Vary"]


@pytest.mark.django_db
def test_the_switch_refuses_to_send_the_visitor_to_another_site(client):
    response = client.get("/bahasa/en/", {"next": "https://evil.example/"})
    assert response["Location"] == "/"


@pytest.mark.django_db
def test_an_unknown_language_is_a_404(client):
    assert client.get("/bahasa/fr/").status_code == 404


@pytest.mark.django_db
def test_a_visitors_language_does_not_stay_active_after_the_request(client):
    from django.utils import translation

    client.cookies["cerdas_lang"] = "en"
    client.get("/")
    assert translation.get_language() != "en"

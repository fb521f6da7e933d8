"""The main navigation marks exactly the part of the site the visitor is in."""

import re

import pytest


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "current"),
    [
        ("/", "/"),
        ("/berita/", "/berita/"),
        ("/wilayah/", "/wilayah/"),
        ("/angkatan/", "/angkatan/"),
    ],
)
def test_one_main_navigation_item_is_current(client, path, current):
    page = client.get(path).content.decode()
    nav = page.split('class="site-nav"', 1)[1].split("</nav>", 1)[0]
    marked = re.findall(r'<a href="([^"]+)" aria-current="page"', nav)
    assert marked == [current]


@pytest.mark.django_db
def test_the_navigation_follows_the_language_and_who_is_signed_in(client, django_user_model):
    def nav(language):
        client.cookies["cerdas_lang"] = language
        page = client.get("/berita/").content.decode()
        return page.split('class="site-nav"', 1)[1].split("</nav>", 1)[0]

    assert ">Log in<" in nav("en")
    assert ">Masuk<" in nav("id")
    client.force_login(django_user_model.objects.create_user("warga", password="x" * 12))
    assert ">My account<" in nav("en")
    assert ">Log in<" not in nav("en")

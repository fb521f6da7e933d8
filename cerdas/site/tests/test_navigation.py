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

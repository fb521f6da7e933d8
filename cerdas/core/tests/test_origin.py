"""A POST is from this site when its Origin (else its Referer) says so; nothing else is."""

import pytest
from django.test import RequestFactory

from cerdas.core.origin import same_origin


def _post(**headers):
    request = RequestFactory().post("/form/", **headers)
    request._dont_enforce_csrf_checks = False  # as a real browser's request
    return request


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"HTTP_ORIGIN": "http://testserver"}, True),
        ({"HTTP_ORIGIN": "https://testserver"}, False),  # another scheme is another origin
        ({"HTTP_ORIGIN": "http://testserver.evil.example"}, False),
        ({"HTTP_ORIGIN": "null"}, False),
        ({"HTTP_REFERER": "http://testserver/berita/1-x/"}, True),
        ({"HTTP_REFERER": "http://evil.example/http://testserver/"}, False),
        ({"HTTP_REFERER": "not a url"}, False),
        ({}, False),
    ],
)
def test_a_post_is_same_origin_only_by_its_origin_or_referer(headers, expected):
    assert same_origin(_post(**headers)) is expected


def test_an_origin_listed_in_csrf_trusted_origins_is_accepted(settings):
    settings.CSRF_TRUSTED_ORIGINS = ["https://cerdas.example.go.id"]
    assert same_origin(_post(HTTP_ORIGIN="https://cerdas.example.go.id"))

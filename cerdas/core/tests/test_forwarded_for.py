import pytest
from django.test import RequestFactory

from cerdas.core.middleware import ForwardedForMiddleware


def _address_seen(settings, hops, forwarded):
    settings.TRUSTED_PROXY_COUNT = hops
    seen = {}

    def view(request):
        seen["address"] = request.META["REMOTE_ADDR"]

    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    ForwardedForMiddleware(view)(request)
    return seen["address"]


def test_without_proxies_the_header_is_ignored(settings):
    assert _address_seen(settings, 0, "203.0.113.9") == "10.0.0.1"


def test_behind_one_proxy_the_last_hop_is_the_visitor(settings):
    assert _address_seen(settings, 1, "198.51.100.7, 203.0.113.9") == "203.0.113.9"


@pytest.mark.parametrize("forwarded", ["", "203.0.113.9"])
def test_a_header_shorter_than_the_proxy_chain_is_not_trusted(settings, forwarded):
    assert _address_seen(settings, 2, forwarded) == "10.0.0.1"

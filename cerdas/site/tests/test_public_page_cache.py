"""Public pages are rendered once per language and address for anonymous visitors."""

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory

from cerdas.core.cache import bump_version, public_page
from cerdas.regions.models import Region


@pytest.mark.django_db
def test_a_second_anonymous_visit_is_served_without_touching_the_database(
    client, django_assert_num_queries
):
    first = client.get("/wilayah/35.22/")
    with django_assert_num_queries(0):
        second = client.get("/wilayah/35.22/")
    assert second.content == first.content


@pytest.mark.django_db
def test_each_language_gets_its_own_copy(client):
    client.get("/wilayah/")
    client.cookies["cerdas_lang"] = "en"
    assert "Region directory" in client.get("/wilayah/").content.decode()


@pytest.mark.django_db
def test_a_signed_in_user_never_gets_the_anonymous_copy_nor_leaves_theirs(client, member_a):
    from django.test import Client

    Client().get("/wilayah/35.22/")
    client.force_login(member_a)
    assert "Akun saya" in client.get("/wilayah/35.22/").content.decode()
    assert "/wilayah/35.22/audit/" in client.get("/wilayah/35.22/").content.decode()
    anonymous = Client().get("/wilayah/35.22/").content.decode()
    assert "Akun saya" not in anonymous
    assert "/wilayah/35.22/audit/" not in anonymous


@pytest.mark.django_db
def test_bumping_the_version_shows_the_changed_content(client):
    client.get("/wilayah/35.22/")
    Region.objects.filter(code="35.22").update(name="Kabupaten Bojonegoro Baru")
    assert "Bojonegoro Baru" not in client.get("/wilayah/35.22/").content.decode()
    bump_version("regions")
    assert "Bojonegoro Baru" in client.get("/wilayah/35.22/").content.decode()


def test_a_page_holding_a_csrf_token_is_never_cached():
    calls = []

    @public_page("test")
    def form_view(request):
        calls.append(1)
        return HttpResponse(get_token(request))

    for _ in range(2):
        request = RequestFactory().get("/form/")
        request.LANGUAGE_CODE = "id"
        form_view(request)
    assert len(calls) == 2
    cache.clear()


def test_only_successful_pages_are_kept():
    calls = []

    @public_page("test")
    def missing(request):
        calls.append(1)
        return HttpResponse(status=404)

    for _ in range(2):
        request = RequestFactory().get("/missing/")
        request.LANGUAGE_CODE = "id"
        missing(request)
    assert len(calls) == 2

import pytest


@pytest.mark.django_db
def test_a_region_profile_shows_code_province_kind_and_zone(client):
    response = client.get("/wilayah/35.22/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Kabupaten Bojonegoro</h1>" in body
    assert "35.22" in body
    assert "Jawa Timur" in body
    assert "WIB" in body


@pytest.mark.django_db
def test_an_administrative_city_says_so(client):
    assert "administratif" in client.get("/wilayah/31.71/").content.decode()


@pytest.mark.django_db
def test_an_unknown_code_is_a_404(client):
    assert client.get("/wilayah/99.99/").status_code == 404


@pytest.mark.django_db
def test_the_audit_link_shows_only_to_those_who_may_read_it(client, member_a, member_b):
    client.force_login(member_b)
    assert "/wilayah/35.22/audit/" not in client.get("/wilayah/35.22/").content.decode()
    client.force_login(member_a)
    assert "/wilayah/35.22/audit/" in client.get("/wilayah/35.22/").content.decode()

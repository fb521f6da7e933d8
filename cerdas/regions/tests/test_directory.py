"""The public region directory: filter by province and kind, search by name or code."""

import pytest


@pytest.mark.django_db
def test_the_directory_lists_every_region_paginated(client):
    response = client.get("/wilayah/")
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 514
    assert "Kabupaten Aceh Selatan" in response.content.decode()


@pytest.mark.django_db
def test_a_search_by_name_finds_both_bandungs_and_bandung_barat(client):
    page = client.get("/wilayah/", {"q": "bandung"}).context["page"]
    assert {r.code for r in page.object_list} == {"32.04", "32.17", "32.73"}


@pytest.mark.django_db
def test_a_search_by_code_prefix_finds_the_region(client):
    page = client.get("/wilayah/", {"q": "35.22"}).context["page"]
    assert [r.name for r in page.object_list] == ["Kabupaten Bojonegoro"]


@pytest.mark.django_db
def test_filters_by_province_and_kind_combine(client):
    page = client.get("/wilayah/", {"province": "35", "kind": "kota"}).context["page"]
    names = {r.name for r in page.object_list}
    assert len(names) == 9
    assert "Kota Surabaya" in names
    assert all(name.startswith("Kota ") for name in names)


@pytest.mark.django_db
def test_a_misspelt_name_offers_what_the_resolver_thinks_was_meant(client):
    response = client.get("/wilayah/", {"q": "Kutai Kartanagara"})
    assert response.context["page"].paginator.count == 0
    assert [r.code for r in response.context["suggestions"]][:1] == ["64.02"]
    assert "Mungkin maksud Anda" in response.content.decode()


@pytest.mark.django_db
def test_an_unknown_province_filter_is_reported_and_keeps_the_search_text(client):
    response = client.get("/wilayah/", {"q": "Bojonegoro", "province": "99"})
    body = response.content.decode()
    assert response.status_code == 200
    assert response.context["form"].errors["province"]
    assert 'value="Bojonegoro"' in body


@pytest.mark.django_db
def test_a_page_number_past_the_end_shows_the_last_page(client):
    page = client.get("/wilayah/", {"page": "999"}).context["page"]
    assert page.number == page.paginator.num_pages


@pytest.mark.django_db
def test_an_unknown_kind_is_reported_and_nothing_typed_is_lost(client):
    response = client.get("/wilayah/", {"q": "Bandung", "kind": "desa", "province": "32"})
    body = response.content.decode()
    assert response.context["form"].errors["kind"]
    assert "Sebagian saringan tidak dapat dipakai" in body
    assert 'value="Bandung"' in body


@pytest.mark.django_db
def test_signed_in_each_filter_gets_its_own_list_and_the_list_everyone_gets(client, member_a):
    anonymous = client.get("/wilayah/", {"province": "35", "kind": "kota"}).content.decode()
    client.force_login(member_a)
    everyone = client.get("/wilayah/").content.decode()
    filtered = client.get("/wilayah/", {"province": "35", "kind": "kota"}).content.decode()

    def main(body):
        return body[body.index("<main") : body.index("</main>")]

    assert "Kabupaten Aceh Selatan" in everyone and "Kabupaten Aceh Selatan" not in filtered
    assert main(filtered) == main(anonymous)
    assert 'value="35" selected' in filtered

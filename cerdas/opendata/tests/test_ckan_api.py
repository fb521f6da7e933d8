"""The CKAN action API: CKAN's envelope, its errors, GET and POST, both prefixes."""

import json

import pytest

ACTION = "/api/3/action/"


def _get(client, name, prefix=ACTION, **params):
    return client.get(prefix + name, params)


def _post(client, name, data, prefix=ACTION):
    return client.post(prefix + name, json.dumps(data), content_type="application/json")


@pytest.mark.django_db
@pytest.mark.parametrize("prefix", ["/api/3/action/", "/api/action/"])
def test_package_list_in_ckans_envelope_at_both_addresses(open_data, client, prefix):
    body = _get(client, "package_list", prefix).json()
    assert set(body) == {"help", "success", "result"} and body["success"] is True
    assert "help_show" in body["help"]
    assert "regions" in body["result"] and "survey-results-kab-bojonegoro" in body["result"]


@pytest.mark.django_db
def test_package_show_by_name_and_by_id_get_and_post(open_data, client):
    by_get = _get(client, "package_show", id="survey-results-kab-bojonegoro").json()["result"]
    by_post = _post(client, "package_show", {"id": by_get["id"]}).json()["result"]
    assert by_get == by_post
    assert by_get["organization"]["name"] == "kab-bojonegoro"
    assert by_get["organization"]["title"] == "Kabupaten Bojonegoro"
    assert by_get["license_id"] == "CC-BY-4.0" and by_get["num_resources"] == 3
    assert [r["format"] for r in by_get["resources"]] == ["CSV", "JSON", "XLSX"]
    assert by_get["resources"][0]["url"].startswith("http://testserver/data/")
    extras = {e["key"]: e["value"] for e in by_get["extras"]}
    assert extras["temporal_start"] == "2025-01-01" and extras["frequency"] == "irregular"


@pytest.mark.django_db
def test_package_search_by_words_and_organization_with_paging(open_data, client):
    found = _get(client, "package_search", q="survey", fq="organization:kab-bojonegoro")
    result = found.json()["result"]
    assert result["count"] == 1
    assert result["results"][0]["name"] == "survey-results-kab-bojonegoro"
    everything = _post(client, "package_search", {"rows": 2, "start": 1}).json()["result"]
    assert everything["count"] > 10 and len(everything["results"]) == 2
    names = _get(client, "package_list").json()["result"]
    assert [p["name"] for p in everything["results"]] == names[1:3]
    nobody = _get(client, "package_search", fq="organization:kab-nowhere").json()["result"]
    assert nobody["count"] == 0


@pytest.mark.django_db
def test_organizations_are_the_ministry_and_regions_with_data(open_data, client):
    names = _get(client, "organization_list").json()["result"]
    assert names[0] == "kominfo" and "kab-bojonegoro" in names
    assert "kab-aceh-selatan" not in names  # no data of its own
    shown = _get(client, "organization_show", id="kab-bojonegoro", include_datasets="true")
    result = shown.json()["result"]
    assert result["type"] == "organization" and result["package_count"] == len(result["packages"])
    full = _get(client, "organization_list", all_fields="true").json()["result"]
    assert full[0]["name"] == "kominfo" and "package_count" in full[0]


@pytest.mark.django_db
def test_resource_show_and_status_show(open_data, client):
    package = _get(client, "package_show", id="regions").json()["result"]
    resource = package["resources"][1]
    shown = _get(client, "resource_show", id=resource["id"]).json()["result"]
    assert shown == resource and shown["format"] == "JSON"
    status = _get(client, "status_show").json()["result"]
    assert status["site_title"] == "Cerdas" and status["ckan_version"].startswith("2.")


@pytest.mark.django_db
def test_errors_have_ckans_shapes_and_codes(open_data, client):
    missing = _get(client, "package_show", id="no-such-thing")
    assert missing.status_code == 404
    body = missing.json()
    assert body["success"] is False and body["error"]["__type"] == "Not Found Error"
    assert "help" in body and "message" in body["error"]
    assert _get(client, "resource_show", id="nope").status_code == 404
    assert _get(client, "organization_show", id="kab-nowhere").status_code == 404
    invalid = _get(client, "package_search", rows="many")
    assert invalid.status_code == 409
    assert invalid.json()["error"] == {"__type": "Validation Error", "rows": ["Invalid integer"]}
    no_id = _post(client, "package_show", {})
    assert no_id.status_code == 409 and no_id.json()["error"]["id"] == ["Missing value"]
    odd_filter = _get(client, "package_search", fq="tags:economy")
    assert odd_filter.status_code == 409
    assert _get(client, "package_create").status_code == 400  # nothing here writes
    not_json = client.post(ACTION + "package_list", "[1,", content_type="application/json")
    assert not_json.status_code == 400
    not_object = _post(client, "package_list", [1, 2])
    assert not_object.status_code == 400
    assert client.put(ACTION + "package_list").status_code == 405

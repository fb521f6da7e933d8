"""The regions API as other tools rely on it (the contract in the foundation issue)."""

import pytest

KEYS = {"code", "name", "kind", "province_code", "timezone"}


@pytest.mark.django_db
def test_level_province_lists_the_38_provinces(client):
    data = client.get("/api/v1/regions", {"level": "province", "limit": 1000}).json()
    assert data["count"] == 38
    assert len(data["items"]) == 38
    east_java = next(item for item in data["items"] if item["code"] == "35")
    assert east_java["name"] == "Jawa Timur"
    assert east_java["kind"] == "province"


@pytest.mark.django_db
def test_level_regency_gives_all_514_with_limit_1000(client):
    data = client.get("/api/v1/regions", {"level": "regency", "limit": 1000}).json()
    assert data["count"] == 514
    assert len(data["items"]) == 514
    assert all(item.keys() >= KEYS for item in data["items"])
    bojonegoro = next(item for item in data["items"] if item["code"] == "35.22")
    assert bojonegoro["name"] == "Kabupaten Bojonegoro"
    assert bojonegoro["kind"] == "kabupaten"
    assert bojonegoro["province_code"] == "35"
    assert bojonegoro["timezone"] == "WIB"


@pytest.mark.django_db
def test_pages_carry_the_total_count_and_do_not_overlap(client):
    first = client.get("/api/v1/regions", {"level": "regency", "limit": 100}).json()
    second = client.get("/api/v1/regions", {"level": "regency", "limit": 100, "offset": 100}).json()
    assert first["count"] == second["count"] == 514
    assert len(first["items"]) == len(second["items"]) == 100
    assert not {i["code"] for i in first["items"]} & {i["code"] for i in second["items"]}


@pytest.mark.django_db
def test_filters_by_province_kind_and_name_combine(client):
    data = client.get("/api/v1/regions", {"province": "32", "kind": "kota", "q": "bandung"}).json()
    assert [item["code"] for item in data["items"]] == ["32.73"]


@pytest.mark.django_db
def test_empty_parameters_count_as_absent(client):
    data = client.get("/api/v1/regions", {"level": "", "kind": "", "q": "", "limit": 1000}).json()
    assert data["count"] == 38 + 514


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [{"level": "kecamatan"}, {"kind": "desa"}, {"limit": 0}, {"limit": 1001}, {"offset": -1}],
)
def test_bad_parameters_get_a_400_saying_what_to_fix(client, params):
    response = client.get("/api/v1/regions", params)
    assert response.status_code == 400
    assert response.json()["detail"]


@pytest.mark.django_db
def test_one_region_and_one_province_by_code(client):
    region = client.get("/api/v1/regions/73.71").json()
    assert (region["name"], region["timezone"], region["timezone_name"]) == (
        "Kota Makassar",
        "WITA",
        "Asia/Makassar",
    )
    assert region["url"].endswith("/wilayah/73.71/")
    assert client.get("/api/v1/regions/94").json()["timezone"] == "WIT"
    assert client.get("/api/v1/regions/99.99").status_code == 404


@pytest.mark.django_db
def test_resolve_reports_an_ambiguous_bare_name_with_both_candidates(client):
    data = client.get("/api/v1/regions/resolve", {"name": "Bandung"}).json()
    assert data["status"] == "ambiguous"
    assert data["code"] is None
    assert {c["code"] for c in data["candidates"][:2]} == {"32.04", "32.73"}
    assert all(c["reason_text"] for c in data["candidates"])


@pytest.mark.django_db
def test_resolve_matches_a_written_name_with_its_code(client):
    data = client.get("/api/v1/regions/resolve", {"name": "Kab. Bojonegoro"}).json()
    assert (data["status"], data["code"]) == ("match", "35.22")


@pytest.mark.django_db
def test_resolve_offers_a_name_with_a_word_left_over_and_says_why(client):
    data = client.get("/api/v1/regions/resolve", {"name": "Kabupaten Bojonegoro Barat"}).json()
    assert (data["status"], data["code"]) == ("ambiguous", None)
    [candidate] = data["candidates"]
    assert (candidate["code"], candidate["reason"]) == ("35.22", "partial")
    assert candidate["reason_text"] not in ("", "partial")  # words a person reads


@pytest.mark.django_db
def test_resolve_knows_abbreviations_and_a_written_province(client):
    assert client.get("/api/v1/regions/resolve", {"name": "Halteng"}).json()["code"] == "82.02"
    data = client.get("/api/v1/regions/resolve", {"name": "Kupang, NTT"}).json()
    assert data["status"] == "ambiguous"
    assert {c["code"] for c in data["candidates"][:2]} == {"53.01", "53.71"}


@pytest.mark.django_db
def test_resolve_many_keeps_the_order_of_the_names(client):
    response = client.post(
        "/api/v1/regions/resolve",
        {"names": ["Kota Makassar", "zzzz", "Bogor"]},
        content_type="application/json",
    )
    assert [r["status"] for r in response.json()] == ["match", "unknown", "ambiguous"]


@pytest.mark.django_db
def test_resolve_many_refuses_more_than_1000_names(client):
    response = client.post(
        "/api/v1/regions/resolve", {"names": ["Bogor"] * 1001}, content_type="application/json"
    )
    assert response.status_code == 400


@pytest.mark.django_db
def test_the_openapi_document_describes_the_regions_endpoints(client):
    spec = client.get("/api/v1/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    assert "/api/v1/regions" in spec["paths"]
    assert "/api/v1/regions/resolve" in spec["paths"]
    assert client.get("/api/v1/docs").status_code == 200


@pytest.mark.django_db
def test_resolve_with_a_province_settles_a_name_shared_across_provinces(client):
    assert client.get("/api/v1/regions/resolve", {"name": "Banjar"}).json()["status"] == "ambiguous"
    data = client.get("/api/v1/regions/resolve", {"name": "Banjar", "province": "Kalsel"}).json()
    assert (data["status"], data["code"]) == ("match", "63.03")

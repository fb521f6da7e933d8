"""The catalogue page, a dataset's page, its Data Package and the DCAT catalogue."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cerdas.core.registries import datasets
from cerdas.core.signals import content_changed


@pytest.mark.django_db
def test_the_catalogue_searches_words_and_filters_by_publisher(open_data, client):
    everything = client.get("/data/")
    assert everything.status_code == 200
    assert b"/data/regions/" in everything.content
    total = everything.context["found"]["count"]
    assert total > 30 and len(everything.context["found"]["packages"]) == 30  # a page at a time
    last = client.get("/data/", {"page": (total + 29) // 30})
    assert len(last.context["found"]["packages"]) == total - 30 * ((total - 1) // 30)
    survey = client.get("/data/", {"q": "IKM", "publisher": "kab-bojonegoro"})
    assert survey.context["found"]["packages"] == [
        p for p in survey.context["found"]["packages"] if p.name == "survey-results-kab-bojonegoro"
    ]
    assert len(survey.context["found"]["packages"]) == 1
    ministry = client.get("/data/", {"publisher": "kominfo"})
    assert all(p.region is None for p in ministry.context["found"]["packages"])
    nothing = client.get("/data/", {"q": "zzzz tidak ada"})
    assert nothing.context["found"]["packages"] == []
    assert "Bojonegoro" in nothing.content.decode()  # still offered as a publisher
    unknown = client.get("/data/", {"publisher": "<script>"})
    assert unknown.status_code == 200 and b"<script>" not in unknown.content


@pytest.mark.django_db
def test_a_dataset_page_offers_its_downloads_and_metadata(open_data, client):
    page = client.get("/data/survey-results-kab-bojonegoro/").content.decode()
    for path in ("data.csv", "data.json", "data.xlsx", "datapackage.json"):
        assert f"/data/survey-results-kab-bojonegoro/{path}" in page
    assert "CC-BY-4.0" in page and "Kabupaten Bojonegoro" in page
    assert "ikm_converted" in page
    english = client.get("/data/survey-results-kab-bojonegoro/", headers={"Accept-Language": "en"})
    assert english.status_code == 200


@pytest.mark.django_db
def test_the_data_package_describes_the_csv_with_a_table_schema(open_data, client):
    package = client.get("/data/masterplan-budgets-kab-bojonegoro/datapackage.json").json()
    assert package["profile"] == "tabular-data-package"
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    [resource] = package["resources"]
    assert resource["path"].endswith("/data/masterplan-budgets-kab-bojonegoro/data.csv")
    fields = resource["schema"]["fields"]
    assert fields[0] == {
        "name": "region_code",
        "type": "string",
        "title": fields[0]["title"],
    }
    assert {"name": "amount_rupiah", "type": "integer"}.items() <= fields[-2].items()
    assert client.get("/data/nope/datapackage.json").status_code == 404


@pytest.mark.django_db
def test_the_dcat_catalogue_lists_every_dataset_in_both_languages(open_data, client):
    response = client.get("/data/catalog.jsonld")
    assert response["Content-Type"] == "application/ld+json"
    catalogue = response.json()
    assert catalogue["@type"] == "dcat:Catalog"
    datasets = {d["dct:identifier"]: d for d in catalogue["dcat:dataset"]}
    names = client.get("/api/3/action/package_list").json()["result"]
    assert set(datasets) == set(names)
    survey = datasets["survey-results-kab-bojonegoro"]
    assert {t["@language"] for t in survey["dct:title"]} == {"id", "en"}
    indonesian = next(t["@value"] for t in survey["dct:title"] if t["@language"] == "id")
    english = next(t["@value"] for t in survey["dct:title"] if t["@language"] == "en")
    assert indonesian != english
    assert survey["dct:publisher"]["foaf:name"] == "Kabupaten Bojonegoro"
    assert survey["dct:temporal"]["dcat:startDate"]["@value"] == "2025-01-01"
    assert len(survey["dcat:distribution"]) == 3


@pytest.mark.django_db
def test_a_region_profile_lists_the_datasets_it_publishes(open_data, client):
    page = client.get("/wilayah/35.22/").content.decode()
    assert 'href="/data/survey-results-kab-bojonegoro/"' in page
    assert 'href="/dasbor/35.22/"' in page
    assert "/dasbor/11.01/" not in client.get("/wilayah/11.01/").content.decode()


@pytest.mark.django_db
def test_the_last_change_is_shown_in_the_publishers_zone(open_data, client):
    from cerdas.regions.templatetags.regions import region_time
    from cerdas.surveys.models import Survey

    published = Survey.objects.get(unit__name="Disdukcapil — layanan KTP-el").published_at
    page = client.get("/data/survey-results-kab-bojonegoro/").content.decode()
    assert region_time(published, "35.22") in page and "WIB" in page


@pytest.mark.django_db
def test_a_signed_in_reader_gets_the_catalogue_kept_until_a_dataset_changes(
    open_data, client, member_a, django_capture_on_commit_callbacks
):
    client.force_login(member_a)
    first = client.get("/data/", {"q": "IKM"}).content.decode()
    with CaptureQueriesContext(connection) as ctx:
        again = client.get("/data/", {"q": "IKM"}).content.decode()
    start, end = first.index('<form method="get" class="filter-form"'), first.index("</main>")
    assert again[start:end] == first[start:end] and "survey-results-kab-bojonegoro" in again
    assert len(ctx.captured_queries) <= 1  # the reader; no dataset read again
    kind = next(iter(kind for dataset in datasets for kind in dataset.kinds))
    with django_capture_on_commit_callbacks(execute=True):
        content_changed("test", kind)  # as a saved change of one dataset's content announces
    with CaptureQueriesContext(connection) as ctx:
        client.get("/data/", {"q": "IKM"})
    assert len(ctx.captured_queries) > 1  # drawn again from the data

"""A CKAN client written for any CKAN site (ckanapi) reads Cerdas' catalogue end to end."""

import csv
import io

import pytest
import requests
from ckanapi import NotFound, RemoteCKAN

from cerdas.opendata.tests.conftest import build_open_data


@pytest.mark.django_db(transaction=True)
def test_ckanapi_lists_reads_searches_and_downloads_every_csv(live_server):
    build_open_data()
    site = RemoteCKAN(live_server.url, user_agent="cerdas-tests")
    assert site.action.status_show()["site_title"] == "Cerdas"
    names = site.action.package_list()
    assert "regions" in names and len(names) > 30
    packages = [site.action.package_show(id=name) for name in names]
    assert [package["name"] for package in packages] == names
    found = site.action.package_search(fq="organization:kab-bojonegoro", rows=100)
    bojonegoro = {package["name"] for package in found["results"]}
    assert found["count"] == len(bojonegoro) >= 8
    assert "survey-results-kab-bojonegoro" in bojonegoro
    by_words = site.action.package_search(q="Bojonegoro", rows=100)["results"]
    assert bojonegoro <= {package["name"] for package in by_words}
    assert site.action.organization_show(id="kab-bojonegoro")["title"] == "Kabupaten Bojonegoro"
    with pytest.raises(NotFound):
        site.action.package_show(id="no-such-dataset")
    session = requests.Session()
    for package in packages:
        [resource] = [r for r in package["resources"] if r["format"] == "CSV"]
        response = session.get(resource["url"], timeout=30)
        assert response.status_code == 200, resource["url"]
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8"))))
        assert rows, resource["url"]
        assert len(rows[0]) == len({*rows[0]})
        assert all(len(row) == len(rows[0]) for row in rows), resource["url"]
        if package["name"].endswith("-kab-bojonegoro"):
            assert len(rows) > 1, package["name"]

"""An Open311 client written for any city (the ``georeport`` package from PyPI) lists our
services and reads our requests in JSON and XML; a POST with a key (over plain HTTP, which
that client does not do) creates a report the region's coordinator sees in the queue."""

import pytest
import requests
from georeport import GeoReport

from cerdas.complaints import keys
from cerdas.complaints.models import Category, ComplaintSettings, Report
from cerdas.regions.models import Agency
from conftest import make_user


@pytest.fixture
def region_ready(transactional_db):
    agency = Agency.objects.create(region_id="35.22", name="Dinas Perhubungan")
    ComplaintSettings.objects.create(region_id="35.22", moderate_first=False)
    return Category.objects.create(
        region_id="35.22", code="lampu-jalan", name="Lampu jalan", agency=agency, group="jalan"
    )


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_a_generic_client_lists_services_and_reads_requests(live_server, client, region_ready, fmt):
    coordinator = make_user("tim", "regional_team", "35.22")
    _record, key = keys.issue(coordinator, "35.22", "Aplikasi Warga")
    base = f"{live_server.url}/open311/v2"
    created = requests.post(
        f"{base}/requests.json",
        data={
            "api_key": key,
            "jurisdiction_id": "35.22",
            "service_code": "lampu-jalan",
            "address_string": "Jl. Veteran, Bojonegoro",
            "description": "Lampu jalan mati tiga malam.",
            "attribute[privacy]": "anonymous",
        },
        timeout=10,
    )
    assert created.status_code == 200
    number = created.json()[0]["service_request_id"]

    open311 = GeoReport(base, jurisdiction="35.22", output_format=fmt)
    services = open311.get_service_list()
    service = services if isinstance(services, dict) else services[0]  # XML: one element
    assert service["service_code"] == "lampu-jalan"
    definition = open311.get_service_definition("lampu-jalan")
    assert definition["service_code"] == "lampu-jalan"
    listed = open311.get_service_requests(status="open")
    listed = listed if isinstance(listed, list) else [listed]
    assert [r["service_request_id"] for r in listed] == [number]
    one = open311.get_service_request(number)
    assert one["service_request_id"] == number
    assert one["status"] == "open"
    assert one["description"] == "Lampu jalan mati tiga malam."
    assert one["agency_responsible"] in (None, "")  # not dispatched yet

    assert Report.objects.get(tracking_number=number).region_id == "35.22"
    client.force_login(coordinator)
    assert number in client.get("/pengaduan/kelola/").content.decode()

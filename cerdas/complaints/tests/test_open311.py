"""Open311 GeoReport v2: the spec's field names, nesting, formats and errors."""

import json
import xml.etree.ElementTree as ET

import pytest
from django.core.management import call_command

from cerdas.complaints import keys, services
from cerdas.complaints.models import ApiKey, Report
from cerdas.core.models import AuditEntry

BASE = "/open311/v2"


def xml(response):
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    assert response.content.startswith(b'<?xml version="1.0" encoding="utf-8"?>')
    return ET.fromstring(response.content)  # noqa: S314 - our own answer


@pytest.fixture
def key(member_a):
    _record, raw = keys.issue(member_a, "35.22", "Aplikasi Warga")
    return raw


def _post(client, key, fmt="json", **extra):
    data = {
        "api_key": key,
        "jurisdiction_id": "35.22",
        "service_code": "jalan-rusak",
        "lat": "-7.150975",
        "long": "111.881860",
        "description": "Jalan berlubang di depan pasar.",
        "email": "app-user@example.org",
        "first_name": "Budi",
        "last_name": "Santoso",
        "phone": "0812",
        **extra,
    }
    return client.post(f"{BASE}/requests.{fmt}", data)


@pytest.mark.django_db
def test_discovery_lists_the_endpoint_in_both_formats(client):
    data = client.get(f"{BASE}/discovery.json").json()
    assert set(data) == {"changeset", "contact", "key_service", "endpoints"}
    endpoint = data["endpoints"][0]
    assert endpoint["specification"] == "http://wiki.open311.org/GeoReport_v2"
    assert endpoint["url"].endswith("/open311/v2")
    assert endpoint["formats"] == ["text/xml", "application/json"]
    root = xml(client.get(f"{BASE}/discovery.xml"))
    assert root.tag == "discovery"
    assert [f.text for f in root.find("endpoints/endpoint/formats")] == [
        "text/xml",
        "application/json",
    ]


@pytest.mark.django_db
def test_services_are_the_regions_open_topics(client, road, internet):
    internet.is_active = False
    internet.save()
    data = client.get(f"{BASE}/services.json?jurisdiction_id=35.22").json()
    assert data == [
        {
            "service_code": "jalan-rusak",
            "service_name": "Jalan rusak",
            "description": "Jalan berlubang, amblas atau rusak.",
            "metadata": True,
            "type": "realtime",
            "keywords": "jalan, lubang, aspal",
            "group": "infrastruktur",
        }
    ]
    root = xml(client.get(f"{BASE}/services.xml?jurisdiction_id=35.22"))
    assert root.tag == "services"
    service = root.find("service")
    assert service.find("service_code").text == "jalan-rusak"
    assert service.find("metadata").text == "true"


@pytest.mark.django_db
def test_a_service_definition_lists_its_attributes_and_values(client, road):
    data = client.get(f"{BASE}/services/jalan-rusak.json?jurisdiction_id=35.22").json()
    assert data["service_code"] == "jalan-rusak"
    privacy = next(a for a in data["attributes"] if a["code"] == "privacy")
    assert privacy["datatype"] == "singlevaluelist" and privacy["variable"] is True
    assert [v["key"] for v in privacy["values"]] == ["public", "anonymous", "confidential"]
    root = xml(client.get(f"{BASE}/services/jalan-rusak.xml?jurisdiction_id=35.22"))
    assert root.tag == "service_definition"
    attribute = root.find("attributes/attribute")
    assert attribute.find("order").text == "1"
    assert [v.find("key").text for v in attribute.findall("values/value")] == [
        "complaint",
        "aspiration",
        "information",
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/services.json", 400),
        ("/services.json?jurisdiction_id=", 400),  # empty is the same as missing
        ("/services.json?jurisdiction_id=99.99", 404),
        ("/services/nope.json?jurisdiction_id=35.22", 404),
        ("/requests.json", 400),
        ("/requests/35.22-2611-9999.json", 404),
        ("/requests.json?jurisdiction_id=35.22&status=pending", 400),
        ("/requests.json?jurisdiction_id=35.22&start_date=yesterday", 400),
        ("/requests.json?jurisdiction_id=35.22&start_date=2026-01-01T00:00:00", 400),
        (
            "/requests.json?jurisdiction_id=35.22&start_date=2026-01-01T00:00:00Z"
            "&end_date=2026-06-01T00:00:00Z",
            400,
        ),
        ("/nothing.json", 404),
    ],
)
def test_errors_are_a_list_of_code_and_description_with_the_http_status(client, road, path, status):
    response = client.get(BASE + path)
    assert response.status_code == status
    errors = response.json()
    assert isinstance(errors, list) and errors[0]["code"] == status
    assert errors[0]["description"]
    xml_path = path.replace(".json", ".xml", 1)
    root = xml(client.get(BASE + xml_path))
    assert root.tag == "errors"
    assert root.find("error/code").text == str(status)


@pytest.mark.django_db
def test_a_post_with_a_key_creates_a_report_in_the_regions_queue(client, road, key, member_a):
    response = _post(client, key)
    assert response.status_code == 200
    created = response.json()
    number = created[0]["service_request_id"]
    assert set(created[0]) == {"service_request_id", "service_notice", "account_id"}
    report = Report.objects.get(tracking_number=number)
    assert report.source == "open311" and report.reporter_name == "Budi Santoso"
    assert report.api_key.name == "Aplikasi Warga"
    entry = AuditEntry.objects.get(action="report.submitted", object_id=str(report.pk))
    assert entry.changes["api_key"] == "Aplikasi Warga"
    assert "Budi" not in json.dumps(entry.changes)
    client.force_login(member_a)
    assert number in client.get("/pengaduan/kelola/").content.decode()


@pytest.mark.django_db
def test_the_new_request_is_readable_at_once_with_its_expected_time(client, road, key):
    number = _post(client, key).json()[0]["service_request_id"]
    data = client.get(f"{BASE}/requests/{number}.json").json()
    assert len(data) == 1
    request = data[0]
    assert request["service_request_id"] == number
    assert request["status"] == "open"
    assert request["expected_datetime"].endswith("+07:00")
    assert request["requested_datetime"].endswith("+07:00")
    # The region checks texts first: the text, place and point wait for it.
    assert request["description"] is None and request["lat"] is None and request["address"] is None
    for field in ("email", "first_name", "last_name", "phone", "name"):
        assert field not in request
    root = xml(client.get(f"{BASE}/requests/{number}.xml"))
    assert root.tag == "service_requests"
    assert root.find("request/service_request_id").text == number
    assert root.find("request/description").text is None


@pytest.mark.django_db
def test_a_post_answers_in_xml_too(client, road, key):
    root = xml(_post(client, key, fmt="xml"))
    assert root.tag == "service_requests"
    assert root.find("request/service_request_id").text.startswith("35.22-")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("change", "status"),
    [
        ({"api_key": ""}, 403),
        ({"api_key": "wrong"}, 403),
        ({"jurisdiction_id": ""}, 400),
        ({"jurisdiction_id": "99.99"}, 404),
        ({"service_code": ""}, 400),
        ({"service_code": "nope"}, 404),
        ({"lat": "", "long": "", "address_string": ""}, 400),
        ({"lat": "48.8", "long": "2.3"}, 400),
        ({"lat": "-7.1", "long": ""}, 400),
        ({"description": ""}, 400),
        ({"email": "not-an-email"}, 400),
        ({"media_url": "javascript:alert(1)"}, 400),
        ({"attribute[privacy]": "secret"}, 400),
    ],
)
def test_a_bad_post_is_refused_with_the_right_status(client, road, key, change, status):
    response = _post(client, key, **change)
    assert response.status_code == status
    assert response.json()[0]["code"] == status
    assert Report.objects.count() == 0


@pytest.mark.django_db
def test_a_key_of_another_region_or_a_revoked_key_is_refused(client, road, member_a, member_b):
    _record, other = keys.issue(member_b, "32.73", "Aplikasi Bandung")
    assert _post(client, other).status_code == 403
    record, mine = keys.issue(member_a, "35.22", "Lama")
    keys.revoke(member_a, record.pk, "Bocor")
    assert _post(client, mine).status_code == 403
    assert Report.objects.count() == 0


@pytest.mark.django_db
def test_posts_are_rate_limited_per_key(client, road, key, settings):
    settings.OPEN311_POSTS_PER_MINUTE = 2
    assert _post(client, key).status_code == 200
    assert _post(client, key).status_code == 200
    limited = _post(client, key)
    assert limited.status_code == 429
    assert Report.objects.count() == 2


@pytest.mark.django_db
def test_confidential_requests_are_never_visible_and_anonymous_ones_carry_no_identity(
    client, road, key, unmoderated
):
    secret = _post(client, key, **{"attribute[privacy]": "confidential"}).json()[0]
    hidden = _post(client, key, **{"attribute[privacy]": "anonymous"}).json()[0]
    number = secret["service_request_id"]
    assert client.get(f"{BASE}/requests/{number}.json").status_code == 404
    listed = client.get(f"{BASE}/requests.json?jurisdiction_id=35.22").json()
    assert [r["service_request_id"] for r in listed] == [hidden["service_request_id"]]
    by_id = client.get(f"{BASE}/requests.json?service_request_id={number}").json()
    assert by_id == []
    anonymous = Report.objects.get(tracking_number=hidden["service_request_id"])
    assert anonymous.reporter_name == ""
    body = client.get(f"{BASE}/requests.xml?jurisdiction_id=35.22").content.decode()
    assert "Budi" not in body and "app-user@example.org" not in body and "0812" not in body


@pytest.mark.django_db
def test_requests_filter_by_id_code_status_and_dates(client, road, internet, submit, member_a):
    first = submit(road)
    second = submit(internet)
    services.end_report(member_a, second.pk, "not_our_authority", "Bukan kewenangan.")
    url = f"{BASE}/requests.json?jurisdiction_id=35.22"

    def ids(query):
        return sorted(r["service_request_id"] for r in client.get(url + query).json())

    assert ids("") == sorted([first.tracking_number, second.tracking_number])
    assert ids("&service_code=jalan-rusak") == [first.tracking_number]
    assert ids("&status=closed") == [second.tracking_number]
    assert ids("&status=open,closed") == ids("")
    assert ids("&start_date=2099-01-01T00:00:00Z") == []
    assert ids(f"&service_request_id={second.tracking_number}&status=open") == [
        second.tracking_number
    ]
    closed = client.get(url + "&status=closed").json()[0]
    assert closed["status"] == "closed"
    assert closed["status_notes"] == "Bukan kewenangan daerah: Bukan kewenangan."
    assert closed["agency_responsible"] is None


@pytest.mark.django_db
def test_the_key_command_prints_the_key_alone_on_its_last_line(capsys):
    call_command("open311_key", "--region", "35.22", "--name", "Aplikasi Warga")
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert " " not in last and len(last) >= 40
    key = ApiKey.objects.get()
    assert key.key_hash == ApiKey.hash_of(last) and key.name == "Aplikasi Warga"
    assert last not in key.key_hash


@pytest.mark.django_db
def test_the_key_command_refuses_an_unknown_region():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("open311_key", "--region", "99.99", "--name", "X")

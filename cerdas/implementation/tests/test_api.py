"""The read-only implementation API: what the pages show, as JSON, with nobody's name."""

import pytest

from cerdas.implementation import services
from cerdas.implementation.services import Report


@pytest.mark.django_db
def test_the_region_and_a_timeline_read_as_json(client, approved, member_a):
    services.record_update(
        "35.22",
        approved.program.key,
        Report(
            status="in_progress",
            progress=30,
            note="Tahap satu",
            spending={(2025, "apbd"): 1_500_000_000},
            values={"OPD terhubung": 12},
        ),
        member_a,
    )
    body = client.get("/api/v1/implementation/35.22").json()
    assert body["glance"]["realised"] == 1_500_000_000
    assert {i["name"]: i["status"] for i in body["items"]} == {
        "Layanan Aduan Terpadu": "not_started",
        "Satu Data Bojonegoro": "in_progress",
    }
    timeline = client.get(f"/api/v1/implementation/35.22/programs/{approved.program.key}")
    update = timeline.json()["updates"][0]
    assert (update["progress"], update["note"], update["realised"]) == (
        30,
        "Tahap satu",
        1_500_000_000,
    )
    assert update["values"] == [
        {"indicator": "OPD terhubung", "unit": "OPD", "value": 12.0, "target": 40.0}
    ]
    assert member_a.username not in timeline.content.decode()


@pytest.mark.django_db
def test_unknown_regions_plans_and_programs_are_404(client, approved):
    assert client.get("/api/v1/implementation/99.99").status_code == 404
    assert client.get("/api/v1/implementation/32.73").status_code == 404
    other = "00000000-0000-0000-0000-000000000000"
    assert client.get(f"/api/v1/implementation/35.22/programs/{other}").status_code == 404
    assert client.get("/api/v1/implementation/35.22/programs/bukan-uuid").status_code == 422

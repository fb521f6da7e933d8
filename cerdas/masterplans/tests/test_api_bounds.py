"""Numbers the API takes fit what the database and every page hold: 422 before a save, never a
row that breaks the plan's pages for everyone afterwards."""

import json

import pytest

from cerdas.masterplans.tests.factories import add_program, make_plan
from cerdas.masterplans.tests.test_api_writes import PAYLOAD, logged_in


@pytest.fixture
def plan(db):
    plan = make_plan()
    add_program(plan)
    return plan


def _post(client, plan, body: str):
    return client.post(
        f"/api/v1/masterplans/{plan.pk}/programs", body, content_type="application/json"
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "indicator",
    [
        '{"name": "x", "target": 1e15}',
        '{"name": "x", "target": 100000000000000}',
        '{"name": "x", "target": 99999999999999.99}',
        '{"name": "x", "target": NaN}',
        '{"name": "x", "target": Infinity}',
        '{"name": "x", "target": -Infinity}',
        '{"name": "x", "target": 1.234}',
        '{"name": "x", "target": 5, "baseline": 1e300}',
    ],
)
def test_an_indicator_number_the_database_cannot_hold_is_a_422(client, plan, member_a, indicator):
    body = json.dumps({**PAYLOAD, "indicators": []})[:-1] + f', "indicators": [{indicator}]}}'
    body = body.replace('"indicators": [], ', "")
    client = logged_in(member_a)
    response = _post(client, plan, body)
    assert response.status_code == 422, response.content
    assert plan.programs.count() == 1
    for url in (
        f"/masterplan/{plan.pk}/kelola/",
        f"/masterplan/{plan.pk}/versi/",
        f"/api/v1/masterplans/{plan.pk}",
    ):
        assert client.get(url).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    "change",
    [
        {"start_year": 10**30},
        {"budgets": [{"year": 2026, "source": "apbd", "amount": 10**20}]},
        {"budgets": [{"year": 2026, "source": "apbd", "amount": -1}]},
        {"agency_id": 10**30},
        {"name": "x" * 201},
        {"budgets": [{"year": 2026, "source": "apbd", "amount": 1}] * 61},
    ],
)
def test_other_numbers_and_texts_beyond_the_columns_are_a_422(plan, member_a, change):
    response = _post(logged_in(member_a), plan, json.dumps({**PAYLOAD, **change}))
    assert response.status_code == 422
    assert plan.programs.count() == 1


@pytest.mark.django_db
def test_a_target_within_bounds_is_saved_exactly(plan, member_a):
    payload = {**PAYLOAD, "indicators": [{"name": "x", "target": 9999999999999.99}]}
    response = _post(logged_in(member_a), plan, json.dumps(payload))
    assert response.status_code == 201
    assert str(plan.programs.get(name=PAYLOAD["name"]).indicators.get().target) == (
        "9999999999999.99"
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        f"/api/v1/articles?offset={10**19}",
        f"/api/v1/regions?offset={10**19}",
        f"/api/v1/regions?limit={10**30}",
        "/api/v1/masterplans?region=%00",
        "/api/v1/regions?q=%00",
        "/api/v1/regions/resolve?name=%00",
    ],
)
def test_hostile_query_parameters_are_a_400(client, url):
    assert client.get(url).status_code == 400


@pytest.mark.django_db
def test_a_nul_character_in_a_json_body_is_a_400(plan, member_a):
    body = json.dumps({**PAYLOAD, "name": "Satu\u0000Data"})
    assert _post(logged_in(member_a), plan, body).status_code == 400

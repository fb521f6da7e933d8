"""The surveys API as the issue defines it, pinned by saved shapes."""

import datetime as dt
import json
from pathlib import Path

import pytest

from cerdas.surveys.tests.factories import add_responses, make_survey, make_unit, publish

SHAPES = Path(__file__).parent / "shapes"


def shape_of(value, expected):
    """Check ``value`` against a saved shape: "int", "float", "str", "bool", "x|null",
    [item], {key: shape}. A "float" may arrive as a whole number in JSON."""
    if isinstance(expected, dict):
        assert isinstance(value, dict) and set(value) == set(expected), (value, expected)
        for key, sub in expected.items():
            shape_of(value[key], sub)
    elif isinstance(expected, list):
        assert isinstance(value, list)
        for item in value:
            shape_of(item, expected[0])
    else:
        kinds = {"int": int, "float": (int, float), "str": str, "bool": bool, "null": type(None)}
        allowed = tuple(
            kind
            for name in expected.split("|")
            for kind in (kinds[name] if isinstance(kinds[name], tuple) else (kinds[name],))
        )
        assert isinstance(value, allowed), (value, expected)
        if "bool" not in expected:
            assert not isinstance(value, bool), (value, expected)


@pytest.fixture
def published(db):
    survey = make_survey(start=dt.date(2025, 1, 1), end=dt.date(2025, 6, 30), population=10)
    # The worked example of test_publication: 75.93, grade C; NRR U9 = 10/3.
    add_responses(survey, [[4] * 9, [3] * 9, [3] * 9, [2] * 8 + [None]])
    return publish(survey)


@pytest.mark.django_db
def test_the_list_matches_the_saved_shape(client, published):
    data = client.get("/api/v1/surveys").json()
    shape_of(data, json.loads((SHAPES / "surveys_list.json").read_text()))
    assert data["count"] == 1
    assert data["items"][0] == {
        "id": published.pk,
        "region_code": "35.22",
        "unit": published.unit.name,
        "period_start": "2025-01-01",
        "period_end": "2025-06-30",
        "respondents": 4,
        "ikm": 75.93,
        "grade": "C",
        "published": True,
    }


@pytest.mark.django_db
def test_the_detail_adds_each_elements_nrr_to_four_decimals_and_the_minimum_sample(
    client, published
):
    data = client.get(f"/api/v1/surveys/{published.pk}").json()
    shape_of(data, json.loads((SHAPES / "survey_detail.json").read_text()))
    assert [element["code"] for element in data["elements"]] == [f"U{n}" for n in range(1, 10)]
    assert data["elements"][0] == {"code": "U1", "name": "Persyaratan", "nrr": 3.0}
    assert data["elements"][8]["nrr"] == 3.3333
    assert data["minimum_sample"] == 10


@pytest.mark.django_db
def test_unpublished_surveys_are_hidden_from_the_public_but_shown_to_their_team(
    client, published, member_a, member_b
):
    hidden = make_survey(unit=make_unit("Loket lain"))
    add_responses(hidden, [[4] * 9])
    assert [item["id"] for item in client.get("/api/v1/surveys").json()["items"]] == [published.pk]
    assert client.get(f"/api/v1/surveys/{hidden.pk}").status_code == 404
    client.force_login(member_b)
    assert client.get(f"/api/v1/surveys/{hidden.pk}").status_code == 404
    client.force_login(member_a)
    items = client.get("/api/v1/surveys").json()["items"]
    assert {(item["id"], item["published"]) for item in items} == {
        (published.pk, True),
        (hidden.pk, False),
    }
    assert client.get(f"/api/v1/surveys/{hidden.pk}").json()["ikm"] == 100.0


@pytest.mark.django_db
def test_the_list_filters_by_region(client, published):
    assert client.get("/api/v1/surveys", {"region": "32.73"}).json()["count"] == 0
    assert client.get("/api/v1/surveys", {"region": "35.22"}).json()["count"] == 1


@pytest.mark.django_db
def test_an_unknown_survey_is_a_404(client):
    assert client.get("/api/v1/surveys/424242").status_code == 404


@pytest.mark.django_db
def test_the_list_pages_with_limit_and_offset(client, published):
    second = make_survey(unit=published.unit, start=dt.date(2025, 7, 1), end=dt.date(2025, 12, 31))
    add_responses(second, [[4] * 9])
    publish(second)
    first_page = client.get("/api/v1/surveys", {"limit": 1}).json()
    assert first_page["count"] == 2 and [i["id"] for i in first_page["items"]] == [second.pk]
    rest = client.get("/api/v1/surveys", {"limit": 1, "offset": 1}).json()
    assert [i["id"] for i in rest["items"]] == [published.pk]


@pytest.mark.django_db
@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 1001}, {"offset": -1}])
def test_bad_paging_gets_a_400(client, params):
    assert client.get("/api/v1/surveys", params).status_code == 400

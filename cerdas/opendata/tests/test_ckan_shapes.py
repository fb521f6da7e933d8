"""The CKAN actions' answers, pinned by saved shapes (``shapes/<action>.json``).

A shape is "int", "float", "str", "bool", "null" or "a|b", a list holding the shape of its
items ([] for a list that is always empty here), or an object with exactly these keys.
"""

import json
from pathlib import Path

import pytest

SHAPES = Path(__file__).parent / "shapes"
KINDS = {"int": int, "float": (int, float), "str": str, "bool": bool, "null": type(None)}


def check(value, shape, where="result"):
    if isinstance(shape, dict):
        assert isinstance(value, dict) and set(value) == set(shape), (where, value, shape)
        for key, inner in shape.items():
            check(value[key], inner, f"{where}.{key}")
    elif isinstance(shape, list):
        assert isinstance(value, list), where
        assert shape or not value, f"{where} should be empty"
        for item in value:
            check(item, shape[0], f"{where}[]")
    else:
        names = shape.split("|")
        assert isinstance(value, tuple(KINDS[name] for name in names)), (where, value, shape)
        if "bool" not in names:
            assert not isinstance(value, bool), (where, value)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("action", "params"),
    [
        ("package_show", {"id": "survey-results-kab-bojonegoro"}),
        ("organization_show", {"id": "kab-bojonegoro"}),
        ("status_show", {}),
        ("package_search", {"rows": 3}),
    ],
)
def test_answers_keep_their_saved_shape(open_data, client, action, params):
    shape = json.loads((SHAPES / f"{action}.json").read_text())
    check(client.get(f"/api/3/action/{action}", params).json(), shape)

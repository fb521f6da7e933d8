"""The articles API as other tools rely on it (the issue's contract), pinned by a saved shape."""

import datetime as dt
import json
from pathlib import Path

import pytest
from django.utils import timezone

from cerdas.portal import counting, reactions
from cerdas.portal.models import Article
from cerdas.portal.tests.factories import make_article

SHAPES = Path(__file__).parent / "shapes"
CHOICES = ["sangat_puas", "puas", "cukup_puas", "tidak_puas"]


def shape_of(value, expected):
    """Check ``value`` against a saved shape: "int", "str", "str|null", [item], {key: shape}."""
    if isinstance(expected, dict):
        assert isinstance(value, dict) and set(value) == set(expected), (value, expected)
        for key, sub in expected.items():
            shape_of(value[key], sub)
    elif isinstance(expected, list):
        assert isinstance(value, list)
        for item in value:
            shape_of(item, expected[0])
    else:
        kinds = {"int": int, "str": str, "null": type(None)}
        allowed = tuple(kinds[name] for name in expected.split("|"))
        assert isinstance(value, allowed) and not isinstance(value, bool), (value, expected)


@pytest.mark.django_db
def test_the_list_matches_the_saved_shape_exactly(client):
    make_article(tags="wifi, taman")
    make_article(region=None, title="Berita nasional")
    data = client.get("/api/v1/articles").json()
    assert data["count"] == 2
    shape_of(data, json.loads((SHAPES / "articles_list.json").read_text()))


@pytest.mark.django_db
def test_each_item_carries_the_public_url_views_and_reactions_keyed_by_the_four_answers(client):
    article = make_article(views=10)
    counting.count_view(article.pk, "reader-1")
    for n, choice in enumerate(["puas", "puas", "tidak_puas"]):
        reactions.react(article.pk, f"cookie:api-reader-{n}-xxxxxxxx", choice)
    item = client.get("/api/v1/articles").json()["items"][0]
    assert item["url"] == f"http://testserver{article.get_absolute_url()}"
    assert client.get(item["url"]).status_code == 200
    assert item["views"] == 11  # includes the view still in the buffer
    assert list(item["reactions"]["counts"]) == CHOICES
    assert item["reactions"]["counts"] == {
        "sangat_puas": 0,
        "puas": 2,
        "cukup_puas": 0,
        "tidak_puas": 1,
    }
    assert item["reactions"]["percentages"] == {
        "sangat_puas": 0,
        "puas": 67,
        "cukup_puas": 0,
        "tidak_puas": 33,
    }
    assert item["reactions"]["total"] == 3
    shown = dt.datetime.fromisoformat(item["published_at"])
    assert abs(shown - article.published_at) < dt.timedelta(milliseconds=1)


@pytest.mark.django_db
def test_only_published_articles_are_listed(client):
    make_article(title="Terbit")
    make_article(title="Draf", status=Article.Status.DRAFT)
    make_article(title="Nanti", published_at=timezone.now() + dt.timedelta(hours=1))
    make_article(title="Arsip", status=Article.Status.ARCHIVED)
    titles = [item["title"] for item in client.get("/api/v1/articles").json()["items"]]
    assert titles == ["Terbit"]


@pytest.mark.django_db
def test_filters_by_region_and_national(client):
    make_article(title="Bojonegoro")
    make_article(title="Nasional", region=None)
    by_region = client.get("/api/v1/articles", {"region": "35.22"}).json()["items"]
    national = client.get("/api/v1/articles", {"national": "true"}).json()["items"]
    assert [i["title"] for i in by_region] == ["Bojonegoro"]
    assert [i["title"] for i in national] == ["Nasional"]


@pytest.mark.django_db
def test_detail_and_reaction_totals(client):
    article = make_article(body="<p>Isi <strong>lengkap</strong>.</p>")
    reactions.react(article.pk, "cookie:detail-reader-xxxxxxxx", "sangat_puas")
    detail = client.get(f"/api/v1/articles/{article.pk}").json()
    assert detail["body"] == "<p>Isi <strong>lengkap</strong>.</p>"
    totals = client.get(f"/api/v1/articles/{article.pk}/reactions").json()
    assert totals == {
        "counts": {"sangat_puas": 1, "puas": 0, "cukup_puas": 0, "tidak_puas": 0},
        "percentages": {"sangat_puas": 100, "puas": 0, "cukup_puas": 0, "tidak_puas": 0},
        "total": 1,
    }


@pytest.mark.django_db
@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 101}, {"offset": -1}])
def test_bad_paging_gets_a_400(client, params):
    assert client.get("/api/v1/articles", params).status_code == 400

"""Editors see their readership per article and per period, as a chart and as CSV."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.utils import timezone

from cerdas.portal import counting, reactions
from cerdas.portal.models import ArticleDay
from cerdas.portal.tests.factories import make_article


def _seed(article):
    today = timezone.localdate(timezone=article.tzinfo)
    ArticleDay.objects.create(article=article, day=today - dt.timedelta(days=1), views=30)
    ArticleDay.objects.create(article=article, day=today - dt.timedelta(days=40), views=500)
    for n, choice in enumerate(["sangat_puas", "sangat_puas", "puas", "tidak_puas"]):
        reactions.react(article.pk, f"cookie:dash-{n}-xxxxxxxxxxxx", choice)
    return today


@pytest.mark.django_db
def test_the_article_dashboard_shows_the_periods_views_reactions_and_satisfaction(client, member_a):
    article = make_article()
    _seed(article)
    counting.count_view(article.pk, "reader-1")
    client.force_login(member_a)
    body = client.get(f"/berita/kelola/{article.pk}/statistik/").content.decode()
    assert "<dd>30</dd>" in body  # the last 30 days only
    assert "<dd>4</dd>" in body  # responses
    assert "<dd>75%</dd>" in body  # 3 of 4 satisfied
    assert "<dd>1</dd>" in body  # views since publication include the buffer
    assert "<svg" in body and 'role="img"' in body


@pytest.mark.django_db
def test_a_chosen_period_counts_only_its_days(client, member_a):
    article = make_article()
    today = _seed(article)
    client.force_login(member_a)
    start = today - dt.timedelta(days=45)
    end = today - dt.timedelta(days=35)
    body = client.get(
        f"/berita/kelola/{article.pk}/statistik/", {"start": start, "end": end}
    ).content.decode()
    assert "<dd>500</dd>" in body
    assert "<dd>0</dd>" in body  # no responses then


@pytest.mark.django_db
def test_the_csv_export_has_one_row_per_day(client, member_a):
    article = make_article()
    today = _seed(article)
    client.force_login(member_a)
    response = client.get(f"/berita/kelola/{article.pk}/statistik/", {"format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode().splitlines()
    assert lines[0] == "date,views,sangat_puas,puas,cukup_puas,tidak_puas"
    assert len(lines) == 31
    assert f"{today - dt.timedelta(days=1)},30," in response.content.decode()
    assert lines[-1] == f"{today},0,2,1,0,1"


@pytest.mark.django_db
def test_the_overview_lists_the_editors_articles_and_escapes_formulas_in_csv(client, member_a):
    article = make_article(title='=HYPERLINK("http://evil")')
    make_article(title="Berita Bandung", region="32.73")
    _seed(article)
    client.force_login(member_a)
    body = client.get("/berita/kelola/statistik/").content.decode()
    assert "Berita Bandung" not in body
    csv_text = client.get("/berita/kelola/statistik/", {"format": "csv"}).content.decode()
    assert "'=HYPERLINK" in csv_text
    assert csv_text.splitlines()[1].endswith(",30,2,1,0,1,4,75")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "period",
    [
        {"start": "0001-01-01", "end": "9999-12-31"},
        {"start": "9999-12-31"},
        {"end": "0001-01-01"},
        {"start": "2026-02-30", "end": "abc"},
    ],
)
def test_a_period_no_calendar_can_hold_falls_back_instead_of_a_500(client, member_a, period):
    article = make_article()
    client.force_login(member_a)
    for url in (f"/berita/kelola/{article.pk}/statistik/", "/berita/kelola/statistik/"):
        assert client.get(url, period).status_code == 200
        assert client.get(url, {**period, "format": "csv"}).status_code == 200


@pytest.mark.django_db
def test_the_overview_reads_no_article_text_and_as_many_queries_for_many_articles(client, member_a):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _seed(make_article())
    client.force_login(member_a)
    client.get("/berita/kelola/statistik/")
    cache.clear()  # what drawing the page reads (the kept copy: test_readership_kept)
    with CaptureQueriesContext(connection) as one:
        client.get("/berita/kelola/statistik/")
    more = [make_article(title=f"Berita {n}") for n in range(5)]
    for article in more:
        _seed(article)
    cache.clear()
    with CaptureQueriesContext(connection) as six:
        body = client.get("/berita/kelola/statistik/").content.decode()
    assert len(six) == len(one)
    for article in more:  # each row links to the article's readership
        assert f'<a href="/berita/kelola/{article.pk}/statistik/">{article.title}</a>' in body
    articles = [q["sql"] for q in six.captured_queries if 'FROM "portal_article"' in q["sql"]]
    assert len(articles) == 1 and '"body"' not in articles[0]

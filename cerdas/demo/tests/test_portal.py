"""The demo fills the portal with labelled example news that the dashboard can show."""

from io import StringIO

import pytest
from django.core.management import call_command

from cerdas.portal.models import Article, ArticleDay, Reaction


@pytest.mark.django_db
def test_the_demo_makes_a_dozen_labelled_articles_once(client):
    call_command("seed_demo", stdout=StringIO())
    call_command("seed_demo", stdout=StringIO())
    articles = Article.objects.filter(is_demo=True)
    assert articles.count() == 12
    assert all("(demo)" in a.title for a in articles)
    # The one other article is the record's (load_records, run by seed_demo), never demo.
    assert Article.objects.exclude(is_demo=True).get().legacy.views == 390
    assert {a.region_id for a in articles} == {"35.22", "32.73", "73.71", "35.10", None}
    assert Reaction.objects.count() > 0 and ArticleDay.objects.count() > 0
    body = client.get("/berita/").content.decode()
    assert 'class="badge">demo' in body


@pytest.mark.django_db
def test_demo_news_links_the_2017_cohort_and_bojonegoros_approved_masterplan(client):
    call_command("seed_demo", stdout=StringIO())
    call_command("seed_demo", stdout=StringIO())
    article = Article.objects.get(slug="demo-bojonegoro-posko-aduan-desa")
    assert [c.year for c in article.related_cohorts.all()] == [2017]
    plans = list(article.related_masterplans.all())
    assert len(plans) == 1 and plans[0].is_public and plans[0].region_id == "35.22"
    page = client.get(article.get_absolute_url()).content.decode()
    assert 'href="/angkatan/2017/"' in page
    assert f'href="{plans[0].get_absolute_url()}"' in page

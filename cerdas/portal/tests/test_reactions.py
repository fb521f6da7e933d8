"""Readers answer "Bagaimana Tanggapan Anda?" once per article, may change it, stay anonymous."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from cerdas.portal import counting, reactions
from cerdas.portal.models import Article, Reaction
from cerdas.portal.tests.factories import make_article

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"


def _url(article):
    return f"/berita/{article.pk}/tanggapan/"


@pytest.mark.django_db
def test_a_plain_form_post_records_the_answer_and_comes_back_with_a_message(client):
    article = make_article()
    response = client.post(_url(article), {"choice": "sangat_puas"}, follow=True)
    assert response.redirect_chain[-1][0] == article.get_absolute_url() + "#tanggapan"
    body = response.content.decode()
    assert "Terima kasih" in body
    assert "1 tanggapan" in body
    assert Reaction.objects.get(article=article).choice == "sangat_puas"


@pytest.mark.django_db
def test_the_same_reader_changes_the_answer_instead_of_adding_one(client):
    article = make_article()
    client.post(_url(article), {"choice": "sangat_puas"})
    client.post(_url(article), {"choice": "tidak_puas"})
    client.post(_url(article), {"choice": "tidak_puas"})
    assert list(Reaction.objects.values_list("choice", flat=True)) == ["tidak_puas"]
    body = client.get(article.get_absolute_url()).content.decode()
    assert 'value="tidak_puas" checked' in body


@pytest.mark.django_db
def test_a_signed_in_reader_keeps_one_answer_across_devices(member_a):
    article = make_article()
    phone, laptop = Client(), Client()
    phone.force_login(member_a)
    laptop.force_login(member_a)
    phone.post(_url(article), {"choice": "puas"})
    laptop.post(_url(article), {"choice": "cukup_puas"})
    assert list(Reaction.objects.values_list("choice", flat=True)) == ["cukup_puas"]


@pytest.mark.django_db
def test_the_javascript_post_gets_the_new_totals_as_json(client):
    article = make_article()
    Client().post(_url(article), {"choice": "puas"})
    response = client.post(_url(article), {"choice": "tidak_puas"}, HTTP_ACCEPT="application/json")
    data = response.json()
    assert response.status_code == 200
    assert data["choice"] == "tidak_puas"
    assert data["total"] == 2
    assert data["counts"] == {"sangat_puas": 0, "puas": 1, "cukup_puas": 0, "tidak_puas": 1}
    assert data["percentages"] == {"sangat_puas": 0, "puas": 50, "cukup_puas": 0, "tidak_puas": 50}


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["", "sangat puas", "puas'; DROP TABLE x", "5"])
def test_an_answer_outside_the_four_is_refused_with_a_message_and_stores_nothing(client, value):
    article = make_article()
    response = client.post(_url(article), {"choice": value}, follow=True)
    assert "Pilih salah satu dari empat jawaban" in response.content.decode()
    json_response = client.post(_url(article), {"choice": value}, HTTP_ACCEPT="application/json")
    assert json_response.status_code == 400
    assert not Reaction.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "values",
    [{"status": Article.Status.DRAFT}, {"published_at": timezone.now() + dt.timedelta(hours=1)}],
)
def test_unpublished_or_scheduled_articles_take_no_reactions(client, values):
    article = make_article(**values)
    assert client.post(_url(article), {"choice": "puas"}).status_code == 404
    assert not Reaction.objects.exists()


@pytest.mark.django_db
def test_one_address_flooding_answers_is_stopped_with_a_message(settings):
    settings.PORTAL_REACTION_LIMIT = 3
    article = make_article()
    for _ in range(3):
        Client(REMOTE_ADDR="203.0.113.9").post(_url(article), {"choice": "puas"})
    response = Client(REMOTE_ADDR="203.0.113.9").post(
        _url(article), {"choice": "puas"}, follow=True
    )
    assert "Terlalu banyak jawaban" in response.content.decode()
    assert Reaction.objects.count() == 3
    other = Client(REMOTE_ADDR="203.0.113.10").post(_url(article), {"choice": "puas"})
    assert other.status_code == 302
    assert Reaction.objects.count() == 4


@pytest.mark.django_db
def test_no_address_or_cookie_is_stored_only_akeyed_hash_per_article(client):
    article, other = make_article(), make_article(title="Berita lain")
    client.post(_url(article), {"choice": "puas"}, REMOTE_ADDR="198.51.100.7")
    client.post(_url(other), {"choice": "puas"}, REMOTE_ADDR="198.51.100.7")
    cookie = client.cookies[counting.READER_COOKIE].value
    stored = list(Reaction.objects.values_list("reader_hash", flat=True))
    assert len(set(stored)) == 2  # the two answers cannot be linked to each other
    for value in stored:
        assert "198.51.100.7" not in value and cookie not in value and len(value) == 64
    field_names = {field.name for field in Reaction._meta.get_fields()}
    assert not field_names & {"ip", "address", "user", "user_agent", "cookie"}


@pytest.mark.django_db
def test_expired_hashes_are_erased_but_the_answer_stays_counted(client):
    article = make_article()
    client.post(_url(article), {"choice": "puas"})
    Reaction.objects.update(hash_expires_at=timezone.now() - dt.timedelta(seconds=1))
    assert counting.expire_reader_hashes() == 1
    assert Reaction.objects.get().reader_hash is None
    assert reactions.totals(article.pk)["counts"]["puas"] == 1


@pytest.mark.django_db
def test_the_shown_percentages_always_sum_to_100(client):
    article = make_article()
    for n, choice in enumerate(["sangat_puas"] * 11 + ["puas"] + ["tidak_puas"] * 2):
        reactions.react(article.pk, f"cookie:reader-{n:02d}-xxxxxxxxxxxx", choice)
    result = reactions.totals(article.pk)
    assert result["percentages"] == {
        "sangat_puas": 79,
        "puas": 7,
        "cukup_puas": 0,
        "tidak_puas": 14,
    }
    assert sum(result["percentages"].values()) == 100
    body = client.get(article.get_absolute_url()).content.decode()
    assert "14 tanggapan" in body


@pytest.mark.django_db
def test_the_address_limit_survives_the_cache_being_emptied(settings):
    """It used to live in the local-memory cache: a few hundred page views evicted it."""
    settings.PORTAL_REACTION_LIMIT = 2
    article = make_article()
    for _ in range(2):
        Client(REMOTE_ADDR="203.0.113.9").post(_url(article), {"choice": "puas"})
    cache.clear()
    refused = Client(REMOTE_ADDR="203.0.113.9").post(
        _url(article), {"choice": "puas"}, HTTP_ACCEPT="application/json"
    )
    assert refused.status_code == 429
    assert Reaction.objects.count() == 2

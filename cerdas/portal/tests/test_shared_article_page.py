"""The anonymous article page is shared from the cache; nobody's token or answer is in it.

The reaction form on it has no per-visitor CSRF token, so the post is protected by the
Origin/Referer check and SameSite cookies (``views.public._refuse_cross_site``).
"""

import pytest
from django.db.models import F
from django.test import Client

from cerdas.portal import counting
from cerdas.portal.models import Article, Reaction
from cerdas.portal.tests.factories import make_article

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"
SITE = "http://testserver"


def _url(article):
    return f"/berita/{article.pk}/tanggapan/"


def _strict(**extra):
    """A browser whose posts go through the CSRF protections, as a real one's do."""
    return Client(enforce_csrf_checks=True, HTTP_USER_AGENT=BROWSER, **extra)


@pytest.mark.django_db
def test_the_anonymous_page_comes_from_the_cache_and_every_reader_is_still_counted():
    article = make_article()
    first = Client(HTTP_USER_AGENT=BROWSER).get(article.get_absolute_url())
    # Changed behind the cache's back: the shared page does not show it.
    Article.objects.filter(pk=article.pk).update(views=F("views") + 1000)
    for n in range(3):
        page = Client(HTTP_USER_AGENT=f"{BROWSER} reader-{n}").get(article.get_absolute_url())
        assert page.content == first.content
        assert counting.READER_COOKIE in page.cookies  # each reader gets their own cookie
    assert counting.shown_views([article.pk])[article.pk] == 1000 + 4


@pytest.mark.django_db
def test_the_shared_page_holds_no_csrf_token_and_sets_no_csrf_cookie():
    article = make_article()
    response = _strict().get(article.get_absolute_url())
    body = response.content.decode()
    assert 'name="choice"' in body
    assert "csrfmiddlewaretoken" not in body
    assert "csrftoken" not in response.cookies


@pytest.mark.django_db
def test_a_plain_form_post_from_the_page_works_without_javascript():
    article = make_article()
    browser = _strict()
    browser.get(article.get_absolute_url())
    response = browser.post(_url(article), {"choice": "puas"}, HTTP_ORIGIN=SITE, follow=True)
    assert response.redirect_chain[-1] == (article.get_absolute_url() + "#tanggapan", 302)
    body = response.content.decode()
    assert "Terima kasih" in body
    assert 'value="puas" checked' in body  # their own page, rendered for them
    assert Reaction.objects.get().choice == "puas"


@pytest.mark.django_db
def test_an_old_browser_without_origin_is_accepted_by_its_same_site_referer():
    article = make_article()
    response = _strict().post(
        _url(article), {"choice": "puas"}, HTTP_REFERER=SITE + article.get_absolute_url()
    )
    assert response.status_code == 302
    assert Reaction.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_REFERER": "https://evil.example/page"},
        {"HTTP_ORIGIN": "https://evil.example", "HTTP_REFERER": SITE + "/berita/"},
        {},
    ],
)
def test_a_post_from_another_site_or_from_nowhere_is_refused(headers):
    article = make_article()
    response = _strict().post(_url(article), {"choice": "puas"}, **headers)
    assert response.status_code == 403
    assert not Reaction.objects.exists()


@pytest.mark.django_db
def test_a_signed_in_reader_needs_the_token_of_their_own_page_as_well(member_a):
    article = make_article()
    browser = _strict()
    browser.force_login(member_a)
    page = browser.get(article.get_absolute_url()).content.decode()
    assert "csrfmiddlewaretoken" in page
    refused = browser.post(_url(article), {"choice": "puas"}, HTTP_ORIGIN=SITE)
    assert refused.status_code == 403
    token = browser.cookies["csrftoken"].value
    accepted = browser.post(
        _url(article), {"choice": "puas", "csrfmiddlewaretoken": token}, HTTP_ORIGIN=SITE
    )
    assert accepted.status_code == 302
    assert Reaction.objects.count() == 1


@pytest.mark.django_db
def test_a_signed_in_editors_page_is_never_served_to_an_anonymous_reader(member_a):
    article = make_article()
    editor = Client(HTTP_USER_AGENT=BROWSER)
    editor.force_login(member_a)
    editors_page = editor.get(article.get_absolute_url()).content.decode()
    assert "member_a" in editors_page and "csrfmiddlewaretoken" in editors_page
    anonymous = Client(HTTP_USER_AGENT=BROWSER).get(article.get_absolute_url()).content.decode()
    assert "member_a" not in anonymous and "csrfmiddlewaretoken" not in anonymous


@pytest.mark.django_db
def test_the_shared_anonymous_page_is_never_served_to_a_signed_in_editor(member_a):
    article = make_article()
    Client(HTTP_USER_AGENT=BROWSER).get(article.get_absolute_url())  # fills the cache
    editor = Client(HTTP_USER_AGENT=BROWSER)
    editor.force_login(member_a)
    page = editor.get(article.get_absolute_url()).content.decode()
    assert "member_a" in page and "csrfmiddlewaretoken" in page


@pytest.mark.django_db
def test_a_readers_own_answer_is_never_shared_with_others():
    article = make_article()
    reader = Client(HTTP_USER_AGENT=BROWSER)
    reader.get(article.get_absolute_url())
    reader.post(_url(article), {"choice": "tidak_puas"})
    mine = reader.get(article.get_absolute_url()).content.decode()  # message still pending
    assert 'value="tidak_puas" checked' in mine
    for _ in range(2):
        other = Client(HTTP_USER_AGENT=BROWSER).get(article.get_absolute_url())
        assert "checked" not in other.content.decode()


@pytest.mark.django_db
def test_an_invented_reader_cookie_is_not_a_new_reader():
    """Counting per cookie would let a script invent readers; only signed cookies count."""
    article = make_article()
    for n in range(5):
        client = Client(HTTP_USER_AGENT=BROWSER)
        client.cookies[counting.READER_COOKIE] = f"invented-reader-{n:04d}-xxxxxx.0123456789abcdef"
        client.get(article.get_absolute_url())
    assert counting.shown_views([article.pk])[article.pk] == 1


@pytest.mark.django_db
def test_the_early_served_copy_is_the_rendered_page_with_the_same_headers_and_still_counts():
    """Once shared, the page is served before the session, CSRF and auth middleware; what
    the reader gets must not differ, and every reader is still counted and given a cookie."""
    article = make_article()
    first = Client(HTTP_USER_AGENT=f"{BROWSER} one").get(article.get_absolute_url())
    early = Client(HTTP_USER_AGENT=f"{BROWSER} two").get(article.get_absolute_url())
    assert early.content == first.content
    for header in ("Content-Type", "Content-Language", "Vary", "X-Frame-Options"):
        assert early.headers.get(header) == first.headers.get(header), header
    assert "Content-Security-Policy" in early.headers
    assert counting.READER_COOKIE in early.cookies
    assert counting.shown_views([article.pk])[article.pk] == 2


@pytest.mark.django_db
def test_an_edit_retires_the_early_copy_at_once(member_a):
    from cerdas.core.cache import bump_version

    article = make_article()
    Client(HTTP_USER_AGENT=BROWSER).get(article.get_absolute_url())
    Article.objects.filter(pk=article.pk).update(summary="Ringkasan yang sudah diperbaiki.")
    bump_version("portal")  # what the portal's services announce once an edit commits
    page = Client(HTTP_USER_AGENT=BROWSER).get(article.get_absolute_url()).content.decode()
    assert "Ringkasan yang sudah diperbaiki." in page

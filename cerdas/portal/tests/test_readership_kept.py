"""The editors' readership overview is kept per who sees which articles and per period, yet a
view counted, a reaction and an article's change show on the next view.

It is kept ({% shared %}) under the desk of the articles the reader edits (every save or
delete of an article announces its region's) and the readership (every flush of the view
counts that adds a view, and every reaction, announces it)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cerdas.portal import counting, reactions
from cerdas.portal.tests.factories import make_article

OVERVIEW = "/berita/kelola/statistik/"


def _page(client, data=None) -> str:
    client.cookies["cerdas_lang"] = "en"
    response = client.get(OVERVIEW, data or {})
    assert response.status_code == 200
    return response.content.decode()


def _views(body: str) -> str:
    start = body.index("<dt>Views in the period</dt><dd>") + len("<dt>Views in the period</dt><dd>")
    return body[start : body.index("</dd>", start)]


def _responses(body: str) -> str:
    label = "<dt>Responses in the period</dt><dd>"
    start = body.index(label) + len(label)
    return body[start : body.index("</dd>", start)]


@pytest.fixture
def kept(client, member_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        article = make_article()
    client.force_login(member_a)
    _page(client)  # the page is now kept
    return article


@pytest.mark.django_db
def test_a_second_view_counts_nothing_again(client, kept):
    with CaptureQueriesContext(connection) as ctx:
        body = _page(client)
    read = " ".join(q["sql"] for q in ctx.captured_queries)
    for table in ("portal_article", "portal_articleday", "portal_reaction"):
        assert f'"{table}"' not in read, table
    assert kept.title in body


@pytest.mark.django_db
def test_each_change_shows_on_the_next_view(client, kept, django_capture_on_commit_callbacks):
    def view_counted():
        counting.count_view(kept.pk, "reader-1")
        counting.flush_view_counts()
        return lambda body: _views(body) == "1"

    def reaction():
        reactions.react(kept.pk, "cookie:reader-1-xxxxxxxxxxxx", "puas")
        return lambda body: _responses(body) == "1"

    def article_renamed():
        kept.title = "Taman kota kini punya Wi-Fi dan perpustakaan"
        kept.save()
        return lambda body: "Wi-Fi dan perpustakaan" in body

    def article_added():
        make_article(title="Bojonegoro buka layanan aduan malam hari")
        return lambda body: "layanan aduan malam hari" in body

    for change in (view_counted, reaction, article_renamed, article_added):
        before = _page(client)
        with django_capture_on_commit_callbacks(execute=True):
            shows = change()
        assert not shows(before), change.__name__
        assert shows(_page(client)), change.__name__


@pytest.mark.django_db
def test_a_view_not_yet_flushed_retires_nothing(client, kept, django_capture_on_commit_callbacks):
    """The overview counts views once flushed, as it says: a view still in the buffer is not
    in it, and no copy is drawn again for it."""
    with django_capture_on_commit_callbacks(execute=True) as announced:
        counting.count_view(kept.pk, "reader-2")
    assert not announced and _views(_page(client)) == "0"


@pytest.mark.django_db
def test_each_period_and_each_desk_has_its_own_copy(
    client, kept, national_admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_article(title="Berita Bandung", region="32.73")
    assert "Berita Bandung" not in _page(client)
    assert "Reactions from 01-01-2026 to 31-01-2026" in _page(
        client, {"start": "2026-01-01", "end": "2026-01-31"}
    )
    client.force_login(national_admin)
    assert "Berita Bandung" in _page(client)


# One article's readership: kept the same way, per article; the views since publication
# (with those not yet flushed) are read on every view.


def _article_page(client, article) -> str:
    client.cookies["cerdas_lang"] = "en"
    response = client.get(f"/berita/kelola/{article.pk}/statistik/")
    assert response.status_code == 200
    return response.content.decode()


def _since_publication(body: str) -> str:
    label = "<dt>Views since publication</dt><dd>"
    start = body.index(label) + len(label)
    return body[start : body.index("</dd>", start)]


@pytest.mark.django_db
def test_an_article_s_readership_shows_each_view_and_reaction(
    client, kept, django_capture_on_commit_callbacks
):
    _article_page(client, kept)
    with CaptureQueriesContext(connection) as ctx:
        _article_page(client, kept)
    read = " ".join(q["sql"] for q in ctx.captured_queries)
    assert '"portal_articleday"' not in read and '"portal_reaction"' not in read

    def view_counted():
        counting.count_view(kept.pk, "reader-1")
        return lambda body: _since_publication(body) == "1" and _views(body) == "0"

    def view_flushed():
        counting.flush_view_counts()
        return lambda body: _since_publication(body) == "1" and _views(body) == "1"

    def reaction():
        reactions.react(kept.pk, "cookie:reader-1-xxxxxxxxxxxx", "sangat_puas")
        return lambda body: _responses(body) == "1"

    for change in (view_counted, view_flushed, reaction):
        before = _article_page(client, kept)
        with django_capture_on_commit_callbacks(execute=True):
            shows = change()
        assert not shows(before), change.__name__
        assert shows(_article_page(client, kept)), change.__name__

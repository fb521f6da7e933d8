"""The article editor's fields are kept per article and per viewer, yet every change shows.

The fields (an article's text and links, and the lists to pick from: regions, categories,
cohorts, masterplans) are kept under the versions of the article's region's desk, the
regions, the categories, the cohorts and the masterplans desk (cerdas/portal/receivers.py);
who sees which masterplans (``User.visibility``) is part of the key."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cerdas.cohorts.models import Cohort
from cerdas.masterplans.models import Masterplan, Status
from cerdas.portal import services
from cerdas.portal.models import Category
from cerdas.portal.tests.factories import make_article

NEW = "/berita/kelola/baru/"
# What only the editor's fields read: a kept copy reads none of them.
KEPT_TABLES = {"regions_region", "portal_category", "cohorts_cohort", "masterplans_masterplan"}


def _page(client, url) -> str:
    client.cookies["cerdas_lang"] = "en"
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _tables_read(ctx) -> set[str]:
    """The table each query reads from (its FROM, not its joins)."""
    return {
        match.group(1)
        for query in ctx.captured_queries
        if (match := re.search(r'\bFROM "(\w+)"', query["sql"]))
    }


def _without_tokens(body: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", body)


def _plan(region, status, title):
    return Masterplan.objects.create(
        region_id=region, title=title, period_start=2018, period_end=2027, status=status
    )


def _fields(article, **changes) -> dict:
    fields = {name: getattr(article, name) for name in services.EDITABLE_FIELDS}
    return {**fields, **changes}


@pytest.fixture
def article(member_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        Category.objects.create(slug="tata-kelola", name="Tata kelola")
        Cohort.objects.create(year=2017, name="Angkatan perintis 2017")
        _plan("35.22", Status.DRAFT, "Masterplan Bojonegoro (rancangan)")
        return make_article(title="Taman kota kini punya Wi-Fi gratis")


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["edit", NEW])
def test_a_second_view_reads_none_of_the_lists(client, member_a, article, url):
    url = f"/berita/kelola/{article.pk}/" if url == "edit" else url
    client.force_login(member_a)
    first = _page(client, url)
    with CaptureQueriesContext(connection) as ctx:
        second = _page(client, url)
    assert not _tables_read(ctx) & KEPT_TABLES
    assert _without_tokens(second) == _without_tokens(first)
    assert "Angkatan perintis 2017" in second and "Masterplan Bojonegoro (rancangan)" in second


@pytest.mark.django_db
def test_each_change_shows_on_the_next_view(
    client, member_a, article, django_capture_on_commit_callbacks
):
    edit = f"/berita/kelola/{article.pk}/"

    def text_edited():
        fields = _fields(article, body="Paragraf yang ditulis ulang.")
        services.save_article(member_a, article.pk, fields, ["35.22"])
        return lambda body: "Paragraf yang ditulis ulang." in body

    def related_region_added():
        services.save_article(member_a, article.pk, _fields(article), ["35.22", "32.73"])
        return lambda body: "Kota Bandung (32.73)" in body

    def cohort_linked_outside_the_service():
        cohort = Cohort.objects.get(year=2017)
        article.related_cohorts.add(cohort)  # m2m_changed only: the article is not saved
        return lambda body: re.search(rf'value="{cohort.pk}"[^>]*checked', body)

    def cohort_added():
        Cohort.objects.create(year=2018, name="Angkatan kedua 2018")
        return lambda body: "Angkatan kedua 2018" in body

    def category_added():
        Category.objects.create(slug="ekonomi", name="Ekonomi cerdas")
        return lambda body: "Ekonomi cerdas" in body

    def category_renamed():
        category = Category.objects.get(slug="ekonomi")
        category.name = "Ekonomi digital"
        category.save()
        return lambda body: "Ekonomi digital" in body and "Ekonomi cerdas" not in body

    def plan_elsewhere_approved():
        _plan("32.73", Status.APPROVED, "Masterplan Kota Bandung")
        return lambda body: "Masterplan Kota Bandung" in body

    def own_plan_renamed():
        plan = Masterplan.objects.get(title="Masterplan Bojonegoro (rancangan)")
        plan.title = "Masterplan Bojonegoro 2018-2027"
        plan.save()
        return lambda body: "Masterplan Bojonegoro 2018-2027" in body

    client.force_login(member_a)
    for change in (
        text_edited,
        related_region_added,
        cohort_linked_outside_the_service,
        cohort_added,
        category_added,
        category_renamed,
        plan_elsewhere_approved,
        own_plan_renamed,
    ):
        before = _page(client, edit)
        with django_capture_on_commit_callbacks(execute=True):
            shows = change()
        assert not shows(before), change.__name__
        assert shows(_page(client, edit)), change.__name__


@pytest.mark.django_db
def test_the_new_article_page_shows_each_list_change(
    client, member_a, article, django_capture_on_commit_callbacks
):
    client.force_login(member_a)
    before = _page(client, NEW)
    with django_capture_on_commit_callbacks(execute=True):
        Cohort.objects.create(year=2018, name="Angkatan kedua 2018")
        Category.objects.create(slug="ekonomi", name="Ekonomi cerdas")
        _plan("32.73", Status.APPROVED, "Masterplan Kota Bandung")
    assert "Angkatan kedua 2018" not in before
    after = _page(client, NEW)
    assert "Angkatan kedua 2018" in after
    assert "Ekonomi cerdas" in after and "Masterplan Kota Bandung" in after


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["edit", NEW])
def test_a_kept_editor_never_shows_another_regions_draft_plan(
    client, member_a, national_admin, article, url, django_capture_on_commit_callbacks
):
    url = f"/berita/kelola/{article.pk}/" if url == "edit" else url
    with django_capture_on_commit_callbacks(execute=True):
        _plan("32.73", Status.DRAFT, "Masterplan Bandung (rancangan)")
    client.force_login(national_admin)
    admins = _page(client, url)
    assert "Masterplan Bandung (rancangan)" in admins and "National news (no region)" in admins
    client.force_login(member_a)
    own = _page(client, url)
    assert "Masterplan Bandung (rancangan)" not in own
    assert "National news (no region)" not in own
    assert "Masterplan Bojonegoro (rancangan)" in own


@pytest.mark.django_db
def test_a_form_with_errors_is_drawn_as_sent_not_from_the_kept_copy(client, member_a, article):
    edit = f"/berita/kelola/{article.pk}/"
    client.force_login(member_a)
    _page(client, edit)  # kept
    data = {"region": "35.22", "title": "", "summary": "Ringkasan baru", "body": "Isi baru"}
    response = client.post(edit, data)
    body = response.content.decode()
    assert "The article is not saved yet" in body and "Ringkasan baru" in body
    assert "The article is not saved yet" not in _page(client, edit)


@pytest.mark.django_db
def test_the_status_form_is_kept_per_status_shown(
    client, article, member_a, monkeypatch, django_capture_on_commit_callbacks
):
    """The publishing panel's form is kept per article and status shown: publishing, and a
    scheduled article's time coming, each show on the next view."""
    import datetime as dt

    from django.utils import timezone

    from cerdas.portal.models import Article

    client.force_login(member_a)
    url = f"/berita/kelola/{article.pk}/"

    def selected(body: str) -> str:
        form = body.split('class="stacked-form status-form"')[1].split("</form>")[0]
        return re.search(r'<option value="(\w+)" selected>', form)[1]

    body = _page(client, url)
    assert "<strong>Published</strong>" in body and selected(body) == "published"
    with django_capture_on_commit_callbacks(execute=True):
        services.change_status(member_a, article.pk, Article.Status.DRAFT)
    body = _page(client, url)
    assert "<strong>Draft</strong>" in body and selected(body) == "draft"
    moment = timezone.now() + dt.timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        services.change_status(member_a, article.pk, Article.Status.PUBLISHED, publish_at=moment)
    body = _page(client, url)
    assert "<strong>Scheduled</strong>" in body and selected(body) == "published"
    local = timezone.localtime(moment, article.tzinfo).strftime("%Y-%m-%dT%H:%M")
    assert f'value="{local}"' in body
    monkeypatch.setattr(timezone, "now", lambda: moment + dt.timedelta(seconds=1))
    assert "<strong>Published</strong>" in _page(client, url)


@pytest.mark.django_db
def test_the_list_of_articles_shows_each_view_response_and_change(
    client, article, member_a, monkeypatch, django_capture_on_commit_callbacks
):
    """The editor's list is kept per what its rows count and say: a view counted (not yet
    flushed), a response, a rename, and a scheduled article's time coming each show."""
    import datetime as dt

    from django.utils import timezone

    from cerdas.portal import counting, reactions
    from cerdas.portal.models import Article

    client.force_login(member_a)

    def row(body: str) -> str:
        return body.split(f'href="/berita/kelola/{article.pk}/"')[1].split("</tr>")[0]

    def viewed():
        counting.count_view(article.pk, "reader-1")
        counting.wait_for_writes()
        return lambda body: '<td class="num">1</td>' in row(body)

    def responded():
        reactions.react(article.pk, "cookie:reader-1-xxxxxxxxxxxx", "puas")
        return lambda body: 'statistik/">1</a>' in row(body)

    def renamed():
        article.title = "Taman kota kini punya Wi-Fi dan perpustakaan"
        article.save()
        return lambda body: "Wi-Fi dan perpustakaan" in body

    moment = timezone.now() + dt.timedelta(hours=1)

    def scheduled():
        services.change_status(member_a, article.pk, Article.Status.PUBLISHED, publish_at=moment)
        return lambda body: "<td>Scheduled</td>" in row(body)

    for change in (viewed, responded, renamed, scheduled):
        before = _page(client, "/berita/kelola/")
        with django_capture_on_commit_callbacks(execute=True):
            shows = change()
        assert not shows(before), change.__name__
        assert shows(_page(client, "/berita/kelola/")), change.__name__
    monkeypatch.setattr(timezone, "now", lambda: moment + dt.timedelta(seconds=1))
    assert "<td>Published</td>" in row(_page(client, "/berita/kelola/"))

"""An editor writes, schedules and publishes an article; every step is logged."""

import datetime as dt

import pytest
from django.utils import timezone

from cerdas.core.models import AuditEntry
from cerdas.portal.models import Article

NEW = "/berita/kelola/baru/"


def _data(**extra):
    return {
        "region": "35.22",
        "title": "Pasar desa kini menerima QRIS",
        "slug": "",
        "summary": "Pedagang pasar desa mulai menerima pembayaran nontunai.",
        "body": "Paragraf pertama.\n\nParagraf kedua <script>alert(1)</script>",
        "tags": "ekonomi, pasar",
        "byline": "Diskominfo Bojonegoro",
        "related": "",
        **extra,
    }


@pytest.mark.django_db
def test_a_regions_team_writes_a_draft_that_readers_cannot_see_yet(client, member_a):
    client.force_login(member_a)
    response = client.post(NEW, _data())
    article = Article.objects.get()
    assert response.url == f"/berita/kelola/{article.pk}/"
    assert article.status == Article.Status.DRAFT
    assert article.slug == "pasar-desa-kini-menerima-qris"
    assert article.author == member_a
    assert article.body == "<p>Paragraf pertama.</p><p>Paragraf kedua</p>"
    assert AuditEntry.objects.filter(action="article.created", region_code="35.22").exists()
    client.logout()
    assert client.get(article.get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_html_bodies_keep_the_allowed_tags_only(client, member_a):
    client.force_login(member_a)
    body = (
        '<h2>Sub</h2><p onclick="x()" style="color:red">Teks <a href="javascript:alert(1)">a</a> '
        '<a href="https://example.org">b</a><img src=x onerror=alert(1)></p><style>p{}</style>'
    )
    client.post(NEW, _data(body=body))
    assert Article.objects.get().body == (
        '<h2>Sub</h2><p>Teks <a rel="noopener noreferrer nofollow">a</a> '
        '<a href="https://example.org" rel="noopener noreferrer nofollow">b</a></p>'
    )


@pytest.mark.django_db
def test_a_regional_team_cannot_pick_another_region_or_national_news(client, member_a):
    client.force_login(member_a)
    for region in ("32.73", ""):
        response = client.post(NEW, _data(region=region))
        assert response.status_code == 200
        assert not Article.objects.exists()


@pytest.mark.django_db
def test_a_national_admin_writes_national_news(client, national_admin):
    client.force_login(national_admin)
    client.post(NEW, _data(region=""))
    assert Article.objects.get().region is None


@pytest.mark.django_db
def test_bad_input_re_renders_the_form_with_everything_typed(client, member_a):
    client.force_login(member_a)
    response = client.post(NEW, _data(title="", summary="Ringkasan yang sudah diketik"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Artikel belum tersimpan" in body
    assert "Ringkasan yang sudah diketik" in body
    assert "Paragraf pertama." in body


@pytest.mark.django_db
def test_related_regions_are_resolved_and_ambiguous_names_are_offered_to_pick(client, member_a):
    client.force_login(member_a)
    response = client.post(NEW, _data(related="Kupang, Kab. Banyuwangi"))
    body = response.content.decode()
    # The same picker as the round invitations: each candidate as a choice.
    assert 'name="related_pick_0" value="53.01"' in body
    assert 'name="related_pick_0" value="53.71"' in body
    assert "Kupang, Kab. Banyuwangi" in body
    assert not Article.objects.exists()
    client.post(NEW, _data(related="Kupang, Kab. Banyuwangi\n73.71", related_pick_0="53.71"))
    article = Article.objects.get()
    assert set(article.related_regions.values_list("pk", flat=True)) == {"53.71", "35.10", "73.71"}


@pytest.mark.django_db
def test_the_editor_shows_the_body_as_text_not_html(client, member_a):
    client.force_login(member_a)
    typed = "Kementerian mengumumkan tiga daerah terpilih.\n\nBimtek tahap 1 dimulai Maret 2027."
    client.post(NEW, _data(body=typed, related="Kupang", related_pick_0="53.71"))
    article = Article.objects.get()
    assert article.body.startswith("<p>Kementerian")
    page = client.get(f"/berita/kelola/{article.pk}/").content.decode()
    assert "&lt;p&gt;" not in page
    assert typed in page.replace("\r\n", "\n")
    assert "Kota Kupang (53.71)" in page  # related regions come back as names with codes
    # Saving what the editor shows changes nothing.
    client.post(f"/berita/kelola/{article.pk}/", _data(body=typed, related="Kota Kupang (53.71)"))
    assert Article.objects.get().body == article.body


@pytest.mark.django_db
def test_the_publishing_panel_comes_before_the_long_form(client, member_a):
    client.force_login(member_a)
    client.post(NEW, _data())
    article = Article.objects.get()
    page = client.get(f"/berita/kelola/{article.pk}/").content.decode()
    assert page.index('name="publish_at"') < page.index('name="body"')
    assert "Keterbacaan" not in page
    assert "Tayangan dan tanggapan" in page


@pytest.mark.django_db
def test_scheduling_uses_the_regions_wall_clock_and_publishes_at_that_time(client, national_admin):
    client.force_login(national_admin)
    client.post(NEW, _data(region="73.71"))
    article = Article.objects.get()
    tomorrow = timezone.localdate(timezone=article.tzinfo) + dt.timedelta(days=1)
    response = client.post(
        f"/berita/kelola/{article.pk}/status/",
        {"status": "published", "publish_at": f"{tomorrow}T09:30"},
        follow=True,
    )
    assert "Terjadwal" in response.content.decode()
    article.refresh_from_db()
    assert article.published_at == dt.datetime.combine(
        tomorrow, dt.time(1, 30), tzinfo=dt.UTC
    )  # 09:30 WITA is 01:30 UTC
    assert client.get(article.get_absolute_url()).status_code == 404
    entry = AuditEntry.objects.get(action="article.published")
    assert entry.region_code == "73.71" and entry.actor == national_admin


@pytest.mark.django_db
def test_publishing_now_makes_it_readable_and_archiving_keeps_it_out_of_lists(
    client, member_a, django_capture_on_commit_callbacks
):
    client.force_login(member_a)
    client.post(NEW, _data())
    article = Article.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/berita/kelola/{article.pk}/status/", {"status": "published"})
    client.logout()
    assert client.get(article.get_absolute_url()).status_code == 200
    assert article.title in client.get("/berita/").content.decode()
    client.force_login(member_a)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/berita/kelola/{article.pk}/status/", {"status": "archived", "reason": "usang"}
        )
    client.logout()
    assert article.title not in client.get("/berita/").content.decode()
    assert AuditEntry.objects.get(action="article.archived").reason == "usang"


@pytest.mark.django_db
def test_a_draft_that_was_never_published_cannot_be_archived(client, member_a):
    client.force_login(member_a)
    client.post(NEW, _data())
    article = Article.objects.get()
    response = client.post(f"/berita/kelola/{article.pk}/status/", {"status": "archived"})
    assert response.status_code == 400
    assert "pernah terbit" in response.content.decode()
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT


@pytest.mark.django_db
def test_editing_logs_what_changed(client, member_a):
    client.force_login(member_a)
    client.post(NEW, _data())
    article = Article.objects.get()
    client.post(f"/berita/kelola/{article.pk}/", _data(title="Judul baru", slug=article.slug))
    entry = AuditEntry.objects.get(action="article.updated")
    assert entry.changes["title"] == ["Pasar desa kini menerima QRIS", "Judul baru"]


@pytest.mark.django_db
def test_a_signed_in_reader_of_the_news_list_sees_a_publication_once_it_commits(
    client, member_a, django_capture_on_commit_callbacks
):
    """The list is rendered once for every reader, signed in or not, and retires on a change."""
    client.force_login(member_a)
    client.post(NEW, _data())
    article = Article.objects.get()
    assert article.title not in client.get("/berita/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/berita/kelola/{article.pk}/status/", {"status": "published"})
    signed_in = client.get("/berita/").content.decode()
    client.logout()
    anonymous = client.get("/berita/").content.decode()
    assert article.title in signed_in

    def news(body):  # the page below the messages
        return body[body.index("<h1>") : body.index("</main>")]

    assert news(signed_in) == news(anonymous)


@pytest.mark.django_db
def test_a_signed_in_reader_sees_an_edited_article_at_once_with_their_own_form(
    client, member_a, django_capture_on_commit_callbacks
):
    """The article's text is shared by every reader and retires with an edit; the reaction
    form around it keeps the signed-in reader's own token."""
    client.force_login(member_a)
    client.post(NEW, _data())
    article = Article.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/berita/kelola/{article.pk}/status/", {"status": "published"})
    first = client.get(article.get_absolute_url()).content.decode()
    assert "Pasar desa kini menerima QRIS</h1>" in first
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/berita/kelola/{article.pk}/",
            _data(title="Judul baru", summary="Ringkasan baru", slug=article.slug),
        )
    again = client.get(article.get_absolute_url()).content.decode()
    assert "Judul baru</h1>" in again and "Ringkasan baru" in again
    assert 'name="csrfmiddlewaretoken"' in again
    client.logout()
    anonymous = client.get(article.get_absolute_url()).content.decode()
    assert "Judul baru</h1>" in anonymous and 'name="csrfmiddlewaretoken"' not in anonymous

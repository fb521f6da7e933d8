"""An article moved from an older portal keeps what that portal counted, apart and once."""

import datetime
import io
import re
import zoneinfo

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from cerdas.core.models import AuditEntry
from cerdas.portal import counting, reactions, services
from cerdas.portal.models import Article, LegacyCounts, Reaction

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")


def _legacy(**changes) -> services.LegacyArticle:
    values = {
        "region_code": "35.22",
        "title": "Berita lama",
        "summary": "Ringkasan.",
        "body": "Paragraf satu.\n\nParagraf dua.",
        "byline": "Admin",
        "published_at": datetime.datetime(2017, 11, 16, 12, tzinfo=WIB),
        "time_known": False,
        "source": "Portal lama, halaman berita",
        "views": 390,
        "reactions": {"sangat_puas": 11, "puas": 1, "cukup_puas": 0, "tidak_puas": 2},
        "related_codes": ("35.22",),
    }
    return services.LegacyArticle(**(values | changes))


@pytest.mark.django_db
def test_the_recorded_counts_are_kept_and_shown_with_what_cerdas_counts(member_a):
    article, created = services.import_legacy_article(member_a, _legacy())
    assert created and article.status == Article.Status.PUBLISHED
    totals = reactions.totals_for([article.pk])[article.pk]
    assert totals["counts"] == {"sangat_puas": 11, "puas": 1, "cukup_puas": 0, "tidak_puas": 2}
    assert list(totals["percentages"].values()) == [79, 7, 0, 14]
    reactions.react(article.pk, "a-new-reader-token-0123456789", "tidak_puas")
    after = reactions.totals_for([article.pk])[article.pk]["counts"]
    assert after["tidak_puas"] == 3 and after["sangat_puas"] == 11
    legacy = LegacyCounts.objects.get(article=article)
    assert legacy.views == 390 and legacy.tidak_puas == 2  # the older portal's stay as they were


@pytest.mark.django_db
def test_importing_the_same_article_again_changes_nothing(member_a):
    first, _ = services.import_legacy_article(member_a, _legacy())
    again, created = services.import_legacy_article(member_a, _legacy(views=999))
    assert again == first and not created
    assert Article.objects.count() == 1 and LegacyCounts.objects.get().views == 390
    with_address = _legacy(title="Lain", source_url="https://lama.example.go.id/berita/7")
    services.import_legacy_article(member_a, with_address)
    _, created = services.import_legacy_article(member_a, with_address)
    assert not created and Article.objects.count() == 2


@pytest.mark.django_db
def test_the_import_is_audited_with_its_source(member_a):
    services.import_legacy_article(member_a, _legacy())
    entry = AuditEntry.objects.get(action="article.imported")
    assert entry.actor == member_a and entry.region_code == "35.22"
    assert entry.reason == "Portal lama, halaman berita"
    assert entry.changes["views"] == 390 and entry.changes["reactions"]["sangat_puas"] == 11


@pytest.mark.django_db
def test_a_team_cannot_import_into_another_region(member_b):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.import_legacy_article(member_b, _legacy())
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_the_page_shows_the_day_alone_when_the_time_was_not_recorded(client, member_a):
    article, _ = services.import_legacy_article(member_a, _legacy())
    page = client.get(article.get_absolute_url()).content.decode()
    assert "16-11-2017" in page and "16-11-2017 12:00" not in page
    assert "390" in page


@pytest.mark.django_db
def test_an_editor_imports_through_a_check_page_and_sees_where_the_counts_come_from(
    client, member_a
):
    client.force_login(member_a)
    data = {
        "region": "35.22",
        "title": "Berita dari portal lama",
        "summary": "Ringkasan.",
        "body": "Isi berita.",
        "byline": "Admin",
        "published_on": "2017-11-16",
        "published_time": "",
        "source": "Portal lama",
        "source_url": "",
        "recorded_on": "",
        "views": "1.390",
        "sangat_puas": "11",
        "puas": "1",
        "cukup_puas": "0",
        "tidak_puas": "2",
    }
    check = client.post("/berita/kelola/impor/", data)
    assert check.status_code == 200 and not Article.objects.exists()
    assert "1.390" in check.content.decode()  # the check page repeats the counts
    done = client.post("/berita/kelola/impor/", data | {"confirmed": "yes"})
    article = Article.objects.get()
    assert done.status_code == 302 and done["Location"].endswith(f"/{article.pk}/")
    editor = client.get(f"/berita/kelola/{article.pk}/").content.decode()
    assert "Portal lama" in editor and "1.390" in editor


@pytest.mark.django_db
def test_bad_counts_are_refused_with_what_was_typed_kept(client, member_a):
    client.force_login(member_a)
    response = client.post(
        "/berita/kelola/impor/",
        {"region": "35.22", "title": "Judul", "views": "banyak", "puas": "-1"},
    )
    assert response.status_code == 200 and not Article.objects.exists()
    page = response.content.decode()
    assert 'value="banyak"' in page and 'value="Judul"' in page


@pytest.mark.django_db
def test_the_kept_blank_form_shows_a_new_cohort_and_stays_blank_after_a_refusal(
    client, member_a, national_admin, django_capture_on_commit_callbacks
):
    """The form is kept blank per who fills it in, under the regions and the cohorts: a cohort
    added shows at once, what one person typed never reaches the kept copy, and the ministry
    (who may import national news) gets its own."""
    from cerdas.cohorts.models import Cohort

    client.force_login(member_a)
    assert "Angkatan 2031" not in client.get("/berita/kelola/impor/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        Cohort.objects.create(year=2031, name="Angkatan 2031")
    assert "Angkatan 2031" in client.get("/berita/kelola/impor/").content.decode()
    client.post("/berita/kelola/impor/", {"region": "35.22", "title": "Judul yang ditolak"})
    page = client.get("/berita/kelola/impor/").content.decode()
    assert "Judul yang ditolak" not in page and "Berita nasional" not in page
    client.force_login(national_admin)
    assert "Berita nasional" in client.get("/berita/kelola/impor/").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["citizen", "officer_a"])
def test_people_who_do_not_edit_news_cannot_import(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get("/berita/kelola/impor/").status_code == 403


@pytest.mark.django_db
def test_an_anonymous_visitor_is_sent_to_log_in(client):
    response = client.get("/berita/kelola/impor/")
    assert response.status_code == 302 and "/akun/masuk/" in response["Location"]


@pytest.mark.django_db
def test_the_command_imports_once_and_prints_the_address_last(tmp_path):
    body = tmp_path / "isi.txt"
    body.write_text("Isi berita dari portal lama.", encoding="utf-8")
    args = [
        "--region=35.22",
        "--title=Berita lama",
        "--summary=Ringkasan",
        f"--body-file={body}",
        "--byline=Admin",
        "--published=2017-11-16",
        "--views=390",
        "--reactions=11,1,0,2",
        "--source=Portal lama",
    ]
    out = io.StringIO()
    call_command("import_legacy_article", *args, stdout=out)
    article = Article.objects.get()
    assert out.getvalue().strip().splitlines()[-1] == article.get_absolute_url()
    again = io.StringIO()
    call_command("import_legacy_article", *args, stdout=again)
    assert "Already imported" in again.getvalue() and Article.objects.count() == 1
    with pytest.raises(CommandError, match="four whole numbers"):
        call_command("import_legacy_article", *args[:-2], "--reactions=1,2", "--source=x")


@pytest.mark.django_db
def test_large_counts_read_the_indonesian_way(client, member_a):
    article, _ = services.import_legacy_article(
        member_a,
        _legacy(views=1500, reactions={"sangat_puas": 1200, "puas": 0, "cukup_puas": 0}),
    )
    page = client.get(article.get_absolute_url()).content.decode()
    assert "1.500 dilihat" in page and "1.200 tanggapan" in page


def _origin_rows(page: str) -> list[list[str]]:
    """The older-portal panel's rows: label, older portal, since in Cerdas."""
    panel = page.split('id="origin-title"')[1].split("</table>")[0]
    rows = re.findall(r"<tr><th scope=\"row\">(.*?)</th>(.*?)</tr>", panel)
    return [[label, *re.findall(r'<td class="num">(.*?)</td>', cells)] for label, cells in rows]


@pytest.mark.django_db
def test_the_editor_shows_each_figure_apart_reading_the_older_counts_once(client, member_a):
    """The older portal's counts are read once; what Cerdas counted since (views flushed and
    pending, each answer) in one query each, however many views and reactions there are."""
    article, _ = services.import_legacy_article(member_a, _legacy())
    client.force_login(member_a)
    client.cookies["cerdas_lang"] = "en"
    editor = f"/berita/kelola/{article.pk}/"
    client.get(editor)
    with CaptureQueriesContext(connection) as few:
        client.get(editor)
    Article.objects.filter(pk=article.pk).update(views=F("views") + 1200)
    for reader in range(30):
        counting.count_view(article.pk, f"reader-{reader}")
        Reaction.objects.create(article=article, choice=("puas", "tidak_puas")[reader % 2])
    counting.wait_for_writes()
    with CaptureQueriesContext(connection) as many:
        page = client.get(editor).content.decode()
    assert len(many) == len(few)
    assert sum('FROM "portal_legacycounts"' in q["sql"] for q in many.captured_queries) == 1
    assert _origin_rows(page) == [
        ["Views", "390", "1,230"],
        ["Very satisfied", "11", "0"],
        ["Satisfied", "1", "15"],
        ["Fairly satisfied", "0", "0"],
        ["Not satisfied", "2", "15"],
    ]

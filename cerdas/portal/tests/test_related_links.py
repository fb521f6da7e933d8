"""Articles link to cohorts and masterplans; readers only ever reach approved plans."""

import re

import pytest

from cerdas.cohorts.models import Cohort
from cerdas.core.cache import bump_version
from cerdas.core.models import AuditEntry
from cerdas.masterplans.models import Masterplan, Status
from cerdas.portal.models import Article
from cerdas.portal.tests.factories import make_article

NEW = "/berita/kelola/baru/"


def _data(**extra):
    return {
        "region": "35.22",
        "title": "Bimtek masterplan angkatan 2017",
        "slug": "",
        "summary": "Tim daerah menyusun masterplan bersama pendamping.",
        "body": "Paragraf pertama.",
        "tags": "",
        "byline": "Diskominfo",
        "related": "",
        **extra,
    }


def _plan(region, status, title):
    return Masterplan.objects.create(
        region_id=region, title=title, period_start=2018, period_end=2027, status=status
    )


@pytest.fixture
def cohort(db):
    return Cohort.objects.create(year=2017, name="Gerakan Menuju 100 Smart City 2017")


@pytest.mark.django_db
def test_an_editor_links_a_cohort_and_masterplans_and_readers_follow_the_links(
    client, member_a, cohort
):
    approved = _plan("32.73", Status.APPROVED, "Masterplan Kota Bandung")
    own_draft = _plan("35.22", Status.DRAFT, "Masterplan Bojonegoro (rancangan)")
    client.force_login(member_a)
    form = client.get(NEW).content.decode()
    assert "Masterplan Kota Bandung" in form and "Masterplan Bojonegoro (rancangan)" in form
    response = client.post(NEW, _data(cohorts=[cohort.pk], masterplans=[approved.pk, own_draft.pk]))
    article = Article.objects.get()
    assert response.url == f"/berita/kelola/{article.pk}/"
    assert list(article.related_cohorts.all()) == [cohort]
    assert set(article.related_masterplans.all()) == {approved, own_draft}
    edit = client.get(f"/berita/kelola/{article.pk}/").content.decode()
    assert re.search(rf'name="cohorts" value="{cohort.pk}"[^>]*checked', edit)
    Article.objects.filter(pk=article.pk).update(
        status=Article.Status.PUBLISHED, published_at=article.created_at
    )
    client.logout()
    page = client.get(article.get_absolute_url()).content.decode()
    assert 'href="/angkatan/2017/"' in page
    assert f'href="{approved.get_absolute_url()}"' in page
    assert "Masterplan Bojonegoro (rancangan)" not in page
    assert f'href="{own_draft.get_absolute_url()}"' not in page


@pytest.mark.django_db
def test_an_editor_of_another_region_cannot_link_a_draft_masterplan(client, member_b, cohort):
    draft_a = _plan("35.22", Status.DRAFT, "Rancangan rahasia Bojonegoro")
    client.force_login(member_b)
    assert "Rancangan rahasia Bojonegoro" not in client.get(NEW).content.decode()
    response = client.post(
        NEW, _data(region="32.73", title="Berita Bandung", masterplans=[draft_a.pk])
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Berita Bandung" in body  # what was typed is kept
    assert "Masterplan ini tidak dapat ditautkan" in body
    assert not Article.objects.exists()
    assert not AuditEntry.objects.filter(action="article.created").exists()


@pytest.mark.django_db
def test_the_service_refuses_a_masterplan_the_editor_may_not_see(member_b):
    from django.core.exceptions import PermissionDenied

    from cerdas.portal import services

    draft_a = _plan("35.22", Status.DRAFT, "Rancangan Bojonegoro")
    fields = {
        "region_id": "32.73",
        "title": "Berita",
        "slug": "berita",
        "summary": "Ringkas.",
        "body": "Isi.",
        "category_id": None,
        "tags": "",
        "byline": "Diskominfo",
    }
    with pytest.raises(PermissionDenied):
        services.save_article(member_b, None, fields, [], masterplan_ids=[draft_a.pk])
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_a_plan_taken_back_from_approval_disappears_from_the_article_and_api(client, cohort):
    plan = _plan("35.22", Status.APPROVED, "Masterplan Bojonegoro 2018")
    article = make_article()
    article.related_masterplans.add(plan)
    article.related_cohorts.add(cohort)
    assert "Masterplan Bojonegoro 2018" in client.get(article.get_absolute_url()).content.decode()
    Masterplan.objects.filter(pk=plan.pk).update(status=Status.IN_REVIEW)
    bump_version("masterplans")  # what the masterplans service announces once committed
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Masterplan Bojonegoro 2018" not in page
    assert plan.get_absolute_url() not in page
    detail = client.get(f"/api/v1/articles/{article.pk}").json()
    assert detail["related_masterplans"] == []
    assert [c["year"] for c in detail["related_cohorts"]] == [2017]


@pytest.mark.django_db
def test_the_api_detail_gives_related_cohorts_and_approved_masterplans(client, cohort):
    plan = _plan("35.22", Status.APPROVED, "Masterplan Bojonegoro 2018")
    draft = _plan("35.22", Status.DRAFT, "Rancangan berikutnya")
    article = make_article()
    article.related_masterplans.add(plan, draft)
    article.related_cohorts.add(cohort)
    detail = client.get(f"/api/v1/articles/{article.pk}").json()
    assert detail["related_cohorts"] == [
        {
            "year": 2017,
            "name": "Gerakan Menuju 100 Smart City 2017",
            "url": f"http://testserver{cohort.get_absolute_url()}",
        }
    ]
    assert detail["related_masterplans"] == [
        {
            "id": plan.pk,
            "title": "Masterplan Bojonegoro 2018",
            "region": "35.22",
            "url": f"http://testserver{plan.get_absolute_url()}",
        }
    ]


@pytest.mark.django_db
def test_links_to_plans_the_editor_cannot_see_survive_their_edit(client, member_b):
    hidden = _plan("35.22", Status.DRAFT, "Rancangan Bojonegoro")
    article = make_article(region="32.73")
    article.related_masterplans.add(hidden)  # linked earlier by a national admin
    client.force_login(member_b)
    edit = client.get(f"/berita/kelola/{article.pk}/").content.decode()
    assert "Rancangan Bojonegoro" not in edit
    response = client.post(
        f"/berita/kelola/{article.pk}/",
        _data(region="32.73", title="Judul baru", masterplans=[]),
    )
    assert response.status_code == 302
    assert list(Article.objects.get().related_masterplans.all()) == [hidden]

"""The jury page keeps every juror's scores (the ranking the program office reads), yet
each score, the jury closing and a region's new name show on the next view; a juror still
sees only their own scores until the jury closes."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from cerdas.cohorts.awards import close_jury, score_nominee
from cerdas.cohorts.models import AwardCategory, Criterion, Nominee
from cerdas.core.signals import content_changed
from cerdas.regions.models import Region
from conftest import make_user

JURY = "/angkatan/2017/juri/"


def _page(client) -> str:
    response = client.get(JURY)
    assert response.status_code == 200
    return re.sub(r'(csrfmiddlewaretoken" value=")[^"]*', r"\1", response.content.decode())


def _ranking(body: str) -> str:
    start = body.find('id="all-title"')
    return body[start:] if start >= 0 else ""


@pytest.fixture
def category(cohort):
    category = AwardCategory.objects.create(cohort=cohort, name="Masterplan terbaik")
    Criterion.objects.create(category=category, name="Visi", max_score=10)
    Nominee.objects.create(category=category, region_id="35.22")
    Nominee.objects.create(category=category, region_id="32.73")
    return category


@pytest.fixture
def juror(cohort, settings):
    user = make_user("juror1", "assessor")
    cohort.jurors.add(user)
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(user)
    return user, client


@pytest.fixture
def signed_in(client, national_admin, category):
    client.force_login(national_admin)
    return client


def _score(category, juror, code, value):
    nominee = category.nominees.get(region_id=code)
    score_nominee(nominee_id=nominee.pk, juror=juror, values={category.criteria.get().pk: value})


@pytest.mark.django_db
def test_a_second_view_ranks_nothing_again(signed_in):
    first = _page(signed_in)
    with CaptureQueriesContext(connection) as ctx:
        body = _page(signed_in)
    read = [q["sql"] for q in ctx.captured_queries]
    assert not any('"cohorts_criterion"."weight" AS' in sql for sql in read)  # the ranking's
    assert len([sql for sql in read if 'FROM "cohorts_awardcategory"' in sql]) == 1
    assert body == first and "All jurors" in body and "Kota Bandung" in _ranking(body)


@pytest.mark.django_db
def test_the_query_count_does_not_grow_with_the_nominees(signed_in, cohort, category):
    def count():
        _page(signed_in)
        with CaptureQueriesContext(connection) as ctx:
            _page(signed_in)
        return len(ctx)

    few = count()
    other = AwardCategory.objects.create(cohort=cohort, name="Quick win terbaik")
    Criterion.objects.create(category=other, name="Dampak", max_score=10)
    for code in ("35.22", "32.73", "73.71"):
        Nominee.objects.create(category=other, region_id=code)
    cohort.jurors.add(signed_in.session["_auth_user_id"])
    assert count() <= few + 1  # the admin now also reads their own scores as a juror


@pytest.mark.django_db
def test_each_change_shows_in_the_kept_ranking(
    signed_in, cohort, category, juror, national_admin, django_capture_on_commit_callbacks
):
    def scored():
        _score(category, juror[0], "32.73", 7)
        return lambda body: re.search(r"Kota Bandung</th><td>7[.,]0</td>", _ranking(body))

    def region_renamed():
        Region.objects.filter(pk="32.73").update(name="Kota Bandung Baru")
        content_changed("regions", "regions")  # as regions.services.import_regions does
        return lambda body: "Kota Bandung Baru" in _ranking(body)

    def closed():
        close_jury(cohort_id=cohort.pk, user=national_admin, confirmed=True)
        return lambda body: "Close the jury" not in body and "The jury is closed." in body

    for change in (scored, region_renamed, closed):
        before = _page(signed_in)
        with django_capture_on_commit_callbacks(execute=True):
            shows = change()
        assert not shows(before), change.__name__
        assert shows(_page(signed_in)), change.__name__


@pytest.mark.django_db
def test_a_juror_never_gets_the_office_s_kept_ranking(
    signed_in, cohort, category, juror, national_admin, django_capture_on_commit_callbacks
):
    user, client = juror
    _score(category, user, "32.73", 7)
    assert "All jurors" in _page(signed_in) and "Close the jury" in _page(signed_in)
    body = _page(client)
    assert "All jurors" not in body and "Close the jury" not in body
    with django_capture_on_commit_callbacks(execute=True):
        close_jury(cohort_id=cohort.pk, user=national_admin, confirmed=True)
    assert "All jurors" in _page(signed_in)
    body = _page(client)
    assert "All jurors" in body and "/juri/tutup/" not in body

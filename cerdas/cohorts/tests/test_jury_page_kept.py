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
    assert not any('FROM "cohorts_awardcategory"' in sql for sql in read)  # nor the ballots
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


# A juror's scoring forms: kept per juror, with their own scores and their own token.


def _ballots(body: str) -> str:
    end = body.find('id="all-title"')
    return body[: end if end >= 0 else len(body)]


def _value(body: str, category, code) -> str | None:
    nominee = category.nominees.get(region_id=code)
    criterion = category.criteria.get()
    found = re.search(rf'id="c{criterion.pk}-{nominee.pk}"[^>]*value="([^"]*)"', body)
    return found and found[1]


@pytest.mark.django_db
def test_a_juror_s_second_view_reads_no_nominee_or_score(category, juror):
    _user, client = juror
    _page(client)
    with CaptureQueriesContext(connection) as ctx:
        body = _page(client)
    read = " ".join(q["sql"] for q in ctx.captured_queries)
    assert '"cohorts_nominee"' not in read and '"cohorts_score"' not in read
    assert "Kota Bandung" in body


@pytest.mark.django_db
def test_each_change_shows_on_a_juror_s_kept_forms(
    category, juror, national_admin, cohort, django_capture_on_commit_callbacks
):
    user, client = juror

    def scored():
        _score(category, user, "32.73", 7)
        return lambda body: _value(body, category, "32.73") == "7"

    def criterion_renamed():
        criterion = category.criteria.get()
        criterion.name = "Visi dan misi"
        criterion.save()
        return lambda body: "Visi dan misi (0" in body

    def nominee_added():
        Nominee.objects.create(category=category, region_id="73.71")
        return lambda body: "Kota Makassar" in _ballots(body)

    def own_region():
        user.region_id = "35.22"
        user.save()
        return lambda body: "Your own region: you do not score it." in body

    def closed():
        close_jury(cohort_id=cohort.pk, user=national_admin, confirmed=True)
        return lambda body: " disabled>" in _ballots(body) and "Save scores" not in body

    for change in (scored, criterion_renamed, nominee_added, own_region, closed):
        before = _page(client)
        with django_capture_on_commit_callbacks(execute=True):
            shows = change()
        assert not shows(before), change.__name__
        assert shows(_page(client)), change.__name__


@pytest.mark.django_db
def test_a_juror_never_sees_another_juror_s_kept_scores(category, juror, cohort):
    _user, client = juror
    other = make_user("juror2", "assessor")
    cohort.jurors.add(other)
    _score(category, other, "32.73", 9)
    other_client = Client()
    other_client.force_login(other)
    assert _value(_page(other_client), category, "32.73") == "9"
    assert _value(_page(client), category, "32.73") == ""


@pytest.mark.django_db
def test_a_refused_score_keeps_what_was_typed_and_the_kept_copy_stays_blank(category, juror):
    _user, client = juror
    _page(client)
    nominee = category.nominees.get(region_id="32.73")
    criterion = category.criteria.get()
    refused = client.post(JURY, {"nominee": nominee.pk, f"c{criterion.pk}": "11"})
    body = refused.content.decode()
    assert 'role="alert"' in body and _value(body, category, "32.73") == "11"
    assert _value(_page(client), category, "32.73") == ""


@pytest.mark.django_db
def test_two_jurors_score_from_the_kept_page_each_with_their_own_token(category, cohort):
    nominee = category.nominees.get(region_id="32.73")
    criterion = category.criteria.get()
    tokens = []
    for name in ("juror1", "juror2"):
        user = make_user(name, "assessor")
        cohort.jurors.add(user)
        client = Client(enforce_csrf_checks=True)
        client.force_login(user)
        page = client.get(JURY).content.decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
        tokens.append((client, token))
    (first, first_token), (second, second_token) = tokens
    data = {"nominee": nominee.pk, f"c{criterion.pk}": "6"}
    assert second.post(JURY, {**data, "csrfmiddlewaretoken": first_token}).status_code == 403
    assert first.post(JURY, {**data, "csrfmiddlewaretoken": first_token}).status_code == 302
    assert second.post(JURY, {**data, "csrfmiddlewaretoken": second_token}).status_code == 302
    assert nominee.scores.count() == 2

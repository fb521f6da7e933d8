"""Jurors score on a rubric, never their own region; results appear at their publish time."""

import datetime

import pytest
from django.utils import timezone

from cerdas.cohorts.awards import ScoringError, close_jury, results, score_nominee
from cerdas.cohorts.models import AwardCategory, Criterion, Nominee
from conftest import make_user


@pytest.fixture
def category(cohort):
    category = AwardCategory.objects.create(cohort=cohort, name="Masterplan terbaik")
    Criterion.objects.create(category=category, name="Visi", max_score=10)
    Criterion.objects.create(category=category, name="Quick win", max_score=10)
    return category


@pytest.fixture
def jurors(cohort):
    one = make_user("juror1", "assessor")
    two = make_user("juror2", "assessor")
    local = make_user("juror3", "regional_team", "35.22")
    cohort.jurors.add(one, two, local)
    return one, two, local


def _values(category, *scores):
    return dict(zip(category.criteria.values_list("pk", flat=True), scores, strict=True))


@pytest.mark.django_db
def test_the_ranking_uses_the_mean_and_shows_the_spread(category, jurors):
    a = Nominee.objects.create(category=category, region_id="35.22")
    b = Nominee.objects.create(category=category, region_id="32.73")
    one, two, _local = jurors
    score_nominee(nominee_id=a.pk, juror=one, values=_values(category, 9, 9))
    score_nominee(nominee_id=a.pk, juror=two, values=_values(category, 7, 7))
    score_nominee(nominee_id=b.pk, juror=one, values=_values(category, 6, 6))
    (result,) = results(category.cohort)
    assert result.winner == a
    top = result.ranking[0]
    assert (top.mean, top.spread, top.count) == (16, 2, 2)


@pytest.mark.django_db
def test_a_juror_cannot_score_their_own_region(category, jurors):
    nominee = Nominee.objects.create(category=category, region_id="35.22")
    with pytest.raises(ScoringError):
        score_nominee(nominee_id=nominee.pk, juror=jurors[2], values=_values(category, 9, 9))


@pytest.mark.django_db
def test_scores_out_of_range_or_after_closing_are_refused(category, jurors, national_admin):
    nominee = Nominee.objects.create(category=category, region_id="32.73")
    with pytest.raises(ScoringError):
        score_nominee(nominee_id=nominee.pk, juror=jurors[0], values=_values(category, 11, 1))
    close_jury(confirmed=True, cohort_id=category.cohort_id, user=national_admin)
    with pytest.raises(ScoringError):
        score_nominee(nominee_id=nominee.pk, juror=jurors[0], values=_values(category, 1, 1))


@pytest.mark.django_db
def test_a_juror_sees_only_their_own_scores_before_the_jury_closes(
    client, category, jurors, national_admin
):
    nominee = Nominee.objects.create(category=category, region_id="32.73")
    score_nominee(nominee_id=nominee.pk, juror=jurors[0], values=_values(category, 3, 7))
    client.force_login(jurors[1])
    body = client.get("/angkatan/2017/juri/").content.decode()
    assert 'value="3"' not in body and "All jurors" not in body
    close_jury(confirmed=True, cohort_id=category.cohort_id, user=national_admin)
    assert "All jurors" in client.get("/angkatan/2017/juri/").content.decode()


@pytest.mark.django_db
def test_scoring_through_the_page_reports_a_bad_value(client, category, jurors):
    nominee = Nominee.objects.create(category=category, region_id="32.73")
    client.force_login(jurors[0])
    ids = list(category.criteria.values_list("pk", flat=True))
    response = client.post(
        "/angkatan/2017/juri/", {"nominee": nominee.pk, f"c{ids[0]}": "12", f"c{ids[1]}": "5"}
    )
    assert response.status_code == 200 and "from 0 to 10" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["member_a", "citizen", "assessor_a"])
def test_people_who_are_not_jurors_are_refused_the_jury_page(client, request, persona, cohort):
    client.force_login(request.getfixturevalue(persona))
    assert client.get("/angkatan/2017/juri/").status_code == 403
    assert client.get("/angkatan/2017/juri/tutup/").status_code == 403
    assert client.post("/angkatan/2017/juri/tutup/", {"confirmed": "yes"}).status_code == 403
    cohort.refresh_from_db()
    assert not cohort.jury_closed


@pytest.mark.django_db
def test_closing_the_jury_says_who_has_not_scored_and_needs_the_confirmation(
    client, category, jurors, national_admin
):
    one = jurors[0]
    Nominee.objects.create(category=category, region_id="35.22")
    score_nominee(nominee_id=category.nominees.get().pk, juror=one, values=_values(category, 8, 9))
    client.force_login(national_admin)
    page = client.get("/angkatan/2017/juri/tutup/").content.decode()
    assert "juror2 has not scored 1 nominee" in page
    assert "juror1 has not scored" not in page
    assert "juror3" not in page  # a juror never scores their own region
    client.post("/angkatan/2017/juri/tutup/")
    category.cohort.refresh_from_db()
    assert not category.cohort.jury_closed
    client.post("/angkatan/2017/juri/tutup/", {"confirmed": "yes"})
    category.cohort.refresh_from_db()
    assert category.cohort.jury_closed


def test_the_service_refuses_to_close_the_jury_unconfirmed(cohort, national_admin):
    with pytest.raises(ScoringError):
        close_jury(cohort_id=cohort.pk, user=national_admin)


@pytest.mark.django_db
def test_results_and_certificates_are_404_to_the_public_before_the_publish_time(
    client, category, jurors
):
    nominee = Nominee.objects.create(category=category, region_id="32.73")
    score_nominee(nominee_id=nominee.pk, juror=jurors[0], values=_values(category, 8, 8))
    cohort = category.cohort
    cohort.results_publish_at = timezone.now() + datetime.timedelta(hours=1)
    cohort.save()
    certificate = f"/angkatan/2017/penghargaan/{category.pk}/32.73/sertifikat.pdf"
    assert client.get("/angkatan/2017/penghargaan/").status_code == 404
    assert client.get(certificate).status_code == 404
    cohort.results_publish_at = timezone.now() - datetime.timedelta(minutes=1)
    cohort.save()
    assert "Kota Bandung" in client.get("/angkatan/2017/penghargaan/").content.decode()
    response = client.get(certificate)
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert (
        client.get(f"/angkatan/2017/penghargaan/{category.pk}/35.22/sertifikat.pdf").status_code
        == 404
    )

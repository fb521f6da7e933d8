"""The 2017 cohort as the public record shows it, loaded once, with its sources."""

import datetime
import io

import pytest
from django.core.management import call_command

from cerdas.cohorts.models import AwardRecord, Cohort, Membership
from cerdas.records import cohort_2017 as record


def _load():
    out = io.StringIO()
    call_command("load_records", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_the_cohort_holds_the_may_list_and_the_november_changes():
    _load()
    cohort = Cohort.objects.get(year=2017)
    assert not cohort.is_demo
    may = {m.region_id for m in cohort.members_on(datetime.date(2017, 6, 1))}
    assert may == set(record.cohort_2017_codes()) and len(may) == 25
    december = {m.region_id for m in cohort.members_on(datetime.date(2017, 12, 1))}
    assert record.LOMBOK_TIMUR in december and len(december) == 24
    assert record.PURWAKARTA not in december and record.SINGKAWANG not in december
    left = Membership.objects.get(cohort=cohort, region_id=record.PURWAKARTA)
    assert left.dates_approximate and left.left_source == record.NOVEMBER_SOURCE
    assert not Membership.objects.filter(is_demo=True).exists()


@pytest.mark.django_db
def test_the_award_night_carries_its_date_venue_and_bojonegoros_award_with_the_source():
    _load()
    cohort = Cohort.objects.get(year=2017)
    assert cohort.award_night_date == datetime.date(2017, 11, 15)
    assert cohort.award_night_date.weekday() == 2  # a Wednesday, as the news says
    assert cohort.award_night_place == "Hotel Santika Premiere, Jl. KS Tubun, Jakarta"
    award = AwardRecord.objects.get(cohort=cohort)
    assert award.region_id == "35.22"
    assert award.category == ""  # the record names no category: none is invented
    assert "Dinas Komunikasi dan Informatika" in award.accepted_by
    assert "16 November 2017" in award.source


@pytest.mark.django_db
def test_loading_twice_adds_nothing():
    _load()
    counts = (Membership.objects.count(), AwardRecord.objects.count(), Cohort.objects.count())
    assert "already recorded" in _load()
    assert (Membership.objects.count(), AwardRecord.objects.count(), Cohort.objects.count()) == (
        counts
    )


@pytest.mark.django_db
def test_a_calendar_an_official_has_changed_is_never_overwritten(national_admin):
    _load()
    Cohort.objects.filter(year=2017).update(seminar_place="Gedung Sate, Bandung")
    _load()
    assert Cohort.objects.get(year=2017).seminar_place == "Gedung Sate, Bandung"


@pytest.mark.django_db
def test_the_cohort_page_shows_the_award_night_and_the_recorded_award_with_its_source(client):
    _load()
    page = client.get("/angkatan/2017/").content.decode()
    assert "Hotel Santika Premiere, Jl. KS Tubun, Jakarta" in page
    assert "15 November 2017" in page
    assert "Kabupaten Bojonegoro" in page and "16 November 2017" in page


@pytest.mark.django_db
def test_bojonegoros_news_of_the_award_night_is_listed_with_its_recorded_counts(client):
    from cerdas.portal.models import Article

    _load()
    items = client.get("/api/v1/articles").json()["items"]
    [item] = [i for i in items if "Malam Penghargaan" in i["title"]]
    assert item["published_at"].startswith("2017-11-16") and item["published_at"].endswith("+07:00")
    assert item["views"] >= 390
    assert list(item["reactions"]["percentages"].values()) == [79, 7, 0, 14]
    article = Article.objects.get(pk=item["id"])
    assert not article.is_demo and article.region_id == "35.22"
    assert list(article.related_cohorts.values_list("year", flat=True)) == [2017]
    assert "Admin" in article.byline and "Komunikasi dan Informatika" in article.byline
    _load()
    assert Article.objects.filter(title=article.title).count() == 1

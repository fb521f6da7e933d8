"""What each app's dataset holds: published figures of the right regions."""

import pytest

from cerdas.assessments import computing, services
from cerdas.core.registries import datasets
from cerdas.opendata import catalogue


def _dataset(key):
    return next(dataset for dataset in datasets if dataset.key == key)


def _rows(key, region_ids=None):
    dataset = _dataset(key)
    names = [column.name for column in dataset.fields]
    return [dict(zip(names, row, strict=True)) for row in dataset.rows(region_ids)]


@pytest.mark.django_db
def test_rankings_appear_only_once_the_round_is_published(computed_round, national_admin):
    assert _rows("assessment-rankings") == []
    computing.finalise_selection(
        round_id=computed_round.pk,
        region_codes=["35.22", "35.78"],
        reason="Uji",
        user=national_admin,
        name="Uji 2030",
        confirmed=True,
        override_reason="Uji: data sengaja tidak lengkap",
    )
    assert _rows("assessment-rankings") == []
    services.publish_round(round_id=computed_round.pk, user=national_admin, confirmed=True)
    rows = {row["region_code"]: row for row in _rows("assessment-rankings")}
    assert set(rows) == {"35.22", "32.73", "35.78", "73.71", "91.71"}
    assert rows["35.22"]["selected"] is True and rows["32.73"]["selected"] is False
    assert rows["35.22"]["rank"] == 1 and rows["35.22"]["round"] == computed_round.slug
    assert _dataset("assessment-rankings").modified(None) is not None


@pytest.mark.django_db
def test_bojonegoro_publishes_its_own_datasets(open_data):
    names = {package.name for package in catalogue.packages("kab-bojonegoro")}
    assert {
        "cohort-memberships-kab-bojonegoro",
        "cohort-awards-kab-bojonegoro",
        "news-statistics-kab-bojonegoro",
        "survey-results-kab-bojonegoro",
        "complaint-counts-kab-bojonegoro",
        "complaint-deadlines-kab-bojonegoro",
        "masterplan-programs-kab-bojonegoro",
        "masterplan-budgets-kab-bojonegoro",
    } <= names
    # Kota Bandung has only a draft masterplan: no masterplan dataset of its own.
    bandung = [p.name for p in catalogue.packages("kota-bandung")]
    assert bandung and not any(name.startswith("masterplan") for name in bandung)


@pytest.mark.django_db
def test_a_regions_package_holds_only_its_rows(open_data):
    news = _rows("news-statistics", ["35.22"])
    assert [row["recorded_views"] for row in news] == [390]
    assert news[0]["recorded_sangat_puas"] == 11 and news[0]["recorded_tidak_puas"] == 2
    assert _rows("news-statistics", ["32.73"]) == []
    members = _rows("cohort-memberships", ["35.22"])
    assert [(m["cohort_year"], m["region_code"]) for m in members] == [(2017, "35.22")]
    programs = _rows("masterplan-programs", ["35.22"])
    assert {p["program"] for p in programs} == {"Satu Data Bojonegoro", "Wi-Fi desa"}
    assert {p["horizon"] for p in programs} == {"quick_win", "short"}


def test_region_names_become_publisher_names():
    from cerdas.regions.models import Region

    assert catalogue.region_slug(Region(name="Kabupaten Bojonegoro", kind="kabupaten")) == (
        "kab-bojonegoro"
    )
    assert catalogue.region_slug(Region(name="Kota Bandung", kind="kota")) == "kota-bandung"


@pytest.mark.django_db
def test_every_region_has_its_own_publisher_name():
    from cerdas.regions.models import Region

    slugs = [catalogue.region_slug(region) for region in Region.objects.all()]
    assert len(slugs) == len(set(slugs)) == Region.objects.count()


@pytest.mark.django_db
def test_complaint_figures_count_reports_without_the_reporter(open_data):
    [count] = _rows("complaint-counts", ["35.22"])
    assert count["category"] == "Jalan rusak" and count["status"] == "submitted"
    assert count["reports"] == 1 and len(count["month"]) == 7
    [region] = _rows("complaint-deadlines", ["35.22"])
    assert region["agency"] == "" and region["reports"] == 1 and region["open"] == 1
    assert _rows("complaint-counts", ["32.73"]) == []


@pytest.mark.django_db
def test_the_catalogue_finds_a_dataset_by_english_or_indonesian_words(open_data):
    from django.utils import translation

    with translation.override("id"):
        english = {p.name for p in catalogue.search("satisfaction survey", "kab-bojonegoro")}
        indonesian = {p.name for p in catalogue.search("kepuasan", "kab-bojonegoro")}
    assert english == indonesian == {"survey-results-kab-bojonegoro"}


@pytest.mark.django_db
@pytest.mark.parametrize("with_data", [False, True])
def test_every_dataset_answers_its_questions_with_or_without_data(request, with_data):
    """rows, modified, temporal and regions work on an empty site and on one with data."""
    import datetime

    if with_data:
        request.getfixturevalue("open_data")
    for dataset in datasets:
        for region_ids in (None, ["35.22"]):
            for row in dataset.rows(region_ids):
                assert len(row) == len(dataset.fields), dataset.key
            modified = dataset.modified(region_ids)
            assert modified is None or modified.tzinfo is not None, dataset.key
            if dataset.temporal:
                span = dataset.temporal(region_ids)
                assert span is None or span[0] <= span[1], dataset.key
                assert span is None or isinstance(span[0], datetime.date)
        if dataset.regions is not None:
            assert set(dataset.regions()) <= {row for row in _region_codes(dataset)}


def _region_codes(dataset):
    names = [column.name for column in dataset.fields]
    index = names.index("region_code")
    return {row[index] for row in dataset.rows(None)}

"""Dashboards: charts drawn on the server, a table under each, links to the datasets."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cerdas.core.registries import REGION, Column, Dataset, datasets
from cerdas.opendata import dashboards
from cerdas.surveys import services
from cerdas.surveys.models import ServiceUnit
from cerdas.surveys.tests.factories import system_admin


@pytest.mark.django_db
def test_the_national_dashboard_shows_the_funnel_ikm_and_deadlines(open_data, client):
    response = client.get("/dasbor/")
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count("<svg") == 3 and page.count("<table") == 3
    assert "<script" not in page
    steps = {step.key: step.count for step in response.context["dashboard"]["steps"]}
    # The 2017 cohort (records): 25 in May and Lombok Timur in November; one approved plan.
    assert steps["selected"] == 26 and steps["masterplan"] == 1 and steps["assessed"] == 0
    # The last step is there exactly when an app registers the "implementation" dataset.
    registered = any(dataset.key == "implementation" for dataset in datasets)
    assert ("quick_wins" in steps) == registered
    assert 'href="/data/survey-results/"' in page
    assert 'href="/data/complaint-deadlines/"' in page
    assert "83,33" in page  # Bojonegoro's IKM, written the Indonesian way


@pytest.mark.django_db
def test_a_region_dashboard_reads_its_own_datasets(open_data, client):
    page = client.get("/dasbor/35.22/").content.decode()
    assert "Disdukcapil — layanan KTP-el" in page
    assert 'href="/data/survey-results-kab-bojonegoro/"' in page
    assert 'href="/data/complaint-deadlines-kab-bojonegoro/"' in page
    assert "✓ Masterplan" in page or "✓ Masterplan disetujui" in page
    empty = client.get("/dasbor/11.01/")
    assert empty.status_code == 200
    assert client.get("/dasbor/99.99/").status_code == 404


@pytest.mark.django_db
def test_quick_wins_done_come_from_the_implementation_dataset_when_registered(open_data):
    def rows(region_ids=None):
        yield ("35.22", "Satu Data Bojonegoro", "quick_win", "done")
        yield ("32.73", "Wi-Fi", "quick_win", "in_progress")
        yield ("35.78", "Jalan mulus", "program", "done")

    # The implementation app's own dataset, when installed, comes back after the test.
    real = next((dataset for dataset in datasets if dataset.key == "implementation"), None)
    datasets.register(
        Dataset(
            "implementation",
            "Implementation",
            "Made up for a test.",
            fields=(
                Column("region_code", "string", "code"),
                Column("program", "string", "program"),
                Column("item_kind", "string", "program or quick_win"),
                Column("status", "string", "status"),
            ),
            rows=rows,
            modified=lambda region_ids=None: None,
            scope=REGION,
            regions=lambda: {"35.22", "32.73", "35.78"},
        )
    )
    try:
        steps = {step.key: step for step in dashboards.funnel()}
    finally:
        datasets.unregister("implementation")
        if real is not None:
            datasets.register(real)
    assert steps["quick_wins"].regions == {"35.22"}


@pytest.mark.django_db
def test_a_signed_in_reader_gets_the_dashboards_kept_and_every_change_at_once(
    open_data, client, member_a, django_capture_on_commit_callbacks
):
    client.force_login(member_a)
    for path in ("/dasbor/", "/dasbor/35.22/"):
        client.get(path)
        with CaptureQueriesContext(connection) as ctx:
            page = client.get(path).content.decode()
        read = " ".join(q["sql"] for q in ctx.captured_queries)
        assert '"surveys_' not in read and '"complaints_' not in read, path  # kept
        assert "Disdukcapil — layanan KTP-el" in page or "83,33" in page
    unit = ServiceUnit.objects.get(name="Disdukcapil — layanan KTP-el")
    with django_capture_on_commit_callbacks(execute=True):
        services.update_unit(system_admin(), unit.pk, "Disdukcapil — layanan akta", None)
    assert "Disdukcapil — layanan akta" in client.get("/dasbor/35.22/").content.decode()

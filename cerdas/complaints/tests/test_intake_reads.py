"""Intake reads the topic once: the form's (or Open311's) lookup is what the service stores."""

import pytest

from cerdas.complaints import services
from cerdas.complaints.models import Category, Report
from cerdas.complaints.tests.conftest import new_report
from cerdas.regions.models import Agency, Region

FORM = "/pengaduan/wilayah/35.22/lapor/"


def _fields(category):
    return {
        "step": "send",
        "kind": "complaint",
        "category": str(category.pk),
        "description": "Jalan berlubang di depan pasar.",
        "address": "Jl. Veteran",
        "latitude": "-7.150975",
        "longitude": "111.881860",
        "privacy": "public",
    }


@pytest.mark.django_db
def test_a_report_from_the_web_form_takes_one_read_of_the_region_and_one_of_the_topic(
    client, road, django_assert_num_queries
):
    client.post(FORM, _fields(road))  # the first also reads the working-day calendar
    # region, topic; then one write transaction (a savepoint inside the test's transaction):
    # rate-limit counter, tracking number, report, event, audit entry; the rate-limit counter
    # takes no savepoint of its own
    with django_assert_num_queries(9):
        response = client.post(FORM, _fields(road))
    assert response.status_code == 302
    assert Report.objects.count() == 2
    report = Report.objects.latest("pk")
    assert report.category == road and report.region_id == "35.22"
    assert report.verify_due_at is not None


@pytest.mark.django_db
def test_the_service_reads_the_topic_itself_when_the_one_given_is_not_the_reports(road):
    """A topic handed over for another id or region is not trusted: the service reads the
    report's own."""
    agency = Agency.objects.create(region_id="32.73", name="Dinas PU Kota Bandung")
    other = Category.objects.create(
        region_id="32.73", code="jalan-rusak", name="Jalan (Bandung)", agency=agency
    )
    handed = services.intake_categories(Region.objects.get(pk="32.73")).get(pk=other.pk)
    report = services.submit_report(new_report(road), category=handed)
    assert report.category_id == road.pk and report.region_id == "35.22"


@pytest.mark.django_db
def test_a_closed_topic_handed_over_is_still_refused(road):
    handed = services.intake_categories(road.region).get(pk=road.pk)
    handed.is_active = False  # closed since the form read it
    with pytest.raises(services.ReportError):
        services.submit_report(new_report(road), category=handed)
    assert not Report.objects.exists()

"""The demo gives Bojonegoro topics, agencies and about 200 labelled reports in every step."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from cerdas.complaints.engine import flow
from cerdas.complaints.models import Category, Report
from cerdas.demo import complaints


@pytest.mark.django_db
def test_the_demo_reports_cover_every_step_kind_and_privacy_once(client):
    call_command("seed_demo", stdout=StringIO())
    assert complaints.seed(StringIO()) == 0  # a second run adds nothing
    reports = Report.objects.filter(region_id="35.22")
    assert reports.count() == complaints.COUNT
    assert all(r.is_demo for r in Report.objects.all())
    assert all(c.is_demo for c in Category.objects.all())
    assert set(reports.values_list("status", flat=True)) == set(flow.STATUSES)
    assert set(reports.values_list("privacy", flat=True)) == {"public", "anonymous", "confidential"}
    assert set(reports.values_list("kind", flat=True)) == {"complaint", "aspiration", "information"}
    overdue = reports.filter(status__in=list(flow.OPEN), due_at__lte=timezone.now())
    assert overdue.exists()
    page = client.get("/pengaduan/wilayah/35.22/").content.decode()
    assert 'class="badge">demo' in page

"""The demo shows Bojonegoro's satisfaction surveys: labelled, published, one short of sample."""

from io import StringIO

import pytest
from django.core.management import call_command

from cerdas.accounts.models import User
from cerdas.surveys import results
from cerdas.surveys.models import Response, ServiceUnit, Survey
from cerdas.surveys.permissions import can_manage_unit


@pytest.mark.django_db
def test_the_demo_makes_three_units_over_two_published_periods_once(client):
    call_command("seed_demo", stdout=StringIO())
    responses = Response.objects.count()
    call_command("seed_demo", stdout=StringIO())
    assert Response.objects.count() == responses
    units = ServiceUnit.objects.filter(region_id="35.22")
    assert units.count() == 3
    assert all(unit.is_demo and unit.name.endswith("(demo)") for unit in units)
    published = Survey.objects.published()
    assert published.count() == 6 and all(survey.is_demo for survey in published)
    short = [s for s in published if not results.figures(s).sample_reached]
    assert [s.unit.name for s in short] == ["Diskominfo — layanan informasi publik PPID (demo)"]
    # One survey takes answers now, so the questionnaire can be tried.
    open_now = [s for s in Survey.objects.filter(published_at=None) if s.accepts_answers()]
    assert len(open_now) == 1
    assert client.get(f"/survei/isi/{open_now[0].pk}/").status_code == 200
    page = client.get("/survei/wilayah/35.22/").content.decode()
    assert 'class="badge">demo' in page


@pytest.mark.django_db
def test_the_demo_officer_manages_the_diskominfo_unit_only():
    call_command("seed_demo", stdout=StringIO())
    officer = User.objects.get(username="opd.bojonegoro")
    managed = [unit.name for unit in ServiceUnit.objects.all() if can_manage_unit(officer, unit)]
    assert managed == ["Diskominfo — layanan informasi publik PPID (demo)"]

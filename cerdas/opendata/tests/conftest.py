"""Open data fixtures: Bojonegoro with data in every app, and content that must stay hidden.

Bojonegoro (35.22) gets what the public record holds (the 2017 cohort, its award night and
its news with the older portal's counts, from ``load_records``), plus a published survey, a
report and an approved masterplan, all made through the apps' services. Beside them sit
things no dataset may show: a draft article, a draft masterplan, an unpublished survey, a
reporter's name and e-mail. ``HIDDEN`` lists the words that mark them.
"""

import datetime as dt
import io

import pytest
from django.core.management import call_command

from cerdas.complaints import services as complaints
from cerdas.complaints.models import Category, Privacy
from cerdas.masterplans.models import Horizon
from cerdas.masterplans.reference import seed_reference_data
from cerdas.masterplans.tests.factories import add_program, make_plan, take_through
from cerdas.portal.models import Article
from cerdas.portal.tests.factories import make_article
from cerdas.regions.models import Agency
from cerdas.surveys.tests.factories import add_responses, make_survey, make_unit, publish
from conftest import make_user

BOJONEGORO = "35.22"
BANDUNG = "32.73"

HIDDEN = (
    "Draf rahasia pengadaan",  # a draft article
    "Rencana rahasia Bandung",  # a draft masterplan
    "Loket belum terbit",  # the unit of an unpublished survey only
    "Siti Aminah",  # a reporter's name
    "siti@example.org",  # a reporter's e-mail
    "081234567890",  # a reporter's phone
    "Jalan di depan SDN 1",  # a report's text
    "Nama saya Budi",  # a respondent's suggestion
)


def build_open_data():
    """Everything above, committed where the caller's database commits."""
    call_command("load_records", stdout=io.StringIO())
    seed_reference_data()
    # A published survey in Bojonegoro, and one that is not published.
    survey = make_survey(start=dt.date(2025, 1, 1), end=dt.date(2025, 6, 30), population=100)
    add_responses(survey, [[4] * 9, [3] * 9, [3] * 9], suggestion="Nama saya Budi")
    publish(survey)
    hidden = make_survey(unit=make_unit("Loket belum terbit"))
    add_responses(hidden, [[2] * 9])
    # A citizen's report, with a name, an e-mail and a phone the datasets must never show.
    agency = Agency.objects.get_or_create(region_id=BOJONEGORO, name="Dinas PU Bina Marga")[0]
    road = Category.objects.get_or_create(
        region_id=BOJONEGORO, code="jalan-rusak", defaults={"name": "Jalan rusak", "agency": agency}
    )[0]
    complaints.submit_report(
        complaints.NewReport(
            region_code=BOJONEGORO,
            category_id=road.pk,
            kind="complaint",
            privacy=Privacy.PUBLIC,
            description="Jalan di depan SDN 1 berlubang besar sejak seminggu.",
            address="Jl. Veteran, Kadipaten",
            latitude=None,
            longitude=None,
            name="Siti Aminah",
            email="siti@example.org",
            phone="081234567890",
        )
    )
    # An approved masterplan in Bojonegoro with a quick win, and a draft one in Bandung.
    team = make_user("opendata_team", "regional_team", BOJONEGORO)
    reviewer = make_user("opendata_reviewer", "assessor")
    reviewer.assigned_regions.add(BOJONEGORO)
    plan = make_plan()
    add_program(plan, name="Satu Data Bojonegoro", horizon=Horizon.QUICK_WIN)
    add_program(plan, name="Wi-Fi desa", dimension="society", start=2026, end=2028)
    take_through(plan, team, reviewer, "submit", "start_review", "approve")
    draft = make_plan(region=BANDUNG, title="Rencana rahasia Bandung")
    add_program(draft, name="Rencana rahasia Bandung: program")
    # A draft news article.
    make_article(title="Draf rahasia pengadaan", status=Article.Status.DRAFT, published_at=None)
    return plan


@pytest.fixture
def open_data(db):
    return build_open_data()

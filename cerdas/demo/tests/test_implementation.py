"""Demo implementation: updates on Bojonegoro's approved demo plan, all demo; run twice, same."""

import io

import pytest

from cerdas.demo import accounts as demo_accounts
from cerdas.demo import implementation as demo
from cerdas.demo import masterplans as demo_plans
from cerdas.implementation.models import Record, Update


@pytest.fixture
def demo_plan(db):
    demo_accounts.seed(io.StringIO())
    demo_plans.seed(io.StringIO())


@pytest.mark.django_db
def test_the_demo_reports_on_bojonegoros_programs_once(client, demo_plan):
    demo.seed(io.StringIO())
    counts = (Record.objects.count(), Update.objects.count())
    demo.seed(io.StringIO())
    assert (Record.objects.count(), Update.objects.count()) == counts
    assert counts[0] > 5
    assert not Record.objects.filter(is_demo=False).exists()
    statuses = set(Record.objects.values_list("status", flat=True))
    assert {"done", "in_progress", "dropped"} <= statuses
    assert all("Demo" in u.note or "Demo" in u.reason for u in Update.objects.all())
    page = client.get("/implementasi/35.22/")
    assert page.status_code == 200
    assert "demo" in page.content.decode()

"""A plan's workspace keeps what the plan holds, yet every change shows on the next view.

Its completeness, sections, programs, comments, versions and history are kept per plan under
the plan's latest history entry (every service that changes a plan writes one) and the
kinds its agencies, dimensions and region announce (cerdas/masterplans/receivers.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cerdas.masterplans import services
from cerdas.masterplans.models import Dimension, Horizon
from cerdas.masterplans.tests.factories import add_program, make_plan, take_through
from cerdas.regions.models import Agency

READ = (
    "masterplans_section",
    "masterplans_program",
    "masterplans_budget",
    "masterplans_comment",
    "masterplans_version",
    "masterplans_dimension",
)


def _page(client, plan) -> str:
    client.cookies["cerdas_lang"] = "en"
    response = client.get(f"/masterplan/{plan.pk}/kelola/")
    assert response.status_code == 200
    return response.content.decode()


def _part(body: str, title_id: str) -> str:
    """One section of the page, from its heading to its end."""
    return body.split(f'id="{title_id}"')[1].split("</section>")[0]


@pytest.fixture
def plan(client, member_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        plan = make_plan()
        add_program(plan, name="Satu Data Bojonegoro")
    client.force_login(member_a)
    _page(client, plan)  # now kept
    return plan


@pytest.mark.django_db
def test_a_second_view_reads_nothing_the_plan_holds(client, plan):
    with CaptureQueriesContext(connection) as ctx:
        body = _page(client, plan)
    read = " ".join(q["sql"] for q in ctx.captured_queries)
    assert not [table for table in READ if f'"{table}"' in read]
    assert "Satu Data Bojonegoro" in _part(body, "programs-title")
    assert "150" in _part(body, "programs-title").split("Satu Data Bojonegoro")[1].split("</tr>")[0]


@pytest.mark.django_db
def test_each_change_shows_on_the_next_view(
    client, plan, member_a, assessor_a, django_capture_on_commit_callbacks
):
    def vision(body: str) -> str:
        return _part(body, "sections-title").split('id="section-vision"')[1].split("</li>")[0]

    def section_saved(before):
        services.save_section(plan.pk, "vision", {"vision": "Bojonegoro Produktif"}, 1)
        return lambda body: vision(body) != vision(before)

    def program_added(before):
        add_program(plan, name="Pasar Digital", dimension="economy", horizon=Horizon.MEDIUM)
        return lambda body: "Pasar Digital" in _part(body, "programs-title")

    def program_renamed(before):
        program = plan.programs.get(name="Pasar Digital")
        values = {
            "name": "Pasar Rakyat Digital",
            "dimension": Dimension.objects.get(code="economy"),
            "horizon": Horizon.MEDIUM,
            "start_year": 2025,
            "end_year": 2026,
            "agency": None,
        }
        services.save_program(
            plan.pk, values, [], [], program_id=program.pk, loaded_version=program.version
        )
        return lambda body: "Pasar Rakyat Digital" in _part(body, "programs-title")

    def program_deleted(before):
        program = plan.programs.get(name="Pasar Rakyat Digital")
        services.delete_program(plan.pk, program.pk, confirmed=True)
        return lambda body: "Pasar Rakyat Digital" not in _part(body, "programs-title")

    def agency_renamed(before):
        agency = Agency.objects.get(name="Badan Perencanaan Pembangunan Daerah")
        agency.name = "Bappeda Bojonegoro"
        agency.save()
        return lambda body: "Bappeda Bojonegoro" in _part(body, "programs-title")

    def dimension_renamed(before):
        dimension = Dimension.objects.get(code="governance")
        dimension.name = "Smart Governance (baru)"
        dimension.save()
        return lambda body: "Smart Governance (baru)" in _part(body, "programs-title")

    def submitted(before):
        take_through(plan, member_a, assessor_a, "submit")
        return lambda body: ">Submitted<" in body and "Version 1" in _part(body, "versions-title")

    def commented(before):
        services.add_comment(plan.pk, assessor_a, "Tambahkan indikator kinerja utama.")
        return lambda body: "Tambahkan indikator kinerja utama." in _part(body, "comments-title")

    for change in (
        section_saved,
        program_added,
        program_renamed,
        program_deleted,
        agency_renamed,
        dimension_renamed,
        submitted,
        commented,
    ):
        before = _page(client, plan)
        with django_capture_on_commit_callbacks(execute=True):
            shows = change(before)
        assert not shows(before), change.__name__
        assert shows(_page(client, plan)), change.__name__


@pytest.mark.django_db
def test_each_person_gets_the_links_and_forms_that_are_theirs(
    client, plan, assessor_a, django_capture_on_commit_callbacks
):
    program = plan.programs.get()
    edit = f'href="/masterplan/{plan.pk}/program/{program.pk}/'
    team_view = _page(client, plan)
    assert edit in team_view and 'id="id_target"' not in team_view
    client.force_login(assessor_a)
    review_view = _page(client, plan)  # the team's copy is not theirs
    assert edit not in review_view and 'id="id_target"' in review_view
    assert "Satu Data Bojonegoro</option>" in review_view  # comment on a program

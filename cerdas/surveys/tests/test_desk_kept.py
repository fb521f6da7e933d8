"""The surveys desk is kept for all who see the same units, yet every change shows at once.

Below the heading the list of units is kept under the versions of its region's desk and the
regions (cerdas/surveys/receivers.py); who sees which units is part of the key."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cerdas.accounts.models import User
from cerdas.core.signals import content_changed
from cerdas.surveys import services
from cerdas.surveys.models import Survey
from cerdas.surveys.tests.factories import (
    add_responses,
    answer,
    make_survey,
    make_unit,
    publish,
    system_admin,
)
from conftest import make_user

DESK = "/survei/kelola/"


def _page(client) -> str:
    client.cookies["cerdas_lang"] = "en"
    response = client.get(DESK)
    assert response.status_code == 200
    return response.content.decode()


def _respondents(body: str, survey: Survey) -> str:
    """The respondents figure on the survey's row."""
    row = body.split(f'href="/survei/kelola/{survey.pk}/"')[1].split("</tr>")[0]
    return row.rsplit('<td class="num">', 1)[1].split("</td>")[0]


@pytest.fixture
def desk(client, member_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        survey = make_survey(make_unit("Disdukcapil — KTP-el"))
        answer(survey, [4] * 9)
    client.force_login(member_a)
    _page(client)  # the list is now kept
    return survey


@pytest.mark.django_db
def test_a_second_view_reads_no_unit_and_no_survey(client, desk):
    with CaptureQueriesContext(connection) as ctx:
        body = _page(client)
    read = " ".join(q["sql"] for q in ctx.captured_queries)
    assert '"surveys_serviceunit"' not in read and '"surveys_survey"' not in read
    assert "Disdukcapil — KTP-el" in body and _respondents(body, desk) == "1"


@pytest.mark.django_db
def test_each_change_shows_on_the_next_view(
    client, desk, officer_a, django_capture_on_commit_callbacks
):
    admin = system_admin()

    def a_citizen_answers():
        answer(desk, [3] * 9)
        return lambda body: _respondents(body, desk) == "2"

    def paper_questionnaires_counted():
        # Written in bulk, then the tally rebuilt (a save of the tally, not an UPDATE).
        add_responses(desk, [[4] * 9] * 3)
        return lambda body: _respondents(body, desk) == "5"

    def unit_renamed():
        services.update_unit(admin, desk.unit_id, "Disdukcapil — Akta", None)
        return lambda body: "Disdukcapil — Akta" in body and "KTP-el" not in body

    def unit_added():
        make_unit("RSUD Dr. R. Sosodoro Djatikoesoemo")
        return lambda body: "RSUD Dr. R. Sosodoro Djatikoesoemo" in body

    def survey_opened():
        unit = make_unit("RSUD Dr. R. Sosodoro Djatikoesoemo")
        survey = make_survey(unit)
        return lambda body: f'href="/survei/kelola/{survey.pk}/"' in body

    def answers_stopped():
        services.set_answering(admin, desk.pk, taking_answers=False)
        return lambda body: "Closed" in body

    def published():
        publish(desk)
        return lambda body: "Published" in body

    def agency_renamed():
        services.update_unit(admin, desk.unit_id, "Disdukcapil — Akta", officer_a.agency_id)
        return lambda body: "Dinas Komunikasi dan Informatika" in body

    def agency_renamed_again():
        agency = officer_a.agency
        agency.name = "Dinas Kominfo dan Statistik"
        agency.save()
        return lambda body: "Dinas Kominfo dan Statistik" in body

    for change in (
        a_citizen_answers,
        paper_questionnaires_counted,
        unit_renamed,
        unit_added,
        survey_opened,
        answers_stopped,
        published,
        agency_renamed,
        agency_renamed_again,
    ):
        before = _page(client)
        with django_capture_on_commit_callbacks(execute=True):
            shows = change()
        assert not shows(before), change.__name__
        assert shows(_page(client)), change.__name__


@pytest.mark.django_db
def test_a_survey_deleted_leaves_the_desk(client, desk, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        survey = make_survey(make_unit("RSUD Dr. R. Sosodoro Djatikoesoemo"))
    row = f'href="/survei/kelola/{survey.pk}/"'
    assert row in _page(client)
    with django_capture_on_commit_callbacks(execute=True):
        survey.delete()  # its tally goes with it
    assert row not in _page(client)


@pytest.mark.django_db
def test_each_person_gets_the_copy_of_what_they_see(
    client, desk, member_a, officer_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_unit("Dinas Kominfo — PPID", agency=officer_a.agency)
    client.force_login(officer_a)
    body = _page(client)  # the agency officer: only the agency's unit
    assert "Dinas Kominfo — PPID" in body and "Disdukcapil — KTP-el" not in body
    client.force_login(member_a)
    body = _page(client)  # the region's team: every unit of the region
    assert "Dinas Kominfo — PPID" in body and "Disdukcapil — KTP-el" in body
    # A superuser with a team's role and region sees every region: never the team's copy.
    with django_capture_on_commit_callbacks(execute=True):
        make_unit("Dispendukcapil Kota Bandung", region="32.73")
    root = make_user("root", User.Role.REGIONAL_TEAM, "35.22", is_superuser=True)
    client.force_login(root)
    assert "Dispendukcapil Kota Bandung" in _page(client)
    client.force_login(member_a)
    assert "Dispendukcapil Kota Bandung" not in _page(client)


# A unit's form (new or edited): kept blank per who fills it in, under the same desk.


def _form(client, path) -> str:
    client.cookies["cerdas_lang"] = "en"
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_a_unit_form_shows_each_change_of_what_it_offers(
    client, desk, national_admin, django_capture_on_commit_callbacks
):
    from cerdas.regions.models import Agency, Region

    unit = desk.unit
    client.force_login(national_admin)
    forms = ("/survei/kelola/unit/baru/", f"/survei/kelola/unit/{unit.pk}/")

    def agency_added():
        Agency.objects.create(region_id="35.22", name="Dinas Perpustakaan dan Kearsipan")
        return "Dinas Perpustakaan dan Kearsipan"

    def region_renamed():
        Region.objects.filter(pk="32.73").update(name="Kota Bandung Raya")
        content_changed("regions", "regions")  # as regions.services.import_regions does
        return "Kota Bandung Raya"

    def unit_renamed():
        services.update_unit(national_admin, unit.pk, "Disdukcapil — Akta", unit.agency_id)
        return 'value="Disdukcapil — Akta"'

    for change, shown_on in (
        (agency_added, forms),
        (region_renamed, forms[:1]),
        (unit_renamed, forms[1:]),
    ):
        before = [_form(client, path) for path in shown_on]
        with django_capture_on_commit_callbacks(execute=True):
            expected = change()
        for path, page in zip(shown_on, before, strict=True):
            assert expected not in page, (change.__name__, path)
            assert expected in _form(client, path), (change.__name__, path)


@pytest.mark.django_db
def test_each_person_gets_the_unit_form_of_their_own_place(client, desk, national_admin):
    """The ministry picks the region; a region's team does not, and sees only its agencies."""
    from cerdas.regions.models import Agency

    Agency.objects.create(region_id="32.73", name="Dinas Kota Bandung")
    team = _form(client, "/survei/kelola/unit/baru/")
    client.force_login(national_admin)
    ministry = _form(client, "/survei/kelola/unit/baru/")
    assert 'name="region"' in ministry and "Dinas Kota Bandung" in ministry
    assert 'name="region"' not in team and "Dinas Kota Bandung" not in team

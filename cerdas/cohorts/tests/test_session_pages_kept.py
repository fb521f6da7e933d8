"""A bimtek session's page and its attendance form are kept (the facts, mentors,
deliverables and attendance; the blank form), yet every change shows on the next view, and
a member region's people never get the program office's copy."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from cerdas.cohorts import services
from cerdas.cohorts.models import BimtekSession, Deliverable
from cerdas.core.signals import content_changed
from cerdas.regions.models import Region

SESSION = "/angkatan/2017/bimtek/1/"
ATTENDANCE = "/angkatan/2017/bimtek/1/kehadiran/"
KEPT = ('"cohorts_attendance"', '"cohorts_membership"', '"regions_region"', '"accounts_user"')


def _page(client, url) -> str:
    """The page without its CSRF token (a new one each view)."""
    response = client.get(url)
    assert response.status_code == 200
    return re.sub(r'(csrfmiddlewaretoken" value=")[^"]*', r"\1", response.content.decode())


def _row(body: str, region: str) -> str:
    """The session page's attendance row of a region."""
    return re.search(rf'<th scope="row">{region}</th>(.*?)</tr>', body, re.S)[1]


@pytest.fixture
def session(cohort):
    return BimtekSession.objects.create(
        cohort=cohort, stage=1, starts_on="2017-07-18", place="Jakarta", agenda="Kesiapan"
    )


@pytest.fixture
def signed_in(client, session, national_admin):
    client.force_login(national_admin)
    return client


@pytest.mark.django_db
def test_a_second_view_reads_no_attendance_member_region_or_mentor(signed_in):
    for url in (SESSION, ATTENDANCE):
        first = _page(signed_in, url)
        with CaptureQueriesContext(connection) as ctx:
            body = _page(signed_in, url)
        read = [q["sql"] for q in ctx.captured_queries]
        assert len([sql for sql in read if '"accounts_user"' in sql]) == 1, url  # the reader
        assert not any(table in " ".join(read[1:]) for table in KEPT), url
        assert body == first and "Kabupaten Bojonegoro" in body, url


@pytest.mark.django_db
def test_each_change_shows_on_the_session_page_and_the_attendance_form(
    signed_in, cohort, session, national_admin, assessor_a, django_capture_on_commit_callbacks
):
    def attendance_recorded():
        signed_in.post(
            ATTENDANCE, {"attended_35.22": "on", "attendees_35.22": "Budi — Kepala Bappeda"}
        )
        return lambda session_page, form: (
            "Budi — Kepala Bappeda" in _row(session_page, "Kabupaten Bojonegoro")
            and "Budi — Kepala Bappeda</textarea>" in form
        )

    def mentor_chosen():
        signed_in.post(
            f"{SESSION}ubah/",
            {
                "stage": "1",
                "starts_on": "2017-07-18",
                "place": "Jakarta",
                "mentors": [assessor_a.pk],
            },
        )
        return lambda session_page, form: "<dd>assessor_a</dd>" in session_page

    def mentor_renamed():
        assessor_a.first_name, assessor_a.last_name = "Sri", "Mentor"
        assessor_a.save()
        return lambda session_page, form: "<dd>Sri Mentor</dd>" in session_page

    def deliverable_added():
        Deliverable.objects.create(
            cohort=cohort, session=session, title="Analisis kesiapan", due_on="2017-08-31"
        )
        return lambda session_page, form: "Analisis kesiapan" in session_page

    def region_joined():
        services.add_members(
            cohort_id=cohort.pk, region_codes=["11.01"], user=national_admin, reason="Susulan"
        )
        name = Region.objects.get(pk="11.01").name
        return lambda session_page, form: (
            f'<th scope="row">{name}</th>' in session_page and f"<legend>{name}</legend>" in form
        )

    def region_renamed():
        Region.objects.filter(pk="35.22").update(name="Kabupaten Bojonegoro Baru")
        content_changed("regions", "regions")  # as regions.services.import_regions does
        return lambda session_page, form: (
            "Kabupaten Bojonegoro Baru" in session_page and "Kabupaten Bojonegoro Baru" in form
        )

    for change in (
        attendance_recorded,
        mentor_chosen,
        mentor_renamed,
        deliverable_added,
        region_joined,
        region_renamed,
    ):
        before = _page(signed_in, SESSION), _page(signed_in, ATTENDANCE)
        with django_capture_on_commit_callbacks(execute=True):
            shows = change()
        assert not shows(*before), change.__name__
        assert shows(_page(signed_in, SESSION), _page(signed_in, ATTENDANCE)), change.__name__


@pytest.mark.django_db
def test_a_region_team_gets_its_own_row_and_no_office_links(signed_in, member_a, settings):
    office = _page(signed_in, SESSION)
    assert "Kota Bandung" in office and "Record attendance" in office
    team_client = Client()
    team_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    team_client.force_login(member_a)
    team = _page(team_client, SESSION)
    assert "Kabupaten Bojonegoro" in team
    assert "Kota Bandung" not in team and "member regions came" not in team
    assert "/ubah/" not in team and "kehadiran" not in team
    assert "Kota Bandung" in _page(signed_in, SESSION)


@pytest.mark.django_db
def test_a_refused_attendance_keeps_what_was_typed_and_the_kept_form_stays_as_saved(signed_in):
    kept = _page(signed_in, ATTENDANCE)
    response = signed_in.post(ATTENDANCE, {"attendees_35.22": "Budi — Kepala Bappeda"})
    body = response.content.decode()
    assert "Tick “attended”" in body and "Budi — Kepala Bappeda</textarea>" in body
    assert _page(signed_in, ATTENDANCE) == kept

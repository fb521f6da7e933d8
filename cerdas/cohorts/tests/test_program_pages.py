"""The program office runs the cohort in the browser: calendar, sessions, attendance,
deliverables and mentors; nobody else may."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cerdas.accounts.models import User
from cerdas.cohorts.models import Attendance, BimtekSession, Deliverable, MentorAssignment
from conftest import make_user

BASE = "/angkatan/2017/"
SESSION = {
    "stage": "1",
    "starts_on": "2017-07-18",
    "place": "Jakarta",
    "agenda": "Kesiapan SDM dan suprastruktur",
}


@pytest.fixture
def session(cohort):
    return BimtekSession.objects.create(
        cohort=cohort, stage=1, starts_on="2017-07-18", place="Jakarta", agenda="Kesiapan"
    )


@pytest.mark.django_db
def test_the_admin_edits_the_calendar_and_a_bad_date_keeps_what_was_typed(
    client, cohort, national_admin
):
    client.force_login(national_admin)
    url = f"{BASE}kelola/jadwal/"
    data = {"name": cohort.name, "target_count": "25", "mou_start": "2017-05-23"}
    bad = client.post(url, {**data, "mou_end": "2017-05-01", "mou_place": "Istana Bogor"})
    body = bad.content.decode()
    assert bad.status_code == 200 and "cannot come before" in body and "Istana Bogor" in body
    client.post(url, {**data, "mou_end": "2017-05-24", "seminar_date": "2017-11-15"})
    cohort.refresh_from_db()
    assert str(cohort.seminar_date) == "2017-11-15" and str(cohort.mou_end) == "2017-05-24"


@pytest.mark.django_db
def test_the_admin_creates_a_session_with_mentors_and_a_deliverable(
    client, cohort, national_admin, assessor_a
):
    client.force_login(national_admin)
    response = client.post(f"{BASE}bimtek/baru/", {**SESSION, "mentors": [assessor_a.pk]})
    assert response.status_code == 302
    session = BimtekSession.objects.get(cohort=cohort, stage=1)
    assert list(session.mentors.all()) == [assessor_a]
    client.post(
        f"{BASE}luaran/baru/",
        {"session": session.pk, "title": "Analisis kesiapan", "due_on": "2017-08-04"},
    )
    item = Deliverable.objects.get(cohort=cohort)
    assert item.session == session
    page = client.get(f"{BASE}bimtek/1/").content.decode()
    assert "Analisis kesiapan" in page and "Kesiapan SDM" in page


@pytest.mark.django_db
def test_a_session_needs_a_place_or_link_and_one_per_stage(client, session, national_admin):
    client.force_login(national_admin)
    response = client.post(
        f"{BASE}bimtek/baru/", {**SESSION, "stage": "2", "place": "", "agenda": "Pemetaan RPJMD"}
    )
    body = response.content.decode()
    assert "Give the place, or the online meeting link" in body and "Pemetaan RPJMD" in body
    response = client.post(f"{BASE}bimtek/baru/", SESSION)
    assert "already has a session for this stage" in response.content.decode()
    online = {**SESSION, "stage": "3", "place": "", "online_url": "https://meet.example.org/b3"}
    assert client.post(f"{BASE}bimtek/baru/", online).status_code == 302


@pytest.mark.django_db
def test_attendance_is_recorded_per_region_and_shown_on_the_session_page(
    client, session, national_admin
):
    client.force_login(national_admin)
    url = f"{BASE}bimtek/1/kehadiran/"
    bad = client.post(url, {"attendees_32.73": "Dedi — Kepala Diskominfo"})
    assert "Tick “attended”" in bad.content.decode()
    assert "Dedi — Kepala Diskominfo" in bad.content.decode()
    assert not Attendance.objects.exists()
    client.post(
        url,
        {"attended_35.22": "on", "attendees_35.22": "Sri — Kepala Bappeda\nAgus — Diskominfo"},
    )
    row = Attendance.objects.get(session=session, region_id="35.22")
    assert row.attended and "Agus — Diskominfo" in row.attendees
    page = client.get(f"{BASE}bimtek/1/").content.decode()
    assert "Sri — Kepala Bappeda" in page and "1 of 3 member regions came" in page


@pytest.mark.django_db
def test_a_member_team_sees_only_its_own_attendance(client, session, member_a, national_admin):
    Attendance.objects.create(session=session, region_id="35.22", attended=True, attendees="Sri")
    Attendance.objects.create(session=session, region_id="32.73", attended=True, attendees="Dedi")
    client.force_login(member_a)
    page = client.get(f"{BASE}bimtek/1/").content.decode()
    assert "Sri" in page and "Dedi" not in page
    board = client.get(f"{BASE}wilayah/35.22/").content.decode()
    assert "Bimtek stage 1" in board and "Sri" in board


@pytest.mark.django_db
def test_mentors_are_assigned_to_regions_from_the_assessors(
    client, cohort, national_admin, assessor_a
):
    client.force_login(national_admin)
    page = client.get(f"{BASE}kelola/mentor/").content.decode()
    assert "assessor_a" in page and "member_a" not in page
    client.post(f"{BASE}kelola/mentor/", {"mentor_35.22": assessor_a.pk})
    assert MentorAssignment.objects.get(cohort=cohort, region_id="35.22").mentor == assessor_a
    client.post(f"{BASE}kelola/mentor/", {"mentor_35.22": ""})
    assert not MentorAssignment.objects.exists()


@pytest.mark.django_db
def test_the_mentors_page_reads_the_people_once_and_shows_each_regions_mentor(
    client, cohort, national_admin, assessor_a
):
    other = make_user("assessor_c", User.Role.ASSESSOR)
    client.force_login(national_admin)
    client.post(f"{BASE}kelola/mentor/", {"mentor_35.22": assessor_a.pk, "mentor_32.73": other.pk})
    with CaptureQueriesContext(connection) as ctx:
        page = client.get(f"{BASE}kelola/mentor/").content.decode()
    people = [q for q in ctx.captured_queries if "= 'assessor'" in q["sql"]]
    assert len(people) == 1  # three regions, one list of people
    for code, mentor in (("35.22", assessor_a), ("32.73", other)):
        select = re.search(rf'<select name="mentor_{code}"[^>]*>(.*?)</select>', page, re.S)[1]
        assert re.search(rf'<option value="{mentor.pk}" selected>', select), code
        assert select.count(" selected") == 1


@pytest.mark.django_db
def test_a_citizen_cannot_be_made_a_mentor(client, cohort, national_admin, citizen):
    client.force_login(national_admin)
    response = client.post(f"{BASE}kelola/mentor/", {"mentor_35.22": citizen.pk})
    assert response.status_code == 200 and not MentorAssignment.objects.exists()


PAGES = [
    "kelola/",
    "kelola/jadwal/",
    "kelola/mentor/",
    "bimtek/baru/",
    "bimtek/1/ubah/",
    "bimtek/1/kehadiran/",
    "luaran/baru/",
]


@pytest.fixture
def other_assessor(db):
    return make_user("assessor_b", "assessor")


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["member_a", "member_b", "citizen", "assessor_a"])
@pytest.mark.parametrize("page", PAGES)
def test_only_the_program_office_may_run_the_cohort(client, request, persona, page, session):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(BASE + page).status_code == 403
    assert client.post(BASE + page, SESSION).status_code == 403
    assert BimtekSession.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("page", [*PAGES, "bimtek/1/"])
def test_anonymous_visitors_are_sent_to_log_in(client, page, session):
    assert client.get(BASE + page).status_code == 302


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["member_b", "citizen", "other_assessor"])
def test_outsiders_cannot_open_a_session_page(client, request, persona, session):
    user = request.getfixturevalue(persona)
    if persona == "member_b":  # a region outside the cohort
        session.cohort.memberships.filter(region_id="32.73").delete()
    client.force_login(user)
    assert client.get(f"{BASE}bimtek/1/").status_code == 403


@pytest.mark.django_db
def test_the_cohort_page_counts_each_sessions_deliverables(client, cohort, national_admin, session):
    """The count comes from the database (no list of deliverables loaded per session)."""
    for title in ("Analisis kesiapan", "Pemetaan program"):
        Deliverable.objects.create(cohort=cohort, session=session, title=title, due_on="2017-08-31")
    other = BimtekSession.objects.create(cohort=cohort, stage=2, starts_on="2017-09-12")
    client.force_login(national_admin)
    page = client.get(BASE + "kelola/").content.decode()
    first, second = page.index("Bimtek stage 1"), page.index("Bimtek stage 2")
    assert "2 deliverables" in page[first:second]
    assert "0 deliverables" in page[second : page.index("</ul>", second)]
    assert other.pk

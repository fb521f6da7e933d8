"""The mentors page and the awards page keep their blank forms (and the award categories),
yet every change shows on the next view: a cohorts record, a region or a person changed
(cerdas/cohorts/signals.py, cerdas/accounts/receivers.py)."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cerdas.cohorts import services
from conftest import make_user

MENTORS = "/angkatan/2017/kelola/mentor/"
AWARDS = "/angkatan/2017/kelola/penghargaan/"


def _page(client, url) -> str:
    client.cookies["cerdas_lang"] = "en"
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _tables(ctx) -> str:
    return " ".join(q["sql"] for q in ctx.captured_queries)


def _mentor_of(body: str, code: str) -> str:
    """The option chosen for a region, or "" when nobody is."""
    select = re.search(rf'<select name="mentor_{code}"[^>]*>(.*?)</select>', body, re.S)[1]
    chosen = re.search(r'<option value="[^"]*" selected>([^<]*)</option>', select)
    return chosen[1] if chosen else ""


@pytest.fixture
def signed_in(client, cohort, national_admin, assessor_a):
    client.force_login(national_admin)
    return client


@pytest.mark.django_db
def test_a_second_view_reads_no_person_and_no_member(signed_in):
    _page(signed_in, MENTORS)
    _page(signed_in, AWARDS)
    for url in (MENTORS, AWARDS):
        with CaptureQueriesContext(connection) as ctx:
            body = _page(signed_in, url)
        people = [q for q in ctx.captured_queries if 'FROM "accounts_user"' in q["sql"]]
        assert len(people) == 1, url  # the reader's own row, no list of people
        read = _tables(ctx)
        assert '"cohorts_membership"' not in read and '"cohorts_awardcategory"' not in read
        assert "assessor_a" in body and "csrfmiddlewaretoken" in body


@pytest.mark.django_db
def test_each_change_shows_on_the_mentors_page(
    signed_in, cohort, national_admin, assessor_a, django_capture_on_commit_callbacks
):
    def mentor_assigned():
        signed_in.post(MENTORS, {"mentor_35.22": assessor_a.pk})
        return lambda body: _mentor_of(body, "35.22") == "assessor_a"

    def person_renamed():
        assessor_a.first_name, assessor_a.last_name = "Sri", "Mentor"
        assessor_a.save()
        return lambda body: _mentor_of(body, "35.22") == "Sri Mentor"

    def assessor_added():
        make_user("assessor_c", "assessor", first_name="Budi", last_name="Pendamping")
        return lambda body: ">Budi Pendamping</option>" in body

    def region_joined():
        services.add_members(
            cohort_id=cohort.pk, region_codes=["11.01"], user=national_admin, reason="Susulan"
        )
        return lambda body: 'name="mentor_11.01"' in body

    for change in (mentor_assigned, person_renamed, assessor_added, region_joined):
        before = _page(signed_in, MENTORS)
        with django_capture_on_commit_callbacks(execute=True):
            shows = change()
        assert not shows(before), change.__name__
        assert shows(_page(signed_in, MENTORS)), change.__name__


@pytest.mark.django_db
def test_each_change_shows_on_the_awards_page(
    signed_in, cohort, assessor_a, django_capture_on_commit_callbacks
):
    def category_added():
        signed_in.post(
            f"{AWARDS}baru/",
            {
                "name": "Quick win terbaik",
                "order": "1",
                "nominees": ["35.22"],
                "criteria-TOTAL_FORMS": "1",
                "criteria-INITIAL_FORMS": "0",
                "criteria-MIN_NUM_FORMS": "1",
                "criteria-MAX_NUM_FORMS": "1000",
                "criteria-0-name": "Dampak",
                "criteria-0-max_score": "10",
                "criteria-0-weight": "2",
            },
        )
        return lambda body: "Quick win terbaik" in body and "Dampak (0–10, weight 2)" in body  # noqa: RUF001

    def juror_chosen():
        signed_in.post(AWARDS, {"jurors": [assessor_a.pk], "results_publish_at": ""})
        return lambda body: re.search(rf'value="{assessor_a.pk}"[^>]*checked', body) is not None

    def juror_renamed():
        assessor_a.first_name, assessor_a.last_name = "Sri", "Juri"
        assessor_a.save()
        return lambda body: "Sri Juri (" in body

    for change in (category_added, juror_chosen, juror_renamed):
        before = _page(signed_in, AWARDS)
        with django_capture_on_commit_callbacks(execute=True):
            shows = change()
        assert not shows(before), change.__name__
        assert shows(_page(signed_in, AWARDS)), change.__name__


@pytest.mark.django_db
def test_a_refused_jury_keeps_what_was_typed_and_the_kept_form_stays_as_saved(
    signed_in, assessor_a
):
    def without_tokens(body: str) -> str:
        return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", body)

    kept = without_tokens(_page(signed_in, AWARDS))
    response = signed_in.post(AWARDS, {"jurors": [assessor_a.pk], "results_publish_at": "besok"})
    body = response.content.decode()
    assert response.status_code == 200 and 'value="besok"' in body
    assert re.search(rf'value="{assessor_a.pk}"[^>]*checked', body)
    assert without_tokens(_page(signed_in, AWARDS)) == kept

"""The empty "Start a masterplan" form is drawn once and kept for all who may start plans in
the same regions, until its choices change: the regions, or the cohorts they were in."""

import datetime
import re

from django.test import Client

from cerdas.cohorts.models import Cohort, Membership

PATH = "/masterplan/kelola/"


def _options(client, field) -> list[str]:
    html = client.get(PATH).content.decode()
    select = re.search(rf'<select name="{field}"[^>]*>(.*?)</select>', html, re.S)[1]
    return [
        name for name in re.findall(r"<option[^>]*>([^<]*)</option>", select) if "---" not in name
    ]


def _signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_new_cohort_of_the_region_is_offered_at_once(
    member_a, django_capture_on_commit_callbacks
):
    client = _signed_in(member_a)
    assert "Gerakan Menuju 100 Smart City 2031" not in _options(client, "cohort")
    with django_capture_on_commit_callbacks(execute=True):  # as a saved change announces it
        cohort = Cohort.objects.create(year=2031, name="Gerakan Menuju 100 Smart City 2031")
        Membership.objects.create(
            cohort=cohort, region_id="35.22", joined_on=datetime.date(2031, 5, 1), reason="Uji"
        )
    assert "Gerakan Menuju 100 Smart City 2031" in _options(client, "cohort")


def test_each_team_gets_the_form_of_its_own_region(member_a, member_b, national_admin):
    first = _options(_signed_in(member_a), "region")
    second = _options(_signed_in(member_b), "region")
    assert len(first) == len(second) == 1 and first != second
    assert len(_options(_signed_in(national_admin), "region")) == 514
    assert _options(_signed_in(member_a), "region") == first


def test_a_form_sent_with_mistakes_keeps_what_was_typed(member_a):
    response = _signed_in(member_a).post(PATH, {"region": "35.22", "title": "Rencana setengah"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="Rencana setengah"' in html and "errorlist" in html


def test_a_team_of_one_region_finds_it_chosen_and_the_ministry_chooses(member_a, national_admin):
    def chosen(user):
        html = _signed_in(user).get(PATH).content.decode()
        select = re.search(r'<select name="region"[^>]*>(.*?)</select>', html, re.S)[1]
        return re.findall(r'<option value="([^"]*)" selected>', select)

    assert chosen(member_a) == [member_a.region_id]
    assert chosen(national_admin) == [""]

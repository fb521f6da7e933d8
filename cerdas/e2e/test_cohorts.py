"""The main path of a cohort: the office adds members, the team submits, the mentor accepts."""

import datetime

from cerdas.accounts.models import User
from cerdas.cohorts.models import Deliverable, MentorAssignment, Submission
from cerdas.cohorts.services import get_or_create_cohort
from conftest import PASSWORD, make_user


def _log_in(page, username):
    page.goto(f"{page.base_url}/bahasa/en/")  # the assertions read the English texts
    page.goto(f"{page.base_url}/akun/masuk/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("main button[type=submit]")


def _log_out(page):
    page.context.clear_cookies()


def test_a_cohort_runs_from_membership_to_an_accepted_deliverable(page):
    make_user("admin", User.Role.NATIONAL_ADMIN)
    make_user("member_a", User.Role.REGIONAL_TEAM, "35.22")
    mentor = make_user("mentor", User.Role.ASSESSOR)
    cohort = get_or_create_cohort(year=2017, name="Menuju 100 Smart City 2017")
    MentorAssignment.objects.create(cohort=cohort, region_id="35.22", mentor=mentor)
    item = Deliverable.objects.create(
        cohort=cohort, title="Analisis kesiapan", due_on=datetime.date(2030, 8, 4)
    )

    _log_in(page, "admin")
    page.goto(f"{page.base_url}/angkatan/2017/anggota/")
    page.fill("textarea[name=names]", "Kab. Bojonegoro\nKota Bandung")
    page.fill("input[name=joined_on]", "2017-05-23")
    page.fill("textarea[name=reason]", "Daftar Mei 2017")
    page.click("form.stacked-form >> button[type=submit] >> nth=0")
    assert page.get_by_text("2 region(s) added").is_visible()
    page.goto(f"{page.base_url}/angkatan/2017/")
    assert page.get_by_role("link", name="Kabupaten Bojonegoro").is_visible()

    _log_out(page)
    _log_in(page, "member_a")
    page.goto(f"{page.base_url}/angkatan/2017/wilayah/35.22/")
    page.get_by_role("link", name="Analisis kesiapan").click()
    page.fill("input[name=url]", "https://example.org/kesiapan")
    page.get_by_role("button", name="Submit").click()
    assert page.get_by_text("Your deliverable was submitted.").is_visible()

    _log_out(page)
    _log_in(page, "mentor")
    page.goto(f"{page.base_url}/angkatan/2017/wilayah/35.22/luaran/{item.pk}/")
    page.get_by_label("Accept").check()
    page.get_by_role("button", name="Save the review").click()
    assert page.get_by_text("Your review was saved.").is_visible()
    assert Submission.objects.get().status == Submission.Status.ACCEPTED

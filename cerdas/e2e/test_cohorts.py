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
    # Accepting is final: a page says so before anything is saved.
    assert page.get_by_text("The team can no longer hand in another version").is_visible()
    assert Submission.objects.get().status == Submission.Status.SUBMITTED
    page.get_by_role("button", name="Accept this version").click()
    page.get_by_text("Your review was saved.").wait_for()
    assert Submission.objects.get().status == Submission.Status.ACCEPTED


def test_the_office_runs_a_session_to_a_certificate_in_the_browser(page):
    """Session, deliverable, mentor, submission, review, award, jury, publishing, certificate."""
    from cerdas.cohorts.services import add_members

    admin = make_user("admin", User.Role.NATIONAL_ADMIN)
    make_user("member_a", User.Role.REGIONAL_TEAM, "35.22")
    make_user("mentor", User.Role.ASSESSOR, first_name="Mentor", last_name="Satu")
    make_user("juror", User.Role.ASSESSOR, first_name="Juri", last_name="Dua")
    cohort = get_or_create_cohort(year=2017, name="Menuju 100 Smart City 2017")
    add_members(cohort_id=cohort.pk, region_codes=["35.22", "32.73"], user=admin, reason="Mei")
    base = f"{page.base_url}/angkatan/2017"

    _log_in(page, "admin")
    page.goto(f"{base}/kelola/")
    page.get_by_role("link", name="Add a bimtek session").click()
    page.select_option("select[name=stage]", "1")
    page.fill("input[name=starts_on]", "2030-07-18")
    page.fill("input[name=place]", "Jakarta")
    page.fill("textarea[name=agenda]", "Kesiapan SDM")
    page.get_by_label("Mentor Satu").check()
    page.get_by_role("button", name="Save").click()
    assert page.get_by_text("The bimtek session was saved.").is_visible()
    page.get_by_role("link", name="Add a deliverable").click()
    page.fill("input[name=title]", "Analisis kesiapan")
    page.fill("input[name=due_on]", "2030-08-04")
    page.get_by_role("button", name="Save").click()
    assert page.get_by_text("The deliverable was saved.").is_visible()
    page.goto(f"{base}/kelola/mentor/")
    page.get_by_label("Kabupaten Bojonegoro").select_option(label="Mentor Satu")
    page.get_by_role("button", name="Save").click()
    assert page.get_by_text("1 mentor assignment(s) changed.").is_visible()

    _log_out(page)
    _log_in(page, "member_a")
    page.goto(f"{base}/wilayah/35.22/")
    page.get_by_role("link", name="Analisis kesiapan").click()
    page.fill("input[name=url]", "https://example.org/kesiapan")
    page.get_by_role("button", name="Submit").click()
    assert page.get_by_text("Your deliverable was submitted.").is_visible()

    _log_out(page)
    _log_in(page, "mentor")
    item = Deliverable.objects.get(title="Analisis kesiapan")
    page.goto(f"{base}/wilayah/35.22/luaran/{item.pk}/")
    page.get_by_label("Accept").check()
    page.get_by_role("button", name="Save the review").click()
    page.get_by_role("button", name="Accept this version").click()
    page.get_by_text("Your review was saved.").wait_for()
    assert Submission.objects.get(deliverable=item).status == Submission.Status.ACCEPTED

    _log_out(page)
    _log_in(page, "admin")
    page.goto(f"{base}/kelola/penghargaan/")
    page.get_by_role("link", name="Add an award category").click()
    page.fill("input[name=name]", "Masterplan terbaik")
    page.get_by_label("Kabupaten Bojonegoro").check()
    page.fill("input[name=criteria-0-name]", "Visi")
    page.fill("input[name=criteria-0-weight]", "2")
    page.get_by_role("button", name="Save").click()
    assert page.get_by_text("The award category was saved.").is_visible()
    page.get_by_label("Juri Dua (Assessor / reviewer)").check()
    page.locator("form:has(input[name=results_publish_at])").get_by_role(
        "button", name="Save"
    ).click()
    assert page.get_by_text("The jury and the publish time were saved.").is_visible()

    _log_out(page)
    _log_in(page, "juror")
    page.goto(f"{base}/juri/")
    page.get_by_label("Visi (0–10)").fill("9")  # noqa: RUF001 - the label has an en dash
    page.get_by_role("button", name="Save scores").click()
    assert page.get_by_text("Your scores were saved.").is_visible()

    _log_out(page)
    _log_in(page, "admin")
    page.goto(f"{base}/kelola/penghargaan/")
    page.get_by_role("link", name="Publish the results now").click()
    # The page says what publishing does and what the jury has still not done.
    page.get_by_text("there is no unpublishing").wait_for()
    page.get_by_role("button", name="Publish the results now").click()
    page.get_by_text("The results are public now.").wait_for()

    _log_out(page)
    page.goto(f"{page.base_url}/bahasa/en/")
    page.goto(f"{base}/penghargaan/")
    link = page.get_by_role("link", name="certificate (PDF)")
    response = page.request.get(page.base_url + link.get_attribute("href"))
    assert response.status == 200 and response.body().startswith(b"%PDF")

"""A citizen rates a service on a phone without JavaScript; a team opens, publishes, reads."""

import datetime as dt

from playwright.sync_api import expect

from cerdas.e2e.conftest import PHONE
from cerdas.surveys.models import Response, Survey
from conftest import PASSWORD, make_user

ANSWERS = [
    "Sesuai",
    "Sangat mudah",
    "Kurang cepat",
    "Gratis",
    "Sesuai",
    "Kompeten",
    "Sangat sopan dan ramah",
    "Baik",
    "Berfungsi kurang maksimal",
]


def _open_survey():
    from cerdas.surveys import services

    admin = make_user("admin.e2e", "national_admin")
    unit = services.create_unit(admin, "35.22", "Disdukcapil — layanan KTP-el", None)
    today = dt.date.today()
    return services.open_survey(
        admin, unit.pk, today - dt.timedelta(days=10), today + dt.timedelta(days=10), 50
    )


def test_a_citizen_answers_on_a_phone_without_javascript(browser, live_server, regions):
    survey = _open_survey()
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(f"{live_server.url}/survei/isi/{survey.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Nilai layanan ini")
    # Sending with a question left out names it and keeps what was chosen.
    for number, answer in enumerate(ANSWERS[:-1], start=1):
        page.locator(f"fieldset.question:nth-of-type({number})").get_by_label(
            answer, exact=True
        ).check()
    page.get_by_label("Perempuan").check()
    page.get_by_label("Saran untuk unit layanan (tidak wajib)").fill("Tambah kursi ruang tunggu.")
    page.get_by_role("button", name="Kirim jawaban saya").click()
    expect(
        page.get_by_text("Pilih salah satu dari empat jawaban untuk pertanyaan 9.").first
    ).to_be_visible()
    expect(page.get_by_label("Saran untuk unit layanan (tidak wajib)")).to_have_value(
        "Tambah kursi ruang tunggu."
    )
    expect(page.get_by_label("Perempuan")).to_be_checked()
    page.get_by_label(ANSWERS[-1]).check()
    page.get_by_role("button", name="Kirim jawaban saya").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Terima kasih: jawaban Anda tercatat")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    saved = Response.objects.get()
    assert saved.scores() == {
        "U1": 3,
        "U2": 4,
        "U3": 2,
        "U4": 4,
        "U5": 3,
        "U6": 3,
        "U7": 4,
        "U8": 3,
        "U9": 3,
    }
    assert saved.sex == "P" and saved.suggestion == "Tambah kursi ruang tunggu."
    context.close()


def test_a_team_publishes_its_results_after_checking_them(page):
    survey = _open_survey()
    for _n in range(3):
        Response.objects.create(survey=survey, **{f"u{i}": 4 for i in range(1, 10)})
    # Responses written straight to the table are counted once the tally is rebuilt.
    from cerdas.surveys.services import recount

    recount(survey.pk)
    make_user("tim.a", "regional_team", "35.22")
    page.goto(page.base_url + "/survei/kelola/")
    page.get_by_label("Nama pengguna").fill("tim.a")
    page.get_by_label("Sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.get_by_role("link", name=f"{survey.period_start:%d-%m-%Y}", exact=False).click()
    expect(page.locator(".qr-preview")).to_be_visible()
    page.get_by_role("link", name="Terbitkan hasil…").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Periksa sebelum menerbitkan")
    expect(page.get_by_text("kurang dari sampel minimum 44")).to_be_visible()
    page.get_by_role("button", name="Terbitkan hasil").click()
    expect(page.get_by_text("Hasil sudah diterbitkan.")).to_be_visible()
    expect(page.locator(".index-number").first).to_have_text("100,00")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    assert Survey.objects.get().is_published

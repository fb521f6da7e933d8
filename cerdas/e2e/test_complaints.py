"""A citizen reports a problem on a phone without an account, the coordinator dispatches it,
the agency follows it up, and the citizen answers and rates it at the private link."""

import re

from playwright.sync_api import expect

from cerdas.complaints.models import Category, Report
from cerdas.regions.models import Agency
from conftest import PASSWORD, make_user


def _login(page, username):
    page.goto(page.base_url + "/akun/masuk/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()


def _no_overflow(page):
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0


def test_a_citizen_reports_and_follows_a_complaint_to_its_answer(page, browser):
    agency = Agency.objects.create(region_id="35.22", name="Dinas Perhubungan")
    Category.objects.create(
        region_id="35.22", code="lampu-jalan", name="Lampu jalan", agency=agency
    )
    make_user("tim.a", "regional_team", "35.22")
    make_user("opd.a", "agency_officer", "35.22", agency)

    # The citizen, without an account: from the complaints page to the form.
    page.goto(page.base_url + "/pengaduan/")
    page.get_by_role("link", name="Lapor ke Kabupaten Bojonegoro").click()
    page.get_by_label("Topik").select_option(label="Lampu jalan")
    page.get_by_label("Laporan Anda").fill("Lampu jalan di depan pasar mati tiga malam.")
    page.get_by_label("Tempat (alamat atau patokan)").fill("Jl. Veteran depan pasar")
    page.get_by_label("Anonim", exact=False).check()
    _no_overflow(page)
    page.get_by_role("button", name="Periksa laporan saya").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Periksa laporan Anda sebelum mengirim"
    )
    page.get_by_role("button", name="Kirim laporan saya").click()
    expect(page.get_by_text("Ini tautan pribadi Anda.")).to_be_visible()
    report = Report.objects.get()
    private_url = page.url
    assert report.tracking_number in page.content()
    _no_overflow(page)

    # The coordinator verifies and dispatches, after checking.
    _login(page, "tim.a")
    page.goto(page.base_url + "/pengaduan/kelola/")
    page.get_by_role("link", name=report.tracking_number).click()
    page.get_by_label("OPD yang menjawab").select_option(label=str(agency))
    page.get_by_role("button", name="Lanjut").first.click()
    page.get_by_role("button", name="Konfirmasi").click()
    expect(page.get_by_text("Laporan sudah diverifikasi dan diteruskan ke OPD.")).to_be_visible()
    page.context.clear_cookies()

    # The agency officer writes the follow-up.
    _login(page, "opd.a")
    page.goto(page.base_url + "/pengaduan/kelola/")
    page.get_by_role("link", name=report.tracking_number).click()
    page.get_by_label(re.compile(r"^Tindak lanjut")).fill("Lampu sudah diganti hari ini.")
    page.get_by_role("button", name="Lanjut").first.click()
    page.get_by_role("button", name="Konfirmasi").click()
    expect(page.get_by_text("Tindak lanjut dikirim kepada pelapor.")).to_be_visible()
    page.context.clear_cookies()

    # The citizen reads the answer at the private link, accepts it and rates it.
    page.goto(private_url)
    expect(page.get_by_text("Lampu sudah diganti hari ini.")).to_be_visible()
    page.get_by_label("Ya: tutup laporan saya").check()
    page.get_by_role("button", name="Lanjut").click()
    page.get_by_role("button", name="Tutup laporan saya").click()
    expect(page.get_by_text("Laporan Anda ditutup.")).to_be_visible()
    page.get_by_label("Puas", exact=True).check()
    page.get_by_role("button", name="Kirim penilaian saya").click()
    expect(page.get_by_text("Terima kasih: penilaian Anda tercatat.")).to_be_visible()
    report.refresh_from_db()
    assert report.status == "closed" and report.rating == "puas"
    _no_overflow(page)

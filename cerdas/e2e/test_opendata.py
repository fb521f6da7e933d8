"""A citizen on a phone, without JavaScript, finds Bojonegoro's data, downloads it, reads a
dashboard."""

from playwright.sync_api import expect

from cerdas.e2e.conftest import PHONE
from cerdas.opendata.tests.conftest import build_open_data


def test_a_citizen_finds_downloads_and_reads_the_dashboard(browser, live_server, regions):
    build_open_data()
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(f"{live_server.url}/data/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Data terbuka")
    page.get_by_label("Kata").fill("IKM")
    page.get_by_label("Penerbit").select_option("kab-bojonegoro")
    page.get_by_role("button", name="Cari").click()
    page.get_by_role(
        "link", name="Hasil survei kepuasan masyarakat (IKM) — Kabupaten Bojonegoro"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Kabupaten Bojonegoro")
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV", exact=True).click()
    assert download.value.suggested_filename == "survey-results-kab-bojonegoro.csv"
    page.get_by_role("link", name="Dasbor Kabupaten Bojonegoro").click()
    expect(
        page.get_by_role("heading", name="Kepuasan masyarakat per unit layanan (IKM)")
    ).to_be_visible()
    expect(page.get_by_role("cell", name="83,33")).to_be_visible()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    context.close()

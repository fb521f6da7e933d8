"""A region's team writes a masterplan in the browser, a reviewer approves it, and anyone
reads it and downloads its documents."""

import pytest
from playwright.sync_api import expect

from cerdas.masterplans.reference import seed_reference_data
from conftest import PASSWORD, make_user


@pytest.fixture(autouse=True)
def _reference_data(regions):
    # Live-server tests empty the tables after each test, the migration's data included.
    seed_reference_data()


def log_in(page, username):
    page.goto(page.base_url + "/akun/masuk/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Selamat datang")


def log_out(page):
    page.get_by_role("contentinfo").get_by_role("button", name="Keluar").click()


def test_a_team_writes_submits_and_gets_its_masterplan_approved(page):
    make_user("tim.a", "regional_team", "35.22")
    reviewer = make_user("asesor.a", "assessor")
    reviewer.assigned_regions.add("35.22")

    log_in(page, "tim.a")
    page.goto(page.base_url + "/masterplan/kelola/")
    page.get_by_label("Judul").fill("Masterplan Smart City Bojonegoro")
    page.get_by_label("Tahun pertama").fill("2025")
    page.get_by_label("Tahun terakhir").fill("2034")
    page.get_by_role("button", name="Buat masterplan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Masterplan Smart City Bojonegoro")

    page.get_by_role("link", name="Ubah Visi, misi, dan sasaran").click()
    page.locator("#id_vision").fill("Bojonegoro melayani dengan cepat")
    page.get_by_role("button", name="Simpan bagian").click()
    expect(page.get_by_text("Bagian tersimpan.")).to_be_visible()

    page.get_by_role("link", name="Tambah program").click()
    page.locator("#id_name").fill("Mal Pelayanan Publik Digital")
    page.get_by_label("Dimensi").select_option(label="Smart Governance")
    page.get_by_label("Jangka waktu").select_option(value="quick_win")
    page.get_by_label("Tahun pertama").fill("2025")
    page.get_by_label("Tahun terakhir").fill("2026")
    page.locator("#id_budget-0-year").fill("2025")
    page.locator("#id_budget-0-source").select_option(value="apbd")
    page.locator("#id_budget-0-amount").fill("-5")
    page.get_by_role("button", name="Simpan program").click()
    expect(page.get_by_text("Anggaran tidak boleh negatif.")).to_be_visible()
    expect(page.locator("#id_name")).to_have_value("Mal Pelayanan Publik Digital")
    page.locator("#id_budget-0-amount").fill("1200000000")
    page.get_by_role("button", name="Simpan program").click()
    expect(page.get_by_text("Program tersimpan.")).to_be_visible()
    expect(page.get_by_role("cell", name="Rp 1.200.000.000")).to_be_visible()

    page.get_by_role("link", name="Ajukan untuk ditelaah").click()
    expect(page.get_by_role("heading", name="Apa yang akan terjadi")).to_be_visible()
    page.get_by_role("button", name="Ajukan untuk ditelaah apa adanya").click()
    expect(page.locator("dl.facts")).to_contain_text("Diajukan")
    log_out(page)

    log_in(page, "asesor.a")
    page.goto(page.base_url + "/masterplan/kelola/")
    page.get_by_role("link", name="Masterplan Smart City Bojonegoro").click()
    page.get_by_role("button", name="Mulai menelaah").click()
    page.get_by_role("link", name="Setujui").click()
    page.get_by_role("button", name="Setujui apa adanya").click()
    expect(page.locator("dl.facts")).to_contain_text("Disetujui")
    log_out(page)

    page.goto(page.base_url + "/wilayah/35.22/")
    page.get_by_role("link", name="Masterplan Smart City Bojonegoro").click()
    expect(page.get_by_text("Bojonegoro melayani dengan cepat")).to_be_visible()
    expect(page.get_by_role("img", name="Peta jalan")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Dokumen masterplan (DOCX)").click()
    assert download.value.suggested_filename == "masterplan-3522-2025-2034.docx"
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


def test_a_budget_typed_the_indonesian_way_is_saved_as_typed_and_rows_are_added_in_place(page):
    from cerdas.masterplans.tests.factories import make_plan

    make_user("tim.a", "regional_team", "35.22")
    plan = make_plan(start=2025, end=2026)
    log_in(page, "tim.a")
    page.goto(page.base_url + f"/masterplan/{plan.pk}/program/baru/")
    rows = page.locator(".formset-row:has([name$='-amount'])")
    expect(rows).to_have_count(2)  # one per year of the plan
    page.locator("#id_name").fill("Satu Data Bojonegoro")
    page.get_by_label("Dimensi").select_option(label="Smart Governance")
    page.get_by_label("Jangka waktu").select_option(value="short")
    page.get_by_label("Tahun pertama").fill("2025")
    page.get_by_label("Tahun terakhir").fill("2026")
    page.locator("#id_budget-0-amount").fill("500.000.000")
    url = page.url
    page.get_by_role("button", name="Tambah baris anggaran").click()
    expect(rows).to_have_count(3)
    assert page.url == url  # added on the page, nothing posted
    page.locator("#id_budget-2-year").fill("2026")
    page.locator("#id_budget-2-source").select_option(value="apbn")
    page.locator("#id_budget-2-amount").fill("Rp 1.500.000")
    page.get_by_role("button", name="Simpan program").click()
    expect(page.get_by_text("Program tersimpan.")).to_be_visible()
    expect(page.get_by_role("cell", name="Rp 501.500.000")).to_be_visible()


def test_a_team_submits_through_the_confirmation_page_and_withdraws_the_plan(page):
    make_user("tim.a", "regional_team", "35.22")
    log_in(page, "tim.a")
    page.goto(page.base_url + "/masterplan/kelola/")
    page.get_by_label("Judul").fill("Masterplan Bojonegoro 2026")
    page.get_by_label("Tahun pertama").fill("2026")
    page.get_by_label("Tahun terakhir").fill("2035")
    page.get_by_role("button", name="Buat masterplan").click()
    page.get_by_role("link", name="Ajukan untuk ditelaah").click()
    # The page says what will happen and what the plan still lacks, before anything changes.
    expect(page.get_by_role("heading", level=1)).to_have_text("Ajukan rencana untuk ditelaah?")
    expect(
        page.get_by_text("Selama di tangan mereka, tidak ada yang dapat mengubahnya.")
    ).to_be_visible()
    expect(page.get_by_text("Visi, misi, dan sasaran:").first).to_be_visible()
    page.get_by_role("link", name="Batal: kembali ke rencana").click()
    expect(page.locator("dl.facts")).to_contain_text("Draf")
    page.get_by_role("link", name="Ajukan untuk ditelaah").click()
    page.get_by_role("button", name="Ajukan untuk ditelaah apa adanya").click()
    expect(page.get_by_text("Rencana telah diajukan")).to_be_visible()
    expect(page.locator("dl.facts")).to_contain_text("Diajukan")
    page.get_by_role("link", name="Tarik dari penelaahan").click()
    page.get_by_role("button", name="Tarik rencana").click()
    expect(page.get_by_text("Jelaskan mengapa rencana ditarik")).to_be_visible()
    page.get_by_label("Mengapa rencana ditarik").fill("Anggaran belum final")
    page.get_by_role("button", name="Tarik rencana").click()
    expect(page.get_by_text("Rencana ditarik dari penelaahan")).to_be_visible()
    expect(page.locator("dl.facts")).to_contain_text("Draf")
    expect(page.get_by_text("Anggaran belum final")).to_be_visible()  # in the history
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0

"""A region's team reports on a program of its approved masterplan in the browser, and anyone
reads the timeline and the region's implementation at a glance."""

import pytest
from playwright.sync_api import expect

from cerdas.masterplans.models import Horizon
from cerdas.masterplans.reference import seed_reference_data
from cerdas.masterplans.tests.factories import add_program, make_plan, take_through
from conftest import make_user

from .test_masterplans import log_in, log_out


@pytest.fixture(autouse=True)
def _reference_data(regions):
    seed_reference_data()


def test_a_team_updates_a_program_and_the_public_reads_it(page):
    team = make_user("tim.a", "regional_team", "35.22")
    admin = make_user("admin.a", "national_admin")
    plan = make_plan()
    add_program(
        plan,
        name="Layanan Aduan Terpadu",
        horizon=Horizon.QUICK_WIN,
        start=2025,
        end=2025,
        budgets=[{"year": 2025, "source": "apbd", "amount": 2_000_000_000}],
        indicators=[{"name": "Aduan selesai", "unit": "%", "baseline": 20, "target": 90}],
    )
    take_through(plan, team, admin, "submit", "start_review", "approve")

    log_in(page, "tim.a")
    page.get_by_role("link", name="Perbarui program wilayah Anda").click()
    page.get_by_role("link", name="Perbarui Layanan Aduan Terpadu").click()
    page.get_by_role("radio", name="Dihentikan").check()
    page.get_by_label("Kemajuan (%)").fill("40")
    page.get_by_role("button", name="Simpan pembaruan").click()
    expect(page.get_by_text("Sebutkan mengapa program dihentikan.")).to_be_visible()

    page.get_by_role("radio", name="Sedang berjalan").check()
    page.get_by_label("Kemajuan (%)").fill("40")
    page.get_by_label("Realisasi 2025, APBD").fill("1.500.000.000")
    page.get_by_label("Aduan selesai").fill("55,5")
    page.get_by_label("Apa yang terjadi sejak pembaruan terakhir").fill("Uji coba di 5 kecamatan")
    page.get_by_role("button", name="Simpan pembaruan").click()
    expect(page.get_by_text("Pembaruan tersimpan dan tampil di linimasa.")).to_be_visible()
    expect(page.get_by_text("Uji coba di 5 kecamatan")).to_be_visible()
    log_out(page)

    page.goto(page.base_url + "/wilayah/35.22/")
    page.get_by_role("link", name="Setiap program dan linimasanya").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Implementasi di")
    expect(page.get_by_text("Rp 1.500.000.000 dari Rp 2.000.000.000 direncanakan")).to_be_visible()
    page.get_by_role("link", name="Layanan Aduan Terpadu").click()
    expect(page.get_by_text("Uji coba di 5 kecamatan")).to_be_visible()
    expect(page.get_by_role("cell", name="55,50")).to_be_visible()

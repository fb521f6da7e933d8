"""A visitor on a phone or a desktop finds what Cerdas is, a region, and the login."""

from playwright.sync_api import expect

from conftest import PASSWORD, make_user


def test_the_home_page_is_in_bahasa_indonesia_and_switches_to_english(page):
    page.goto(page.base_url + "/")
    expect(page.locator("html")).to_have_attribute("lang", "id")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Gerakan Menuju 100 Smart City")
    page.get_by_role("link", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Towards 100 Smart Cities")
    page.goto(page.base_url + "/wilayah/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Region directory")
    page.get_by_role("link", name="Bahasa Indonesia").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Direktori wilayah")


def test_a_visitor_searches_the_directory_and_opens_a_region_profile(page):
    page.goto(page.base_url + "/")
    page.get_by_label("Nama kabupaten atau kota").fill("Bojonegoro")
    page.get_by_role("button", name="Cari", exact=True).click()
    expect(page.get_by_text("1 wilayah ditemukan")).to_be_visible()
    page.get_by_role("link", name="Kabupaten Bojonegoro").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kabupaten Bojonegoro")
    expect(page.locator("dl.facts")).to_contain_text("35.22")
    expect(page.locator("dl.facts")).to_contain_text("Jawa Timur")
    expect(page.locator("dl.facts")).to_contain_text("WIB")


def test_the_directory_filters_by_province_and_kind_without_javascript(
    browser, live_server, regions
):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(live_server.url + "/wilayah/")
    page.get_by_label("Provinsi").select_option(label="Bali")
    page.get_by_label("Jenis").select_option(value="kota")
    page.get_by_role("button", name="Tampilkan").click()
    expect(page.get_by_text("1 wilayah ditemukan")).to_be_visible()
    expect(page.get_by_role("link", name="Kota Denpasar")).to_be_visible()
    context.close()


def test_a_misspelt_search_suggests_the_region_meant(page):
    page.goto(page.base_url + "/wilayah/?q=Kutai+Kartanagara")
    expect(page.get_by_text("Mungkin maksud Anda")).to_be_visible()
    page.get_by_role("link", name="Kabupaten Kutai Kartanegara").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kabupaten Kutai Kartanegara")


def test_a_team_member_logs_in_from_the_header_and_sees_their_region(page):
    make_user("tim.a", "regional_team", "35.22")
    page.goto(page.base_url + "/")
    page.get_by_role("navigation", name="Navigasi utama").get_by_role("link", name="Masuk").click()
    page.get_by_label("Nama pengguna").fill("tim.a")
    page.get_by_label("Sandi").fill("wrong password")
    page.get_by_role("button", name="Masuk").click()
    expect(page.get_by_text("Masukkan nama pengguna dan kata sandi yang benar")).to_be_visible()
    expect(page.get_by_label("Nama pengguna")).to_have_value("tim.a")
    page.get_by_label("Sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Selamat datang")
    expect(page.get_by_role("link", name="Kabupaten Bojonegoro").first).to_be_visible()


def test_the_keyboard_reaches_the_skip_link_first(page):
    page.goto(page.base_url + "/")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Langsung ke konten")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(page.base_url + "/#main")


def test_the_page_fits_the_screen_without_sideways_scrolling(page):
    page.goto(page.base_url + "/wilayah/")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0

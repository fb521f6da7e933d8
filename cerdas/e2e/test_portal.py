"""Readers read and react on a phone (with and without JavaScript); an editor publishes."""

import datetime as dt

from django.utils import timezone
from playwright.sync_api import expect

from cerdas.e2e.conftest import PHONE
from cerdas.portal.models import Article
from conftest import PASSWORD, make_user

PHONE_UA = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36"


def _article(**extra):
    return Article.objects.create(
        region_id="35.22",
        title="Lampu jalan pintar menyala sesuai kebutuhan",
        slug="lampu-jalan-pintar",
        summary="Lampu jalan meredup saat jalan sepi.",
        body="<p>Lampu jalan meredup saat jalan sepi dan terang saat ada pengguna.</p>",
        byline="Diskominfo Bojonegoro",
        status=Article.Status.PUBLISHED,
        published_at=timezone.now() - dt.timedelta(hours=2),
        **extra,
    )


def test_a_reader_without_javascript_reacts_with_the_plain_form(browser, live_server, regions):
    article = _article()
    # Headless Chromium says "HeadlessChrome" and would rightly not be counted as a reader.
    context = browser.new_context(java_script_enabled=False, viewport=PHONE, user_agent=PHONE_UA)
    page = context.new_page()
    page.goto(live_server.url + "/berita/")
    page.get_by_role("link", name=article.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(article.title)
    # The shared page shows the views before this reader's; theirs is counted meanwhile.
    expect(page.get_by_text("0 dilihat")).to_be_visible()
    page.get_by_label("Puas", exact=True).check()
    page.get_by_role("button", name="Kirim jawaban saya").click()
    expect(page.get_by_text("Terima kasih: jawaban Anda tercatat")).to_be_visible()
    expect(page.get_by_text("1 tanggapan")).to_be_visible()
    expect(page.get_by_label("Puas", exact=True)).to_be_checked()
    # The page rendered for them after answering shows their view, counted once: opening
    # the article again within the window was not a new view.
    expect(page.get_by_text("1 dilihat")).to_be_visible()
    context.close()


def test_with_javascript_the_reaction_updates_in_place(page):
    article = _article()
    page.goto(page.base_url + article.get_absolute_url())
    page.get_by_label("Sangat Puas").check()
    page.get_by_role("button", name="Kirim jawaban saya").click()
    expect(page.locator("[data-reaction-status]")).to_contain_text("Terima kasih")
    expect(page.locator('[data-percent="sangat_puas"]')).to_have_text("100")
    assert page.url.endswith(article.get_absolute_url())  # no reload, no redirect
    page.get_by_label("Tidak Puas").check()
    page.get_by_role("button", name="Kirim jawaban saya").click()
    expect(page.locator('[data-percent="tidak_puas"]')).to_have_text("100")
    expect(page.locator('[data-percent="sangat_puas"]')).to_have_text("0")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


def test_a_regions_editor_publishes_an_article_and_sees_its_readership(page):
    make_user("tim.a", "regional_team", "35.22")
    page.goto(page.base_url + "/berita/kelola/")
    page.get_by_label("Nama pengguna").fill("tim.a")
    page.get_by_label("Sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.get_by_role("link", name="Tulis artikel").first.click()
    page.get_by_label("Judul").fill("Warga melapor jalan rusak lewat ponsel")
    page.get_by_label("Ringkasan").fill("Laporan jalan rusak kini bisa dikirim dengan foto.")
    page.get_by_label("Isi").fill("Paragraf pertama.\n\nParagraf kedua.")
    page.get_by_text("Alamat, kategori, tag, penulis, dan tautan").click()
    page.get_by_label("Ditampilkan sebagai penulis").fill("Diskominfo Bojonegoro")
    page.get_by_label("Wilayah terkait").fill("Kupang")
    page.get_by_role("button", name="Simpan", exact=True).click()
    # "Kupang" is a kabupaten and a kota: the same picker as the round invitations.
    page.get_by_label("Kota Kupang").check()
    page.get_by_role("button", name="Simpan", exact=True).click()
    expect(page.get_by_text("Artikel disimpan sebagai draf.")).to_be_visible()
    # The body comes back as the text written, not as HTML.
    expect(page.get_by_label("Isi")).to_have_value("Paragraf pertama.\n\nParagraf kedua.")
    page.get_by_label("Status").select_option("published")
    page.get_by_role("button", name="Ubah status").click()
    expect(page.get_by_text("Status artikel sekarang: Diterbitkan.")).to_be_visible()
    page.get_by_role("link", name="Tayangan dan tanggapan").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Tayangan dan tanggapan")
    expect(page.locator("svg[role=img]").first).to_be_visible()
    page.goto(page.base_url + "/berita/wilayah/35.22/")
    expect(page.get_by_role("link", name="Warga melapor jalan rusak lewat ponsel")).to_be_visible()

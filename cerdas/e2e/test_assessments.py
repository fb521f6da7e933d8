"""An admin runs a selection round in the browser; a region reads why it was (not) chosen."""

import datetime

from playwright.sync_api import expect

from cerdas.assessments import defaults, services
from cerdas.assessments.models import Dimension, Framework, Indicator, Participant
from conftest import PASSWORD, make_user


def _log_in(page, username):
    page.goto(page.base_url + "/akun/masuk/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()


def _prepared_round(admin):
    # Live-server tests empty the tables after each test, migrations' data included.
    defaults.install(Framework, Dimension, Indicator)
    framework = Framework.objects.get(family="readiness", version=1)
    round_ = services.open_round(
        user=admin,
        framework_id=framework.pk,
        name="Seleksi e2e",
        purpose="selection",
        year=2031,
        opens_on=datetime.date(2031, 1, 1),
        deadline=datetime.datetime(2031, 2, 1, tzinfo=datetime.UTC),
        cohort_size=1,
    )
    return round_, framework


def _invite_and_close(page, round_, framework):
    page.goto(page.base_url + f"/penilaian/kelola/{round_.pk}/")
    page.get_by_label("Wilayah yang diundang").fill("Kab. Bojonegoro\nKota Surabaya\nBandung")
    page.get_by_role("button", name="Undang", exact=True).click()
    # "Bandung" is a kota and a kabupaten: the picker offers both and invites nobody yet.
    expect(page.get_by_text("Wilayah mana yang dimaksud dengan “Bandung”?")).to_be_visible()
    assert not Participant.objects.filter(round=round_).exists()
    page.locator('input[name="names_pick_2"][value="32.73"]').check()
    page.get_by_role("button", name="Undang", exact=True).click()
    expect(page.get_by_text("3 wilayah diundang.")).to_be_visible()
    data = [i for i in framework.ordered_indicators() if i.kind == Indicator.Kind.DATA]
    for value, participant in enumerate(
        Participant.objects.filter(round=round_).order_by("region_id")
    ):
        for indicator in data:
            participant.answers.create(indicator=indicator, value=value % 2, source="import")
    page.get_by_role("link", name="Tutup putaran").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tutup putaran?")
    expect(page.get_by_text("Putaran tidak dapat dibuka lagi.")).to_be_visible()
    expect(page.get_by_text("0 dari 3 wilayah mengirim penilaian mandiri")).to_be_visible()
    page.get_by_role("button", name="Tutup putaran").click()
    expect(page.get_by_text("Putaran ditutup.")).to_be_visible()
    page.get_by_role("link", name="Hitung nilai dan usulkan seleksi").click()
    page.get_by_role("button", name="Hitung nilai dan usulkan seleksi").click()
    expect(page.get_by_text("Nilai, peringkat, dan usulan seleksi telah dihitung.")).to_be_visible()


def test_an_admin_runs_a_round_from_invitation_to_publication(page):
    admin = make_user("admin.e2e", "national_admin")
    round_, framework = _prepared_round(admin)
    _log_in(page, "admin.e2e")
    _invite_and_close(page, round_, framework)
    page.get_by_role("link", name="Finalkan seleksi").click()
    page.get_by_label("Alasan seleksi ini").fill("Sesuai usulan")
    page.get_by_label("Lanjutkan walaupun data belum lengkap").check()
    page.get_by_label("Mengapa tepat untuk melanjutkan tanpa data ini").fill("Uji e2e")
    page.get_by_role("button", name="Finalkan", exact=True).click()
    expect(page.get_by_text("Seleksi sudah final dan dicatat sebagai angkatan.")).to_be_visible()
    page.get_by_role("link", name="Terbitkan hasil").click()
    expect(page.get_by_text("Hasil yang sudah terbit tidak ditarik kembali.")).to_be_visible()
    page.get_by_role("button", name="Terbitkan hasil").click()
    expect(page.get_by_role("status")).to_contain_text("Hasil telah terbuka untuk publik.")
    page.goto(page.base_url + f"/penilaian/{round_.slug}/peringkat/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Peringkat")
    expect(page.get_by_role("row")).to_have_count(4)
    page.get_by_role("link", name="Kota Surabaya").click()
    expect(page.get_by_role("heading", name="Cara meningkatkan")).to_be_visible()
    expect(page.locator("dl.facts")).to_contain_text("Jarak ke batas")


def test_an_admin_finalises_with_missing_data_only_with_a_recorded_reason(page):
    admin = make_user("admin.e2e", "national_admin")
    round_, framework = _prepared_round(admin)
    _log_in(page, "admin.e2e")
    _invite_and_close(page, round_, framework)
    page.get_by_role("link", name="Finalkan seleksi").click()
    # Each region with its rank, its score in the page's language and the engine's reason.
    expect(page.locator(".candidate").first).to_contain_text("#1")
    expect(page.locator(".candidate").first).to_contain_text("Terpilih berdasarkan nilai")
    expect(page.get_by_text("Data per wilayah dan dimensi")).to_be_visible()
    page.get_by_label("Alasan seleksi ini").fill("Sesuai usulan")
    page.get_by_role("button", name="Finalkan", exact=True).click()
    expect(page.get_by_text("Data belum lengkap: lengkapi dahulu")).to_be_visible()
    round_.refresh_from_db()
    assert not round_.selection.is_final
    page.get_by_label("Lanjutkan walaupun data belum lengkap").check()
    page.get_by_label("Mengapa tepat untuk melanjutkan tanpa data ini").fill(
        "Wawancara tidak dapat dilakukan tahun ini"
    )
    page.get_by_role("button", name="Finalkan", exact=True).click()
    expect(page.get_by_text("Seleksi sudah final dan dicatat sebagai angkatan.")).to_be_visible()
    expect(page.get_by_text("Diputuskan walaupun data belum lengkap")).to_be_visible()
    expect(page.get_by_text("Wawancara tidak dapat dilakukan tahun ini")).to_be_visible()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


def test_a_regions_team_saves_a_draft_without_losing_a_bad_answer(page):
    admin = make_user("admin.e2e", "national_admin")
    make_user("tim.e2e", "regional_team", "35.22")
    round_, _framework = _prepared_round(admin)
    services.invite_regions(round_id=round_.pk, region_codes=["35.22"], user=admin)
    _log_in(page, "tim.e2e")
    page.goto(page.base_url + f"/penilaian/{round_.pk}/isian/35.22/")
    expect(page.locator("dl.facts")).to_contain_text("WIB")
    page.get_by_label("Pegawai terlatih layanan digital").fill("9")
    page.get_by_label("Program inovasi yang siap dimulai").fill("4")
    page.get_by_role("button", name="Simpan draf").click()
    expect(page.get_by_text("9 berada di luar rentang")).to_be_visible()
    expect(page.get_by_label("Pegawai terlatih layanan digital")).to_have_value("9")
    expect(page.get_by_label("Program inovasi yang siap dimulai")).to_have_value("4")


EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def test_a_regions_team_attaches_evidence_and_a_renamed_program_is_refused(
    page, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    admin = make_user("admin.e2e", "national_admin")
    make_user("tim.e2e", "regional_team", "35.22")
    round_, _framework = _prepared_round(admin)
    services.invite_regions(round_id=round_.pk, region_codes=["35.22"], user=admin)
    _log_in(page, "tim.e2e")
    page.goto(page.base_url + f"/penilaian/{round_.pk}/isian/35.22/")
    page.get_by_label("Pegawai terlatih layanan digital").fill("4")
    page.get_by_label("Jaringan dan pusat data pemerintah yang digunakan", exact=True).fill("1")
    evidence = page.get_by_label("Bukti untuk “Jaringan dan pusat data pemerintah yang digunakan”")
    evidence.set_input_files({"name": "bukti.pdf", "mimeType": "application/pdf", "buffer": EXE})
    page.get_by_role("button", name="Simpan draf").click()
    expect(page.get_by_text("Isi “bukti.pdf” bukan berkas PDF.")).to_be_visible()
    expect(page.get_by_label("Pegawai terlatih layanan digital")).to_have_value("4")
    evidence = page.get_by_label("Bukti untuk “Jaringan dan pusat data pemerintah yang digunakan”")
    evidence.set_input_files({"name": "perda.pdf", "mimeType": "application/pdf", "buffer": PDF})
    page.get_by_role("button", name="Simpan draf").click()
    expect(page.get_by_text("Draf tersimpan.")).to_be_visible()
    expect(page.get_by_role("link", name="perda.pdf")).to_be_visible()

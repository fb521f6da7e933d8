"""Demo news: a dozen made-up articles across five regions and national, with readership.

Every article is marked ``is_demo`` and says "(demo)" in its byline; the text is written for
this demo and describes no real event. Running it again adds nothing.
"""

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone

from cerdas.accounts.models import User
from cerdas.cohorts.models import Cohort
from cerdas.masterplans.models import Masterplan
from cerdas.portal import reactions
from cerdas.portal.models import Article, ArticleDay, Category, Reaction
from cerdas.portal.sanitize import clean_body

CATEGORIES = [
    ("tata-kelola", "Smart Governance"),
    ("ekonomi", "Smart Economy"),
    ("kehidupan", "Smart Living"),
    ("lingkungan", "Smart Environment"),
]

# slug, region (None: national), author username, category, days ago, title, summary, body
ARTICLES = [
    (
        "demo-bojonegoro-posko-aduan-desa",
        "35.22",
        "tim.bojonegoro",
        "tata-kelola",
        2,
        "Posko aduan desa kini tersambung ke kecamatan (demo)",
        "Contoh berita: aduan warga desa diteruskan ke kecamatan dalam satu hari kerja.",
        "Dalam contoh ini, setiap desa memiliki posko aduan yang terhubung ke kecamatan.\n\n"
        "Petugas mencatat aduan, memberi nomor pelacakan, dan warga dapat memantau "
        "tindak lanjutnya.",
    ),
    (
        "demo-bojonegoro-pasar-nontunai",
        "35.22",
        "tim.bojonegoro",
        "ekonomi",
        9,
        "Pedagang pasar mencoba pembayaran nontunai (demo)",
        "Contoh berita: uji coba pembayaran nontunai di pasar daerah selama satu bulan.",
        "Berita contoh tentang pedagang pasar yang mencoba pembayaran nontunai.\n\n"
        "Tim pelaksana mencatat jumlah transaksi setiap minggu untuk bahan evaluasi.",
    ),
    (
        "demo-bojonegoro-sensor-banjir",
        "35.22",
        "tim.bojonegoro",
        "lingkungan",
        20,
        "Sensor ketinggian air dipasang di tepi sungai (demo)",
        "Contoh berita: sensor sederhana mengirim peringatan dini kepada warga bantaran.",
        "Contoh ini menggambarkan sensor ketinggian air yang mengirim pesan peringatan.\n\n"
        "Data sensor ditampilkan di dasbor terbuka agar warga dapat ikut memantau.",
    ),
    (
        "demo-bandung-ruang-baca-digital",
        "32.73",
        "tim.bandung",
        "kehidupan",
        1,
        "Ruang baca digital dibuka di taman kota (demo)",
        "Contoh berita: warga dapat meminjam buku elektronik di taman dengan kartu perpustakaan.",
        "Dalam berita contoh ini, taman kota dilengkapi ruang baca digital.\n\n"
        "Pengunjung meminjam buku elektronik dengan kartu perpustakaan yang sudah ada.",
    ),
    (
        "demo-bandung-jadwal-angkot",
        "32.73",
        "tim.bandung",
        "kehidupan",
        6,
        "Jadwal angkutan kota bisa dilihat dari ponsel (demo)",
        "Contoh berita: perkiraan kedatangan angkutan ditampilkan di halaman web ringan.",
        "Berita contoh tentang jadwal angkutan kota yang dapat dibuka dari ponsel murah.\n\n"
        "Halaman dibuat ringan agar tetap cepat dengan sinyal lemah.",
    ),
    (
        "demo-bandung-bank-sampah",
        "32.73",
        "tim.bandung",
        "lingkungan",
        15,
        "Bank sampah kelurahan mencatat setoran secara daring (demo)",
        "Contoh berita: setoran sampah warga tercatat dan dapat ditukar dengan saldo.",
        "Contoh ini menceritakan bank sampah yang mencatat setoran warga secara daring.\n\n"
        "Laporan bulanan membantu kelurahan melihat jenis sampah yang paling banyak.",
    ),
    (
        "demo-makassar-layanan-izin",
        "73.71",
        "admin",
        "tata-kelola",
        3,
        "Izin usaha kecil diurus tanpa antre (demo)",
        "Contoh berita: pengajuan izin usaha kecil dilakukan daring dengan pendampingan.",
        "Berita contoh tentang pengurusan izin usaha kecil secara daring.\n\n"
        "Petugas pendamping membantu warga yang belum terbiasa dengan formulir daring.",
    ),
    (
        "demo-makassar-pantai-bersih",
        "73.71",
        "admin",
        "lingkungan",
        12,
        "Relawan memetakan titik sampah pantai (demo)",
        "Contoh berita: relawan menandai titik sampah di peta agar petugas datang tepat sasaran.",
        "Dalam contoh ini, relawan menandai titik sampah pantai di peta bersama.\n\n"
        "Petugas kebersihan menggunakan peta itu untuk menyusun rute harian.",
    ),
    (
        "demo-banyuwangi-desa-wisata",
        "35.10",
        "admin",
        "ekonomi",
        5,
        "Desa wisata menjual paket kunjungan secara daring (demo)",
        "Contoh berita: kelompok sadar wisata menawarkan paket kunjungan lewat satu halaman.",
        "Berita contoh tentang desa wisata yang menjual paket kunjungan secara daring.\n\n"
        "Pemandu lokal mendapat jadwal kunjungan lebih awal sehingga mudah bersiap.",
    ),
    (
        "demo-banyuwangi-puskesmas-antrean",
        "35.10",
        "admin",
        "kehidupan",
        18,
        "Antrean puskesmas diambil dari rumah (demo)",
        "Contoh berita: pasien mengambil nomor antrean dari rumah dan datang sesuai perkiraan.",
        "Contoh ini menggambarkan antrean puskesmas yang dapat diambil dari rumah.\n\n"
        "Ruang tunggu menjadi lebih lega dan pasien lansia tetap dilayani lewat loket.",
    ),
    (
        "demo-nasional-bimtek-masterplan",
        None,
        "admin",
        "tata-kelola",
        4,
        "Bimtek penyusunan masterplan smart city dimulai (demo)",
        "Contoh berita nasional: daerah peserta mengikuti bimbingan teknis tahap pertama.",
        "Berita contoh dari kantor program nasional tentang bimtek tahap pertama.\n\n"
        "Tim daerah memetakan kesiapan sumber daya, infrastruktur, dan regulasi.",
    ),
    (
        "demo-nasional-panduan-data-terbuka",
        None,
        "admin",
        "tata-kelola",
        25,
        "Panduan data terbuka untuk daerah diterbitkan (demo)",
        "Contoh berita nasional: panduan singkat membuka data layanan publik.",
        "Berita contoh tentang panduan data terbuka bagi pemerintah daerah.\n\n"
        "Panduan menjelaskan format berkas, jadwal pembaruan, dan cara menerima masukan.",
    ),
]

BYLINES = {
    "35.22": "Diskominfo Kabupaten Bojonegoro (demo)",
    "32.73": "Diskominfo Kota Bandung (demo)",
    "73.71": "Diskominfo Kota Makassar (demo)",
    "35.10": "Diskominfo Kabupaten Banyuwangi (demo)",
    None: "Kantor Program Nasional (demo)",
}
WEIGHTS = {"sangat_puas": 5, "puas": 3, "cukup_puas": 1, "tidak_puas": 1}


def _readership(article: Article, days_ago: int, rng: random.Random) -> None:
    """Views per day since publication and a few dozen reactions, for the dashboard."""
    today = timezone.localdate(timezone=article.tzinfo)
    days = []
    for back in range(days_ago, -1, -1):
        views = max(0, int(rng.gauss(60, 25) * (1.6 if back == days_ago else 1)))
        days.append(ArticleDay(article=article, day=today - dt.timedelta(days=back), views=views))
    ArticleDay.objects.bulk_create(days)
    Article.objects.filter(pk=article.pk).update(views=sum(day.views for day in days))
    choices = list(WEIGHTS)
    for n in range(rng.randint(8, 40)):
        choice = rng.choices(choices, weights=list(WEIGHTS.values()))[0]
        reaction = reactions.react(article.pk, f"demo:{article.slug}:{n}", choice)
        when = article.published_at + dt.timedelta(hours=rng.randint(1, 24 * max(days_ago, 1)))
        Reaction.objects.filter(pk=reaction.pk).update(created_at=when, updated_at=when)


@transaction.atomic
def seed(stdout) -> None:
    categories = {
        slug: Category.objects.get_or_create(slug=slug, defaults={"name": name})[0]
        for slug, name in CATEGORIES
    }
    authors = {user.username: user for user in User.objects.filter(is_demo=True)}
    rng = random.Random(2017)  # noqa: S311 - made-up demo figures, not secrets
    created = 0
    for slug, region, author, category, days_ago, title, summary, body in ARTICLES:
        if Article.objects.filter(slug=slug, is_demo=True).exists():
            continue
        article = Article.objects.create(
            slug=slug,
            region_id=region,
            author=authors.get(author),
            category=categories[category],
            title=title,
            summary=summary,
            body=clean_body(body),
            byline=BYLINES[region],
            tags="demo",
            status=Article.Status.PUBLISHED,
            published_at=timezone.now() - dt.timedelta(days=days_ago, hours=3),
            is_demo=True,
        )
        if region is None:
            article.related_regions.set(["35.22", "32.73", "73.71", "35.10"])
        _readership(article, days_ago, rng)
        created += 1
    _link_programs()
    stdout.write(f"Demo news: {created} articles created, {len(ARTICLES) - created} already there.")


# Demo articles about the 2017 cohort and Bojonegoro's masterplan (seeded by those apps
# before this one). Adding a link twice is a no-op, so every run may do it.
COHORT_LINKS = {"demo-bojonegoro-posko-aduan-desa": 2017, "demo-nasional-bimtek-masterplan": 2017}
MASTERPLAN_LINKS = {
    "demo-bojonegoro-posko-aduan-desa": "35.22",
    "demo-nasional-bimtek-masterplan": "35.22",
}


def _link_programs() -> None:
    articles = {
        a.slug: a
        for a in Article.objects.filter(is_demo=True, slug__in=[*COHORT_LINKS, *MASTERPLAN_LINKS])
    }
    for slug, year in COHORT_LINKS.items():
        cohort = Cohort.objects.filter(year=year).first()
        if cohort and slug in articles:
            articles[slug].related_cohorts.add(cohort)
    for slug, region in MASTERPLAN_LINKS.items():
        # Only an approved plan: a demo article must not point readers at a draft.
        plan = Masterplan.objects.public().filter(region_id=region, is_demo=True).first()
        if plan and slug in articles:
            articles[slug].related_masterplans.add(plan)

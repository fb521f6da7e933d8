"""Kabupaten Bojonegoro's news of the 2017 award night, as its portal published it.

Written in our own words from the facts of that news (Portal Pemerintah Kabupaten
Bojonegoro, 16 November 2017; see docs/data-sources.md), with the counts that portal showed:
390 views and 14 answers to "Bagaimana Tanggapan Anda?" (11 very satisfied, 1 satisfied,
none fairly satisfied, 2 not satisfied). The counts are kept as the older portal's, apart
from what Cerdas counts since. The time of day was not recorded: the page shows the day.
"""

import datetime
import zoneinfo
from dataclasses import replace

from cerdas.cohorts.models import Cohort
from cerdas.portal import services

SOURCE = (
    "Portal Pemerintah Kabupaten Bojonegoro, berita 16 November 2017: tayangan dan jajak "
    "pendapat \u201cBagaimana Tanggapan Anda?\u201d seperti tercatat di sana"
)
TITLE = "Bojonegoro Terima Penghargaan pada Malam Penghargaan Menuju 100 Smart City"
SUMMARY = (
    "Kabupaten Bojonegoro menerima penghargaan nasional pada Malam Penghargaan Gerakan "
    "Menuju 100 Smart City di Jakarta, Rabu malam, 15 November 2017."
)
BODY = """Kabupaten Bojonegoro menerima penghargaan nasional pada Malam Penghargaan Gerakan \
Menuju 100 Smart City, Rabu malam, 15 November 2017, di Hotel Santika Premiere, Jl. KS Tubun, \
Jakarta. Penghargaan itu diterima oleh Kepala Dinas Komunikasi dan Informatika Kabupaten \
Bojonegoro.

Malam penghargaan didahului seminar yang menampilkan capaian 25 kabupaten/kota peserta \
angkatan 2017. Acara ini menutup rangkaian bimbingan teknis (bimtek) penyusunan masterplan \
smart city dan program quick win yang berlangsung sejak Juli hingga November 2017.

Gerakan Menuju 100 Smart City dijalankan bersama oleh Kementerian Komunikasi dan \
Informatika, Kementerian Dalam Negeri, Kementerian Pekerjaan Umum dan Perumahan Rakyat, \
Bappenas, dan Kantor Staf Presiden. Keikutsertaan sebuah daerah diawali nota kesepahaman \
(MoU) antara bupati atau wali kota dan Direktorat Jenderal Aplikasi Informatika, yang \
mewajibkan daerah membentuk kelembagaan smart city, mengikuti bimtek, dan melahirkan \
inovasi. Daerah yang terpilih juga diminta menjadikan smart city dasar penyusunan RPJMD.

Menteri Komunikasi dan Informatika menegaskan bahwa smart city bukan soal membeli \
teknologi, melainkan soal melayani warga dengan lebih cepat dan lebih baik.

Bupati Bojonegoro menyampaikan bahwa daerah yang cerdas adalah daerah yang cepat mengetahui \
persoalan warganya, cepat memberi penyelesaian, dan terus belajar bersama agar penyelesaian \
itu bertahan."""

ARTICLE = services.LegacyArticle(
    region_code="35.22",
    title=TITLE,
    summary=SUMMARY,
    body=BODY,
    byline="Admin (teks: Dinas Komunikasi dan Informatika Kabupaten Bojonegoro)",
    published_at=datetime.datetime.combine(
        datetime.date(2017, 11, 16), services.UNKNOWN_TIME, tzinfo=zoneinfo.ZoneInfo("Asia/Jakarta")
    ),
    time_known=False,
    source=SOURCE,
    views=390,
    reactions={"sangat_puas": 11, "puas": 1, "cukup_puas": 0, "tidak_puas": 2},
    related_codes=("35.22",),
)


def load(stdout) -> None:
    cohort = Cohort.objects.get(year=2017)  # loaded by the record before this
    article = replace(ARTICLE, cohort_ids=(cohort.pk,))
    _, created = services.import_legacy_article(None, article)
    stdout.write(
        "Records: Bojonegoro's news of the 2017 award night "
        + ("imported." if created else "already there.")
    )

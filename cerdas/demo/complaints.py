"""Demo complaints: Kabupaten Bojonegoro's topics and agencies, and about 200 made-up reports.

Reports of the last four months in every step, kind and privacy, some of them overdue, made
through the complaints services at their own (past) times, so their timelines, deadlines
and audit entries are what the real flow writes. Every report, topic and agency created here
is marked demo; the texts describe no real event. Running it again adds nothing.
"""

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone

from cerdas.accounts.models import User
from cerdas.complaints import services
from cerdas.complaints.models import Category, ComplaintSettings, Report
from cerdas.regions.models import Agency, Region

REGION = "35.22"
COUNT = 200
SEED = 3522

AGENCIES = [
    ("Dinas Pekerjaan Umum Bina Marga dan Penataan Ruang", "Dinas PU BMPR"),
    ("Dinas Lingkungan Hidup", "DLH"),
    ("Dinas Perhubungan", "Dishub"),
    ("Dinas Kesehatan", "Dinkes"),
    ("Dinas Pendidikan", "Dindik"),
    ("Dinas Kependudukan dan Pencatatan Sipil", "Dukcapil"),
    ("Dinas Sosial", "Dinsos"),
    ("Dinas Komunikasi dan Informatika", "Diskominfo"),
]

# code, name, agency short name, group, handling, what reporters write (demo texts)
CATEGORIES = [
    (
        "jalan-rusak",
        "Jalan rusak",
        "Dinas PU BMPR",
        "infrastruktur",
        "standard",
        [
            "Jalan desa berlubang dan tergenang saat hujan (contoh demo).",
            "Aspal mengelupas sepanjang kira-kira 200 meter, motor sering tergelincir (demo).",
        ],
    ),
    (
        "drainase",
        "Saluran air dan genangan",
        "Dinas PU BMPR",
        "infrastruktur",
        "field_check",
        [
            "Saluran tersumbat sehingga air meluap ke rumah warga (contoh demo).",
            "Gorong-gorong ambrol di ujung gang (demo).",
        ],
    ),
    (
        "sampah",
        "Sampah dan kebersihan",
        "DLH",
        "lingkungan",
        "standard",
        [
            "Tumpukan sampah di tepi jalan belum diangkut seminggu (contoh demo).",
            "Tempat pembuangan sementara penuh dan berbau (demo).",
        ],
    ),
    (
        "lampu-jalan",
        "Lampu penerangan jalan",
        "Dishub",
        "infrastruktur",
        "standard",
        [
            "Lampu jalan mati beberapa malam sehingga jalan gelap (contoh demo).",
            "Tiang lampu miring setelah angin kencang (demo).",
        ],
    ),
    (
        "kesehatan",
        "Layanan kesehatan",
        "Dinkes",
        "layanan",
        "dispute",
        [
            "Antrean di puskesmas sangat panjang pada pagi hari (contoh demo).",
            "Jadwal posyandu di desa tidak diumumkan (demo).",
        ],
    ),
    (
        "sekolah",
        "Pendidikan dan sekolah",
        "Dindik",
        "layanan",
        "standard",
        [
            "Atap ruang kelas bocor saat hujan (contoh demo).",
            "Informasi pendaftaran sekolah sulit didapat (demo).",
        ],
    ),
    (
        "adminduk",
        "KTP, KK dan akta",
        "Dukcapil",
        "layanan",
        "standard",
        [
            "KTP elektronik belum jadi setelah sebulan (contoh demo).",
            "Bagaimana cara mengurus akta kelahiran yang hilang? (demo)",
        ],
    ),
    (
        "bansos",
        "Bantuan sosial",
        "Dinsos",
        "layanan",
        "dispute",
        [
            "Warga lansia belum terdaftar sebagai penerima bantuan (contoh demo).",
            "Data penerima bantuan di desa perlu diperbarui (demo).",
        ],
    ),
    (
        "internet-desa",
        "Internet dan layanan digital",
        "Diskominfo",
        "digital",
        "standard",
        [
            "Wi-Fi balai desa tidak menyala sejak minggu lalu (contoh demo).",
            "Usul: tambahkan titik internet gratis di alun-alun (demo).",
        ],
    ),
]

FOLLOW_UPS = [
    "Petugas sudah meninjau lokasi dan perbaikan dijadwalkan minggu ini (contoh demo).",
    "Laporan sudah ditindaklanjuti; mohon kabari bila masalah muncul lagi (demo).",
    "Kami telah berkoordinasi dengan pemerintah desa untuk penanganannya (demo).",
]


def _agencies() -> dict[str, Agency]:
    found = {}
    for name, short in AGENCIES:
        agency, _created = Agency.objects.get_or_create(
            region_id=REGION, name=name, defaults={"short_name": short, "is_demo": True}
        )
        found[short] = agency
    return found


def _categories(agencies) -> list[Category]:
    made = []
    for code, name, short, group, handling, _texts in CATEGORIES:
        category, _created = Category.objects.get_or_create(
            region_id=REGION,
            code=code,
            defaults={
                "name": name,
                "agency": agencies[short],
                "group": group,
                "handling": handling,
                "description": f"{name} di Kabupaten Bojonegoro (demo).",
                "is_demo": True,
            },
        )
        made.append(category)
    return made


def _when(rng, now, days_back) -> dt.datetime:
    moment = now - dt.timedelta(days=days_back, minutes=rng.randint(0, 600))
    return min(moment, now - dt.timedelta(minutes=5))


def _one(rng, now, category, texts, coordinator, officer):
    age = rng.uniform(0.05, 120)
    submitted = _when(rng, now, age)
    privacy = rng.choices(["public", "anonymous", "confidential"], [70, 20, 10])[0]
    report = services.submit_report(
        services.NewReport(
            region_code=REGION,
            category_id=category.pk,
            kind=rng.choices(["complaint", "aspiration", "information"], [75, 15, 10])[0],
            privacy=privacy,
            description=rng.choice(texts),
            address=f"Desa contoh {rng.randint(1, 40)}, Kecamatan contoh (demo)",
            latitude=round(-7.15 + rng.uniform(-0.15, 0.15), 6),
            longitude=round(111.88 + rng.uniform(-0.2, 0.2), 6),
            name="" if privacy == "anonymous" else "Warga Demo",
        ),
        now=submitted,
        is_demo=True,
    )
    roll = rng.random()
    if age < 2 or roll < 0.06:
        return report  # still waiting for the coordinator; the older ones are overdue
    verify_at = min(submitted + dt.timedelta(hours=rng.uniform(2, 130)), now)
    if roll < 0.09:
        services.postpone(
            coordinator, report.pk, "Mohon sebutkan nama desa dan RT (demo).", now=verify_at
        )
        return report
    if roll < 0.17:
        outcome = rng.choice(["not_our_authority", "forward", "archive_duplicate", "archive_spam"])
        _end(coordinator, report, outcome, verify_at)
        return report
    agency = category.agency
    handling = category.handling
    services.dispatch(
        coordinator,
        report.pk,
        category_id=category.pk,
        agency_id=agency.pk,
        handling=handling,
        public_text=report.description,
        now=verify_at,
    )
    if age < 4 or roll < 0.25:
        return report  # with the agency; some past the deadline
    actor = officer if officer and officer.agency_id == agency.pk else coordinator
    if roll < 0.32:
        services.start(actor, report.pk)
        return report
    answer_at = min(verify_at + dt.timedelta(hours=rng.uniform(5, 200)), now)
    services.follow_up(actor, report.pk, rng.choice(FOLLOW_UPS), now=answer_at)
    reply_at = answer_at + dt.timedelta(hours=rng.uniform(3, 100))
    if reply_at >= now or roll < 0.45:
        return report  # waiting for the reporter (or closed by the reply window later)
    if roll < 0.52:
        services.reply(
            report.pk, "Masih belum selesai, mohon dicek lagi (demo).", False, now=reply_at
        )
        return report
    services.reply(report.pk, "Terima kasih, sudah beres (demo).", True, now=reply_at)
    if rng.random() < 0.75:
        rating = rng.choices(["sangat_puas", "puas", "cukup_puas", "tidak_puas"], [35, 40, 15, 10])[
            0
        ]
        services.rate(report.pk, rating, now=reply_at)
    return report


def _end(coordinator, report, outcome, when):
    if outcome == "forward":
        services.end_report(
            coordinator,
            report.pk,
            "forward",
            "Lokasi berada di Kabupaten Tuban (demo).",
            target_region="35.23",
            now=when,
        )
    elif outcome == "archive_duplicate":
        original = (
            Report.objects.filter(region_id=REGION, is_demo=True).exclude(pk=report.pk).first()
        )
        if original is None:
            return
        services.end_report(
            coordinator,
            report.pk,
            "archive",
            "Sama dengan laporan sebelumnya (demo).",
            archive_reason="duplicate",
            duplicate_of=original.tracking_number,
            now=when,
        )
    elif outcome == "archive_spam":
        services.end_report(
            coordinator,
            report.pk,
            "archive",
            "Isi tidak berkaitan dengan layanan (demo).",
            archive_reason="spam",
            now=when,
        )
    else:
        services.end_report(
            coordinator,
            report.pk,
            "not_our_authority",
            "Jalan nasional, kewenangan pemerintah pusat (demo).",
            now=when,
        )


def seed(stdout) -> int:
    """Bojonegoro's topics, agencies and reports; returns how many reports were made."""
    if not Region.objects.filter(pk=REGION).exists():
        stdout.write("Demo complaints: region 35.22 is missing; run import_regions first.")
        return 0
    if Report.objects.filter(region_id=REGION, is_demo=True).exists():
        stdout.write("Demo complaints: already there.")
        return 0
    coordinator = User.objects.filter(username="tim.bojonegoro").first()
    officer = User.objects.filter(username="opd.bojonegoro").first()
    if coordinator is None:
        stdout.write("Demo complaints: the demo accounts are missing.")
        return 0
    rng = random.Random(SEED)  # noqa: S311 - invented demo data, not secrets
    now = timezone.now()
    with transaction.atomic():
        ComplaintSettings.objects.get_or_create(region_id=REGION)
        agencies = _agencies()
        categories = _categories(agencies)
        texts = {code: texts for code, *_rest, texts in CATEGORIES}
        for _ in range(COUNT):
            category = rng.choice(categories)
            _one(rng, now, category, texts[category.code], coordinator, officer)
        closed = services.close_expired(now)
    stdout.write(
        f"Demo complaints: {COUNT} reports in 35.22 ({closed} closed by the reply window)."
    )
    return COUNT

"""Demo activity in the 2017 cohort, on top of what the public record holds.

The cohort itself, its calendar, its membership history and Bojonegoro's award come from the
record (``cerdas.records.cohort_2017``). Everything here (session dates, deliverables, MoU
details, institutions, reviews, presentations, the jury and its categories) is demo content,
marked ``is_demo`` and shown as demo.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from cerdas.accounts.models import User
from cerdas.cohorts import planning
from cerdas.cohorts.models import (
    Attendance,
    AwardCategory,
    BimtekSession,
    Cohort,
    Criterion,
    Deliverable,
    Institution,
    InstitutionMember,
    MentorAssignment,
    Mou,
    Nominee,
    Obligation,
    Presentation,
    Score,
    Submission,
)
from cerdas.records import cohort_2017

BOJONEGORO, BANDUNG, MAKASSAR = "35.22", "32.73", "73.71"

# Demo: the four stages between July and November, each asking for one deliverable.
SESSIONS = [
    (
        1,
        datetime.date(2017, 7, 18),
        "Jakarta",
        "Analisis kesiapan daerah",
        datetime.date(2017, 8, 4),
    ),
    (
        2,
        datetime.date(2017, 8, 22),
        "Bandung",
        "Peta program ke RPJMD dan Renstra",
        datetime.date(2017, 9, 8),
    ),
    (
        3,
        datetime.date(2017, 9, 26),
        "Daring",
        "Daftar inovasi kebijakan dan teknologi",
        datetime.date(2017, 10, 13),
    ),
    (
        4,
        datetime.date(2017, 10, 24),
        "Jakarta",
        "Rencana aksi dan quick win",
        datetime.date(2017, 11, 1),
    ),
]


def seed(stdout):
    with transaction.atomic():
        admin = User.objects.filter(username="admin").first()
        cohort = Cohort.objects.get(year=cohort_2017.YEAR)  # loaded by the records
        if cohort.sessions.exists():
            stdout.write("cohorts: demo activity already present")
        else:
            mentor = User.objects.filter(username="asesor").first()
            _sessions_and_deliverables(cohort, mentor)
            _members_work(cohort, admin, mentor)
            _awards(cohort, admin, mentor)
            stdout.write("cohorts: 2017 cohort with demo activity created")
        # Row by row, so a database seeded before these records existed gets them too.
        added = _program_records(cohort)
        if added:
            stdout.write(f"cohorts: {added} demo program records added")


def _sessions_and_deliverables(cohort, mentor):
    for stage, day, place, title, due in SESSIONS:
        session = BimtekSession.objects.create(
            cohort=cohort,
            stage=stage,
            starts_on=day,
            ends_on=day + datetime.timedelta(days=1),
            place="" if place == "Daring" else place,
            online_url="https://meet.example.org/bimtek" if place == "Daring" else "",
            agenda=f"Materi tahap {stage}; diskusi kelompok; penugasan: {title.lower()}.",
            is_demo=True,
        )
        if mentor:
            session.mentors.add(mentor)
        Deliverable.objects.create(
            cohort=cohort,
            session=session,
            title=title,
            description=f"Dokumen hasil bimtek tahap {stage} (contoh).",
            due_on=due,
            is_demo=True,
        )


def _members_work(cohort, admin, mentor):
    team = {u.region_id: u for u in User.objects.filter(region_id__in=[BOJONEGORO, BANDUNG])}
    for code in (BOJONEGORO, BANDUNG):
        if mentor:
            MentorAssignment.objects.create(cohort=cohort, region_id=code, mentor=mentor)
        mou = Mou.objects.create(
            cohort=cohort,
            region_id=code,
            parties="Kementerian Kominfo dan pemerintah daerah (contoh)",
            signatories="Direktur Jenderal Aptika; Bupati/Wali Kota (contoh)",
            signed_on=cohort_2017.MAY_LIST,
            signed_place="Jakarta",
            status=Mou.Status.SIGNED,
            is_demo=True,
        )
        for kind in Obligation.Kind:
            done = kind in (Obligation.Kind.INSTITUTIONS, Obligation.Kind.SOCIALISATION)
            Obligation.objects.create(
                mou=mou,
                kind=kind,
                done_on=datetime.date(2017, 7, 10) if done else None,
                evidence="Contoh bukti (demo)" if done else "",
            )
    first, second = list(cohort.deliverables.order_by("due_on"))[:2]
    _submission(first, BOJONEGORO, team.get(BOJONEGORO), 1, "accepted", mentor, "Lengkap.")
    _submission(
        second, BOJONEGORO, team.get(BOJONEGORO), 1, "returned", mentor, "Petakan ke Renstra OPD."
    )
    _submission(second, BOJONEGORO, team.get(BOJONEGORO), 2, "submitted", None, "")
    _submission(first, BANDUNG, team.get(BANDUNG), 1, "submitted", None, "", late=True)
    for code, summary, wins in [
        (
            BOJONEGORO,
            "Masterplan berfokus pada tata kelola terbuka dan ekonomi desa (contoh).",
            "Layanan pengaduan satu pintu\nPeta data desa terbuka",
        ),
        (
            BANDUNG,
            "Masterplan menata mobilitas dan layanan publik digital (contoh).",
            "Dasbor lalu lintas publik\nPerizinan daring",
        ),
    ]:
        Presentation.objects.create(
            cohort=cohort,
            region_id=code,
            summary=summary,
            quick_wins=wins,
            is_published=True,
            is_demo=True,
        )


def _submission(deliverable, code, user, version, status, reviewer, comment, late=False):
    submitted_at = timezone.make_aware(
        datetime.datetime.combine(deliverable.due_on, datetime.time(10))
    ) + datetime.timedelta(days=3 if late else -2 + version)
    Submission.objects.create(
        deliverable=deliverable,
        region_id=code,
        version=version,
        url=f"https://example.org/demo/{code}/{deliverable.pk}/v{version}",
        note="Contoh pengumpulan (demo)",
        submitted_by=user,
        submitted_at=submitted_at,
        is_late=late,
        status=status,
        reviewer=reviewer,
        reviewed_at=submitted_at + datetime.timedelta(days=1) if reviewer else None,
        review_comment=comment,
        is_demo=True,
    )


def _awards(cohort, admin, mentor):
    jurors = [u for u in (admin, mentor) if u]
    cohort.jurors.add(*jurors)
    for order, (name, region_codes) in enumerate(
        [
            ("Masterplan terbaik (contoh)", [BOJONEGORO, BANDUNG]),
            ("Quick win terbaik (contoh)", [BANDUNG, BOJONEGORO]),
            ("Komitmen kelembagaan terbaik (contoh)", [BOJONEGORO]),
        ]
    ):
        category = AwardCategory.objects.create(cohort=cohort, name=name, order=order, is_demo=True)
        criteria = [
            Criterion.objects.create(category=category, name=label, max_score=10)
            for label in ("Kejelasan visi", "Kelayakan program", "Dampak bagi warga")
        ]
        for rank, code in enumerate(region_codes):
            nominee = Nominee.objects.create(category=category, region_id=code)
            for offset, juror in enumerate(jurors):
                for criterion in criteria:
                    Score.objects.create(
                        nominee=nominee,
                        criterion=criterion,
                        juror=juror,
                        value=max(0, 9 - rank * 2 - offset),
                    )
    cohort.jury_closed = True
    cohort.results_publish_at = timezone.make_aware(datetime.datetime(2017, 11, 15, 12, 0))
    cohort.save(update_fields=["jury_closed", "results_publish_at"])


# Demo: a few regions' records through the program pages' fields (attendance with who
# came, obligation evidence links and notes, both institutions' members, a presentation).
# Attendance rows and institution members have no demo flag: their text says "contoh" and
# their session or institution carries the demo badge.
RECORD_REGIONS = {
    BOJONEGORO: {"came": (1, 2, 3, 4), "done": ("institutions", "socialisation", "innovations")},
    BANDUNG: {"came": (1, 2, 4), "done": ("institutions", "socialisation")},
    MAKASSAR: {"came": (1, 3), "done": ("institutions",)},
}
TEAM_MEMBERS = [
    ("Andi Contoh", "Ketua Tim Pelaksana", "government"),
    ("Nur Contoh", "Sekretaris", "government"),
    ("Prof. Hasan Contoh", "Anggota", "academia"),
    ("Komunitas Data Contoh", "Anggota", "community"),
]
COUNCIL_MEMBERS = [
    ("Rina Contoh", "Ketua", "government"),
    ("Dr. Bayu Contoh", "Anggota", "academia"),
    ("Sari Contoh", "Anggota", "business"),
    ("Dimas Contoh", "Anggota", "youth"),
]


def _program_records(cohort) -> int:
    """Add what is missing of the demo records; never touch what somebody else recorded."""
    added = 0
    members = set(cohort.memberships.values_list("region_id", flat=True))
    for code, plan in RECORD_REGIONS.items():
        if code not in members:
            continue
        added += _attendance(cohort, code, plan["came"])
        added += _obligation_evidence(cohort, code, plan["done"])
        added += _institutions(cohort, code)
        added += _presentation(cohort, code)
    return added


def _attendance(cohort, code, came) -> int:
    added = 0
    for session in cohort.sessions.filter(is_demo=True):
        attended = session.stage in came
        _row, created = Attendance.objects.get_or_create(
            session=session,
            region_id=code,
            defaults={
                "attended": attended,
                "attendees": "Kepala Bappeda (contoh)\nKepala Dinas Kominfo (contoh)"
                if attended
                else "",
            },
        )
        added += created
    return added


def _obligation_evidence(cohort, code, done) -> int:
    mou, created = Mou.objects.get_or_create(
        cohort=cohort,
        region_id=code,
        defaults={
            "parties": "Kementerian Kominfo dan pemerintah daerah (contoh)",
            "signatories": "Direktur Jenderal Aptika; Wali Kota (contoh)",
            "signed_on": cohort_2017.MAY_LIST,
            "signed_place": "Jakarta",
            "status": Mou.Status.SIGNED,
            "is_demo": True,
        },
    )
    if not mou.is_demo:
        return int(created)
    planning.ensure_obligations(mou)
    added = int(created)
    for obligation in mou.obligations.filter(kind__in=done, evidence_url="", note=""):
        obligation.done_on = obligation.done_on or datetime.date(2017, 7, 10)
        obligation.evidence = obligation.evidence or "Contoh bukti (demo)"
        obligation.evidence_url = f"https://example.org/demo/{code}/{obligation.kind}"
        obligation.note = "Bukti contoh untuk demo; bukan dokumen resmi."
        obligation.save()
        added += 1
    return added


def _institutions(cohort, code) -> int:
    added = 0
    for kind, people, number in [
        (Institution.Kind.COUNCIL, COUNCIL_MEMBERS, "188/101/KEP/2017 (contoh)"),
        (Institution.Kind.TEAM, TEAM_MEMBERS, "188/102/KEP/2017 (contoh)"),
    ]:
        institution, created = Institution.objects.get_or_create(
            cohort=cohort,
            region_id=code,
            kind=kind,
            defaults={
                "decree_number": number,
                "decree_date": datetime.date(2017, 6, 20),
                "is_demo": True,
            },
        )
        added += created
        if institution.is_demo and not institution.members.exists():
            InstitutionMember.objects.bulk_create(
                InstitutionMember(institution=institution, name=n, role=r, affiliation=a)
                for n, r, a in people
            )
            added += len(people)
    return added


def _presentation(cohort, code) -> int:
    _row, created = Presentation.objects.get_or_create(
        cohort=cohort,
        region_id=code,
        defaults={
            "summary": "Masterplan menghubungkan layanan pelabuhan, pariwisata bahari dan "
            "pengaduan warga dalam satu data kota (contoh).",
            "quick_wins": "Kanal pengaduan warga terpadu\nData kunjungan wisata terbuka",
            "is_published": True,
            "is_demo": True,
        },
    )
    return int(created)

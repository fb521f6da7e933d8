"""The 2017 cohort as the public record shows it: who was in it, its calendar, its award night.

Every fact here comes from a public source named beside it (docs/data-sources.md lists them):
the ministry's May 2017 list of 25 regions, the program's 2017 calendar, a November 2017
regional news article that names Kab. Lombok Timur among the participants and not Purwakarta
or Singkawang, and Kabupaten Bojonegoro's portal news of 16 November 2017 on the award night.
Nothing is invented: what the record does not say (the exact day Lombok Timur joined, the
name of Bojonegoro's award category) is left marked as unknown.
"""

import datetime

from cerdas.cohorts import services
from cerdas.cohorts.models import Cohort

YEAR = 2017
NAME = "Gerakan Menuju 100 Smart City 2017"

# The 2017 cohort of Gerakan Menuju 100 Smart City as the ministry listed it in May 2017.
# Names as written in that list; they go through the resolver like any imported name.
COHORT_2017_NAMES = (
    "Kota Jambi",
    "Kab. Pelalawan",
    "Kab. Siak",
    "Kab. Banyuasin",
    "Kota Tangerang",
    "Kota Tangerang Selatan",
    "Kab. Purwakarta",
    "Kota Bandung",
    "Kota Bekasi",
    "Kota Bogor",
    "Kota Cirebon",
    "Kota Sukabumi",
    "Kab. Sleman",
    "Kota Semarang",
    "Kab. Banyuwangi",
    "Kab. Bojonegoro",
    "Kab. Gresik",
    "Kab. Sidoarjo",
    "Kab. Badung",
    "Kota Singkawang",
    "Kab. Kutai Kartanegara",
    "Kota Samarinda",
    "Kota Makassar",
    "Kota Tomohon",
    "Kab. Mimika",
)

MAY_LIST = datetime.date(2017, 5, 23)
NOVEMBER = datetime.date(2017, 11, 1)
MAY_SOURCE = "Daftar 25 kabupaten/kota Gerakan Menuju 100 Smart City, Mei 2017"
NOVEMBER_SOURCE = "Berita daerah, November 2017 (peserta: Kab. Lombok Timur)"
PURWAKARTA, SINGKAWANG, LOMBOK_TIMUR = "32.14", "61.72", "52.03"
BOJONEGORO = "35.22"

AWARD_NIGHT_SOURCE = (
    "Portal Pemerintah Kabupaten Bojonegoro, berita 16 November 2017 tentang Malam "
    "Penghargaan Menuju 100 Smart City"
)
CALENDAR_SOURCE = (
    "Kominfo, jadwal Gerakan Menuju 100 Smart City 2017: asesmen 2-3 Mei, peluncuran dan "
    "MoU 22-23 Mei, bimtek Juli-November, seminar dan malam penghargaan 15 November 2017; "
    + AWARD_NIGHT_SOURCE
)
CALENDAR = {
    "target_count": 25,
    "assessment_start": datetime.date(2017, 5, 2),
    "assessment_end": datetime.date(2017, 5, 3),
    "mou_start": datetime.date(2017, 5, 22),
    "mou_end": datetime.date(2017, 5, 23),
    "mou_place": "Jakarta",
    "seminar_date": datetime.date(2017, 11, 15),
    "seminar_place": "Jakarta",
    # A Wednesday; the award night followed the seminar that evening.
    "award_night_date": datetime.date(2017, 11, 15),
    "award_night_place": "Hotel Santika Premiere, Jl. KS Tubun, Jakarta",
    "source": CALENDAR_SOURCE,
}


def cohort_2017_codes() -> list[str]:
    """The Kemendagri codes of the 2017 cohort, resolved from the names above.

    Raises ``LookupError`` naming every name that does not resolve to exactly one region,
    so a change in the region data cannot quietly shrink the cohort.
    """
    from cerdas.regions.services import get_resolver

    results = get_resolver().resolve_many(COHORT_2017_NAMES)
    unresolved = [r.query for r in results if r.best is None]
    if unresolved:
        raise LookupError(f"2017 cohort names that do not resolve: {', '.join(unresolved)}")
    return [r.best.code for r in results]


def load(stdout) -> Cohort:
    """The 2017 cohort, its calendar, membership history and recorded award, once."""
    cohort = services.get_or_create_cohort(year=YEAR, name=NAME)
    services.set_calendar(cohort_id=cohort.pk, reason=CALENDAR_SOURCE, **CALENDAR)
    codes = cohort_2017_codes()
    known = set(cohort.memberships.values_list("region_id", flat=True))
    joined = services.add_members(
        cohort_id=cohort.pk,
        region_codes=[code for code in codes if code not in known],
        user=None,
        reason="Terpilih dalam daftar 25 daerah Mei 2017",
        source=MAY_SOURCE,
        joined_on=MAY_LIST,
    )
    _november_changes(cohort)
    _, awarded = services.record_award(
        cohort_id=cohort.pk,
        region_code=BOJONEGORO,
        category="",  # the news names no category
        accepted_by="Kepala Dinas Komunikasi dan Informatika Kabupaten Bojonegoro",
        source=AWARD_NIGHT_SOURCE,
    )
    stdout.write(
        f"Records: the 2017 cohort ({len(joined)} members added, "
        f"{'1 award recorded' if awarded else 'its award already recorded'})."
    )
    return cohort


def _november_changes(cohort) -> None:
    if cohort.memberships.filter(region_id=LOMBOK_TIMUR).exists():
        return
    for code in (PURWAKARTA, SINGKAWANG):
        current = cohort.memberships.current().filter(region_id=code).first()
        if current:
            services.end_membership(
                confirmed=True,
                membership_id=current.pk,
                user=None,
                left_on=NOVEMBER,
                reason="Tidak disebut sebagai peserta dalam berita November 2017; "
                "alasan dan tanggal pasti tidak diketahui (tanggal perkiraan).",
                source=NOVEMBER_SOURCE,
                dates_approximate=True,
            )
    services.add_members(
        cohort_id=cohort.pk,
        region_codes=[LOMBOK_TIMUR],
        user=None,
        reason="Disebut sebagai peserta dalam berita November 2017; "
        "tanggal bergabung tidak diketahui (tanggal perkiraan).",
        source=NOVEMBER_SOURCE,
        joined_on=NOVEMBER,
        dates_approximate=True,
    )

"""Facts about the program's regions from public sources (see docs/data-sources.md)."""

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

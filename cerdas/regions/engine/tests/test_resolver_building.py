"""The resolver as it is built from a handful of records: its other names, its provinces and
its spelling index, each checked on a fresh resolver (the other tests share one built once).
"""

import pytest

from cerdas.regions.engine.names import RegionRecord, RegionResolver

R = RegionRecord
RECORDS = [
    R("34.71", "Kota Yogyakarta", "kota", "34", "Daerah Istimewa Yogyakarta"),
    R("33.72", "Kota Surakarta", "kota", "33", "Jawa Tengah"),
    R("12.72", "Kota Pematangsiantar", "kota", "12", "Sumatera Utara"),
    R("12.12", "Kabupaten Toba", "kabupaten", "12", "Sumatera Utara"),
    R("76.01", "Kabupaten Pasangkayu", "kabupaten", "76", "Sulawesi Barat"),
    R("35.22", "Kabupaten Bojonegoro", "kabupaten", "35", "Jawa Timur"),
    R("32.73", "Kota Bandung", "kota", "32", "Jawa Barat"),
]


def best(resolver, text, province=None):
    resolution = resolver.resolve(text, province=province)
    found = resolution.best
    return (found.code, found.reason) if found else resolution.status


@pytest.fixture
def resolver():
    return RegionResolver(RECORDS)


def test_a_region_given_twice_is_refused_by_code():
    with pytest.raises(ValueError, match=r"^region 35\.22 is given twice$"):
        RegionResolver([RECORDS[5], RECORDS[5]])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jogja", ("34.71", "alias")),  # an everyday name
        ("Solo", ("33.72", "alias")),
        ("Siantar", ("12.72", "alias")),
        ("Mamuju Utara", ("76.01", "alias")),  # a former name (PP 61/2017)
        ("Toba Samosri", ("12.12", "fuzzy")),  # a former name, misspelled
        ("Jogjakrta", ("34.71", "fuzzy")),  # an everyday name of 7+ letters, misspelled
        ("Siantra", ("12.72", "fuzzy")),  # exactly seven letters, misspelled
        ("Bojonegor", ("35.22", "fuzzy")),  # the name itself, misspelled
    ],
)
def test_other_names_and_their_misspellings_are_known_from_the_first_build(
    resolver, text, expected
):
    assert best(resolver, text) == expected


def test_other_names_of_regions_missing_from_the_records_are_left_out():
    # Without Kota Yogyakarta ("Yogya", the first other name listed) the rest still work.
    resolver = RegionResolver([r for r in RECORDS if r.code != "34.71"])
    assert best(resolver, "Jogja") == "unknown"
    assert best(resolver, "Solo") == ("33.72", "alias")
    assert best(resolver, "Mamuju Utara") == ("76.01", "alias")


@pytest.mark.parametrize(
    ("province", "expected"),
    [
        ("Jatim", ("35.22", "name")),  # a province abbreviation
        ("Jawa Timr", ("35.22", "name")),  # a slip in a long province name
        ("Jatimm", ("35.22", "name")),  # six letters: a slip is allowed
        ("Jatm", "ambiguous"),  # four letters: too short to guess, so no province is known
        ("Sumatera", "ambiguous"),  # a province, but not the region's
    ],
)
def test_a_province_is_read_from_its_name_its_abbreviation_or_a_slip(resolver, province, expected):
    assert best(resolver, "Bojonegoro", province) == expected


def test_a_resolver_without_regions_knows_no_province_and_no_name():
    resolution = RegionResolver([]).resolve("Bojonegoro", province="Jawa Timur")
    assert (resolution.status, resolution.candidates) == ("unknown", ())


def test_a_province_close_to_none_is_not_taken_for_the_only_one_known():
    resolver = RegionResolver([RECORDS[5]])
    assert best(resolver, "Bojonegoro", "Jawa Timur") == ("35.22", "name")
    assert best(resolver, "Bojonegoro", "Sumatera") == "ambiguous"


def test_a_wrong_kind_contradicts_a_province_only_when_a_region_of_that_kind_has_the_name():
    """ "Kota Banjar, Kalimantan Selatan" reads two ways only because Kota Banjar exists.

    Here two kabupaten share the name (a made-up namesake in Jawa Barat) and no kota has it:
    the one in the province written is the match, its kind forgiven.
    """
    resolver = RegionResolver(
        [
            R("63.03", "Kabupaten Banjar", "kabupaten", "63", "Kalimantan Selatan"),
            R("32.79", "Kabupaten Banjar", "kabupaten", "32", "Jawa Barat"),
        ]
    )
    result = resolver.resolve("Kota Banjar, Kalimantan Selatan")
    assert [(c.code, c.reason, c.confidence) for c in result.candidates] == [
        ("63.03", "kind_mismatch", 0.75),
        ("32.79", "province_mismatch", 0.375),
    ]
    assert result.best.code == "63.03"


def test_the_lists_of_other_names_are_read_as_utf8_csv_rows():
    from cerdas.regions.engine import aliases

    rows = aliases._rows("former_names.csv")
    assert rows[0] == {
        "code": "12.12",
        "former_name": "Toba Samosir",
        "until": "2020",
        "law": "PP 14/2020",
        "evidence": "sinar.big.go.id; liputan6.com (PP 14/2020, signed 24 February 2020)",
    }
    assert aliases._rows("abbreviations.csv")[0]["abbreviation"] == "Asel"

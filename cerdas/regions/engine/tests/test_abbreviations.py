"""Abbreviations officials write for kabupaten/kota (abbreviations.csv) resolve to their region."""

import pytest

from cerdas.regions.engine.aliases import ABBREVIATION_SOURCES, ABBREVIATIONS, PROVINCE_ALIASES
from cerdas.regions.engine.names import (
    AMBIGUOUS,
    MATCH,
    REASON_ALIAS,
    REASON_KIND_MISMATCH,
    RegionResolver,
    normalize,
)
from cerdas.regions.engine.tests.lokal import BY_CODE, NAME_KEYS, PROVINCE_NAMES, RECORDS, codes

BY_NAME = {record.name: record.code for record in RECORDS}


# (abbreviation as written, the official name it stands for), across the provinces.
WRITTEN_ABBREVIATIONS = [
    ("Abdya", "Kabupaten Aceh Barat Daya"),
    ("Agara", "Kabupaten Aceh Tenggara"),
    ("Pijay", "Kabupaten Pidie Jaya"),
    ("Galus", "Kabupaten Gayo Lues"),
    ("Tapsel", "Kabupaten Tapanuli Selatan"),
    ("TAPSEL", "Kabupaten Tapanuli Selatan"),
    ("Kab. Tapsel", "Kabupaten Tapanuli Selatan"),
    ("Tapteng", "Kabupaten Tapanuli Tengah"),
    ("Taput", "Kabupaten Tapanuli Utara"),
    ("Labura", "Kabupaten Labuhanbatu Utara"),
    ("Pemkab Labura", "Kabupaten Labuhanbatu Utara"),
    ("Labusel", "Kabupaten Labuhanbatu Selatan"),
    ("Madina", "Kabupaten Mandailing Natal"),
    ("Sergai", "Kabupaten Serdang Bedagai"),
    ("Paluta", "Kabupaten Padang Lawas Utara"),
    ("Palas", "Kabupaten Padang Lawas"),
    ("Humbahas", "Kabupaten Humbang Hasundutan"),
    ("Nisel", "Kabupaten Nias Selatan"),
    ("Tobasa", "Kabupaten Toba"),
    ("P. Siantar", "Kota Pematangsiantar"),
    ("Psp", "Kota Padangsidimpuan"),
    ("Pessel", "Kabupaten Pesisir Selatan"),
    ("Pasbar", "Kabupaten Pasaman Barat"),
    ("Solsel", "Kabupaten Solok Selatan"),
    ("Mentawai", "Kabupaten Kepulauan Mentawai"),
    ("Inhu", "Kabupaten Indragiri Hulu"),
    ("Inhil", "Kabupaten Indragiri Hilir"),
    ("Rohul", "Kabupaten Rokan Hulu"),
    ("Rohil", "Kabupaten Rokan Hilir"),
    ("Kuansing", "Kabupaten Kuantan Singingi"),
    ("Meranti", "Kabupaten Kepulauan Meranti"),
    ("Tanjabbar", "Kabupaten Tanjung Jabung Barat"),
    ("Tanjabtim", "Kabupaten Tanjung Jabung Timur"),
    ("OKU", "Kabupaten Ogan Komering Ulu"),
    ("OKI", "Kabupaten Ogan Komering Ilir"),
    ("OKU Timur", "Kabupaten Ogan Komering Ulu Timur"),
    ("OKUT", "Kabupaten Ogan Komering Ulu Timur"),
    ("OKU Selatan", "Kabupaten Ogan Komering Ulu Selatan"),
    ("OI", "Kabupaten Ogan Ilir"),
    ("Muba", "Kabupaten Musi Banyuasin"),
    ("Muratara", "Kabupaten Musi Rawas Utara"),
    ("PALI", "Kabupaten Penukal Abab Lematang Ilir"),
    ("Linggau", "Kota Lubuk Linggau"),
    ("Benteng", "Kabupaten Bengkulu Tengah"),
    ("Lamsel", "Kabupaten Lampung Selatan"),
    ("Lamteng", "Kabupaten Lampung Tengah"),
    ("Lampura", "Kabupaten Lampung Utara"),
    ("Lambar", "Kabupaten Lampung Barat"),
    ("Lamtim", "Kabupaten Lampung Timur"),
    ("Tuba", "Kabupaten Tulang Bawang"),
    ("Tubaba", "Kabupaten Tulang Bawang Barat"),
    ("Pesibar", "Kabupaten Pesisir Barat"),
    ("Basel", "Kabupaten Bangka Selatan"),
    ("Bateng", "Kabupaten Bangka Tengah"),
    ("Babar", "Kabupaten Bangka Barat"),
    ("Beltim", "Kabupaten Belitung Timur"),
    ("Anambas", "Kabupaten Kepulauan Anambas"),
    ("Jakpus", "Kota Administrasi Jakarta Pusat"),
    ("Jaksel", "Kota Administrasi Jakarta Selatan"),
    ("Jaktim", "Kota Administrasi Jakarta Timur"),
    ("KBB", "Kabupaten Bandung Barat"),
    ("kbb", "Kabupaten Bandung Barat"),
    ("Kab. KBB", "Kabupaten Bandung Barat"),
    ("Tangsel", "Kota Tangerang Selatan"),
    ("Lobar", "Kabupaten Lombok Barat"),
    ("Loteng", "Kabupaten Lombok Tengah"),
    ("Lotim", "Kabupaten Lombok Timur"),
    ("KLU", "Kabupaten Lombok Utara"),
    ("KSB", "Kabupaten Sumbawa Barat"),
    ("TTS", "Kabupaten Timor Tengah Selatan"),
    ("TTU", "Kabupaten Timor Tengah Utara"),
    ("Mabar", "Kabupaten Manggarai Barat"),
    ("Matim", "Kabupaten Manggarai Timur"),
    ("SBD", "Kabupaten Sumba Barat Daya"),
    ("Flotim", "Kabupaten Flores Timur"),
    ("KKU", "Kabupaten Kayong Utara"),
    ("KKR", "Kabupaten Kubu Raya"),
    ("Kobar", "Kabupaten Kotawaringin Barat"),
    ("Kotim", "Kabupaten Kotawaringin Timur"),
    ("Barsel", "Kabupaten Barito Selatan"),
    ("Barut", "Kabupaten Barito Utara"),
    ("Bartim", "Kabupaten Barito Timur"),
    ("Gumas", "Kabupaten Gunung Mas"),
    ("Pulpis", "Kabupaten Pulang Pisau"),
    ("HSS", "Kabupaten Hulu Sungai Selatan"),
    ("HST", "Kabupaten Hulu Sungai Tengah"),
    ("HSU", "Kabupaten Hulu Sungai Utara"),
    ("Batola", "Kabupaten Barito Kuala"),
    ("Tanbu", "Kabupaten Tanah Bumbu"),
    ("Tala", "Kabupaten Tanah Laut"),
    ("Kukar", "Kabupaten Kutai Kartanegara"),
    ("Kubar", "Kabupaten Kutai Barat"),
    ("Kutim", "Kabupaten Kutai Timur"),
    ("PPU", "Kabupaten Penajam Paser Utara"),
    ("Mahulu", "Kabupaten Mahakam Ulu"),
    ("KTT", "Kabupaten Tana Tidung"),
    ("Bolmong", "Kabupaten Bolaang Mongondow"),
    ("Bolmut", "Kabupaten Bolaang Mongondow Utara"),
    ("Boltim", "Kabupaten Bolaang Mongondow Timur"),
    ("Bolsel", "Kabupaten Bolaang Mongondow Selatan"),
    ("Minsel", "Kabupaten Minahasa Selatan"),
    ("Minut", "Kabupaten Minahasa Utara"),
    ("Mitra", "Kabupaten Minahasa Tenggara"),
    ("Sitaro", "Kabupaten Kep. Siau Tagulandang Biaro"),
    ("Touna", "Kabupaten Tojo Una Una"),
    ("Parimo", "Kabupaten Parigi Moutong"),
    ("Bangkep", "Kabupaten Banggai Kepulauan"),
    ("Morut", "Kabupaten Morowali Utara"),
    ("Pangkep", "Kabupaten Pangkajene dan Kepulauan"),
    ("Sidrap", "Kabupaten Sidenreng Rappang"),
    ("Lutra", "Kabupaten Luwu Utara"),
    ("Lutim", "Kabupaten Luwu Timur"),
    ("Tator", "Kabupaten Tana Toraja"),
    ("Torut", "Kabupaten Toraja Utara"),
    ("Kolut", "Kabupaten Kolaka Utara"),
    ("Koltim", "Kabupaten Kolaka Timur"),
    ("Konsel", "Kabupaten Konawe Selatan"),
    ("Konut", "Kabupaten Konawe Utara"),
    ("Konkep", "Kabupaten Konawe Kepulauan"),
    ("Mubar", "Kabupaten Muna Barat"),
    ("Busel", "Kabupaten Buton Selatan"),
    ("Buteng", "Kabupaten Buton Tengah"),
    ("Butur", "Kabupaten Buton Utara"),
    ("Gorut", "Kabupaten Gorontalo Utara"),
    ("Bonbol", "Kabupaten Bone Bolango"),
    ("Polman", "Kabupaten Polewali Mandar"),
    ("Mateng", "Kabupaten Mamuju Tengah"),
    ("Matra", "Kabupaten Pasangkayu"),
    ("Malteng", "Kabupaten Maluku Tengah"),
    ("Malra", "Kabupaten Maluku Tenggara"),
    ("MBD", "Kabupaten Maluku Barat Daya"),
    ("SBB", "Kabupaten Seram Bagian Barat"),
    ("SBT", "Kabupaten Seram Bagian Timur"),
    ("Bursel", "Kabupaten Buru Selatan"),
    ("KKT", "Kabupaten Kepulauan Tanimbar"),
    ("MTB", "Kabupaten Kepulauan Tanimbar"),
    ("Halbar", "Kabupaten Halmahera Barat"),
    ("Halteng", "Kabupaten Halmahera Tengah"),
    ("Pemkab Halteng", "Kabupaten Halmahera Tengah"),
    ("Halut", "Kabupaten Halmahera Utara"),
    ("Halsel", "Kabupaten Halmahera Selatan"),
    ("Haltim", "Kabupaten Halmahera Timur"),
    ("Kepsul", "Kabupaten Kepulauan Sula"),
    ("Morotai", "Kabupaten Pulau Morotai"),
    ("Tikep", "Kota Tidore Kepulauan"),
    ("Yapen", "Kabupaten Kepulauan Yapen"),
    ("Biak", "Kabupaten Biak Numfor"),
    ("Bintuni", "Kabupaten Teluk Bintuni"),
    ("Mansel", "Kabupaten Manokwari Selatan"),
    ("Pegaf", "Kabupaten Pegunungan Arfak"),
    ("Pegubin", "Kabupaten Pegunungan Bintang"),
    ("Mamteng", "Kabupaten Mamberamo Tengah"),
    ("Sorsel", "Kabupaten Sorong Selatan"),
]


@pytest.mark.parametrize(("text", "official_name"), WRITTEN_ABBREVIATIONS)
def test_a_written_abbreviation_matches_its_region(resolver, text, official_name):
    """Each abbreviation, in any case and with or without the kind, names its one region."""
    result = resolver.resolve(text)
    assert result.status == MATCH, result
    assert (result.best.code, result.best.reason) == (BY_NAME[official_name], REASON_ALIAS)


def test_the_table_covers_at_least_100_abbreviations_in_most_provinces():
    """The brief's examples are in it, and it reaches across the archipelago."""
    texts = {normalize(text) for text, _ in WRITTEN_ABBREVIATIONS}
    assert len(texts) >= 100
    assert {"tapsel", "labura", "kbb", "halteng"} <= texts
    provinces = {BY_NAME[name][:2] for _, name in WRITTEN_ABBREVIATIONS}
    assert len(provinces) >= 30


@pytest.mark.parametrize(
    ("text", "official_name"),
    [
        ("Tapsel, Sumut", "Kabupaten Tapanuli Selatan"),
        ("Labura (Sumatera Utara)", "Kabupaten Labuhanbatu Utara"),
        ("KBB, Jawa Barat", "Kabupaten Bandung Barat"),
        ("Halteng - Malut", "Kabupaten Halmahera Tengah"),
        ("Mura, Sumsel", "Kabupaten Musi Rawas"),
        ("Mura (Kalteng)", "Kabupaten Murung Raya"),
        ("Kota Tasik", "Kota Tasikmalaya"),
        ("Kab. Tasik", "Kabupaten Tasikmalaya"),
        ("Tasik", "Kota Tasikmalaya"),
    ],
)
def test_a_province_or_a_kind_settles_an_abbreviation(resolver, text, official_name):
    """A province written with an abbreviation narrows it; a shared one needs it to match."""
    result = resolver.resolve(text)
    if text == "Tasik":
        # Kota and Kabupaten Tasikmalaya are both "Tasik": no province can settle it.
        assert result.status == AMBIGUOUS
        assert sorted(codes(result)[:2]) == ["32.06", "32.78"]
        return
    assert result.status == MATCH, result
    assert result.best.code == BY_NAME[official_name]


def test_an_abbreviation_of_the_other_kind_is_listed_below():
    """ "Kota Tasik" is Kota Tasikmalaya; Kabupaten Tasikmalaya stays listed as the other kind."""
    result = RegionResolver(RECORDS).resolve("Kota Tasik")
    assert [(c.code, c.reason) for c in result.candidates] == [
        ("32.78", REASON_ALIAS),
        ("32.06", REASON_KIND_MISMATCH),
    ]


def _abbreviation_codes() -> dict[str, list[str]]:
    by_key: dict[str, list[str]] = {}
    for row in ABBREVIATIONS:
        by_key.setdefault(normalize(row.text), []).append(row.code)
    return by_key


@pytest.mark.parametrize(("key", "wanted"), sorted(_abbreviation_codes().items()))
def test_every_abbreviation_in_the_data_names_its_region_or_is_deliberately_ambiguous(
    resolver, key, wanted
):
    """One region: a match. Two (Mura, Tasik): ambiguous, both listed first, neither taken."""
    text = next(row.text for row in ABBREVIATIONS if normalize(row.text) == key)
    result = resolver.resolve(text)
    assert sorted(codes(result)[: len(wanted)]) == sorted(wanted), result
    assert {c.reason for c in result.candidates[: len(wanted)]} == {REASON_ALIAS}
    assert result.status == (MATCH if len(wanted) == 1 else AMBIGUOUS), result


def test_the_deliberately_ambiguous_abbreviations_are_the_known_ones():
    """A new clash in the data is a decision to make, not an accident."""
    shared = {key for key, wanted in _abbreviation_codes().items() if len(wanted) > 1}
    assert shared == {"mura", "tasik"}


def test_the_data_file_is_sound():
    """Real codes, known sources, evidence where a page was checked, no row twice."""
    seen = set()
    for row in ABBREVIATIONS:
        assert row.code in BY_CODE, row
        assert row.source in ABBREVIATION_SOURCES, row
        assert bool(row.evidence) == (row.source != "usage"), row
        assert row.text == row.text.strip() and normalize(row.text), row
        assert (row.code, normalize(row.text)) not in seen, row
        seen.add((row.code, normalize(row.text)))
    assert len(ABBREVIATIONS) >= 150


def test_no_abbreviation_hides_a_region_name_or_a_province():
    """An abbreviation that were a real name ("Banjar") or a province ("Kalbar") would shadow it."""
    provinces = {normalize(name) for name in PROVINCE_NAMES.values()}
    provinces |= {normalize(alias) for alias in PROVINCE_ALIASES}
    for row in ABBREVIATIONS:
        assert normalize(row.text) not in NAME_KEYS, row
        assert normalize(row.text) not in provinces, row


def test_an_abbreviation_is_never_guessed_from_a_slip():
    """Abbreviations are compared exactly: "Kobar" and "Kubar" are two regions a letter apart."""
    resolver = RegionResolver(RECORDS)
    assert resolver.resolve("Kobar").best.code == "62.01"
    assert resolver.resolve("Kubar").best.code == "64.07"
    for slip in ["Tapsell", "Halltengg", "Labbura", "Kukarr"]:
        assert resolver.resolve(slip).best is None, slip

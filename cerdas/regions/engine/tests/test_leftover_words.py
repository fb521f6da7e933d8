"""A name with words left over ("Kabupaten Bojonegoro Barat") is offered, never a silent match."""

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from cerdas.regions.engine.aliases import ABBREVIATIONS, ALIASES, FORMER_NAMES, PROVINCE_ALIASES
from cerdas.regions.engine.names import (
    AMBIGUOUS,
    MATCH,
    REASON_EXACT,
    REASON_FUZZY,
    REASON_NAME,
    REASON_PARTIAL,
    UNKNOWN,
    normalize,
)
from cerdas.regions.engine.tests.lokal import (
    BARE_NAME_COUNTS,
    NAME_KEYS,
    PROVINCE_NAMES,
    RECORDS,
    bare_name,
    codes,
)

# (text, the region a person would be offered, or None when nothing is near enough).
LEFTOVER_WORDS = [
    ("Kabupaten Bojonegoro Barat", "35.22"),
    ("Kota Bandung Utara Raya", "32.73"),
    ("Bojonegoro Kota Lama", "35.22"),
    ("Kabupaten Bandung Utara", "32.04"),
    ("Bandung Selatan", "32.04"),
    ("Kota Surabaya Raya", "35.78"),
    ("Surabaya Timur", "35.78"),
    ("Kutai Kartanegara Baru", "64.02"),
    ("Lombok Timur Laut", "52.03"),
    ("Aceh Barat Raya", "11.05"),
    ("Kabupaten Gresik Utara", "35.25"),
    ("Sidoarjo Kulon", "35.15"),
    ("Pemkab Banyuwangi Selatan", "35.10"),
    ("Kota Jambi Baru, Jambi", "15.71"),
    ("Kabupaten Sleman Raya (DIY)", "34.04"),
    ("Tangerang Selatan Baru", "36.74"),
    ("Kota Makassar Utara", "73.71"),
    ("Nias Tenggara", "12.04"),
    ("Grand Sidoarjo", "35.15"),
    ("Kabupaten Xyzzy Bojonegoro", "35.22"),
]


@pytest.mark.parametrize(("text", "near"), LEFTOVER_WORDS)
def test_a_name_with_words_left_over_is_offered_not_matched(resolver, text, near):
    """The near region is listed for a person to pick; best is never set."""
    result = resolver.resolve(text)
    assert result.status != MATCH, result
    assert result.best is None
    assert near in codes(result), result


def test_a_partial_fit_says_so(resolver):
    """The reason a person reads: the name fits only part of what was written."""
    result = resolver.resolve("Kabupaten Bojonegoro Barat")
    assert [(c.code, c.reason) for c in result.candidates] == [("35.22", REASON_PARTIAL)]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Bandung Barat", "32.17"),
        ("Kabupaten Bandung Barat", "32.17"),
        ("Jakarta Selatan", "31.74"),
        ("Tangerang Selatan", "36.74"),
        ("Kutai Kartanegara", "64.02"),
        ("Aceh Barat Daya", "11.12"),
        ("Timor Tengah Selatan", "53.02"),
        ("Hulu Sungai Utara", "63.08"),
        ("Rokan Hilir", "14.07"),
        ("Banggai Laut", "72.11"),
        ("Murung Raya", "62.12"),
        ("Kota Tidore Kepulauan", "82.72"),
        ("Konawe Kepulauan", "74.12"),
        ("Pangkajene dan Kepulauan", "73.10"),
        ("Ogan Komering Ulu Timur", "16.08"),
        ("Bolaang Mongondow Selatan", "71.11"),
    ],
)
def test_genuine_names_with_compass_words_still_match_exactly(resolver, text, code):
    """Direction words that belong to the name are the name: no partial fit there."""
    result = resolver.resolve(text)
    assert result.status == MATCH
    assert (result.best.code, result.best.reason) in {(code, REASON_NAME), (code, REASON_EXACT)}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Kutai Kartanagara", "64.02"),
        ("Tanggerang Selatan", "36.74"),
        ("Lombok Timr", "52.03"),
        ("Kabupaten Banyu Wangie", "35.10"),
        ("Tapanuli Selatn", "12.03"),
        ("Halmahera Tengha", "82.02"),
        ("Kab. Hulu Sungai Utra", "63.08"),
    ],
)
def test_a_slip_inside_the_words_is_still_a_slip(resolver, text, code):
    """A misspelt word has its counterpart in the name: that stays a match by spelling."""
    result = resolver.resolve(text)
    assert result.status == MATCH, result
    assert (result.best.code, result.best.reason) == (code, REASON_FUZZY)


@pytest.mark.parametrize(
    ("text", "meant", "whole"),
    [
        ("Kab. Bandung Barta", "32.17", "32.04"),
        ("Labuhan Batu Utra", "12.23", "12.10"),
        ("Nias Selatn", "12.14", "12.04"),
        ("Manggarai Barit", "53.15", "53.10"),
    ],
)
def test_a_slip_after_another_regions_whole_name_reads_two_ways(resolver, text, meant, whole):
    """ "Manggarai Barit": Manggarai Barat misspelt, or Manggarai with a word left over.

    The likelier reading comes first, and a person confirms it.
    """
    result = resolver.resolve(text)
    assert result.status == AMBIGUOUS, result
    assert codes(result)[:2] == [meant, whole]


def test_a_compass_word_the_name_lacks_is_not_a_slip(resolver):
    """ "Bandung Utara" is a letter pattern close to "Bandung Barat", but not that region."""
    # Written as a Kabupaten, Kota Bandung is still a partial fit, not a kind mismatch.
    for text in [
        "Bandung Utara",
        "Kabupaten Lombok Selatan",
        "Aceh Hulu",
        "Kabupaten Bandung Utara",
    ]:
        result = resolver.resolve(text)
        assert result.best is None, result
        assert {c.reason for c in result.candidates} <= {REASON_PARTIAL}, result


@pytest.mark.parametrize(("text", "code"), [("Ache Besar", "11.06"), ("Ache Selatan", "11.01")])
def test_a_word_with_half_its_letters_lined_up_is_a_slip(resolver, text, code):
    """ "Ache" against "aceh": only "ac" lines up in a run, two letters of four, exactly half.

    That is enough for the word to be the name's own: a slip, and a match.
    """
    result = resolver.resolve(text)
    assert result.status == MATCH, result
    assert (result.best.code, result.best.reason) == (code, REASON_FUZZY)


@pytest.mark.parametrize(
    ("text", "meant", "other"),
    [
        # Against "bangkaselatan", "bengklu" lines up by "b" (alone: it does not count) and
        # "ngk": three letters of seven.
        ("Bengklu Selatan", "17.01", "19.03"),
        # Against "jakartautara", "pusta" lines up by "ta" only: two letters of five.
        ("Jakarta Pusta", "31.71", "31.72"),
    ],
)
def test_a_word_with_fewer_than_half_its_letters_lined_up_is_left_over(
    resolver, text, meant, other
):
    """The misspelt name is taken; the name the word does not belong to is only a partial fit."""
    result = resolver.resolve(text)
    reasons = {c.code: c.reason for c in result.candidates}
    assert (result.best.code, reasons[meant]) == (meant, REASON_FUZZY), result
    assert reasons[other] == REASON_PARTIAL, result


def test_garbage_around_no_name_stays_unknown(resolver):
    """Words with no region among them are unknown, not a partial fit of something."""
    for text in ["Kota Xyzzy Raya", "Kabupaten Lorem Ipsum Dolor", "Pemerintah Kota Atlantis"]:
        assert resolver.resolve(text).status == UNKNOWN, text


def _known_words() -> frozenset[str]:
    """Every key a word may not be part of: names, other names, provinces."""
    keys = set(NAME_KEYS) | {normalize(name) for name in PROVINCE_NAMES.values()}
    keys |= {normalize(alias) for alias in [*ALIASES, *PROVINCE_ALIASES]}
    keys |= {normalize(row.text) for row in ABBREVIATIONS}
    keys |= {normalize(row.name) for row in FORMER_NAMES}
    keys |= {"kabupaten", "kotamadya", "kodya", "pemkab", "pemkot", "pemerintah", "pemda"}
    keys |= {"administrasi", "administratif", "provinsi", "propinsi", "indonesia"}
    return frozenset(keys)


KNOWN = _known_words()
# A word that is part of no region name, no other name and no province.
strange_words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=10).filter(
    lambda word: not any(word in key for key in KNOWN)
)


@settings(max_examples=500, deadline=None)
@given(record=st.sampled_from(RECORDS), word=strange_words, official=st.booleans())
def test_appending_a_word_that_is_part_of_no_name_never_matches(resolver, record, word, official):
    """All 514 names: "<name> <word>" is offered at most, never taken."""
    name = record.name if official else bare_name(record)
    result = resolver.resolve(f"{name} {word.capitalize()}")
    assert result.status != MATCH, result
    assert result.best is None


@settings(max_examples=300, deadline=None)
@given(record=st.sampled_from(RECORDS), word=strange_words)
def test_putting_such_a_word_in_front_never_matches(resolver, record, word):
    """ "<word> <name>" is no different: the word is left over."""
    assume(BARE_NAME_COUNTS[normalize(bare_name(record))] >= 1)
    result = resolver.resolve(f"{word.capitalize()} {bare_name(record)}")
    assert result.status != MATCH, result


def test_every_name_with_a_word_left_over_offers_its_region(resolver):
    """All 514, with a fixed strange word: the region is among the candidates to pick from."""
    for record in RECORDS:
        result = resolver.resolve(f"{record.name} Qwerty")
        assert result.status != MATCH, result
        assert record.code in codes(result), result

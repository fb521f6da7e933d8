"""The resolver at its edges, one rule at a time (written against mutation testing)."""

import pytest

from cerdas.regions.engine.names import (
    AMBIGUOUS,
    MATCH,
    REASON_EXACT,
    REASON_FUZZY,
    REASON_PARTIAL,
    UNKNOWN,
)
from cerdas.regions.engine.tests.lokal import codes


def test_a_whole_name_is_looked_for_among_up_to_eight_written_words(resolver):
    eight = resolver.resolve("Bojonegoro kali lama desa baru sekali dan jauh")
    assert eight.status == AMBIGUOUS
    assert [(c.code, c.reason) for c in eight.candidates] == [("35.22", REASON_PARTIAL)]
    # A ninth word puts the text past the look-up: nothing is offered.
    nine = resolver.resolve("Bojonegoro kali lama desa baru sekali dan jauh sana")
    assert nine.status == UNKNOWN
    assert nine.candidates == ()


def test_a_written_word_inside_a_longer_word_of_the_name_has_its_counterpart(resolver):
    # "Batu" (Kota Batu's name) is inside "Labuhanbatu": not a word left over.
    found = resolver.resolve("Labuhan Batu Utra")
    assert (found.candidates[0].code, found.candidates[0].reason) == ("12.23", "fuzzy")


def test_a_written_word_exactly_at_the_slip_cutoff_has_its_counterpart(resolver):
    # "Timur" against "Timor": four of five letters, a ratio of exactly 0.8.
    found = resolver.resolve("Timur Tengah Utara")
    assert found.best is not None
    assert (found.best.code, found.best.reason) == ("53.03", "fuzzy")


def test_a_whole_name_among_words_is_offered_by_the_share_of_the_text_it_covers(resolver):
    # Bojonegoro is 10 of the 40 letters: 0.6 x 2 x 10 / (10 + 40) = 0.24 (0.245 as rounded).
    found = resolver.resolve("Bojonegoro kali lama desa baru sekali dan jauh")
    assert found.candidates[0].confidence == 0.245
    # Written as a Kota, the Kabupaten is marked down; the reading with "kota" as a word
    # (0.6 x 20 / 36 = 0.333) is then the better one.
    kinded = resolver.resolve("Kota Bojonegoro kali lama desa")
    assert [(c.code, c.confidence) for c in kinded.candidates] == [("35.22", 0.333)]


def test_spellings_are_compared_from_four_letters_on(resolver):
    assert resolver.resolve("Pat").status == UNKNOWN
    four = resolver.resolve("Bgor")
    assert [(c.code, c.reason) for c in four.candidates] == [
        ("32.01", "fuzzy"),
        ("32.71", "fuzzy"),
    ]


def test_a_spelling_exactly_at_the_similarity_cutoff_is_close_enough(resolver):
    # "patiab" against "pati": 2 x 4 / 10 = 0.8, the cutoff itself.
    found = resolver.resolve("Patiab")
    assert [(c.code, c.reason, c.confidence) for c in found.candidates] == [
        ("33.18", "fuzzy", 0.72)
    ]


def test_a_partial_fit_outside_the_given_province_stays_a_partial_fit(resolver):
    # 0.6 x 20 / 28 = 0.429, halved for lying outside Jawa Barat.
    found = resolver.resolve("Bojonegoro kali lama, Jawa Barat")
    assert [(c.code, c.reason, c.confidence) for c in found.candidates] == [
        ("35.22", "partial", 0.214)
    ]


@pytest.mark.parametrize(
    "text", ["35.22", "9999", " Kab. Bojonegoro ", "Bojonegor", "Bojonegoro Kali"]
)
def test_the_resolution_keeps_the_text_as_written(resolver, text):
    """A list of answers can be shown beside the texts: each keeps its text, spaces and all."""
    assert resolver.resolve(text).query == text


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Pemerintah Daerah Kabupaten Bojonegoro", "35.22"),
        ("Pemerintah Daerah Kota Surabaya", "35.78"),
        ("Pemerintah Kabupaten Bojonegoro", "35.22"),
    ],
)
def test_the_words_for_a_regions_government_before_its_kind_are_read_past(resolver, text, code):
    """ "Pemerintah Daerah" (what "Pemda" stands for) says whose government, not which region."""
    result = resolver.resolve(text)
    assert (result.best.code, result.best.reason) == (code, REASON_EXACT)


def test_a_province_starting_with_daerah_is_still_a_province(resolver):
    """ "Daerah" is read past only before a kind: Daerah Istimewa Yogyakarta names no kota."""
    assert resolver.resolve("Daerah Istimewa Yogyakarta").status == UNKNOWN


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Aceh Selatan (Kab.)", "11.01"),
        ("Aceh Selatan, Kab.", "11.01"),
        ("Tanjung Jabung Timur (Kab.)", "15.07"),
        ("Bandung Barat Kab", "32.17"),
    ],
)
def test_a_kind_written_after_a_name_of_several_words_decides(resolver, text, code):
    """Spreadsheets write the kind last; every word before it is the name."""
    result = resolver.resolve(text)
    assert (result.best.code, result.best.reason) == (code, REASON_EXACT)


def test_a_misspelling_after_a_kind_is_not_also_read_with_the_kind_as_a_word(resolver):
    """ "Kota Bnjar" is Kota Banjar misspelt, not "Kotabnjar", close to Kabupaten Kotabaru.

    The kind taken as part of the name ("Kota Baru" is Kotabaru) is looked up exactly only.
    """
    result = resolver.resolve("Kota Bnjar")
    assert result.best.code == "32.79"
    assert "63.02" not in codes(result)


def test_a_slip_close_to_two_different_names_lists_both(resolver):
    """ "Pasaan": Pasaman without its "m" (0.923 alike), or Asahan (0.833): a person chooses."""
    result = resolver.resolve("Pasaan")
    assert result.status == AMBIGUOUS
    assert [(c.code, c.reason, c.confidence) for c in result.candidates] == [
        ("13.08", REASON_FUZZY, 0.831),
        ("12.09", REASON_FUZZY, 0.75),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Balangan with its first two letters swapped, exactly 0.8 alike to Tabanan.
        ("Ablangan", ["63.11", "51.02"]),
        # Tabanan with its second and third letters swapped, exactly 0.8 alike to Balangan.
        ("Tbaanan", ["51.02", "63.11"]),
    ],
)
def test_the_shortlist_keeps_every_name_a_swap_of_letters_is_close_to(resolver, text, expected):
    """Every name within the cutoff is offered, though a swap breaks the text's letter pairs.

    Names are shortlisted by the letter pairs they share with the text before their spelling
    is compared; the shortlist must not drop one that is close enough.
    """
    result = resolver.resolve(text)
    assert result.status == AMBIGUOUS
    assert codes(result) == expected
    assert {c.reason for c in result.candidates} == {REASON_FUZZY}


def test_a_best_candidate_exactly_the_minimum_lead_ahead_is_a_match(resolver):
    """The lead is compared at the precision confidences are given in: 0.1 ahead is enough."""
    # Kepulauan Selayar misspelt (0.871) against Kepulauan Sula (0.771): a lead of 0.1.
    result = resolver.resolve("Kepulauan Selayr")
    assert [c.confidence for c in result.candidates[:2]] == [0.871, 0.771]
    assert result.status == MATCH
    assert result.best.code == "73.01"


def test_a_former_name_with_a_kind_is_found_misspelt_and_among_other_words(resolver):
    """Kabupaten Mempawah was Kabupaten Pontianak until PP 58/2014; Kota Pontianak remains.

    That former name holds only with its kind, and it still does when misspelt or when
    other words follow it.
    """
    misspelt = resolver.resolve("Kabupaten Pontianek")
    assert [(c.code, c.reason) for c in misspelt.candidates] == [
        ("61.02", REASON_FUZZY),
        ("61.71", "kind_mismatch"),
    ]
    assert misspelt.best.code == "61.02"
    among = resolver.resolve("Kab. Pontianak (nama lama)")
    assert among.status == AMBIGUOUS
    assert [(c.code, c.reason) for c in among.candidates] == [
        ("61.02", REASON_PARTIAL),
        ("61.71", REASON_PARTIAL),
    ]

"""The resolver at its edges, one rule at a time (written against mutation testing)."""

import pytest

from cerdas.regions.engine.names import AMBIGUOUS, REASON_PARTIAL, UNKNOWN, RegionResolver
from cerdas.regions.engine.tests.lokal import RECORDS


@pytest.fixture(scope="module")
def resolver() -> RegionResolver:
    return RegionResolver(RECORDS)


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

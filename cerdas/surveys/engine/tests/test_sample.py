"""The Krejcie & Morgan minimum sample reproduces the published table and behaves sensibly."""

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cerdas.surveys.engine.sample import minimum_sample

# Table 1 of Krejcie & Morgan (1970): population N -> sample S, all 90 entries.
PUBLISHED = {
    10: 10, 15: 14, 20: 19, 25: 24, 30: 28, 35: 32, 40: 36, 45: 40, 50: 44, 55: 48,
    60: 52, 65: 56, 70: 59, 75: 63, 80: 66, 85: 70, 90: 73, 95: 76, 100: 80, 110: 86,
    120: 92, 130: 97, 140: 103, 150: 108, 160: 113, 170: 118, 180: 123, 190: 127, 200: 132,
    210: 136, 220: 140, 230: 144, 240: 148, 250: 152, 260: 155, 270: 159, 280: 162,
    290: 165, 300: 169, 320: 175, 340: 181, 360: 186, 380: 191, 400: 196, 420: 201,
    440: 205, 460: 210, 480: 214, 500: 217, 550: 226, 600: 234, 650: 242, 700: 248,
    750: 254, 800: 260, 850: 265, 900: 269, 950: 274, 1000: 278, 1100: 285, 1200: 291,
    1300: 297, 1400: 302, 1500: 306, 1600: 310, 1700: 313, 1800: 317, 1900: 320, 2000: 322,
    2200: 327, 2400: 331, 2600: 335, 2800: 338, 3000: 341, 3500: 346, 4000: 351, 4500: 354,
    5000: 357, 6000: 361, 7000: 364, 8000: 367, 9000: 368, 10000: 370, 15000: 375,
    20000: 377, 30000: 379, 40000: 380, 50000: 381, 75000: 382, 1000000: 384,
}  # fmt: skip


def formula(population):
    """s = X² N P(1-P) / (d² (N-1) + X² P(1-P)), exactly, with X² 3.841, P 0.5, d 0.05."""
    spread = Fraction("3.841") / 4
    return spread * population / (Fraction(1, 400) * (population - 1) + spread)


def test_the_table_has_its_90_entries():
    assert len(PUBLISHED) == 90


@pytest.mark.parametrize(("population", "sample"), sorted(PUBLISHED.items()))
def test_every_published_entry_is_reproduced(population, sample):
    assert minimum_sample(population) == sample


def test_the_table_rounds_to_the_nearest_not_up_nor_down():
    """N=10 gives 9.77 (shown 10, so not rounded down); N=15 gives 14.47 (shown 14, so not
    rounded up); N=500 gives 217.47, shown 217.
    """
    assert Fraction(977, 100) < formula(10) < Fraction(978, 100)
    assert Fraction(1447, 100) < formula(15) < Fraction(145, 10)
    assert minimum_sample(10) == 10
    assert minimum_sample(15) == 14
    assert minimum_sample(500) == 217


def test_a_population_of_100000_needs_383_not_384():
    """100,000 is not in the published table (it jumps from 75,000 to 1,000,000); the formula
    gives 382.63, so 383. Copies of the table that list 100,000 -> 384 misread 1,000,000.
    """
    assert Fraction(38263, 100) < formula(100_000) < Fraction(38264, 100)
    assert minimum_sample(100_000) == 383


def test_tiny_populations_are_surveyed_almost_whole():
    """One person: 1. Two: 1.99, so 2. Five: 4.97, so 5."""
    assert [minimum_sample(n) for n in (1, 2, 3, 4, 5)] == [1, 2, 3, 4, 5]


def test_the_sample_never_exceeds_384_however_large_the_population():
    assert minimum_sample(10**12) == 384
    assert minimum_sample(270_000_000) == 384


@pytest.mark.parametrize("population", [0, -1, -1000])
def test_an_empty_or_negative_population_is_refused(population):
    with pytest.raises(ValueError, match=r"^the population must be at least 1$"):
        minimum_sample(population)


@pytest.mark.parametrize("population", [100.0, "100", True, None])
def test_a_population_that_is_not_a_whole_number_is_refused(population):
    with pytest.raises(TypeError, match=r"^the population must be a whole number, got "):
        minimum_sample(population)


@given(st.integers(min_value=1, max_value=10**9))
def test_the_sample_is_the_formula_rounded_to_the_nearest_person(population):
    assert abs(minimum_sample(population) - formula(population)) <= Fraction(1, 2)


@given(st.integers(min_value=1, max_value=10**9))
def test_the_sample_is_at_least_one_and_at_most_the_population_and_384(population):
    assert 1 <= minimum_sample(population) <= min(population, 384)


@given(st.integers(min_value=1, max_value=10**7), st.integers(min_value=1, max_value=10**5))
def test_a_larger_population_never_needs_a_smaller_sample(population, more):
    assert minimum_sample(population) <= minimum_sample(population + more)


def test_a_population_that_is_no_whole_number_is_refused_by_its_type():
    with pytest.raises(TypeError, match=r"^the population must be a whole number, got float$"):
        minimum_sample(100.0)
    with pytest.raises(TypeError, match=r"got bool$"):
        minimum_sample(True)

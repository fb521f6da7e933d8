"""How many people a satisfaction survey must reach: the Krejcie & Morgan (1970) sample size.

A service unit surveys a sample of the people it served, not all of them. The SKM guidance
of PermenPANRB 14/2017 takes the minimum sample from the table of Krejcie and Morgan,
"Determining Sample Size for Research Activities" (Educational and Psychological
Measurement 30, 1970), which is built from this formula:

    s = X² N P (1 - P) / (d² (N - 1) + X² P (1 - P))

with N the population (people served in the period), X² = 3.841 (chi-square for one degree
of freedom at 95 % confidence), P = 0.5 (the proportion that gives the largest sample) and
d = 0.05 (a margin of error of 5 %). The table gives s rounded to the nearest whole person;
rounding up or down would miss about half of its 90 entries, rounding to the nearest
reproduces every one (10 people: 10; 100: 80; 1,000: 278; 1,000,000: 384). An exact half,
should one ever occur, goes up. However large the population, the sample never exceeds 384.

Computed with exact fractions, so no population lands on the wrong side of a half by a
floating-point error. No Django imports.
"""

from __future__ import annotations

import math
from fractions import Fraction

CHI_SQUARE = Fraction("3.841")
PROPORTION = Fraction(1, 2)
MARGIN = Fraction(5, 100)


def minimum_sample(population: int) -> int:
    """The Krejcie & Morgan minimum sample for ``population`` people (at least 1)."""
    if isinstance(population, bool) or not isinstance(population, int):
        raise TypeError(f"the population must be a whole number, got {type(population).__name__}")
    if population <= 0:
        raise ValueError("the population must be at least 1")
    spread = CHI_SQUARE * PROPORTION * (1 - PROPORTION)
    exact = spread * population / (MARGIN**2 * (population - 1) + spread)
    return math.floor(exact + Fraction(1, 2))

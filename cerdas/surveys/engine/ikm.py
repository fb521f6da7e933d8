"""The public satisfaction index (IKM) of PermenPANRB 14/2017, computed exactly.

Citizens rate a service on nine elements (unsur), each on a scale from 1 (not satisfied,
not appropriate) to 4 (very satisfied, very appropriate). A respondent may leave an element
blank. From their answers:

1. **NRR** (nilai rata-rata, the average) of an element is the sum of its scores divided by
   the number of respondents who answered that element.
2. **Weighted NRR** is the NRR times the element's weight, 1/9: every element counts the
   same.
3. **IKM** is the sum of the nine weighted NRRs, on the 1-4 scale.
4. **The converted index** is IKM x 25, on a scale from 25 to 100, and it is what is
   published, with two decimals.
5. **The grade** follows from the published converted index: A "Sangat Baik" (very good)
   88.31-100.00, B "Baik" (good) 76.61-88.30, C "Kurang Baik" (less than good)
   65.00-76.60, D "Tidak Baik" (not good) 25.00-64.99.

How this module keeps the figures honest:

- Everything is computed with exact fractions and rounded once, at the end, half up: NRR and
  IKM to four decimals, the converted index to two. 88.305 is published as 88.31, grade A;
  88.3049 as 88.30, grade B. The grade is decided on the published two-decimal value, so
  the figure a citizen reads and the grade beside it always agree. (The regulation also
  gives the bands on the 1-4 scale, 3.5324-4.00 and so on; those are the same bands divided
  by 25, rounded, with small gaps between them, so they are not used to decide.)
- **No index without every element.** The regulation fixes each element's weight at 1/9. If
  nobody answered an element, that element has no NRR, and the IKM, the converted index and
  the grade are not computed (None); the result lists the elements that are missing.
  Spreading the weight over the answered elements, or counting the missing one as zero,
  would publish a number the regulation does not define.
- A score must be a whole number from 1 to 4; anything else is refused with the
  respondent's position and the element, so an import can say which row is wrong.

The caller passes either the responses themselves (`compute`) or, for speed, each
element's sum of scores and number of answers (`from_totals`), which a database computes
in one query. No Django imports.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import NamedTuple

LOWEST_SCORE = 1
HIGHEST_SCORE = 4
CONVERSION = 25  # IKM x 25 gives the converted index, 25-100.
NRR_PLACES = 4
CONVERTED_PLACES = 2


@dataclass(frozen=True)
class Element:
    """One of the nine elements (unsur) a respondent rates, with its name in the regulation."""

    code: str
    name: str
    name_en: str


ELEMENTS = (
    Element("U1", "Persyaratan", "Requirements"),
    Element("U2", "Sistem, Mekanisme, dan Prosedur", "Systems, mechanisms and procedures"),
    Element("U3", "Waktu Penyelesaian", "Service time"),
    Element("U4", "Biaya/Tarif", "Cost/tariff"),
    Element("U5", "Produk Spesifikasi Jenis Pelayanan", "Product specification"),
    Element("U6", "Kompetensi Pelaksana", "Staff competence"),
    Element("U7", "Perilaku Pelaksana", "Staff behaviour"),
    Element("U8", "Sarana dan Prasarana", "Facilities"),
    Element(
        "U9",
        "Penanganan Pengaduan, Saran dan Masukan",
        "Handling of complaints, suggestions and input",
    ),
)
CODES = tuple(element.code for element in ELEMENTS)
_INDEX = {code: index for index, code in enumerate(CODES)}
WEIGHT = Fraction(1, len(ELEMENTS))


class Grade(NamedTuple):
    """The service quality grade (mutu pelayanan) with its Indonesian and English labels."""

    letter: str
    label: str
    label_en: str


A = Grade("A", "Sangat Baik", "Very good")
B = Grade("B", "Baik", "Good")
C = Grade("C", "Kurang Baik", "Less than good")
D = Grade("D", "Tidak Baik", "Not good")
# The lowest published converted index of each grade, best grade first.
GRADE_FLOORS = ((Decimal("88.31"), A), (Decimal("76.61"), B), (Decimal("65.00"), C))
LOWEST_CONVERTED = Decimal("25.00")
HIGHEST_CONVERTED = Decimal("100.00")


@dataclass(frozen=True)
class ElementScore:
    """One element's sum of scores and number of answers, and the averages that follow."""

    element: Element
    total: int
    answers: int

    @property
    def nrr(self) -> Fraction | None:
        """The exact average score, or None when nobody answered this element."""
        return Fraction(self.total, self.answers) if self.answers else None

    @property
    def weighted_nrr(self) -> Fraction | None:
        """The exact average times the weight, 1/9."""
        return None if self.nrr is None else self.nrr * WEIGHT

    @property
    def rounded_nrr(self) -> Decimal | None:
        """The average as published, four decimals, half up."""
        return None if self.nrr is None else round_half_up(self.nrr, NRR_PLACES)


@dataclass(frozen=True)
class Result:
    """The nine element scores, in code order, and the index they give when all are there."""

    scores: tuple[ElementScore, ...]

    @property
    def missing(self) -> tuple[Element, ...]:
        """The elements nobody answered; the index needs none missing."""
        return tuple(score.element for score in self.scores if not score.answers)

    @property
    def complete(self) -> bool:
        """Whether every element has at least one answer, so the index can be computed."""
        return not self.missing

    @property
    def ikm(self) -> Fraction | None:
        """The exact index on the 1-4 scale: the sum of the weighted averages."""
        if not self.complete:
            return None
        return sum((score.weighted_nrr for score in self.scores), Fraction(0))

    @property
    def rounded_ikm(self) -> Decimal | None:
        """The index on the 1-4 scale as published, four decimals, half up."""
        return None if self.ikm is None else round_half_up(self.ikm, NRR_PLACES)

    @property
    def converted(self) -> Decimal | None:
        """The converted index, IKM x 25, as published: two decimals, half up."""
        if self.ikm is None:
            return None
        return round_half_up(self.ikm * CONVERSION, CONVERTED_PLACES)

    @property
    def grade(self) -> Grade | None:
        """The grade of the published converted index."""
        return None if self.converted is None else grade(self.converted)


def compute(responses: Iterable[Sequence[int | None] | Mapping[str, int | None]]) -> Result:
    """The index from the responses: each a 9-tuple in code order, or a mapping code -> score.

    A blank answer is None (or, in a mapping, a missing code). No responses at all give a
    result with every element missing.
    """
    return from_totals(totals_from(responses))


def totals_from(
    responses: Iterable[Sequence[int | None] | Mapping[str, int | None]],
) -> tuple[tuple[int, int], ...]:
    """Each element's (sum of scores, number of answers), in code order, checking each score."""
    totals = [0] * len(ELEMENTS)
    answers = [0] * len(ELEMENTS)
    for position, response in enumerate(responses, start=1):
        for index, score in _answers(response, position):
            if score is None:
                continue
            if type(score) is not int or not LOWEST_SCORE <= score <= HIGHEST_SCORE:
                raise ValueError(
                    f"response {position}, {CODES[index]}: {score!r} is not a whole number "
                    f"from {LOWEST_SCORE} to {HIGHEST_SCORE}"
                )
            totals[index] += score
            answers[index] += 1
    return tuple(zip(totals, answers, strict=True))


def from_totals(totals: Sequence[tuple[int, int]] | Mapping[str, tuple[int, int]]) -> Result:
    """The index from each element's (sum of scores, number of answers).

    A sequence gives the nine pairs in code order; a mapping is keyed by code, and a code
    left out means nobody answered it. A pair that no set of 1-4 scores could produce (a
    sum below the count or above four times the count) is refused.
    """
    if isinstance(totals, Mapping):
        if not totals.keys() <= _INDEX.keys():
            _refuse_unknown_codes(totals, "totals")
        totals = [totals.get(code, (0, 0)) for code in CODES]
    if len(totals) != len(ELEMENTS):
        raise ValueError(f"expected {len(ELEMENTS)} (sum, count) pairs, got {len(totals)}")
    scores = []
    for element, (total, answers) in zip(ELEMENTS, totals, strict=True):
        if type(total) is not int or type(answers) is not int:
            raise ValueError(f"{element.code}: the sum and count must be whole numbers")
        if not LOWEST_SCORE * answers <= total <= HIGHEST_SCORE * answers:
            raise ValueError(
                f"{element.code}: a sum of {total} cannot come from {answers} scores "
                f"of {LOWEST_SCORE} to {HIGHEST_SCORE}"
            )
        scores.append(ElementScore(element, total, answers))
    return Result(tuple(scores))


def weakest(result: Result, n: int = 3) -> tuple[ElementScore, ...]:
    """The ``n`` answered elements with the lowest average, lowest first.

    Equal averages (compared exactly, not as rounded) keep code order. Elements nobody
    answered have no average and are left out.
    """
    if n < 0:
        raise ValueError("n must not be negative")
    answered = [score for score in result.scores if score.nrr is not None]
    return tuple(sorted(answered, key=lambda score: score.nrr)[:n])


def grade(converted: Decimal | Fraction | int) -> Grade:
    """The grade of a converted index (25-100), decided on its published two-decimal value.

    A float is refused: 88.305 as a float is 88.30499..., which would round to the wrong
    grade. Pass a Decimal (``Decimal("88.305")``), a Fraction or an int.
    """
    if isinstance(converted, float) or not isinstance(converted, Decimal | Fraction | int):
        raise TypeError(f"expected a Decimal, Fraction or int, got {type(converted).__name__}")
    published = round_half_up(Fraction(converted), CONVERTED_PLACES)
    if not LOWEST_CONVERTED <= published <= HIGHEST_CONVERTED:
        raise ValueError(f"a converted index runs from 25 to 100, not {published}")
    for floor, found in GRADE_FLOORS:
        if published >= floor:
            return found
    return D


def round_half_up(value: Fraction, places: int) -> Decimal:
    """``value`` (not negative) rounded to ``places`` decimals, a half going up, exactly.

    Exact because it works on the fraction itself: 88.3049999... is never first rounded to
    88.305 by a limited precision and then up to 88.31.
    """
    whole = math.floor(value * 10**places + Fraction(1, 2))
    return Decimal(whole).scaleb(-places)


def _answers(
    response: Sequence[int | None] | Mapping[str, int | None], position: int
) -> Iterable[tuple[int, object]]:
    """The (element index, score) pairs of one response."""
    if isinstance(response, Mapping):
        if not response.keys() <= _INDEX.keys():
            _refuse_unknown_codes(response, f"response {position}")
        return enumerate(map(response.get, CODES))
    row = tuple(response)
    if len(row) != len(ELEMENTS):
        raise ValueError(f"response {position}: expected {len(ELEMENTS)} answers, got {len(row)}")
    return enumerate(row)


def _refuse_unknown_codes(mapping: Mapping, where: str) -> None:
    unknown = sorted(set(mapping) - set(CODES), key=str)
    raise ValueError(f"{where}: unknown element codes {unknown}; expected U1 to U9")

"""The IKM of PermenPANRB 14/2017 against hand-computed cases, and its properties."""

import re
from dataclasses import FrozenInstanceError
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cerdas.surveys.engine.ikm import (
    CODES,
    ELEMENTS,
    Grade,
    compute,
    from_totals,
    grade,
    round_half_up,
    totals_from,
    weakest,
)

# Three respondents; the third left U4 (cost) blank.
THREE = [
    (4, 3, 3, 4, 2, 3, 4, 3, 2),
    (3, 3, 2, 4, 3, 3, 4, 2, 2),
    (4, 2, 3, None, 3, 4, 3, 3, 2),
]


def uniform(total, answers):
    """Totals giving every element the same average, total / answers."""
    return [(total, answers)] * len(ELEMENTS)


# The nine elements


def test_there_are_nine_elements_u1_to_u9_with_the_regulations_names():
    assert CODES == ("U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9")
    assert [element.name for element in ELEMENTS] == [
        "Persyaratan",
        "Sistem, Mekanisme, dan Prosedur",
        "Waktu Penyelesaian",
        "Biaya/Tarif",
        "Produk Spesifikasi Jenis Pelayanan",
        "Kompetensi Pelaksana",
        "Perilaku Pelaksana",
        "Sarana dan Prasarana",
        "Penanganan Pengaduan, Saran dan Masukan",
    ]
    assert [element.name_en for element in ELEMENTS] == [
        "Requirements",
        "Systems, mechanisms and procedures",
        "Service time",
        "Cost/tariff",
        "Product specification",
        "Staff competence",
        "Staff behaviour",
        "Facilities",
        "Handling of complaints, suggestions and input",
    ]


def test_elements_scores_and_results_cannot_be_changed_after_the_fact():
    result = compute(THREE)
    with pytest.raises(FrozenInstanceError):
        ELEMENTS[0].code = "U0"
    with pytest.raises(FrozenInstanceError):
        result.scores[0].total = 12
    with pytest.raises(FrozenInstanceError):
        result.scores = ()


# A worked example


def test_three_respondents_give_the_hand_computed_averages():
    """Sums over answers: U1 11/3, U2 8/3, U3 8/3, U4 8/2 (one blank), U5 8/3, U6 10/3,
    U7 11/3, U8 8/3, U9 6/3; to four decimals 3.6667, 2.6667, 2.6667, 4.0000, 2.6667,
    3.3333, 3.6667, 2.6667, 2.0000.
    """
    result = compute(THREE)
    assert [(score.total, score.answers) for score in result.scores] == [
        (11, 3),
        (8, 3),
        (8, 3),
        (8, 2),
        (8, 3),
        (10, 3),
        (11, 3),
        (8, 3),
        (6, 3),
    ]
    assert result.scores[0].nrr == Fraction(11, 3)
    assert result.scores[3].nrr == 4
    assert [score.rounded_nrr for score in result.scores] == [
        Decimal(text)
        for text in (
            "3.6667",
            "2.6667",
            "2.6667",
            "4.0000",
            "2.6667",
            "3.3333",
            "3.6667",
            "2.6667",
            "2.0000",
        )
    ]
    assert result.scores[0].weighted_nrr == Fraction(11, 27)
    assert [score.element for score in result.scores] == list(ELEMENTS)


def test_three_respondents_give_the_hand_computed_index_and_grade():
    """Sum of averages: (11+8+8+8+10+11+8+6)/3 + 4 = 70/3 + 4 = 82/3. IKM = 82/3 x 1/9 =
    82/27 = 3.037037... (3.0370); converted 82/27 x 25 = 2050/27 = 75.9259... (75.93),
    between 65.00 and 76.60: grade C, Kurang Baik.
    """
    result = compute(THREE)
    assert result.complete
    assert result.missing == ()
    assert result.ikm == Fraction(82, 27)
    assert result.rounded_ikm == Decimal("3.0370")
    assert result.converted == Decimal("75.93")
    assert str(result.converted) == "75.93"
    assert result.grade == Grade("C", "Kurang Baik", "Less than good")


def test_the_weakest_elements_are_the_lowest_averages_with_ties_in_code_order():
    """U9 (2.0) is weakest; U2, U3, U5 and U8 tie at 8/3, so U2 and U3 come next."""
    result = compute(THREE)
    assert [score.element.code for score in weakest(result)] == ["U9", "U2", "U3"]
    assert [score.element.code for score in weakest(result, 1)] == ["U9"]
    assert [score.element.code for score in weakest(result, 5)] == ["U9", "U2", "U3", "U5", "U8"]
    assert weakest(result, 0) == ()
    assert len(weakest(result, 20)) == 9


def test_weakest_compares_exact_averages_not_rounded_ones():
    """U2's 26667/10000 and U1's 8/3 both show 2.6667, but 8/3 is lower, so U1 comes first."""
    totals = [(8, 3), (26667, 10000)] + [(4, 1)] * 7
    result = from_totals(totals)
    assert result.scores[0].rounded_nrr == result.scores[1].rounded_nrr
    assert [score.element.code for score in weakest(result, 2)] == ["U1", "U2"]
    totals = [(26666, 10000), (8, 3)] + [(4, 1)] * 7
    assert [score.element.code for score in weakest(from_totals(totals), 2)] == ["U1", "U2"]


def test_weakest_refuses_a_negative_count():
    with pytest.raises(ValueError, match=r"^n must not be negative$"):
        weakest(compute(THREE), -1)


# Missing answers


def test_an_element_nobody_answered_leaves_the_index_uncomputed_and_named():
    """Nobody rated U5: the other averages stand, but with its 1/9 weight unfilled there is
    no IKM, no converted index and no grade.
    """
    rows = [(*row[:4], None, *row[5:]) for row in THREE]
    result = compute(rows)
    assert result.missing == (ELEMENTS[4],)
    assert not result.complete
    assert result.scores[4].nrr is None
    assert result.scores[4].weighted_nrr is None
    assert result.scores[4].rounded_nrr is None
    assert result.scores[0].nrr == Fraction(11, 3)
    assert result.ikm is None
    assert result.rounded_ikm is None
    assert result.converted is None
    assert result.grade is None
    assert "U5" not in [score.element.code for score in weakest(result, 9)]


def test_no_respondents_give_no_index_and_no_division_error():
    result = compute([])
    assert result.missing == ELEMENTS
    assert [(score.total, score.answers) for score in result.scores] == [(0, 0)] * 9
    assert result.ikm is None
    assert result.grade is None
    assert weakest(result) == ()


def test_a_respondent_who_left_everything_blank_changes_nothing():
    assert compute([*THREE, (None,) * 9]) == compute(THREE)


def test_responses_may_be_mappings_with_blanks_left_out():
    mappings = [
        {code: score for code, score in zip(CODES, row, strict=True) if score is not None}
        for row in THREE
    ]
    assert "U4" not in mappings[2]
    assert compute(mappings) == compute(THREE)
    assert compute([dict(zip(CODES, row, strict=True)) for row in THREE]) == compute(THREE)


# Invalid input


@pytest.mark.parametrize("bad", [0, 5, -1, 2.0, True, "3", Decimal(3)])
def test_a_score_outside_1_to_4_or_not_a_whole_number_is_refused_with_its_place(bad):
    rows = [THREE[0], (*THREE[1][:2], bad, *THREE[1][3:])]
    message = f"^response 2, U3: {re.escape(repr(bad))} is not a whole number from 1 to 4$"
    with pytest.raises(ValueError, match=message):
        compute(rows)


@pytest.mark.parametrize("good", [1, 2, 3, 4])
def test_every_score_from_1_to_4_is_accepted(good):
    assert compute([(good,) * 9]).converted == Decimal(good * 25).quantize(Decimal("0.01"))


def test_a_response_with_the_wrong_number_of_answers_is_refused():
    with pytest.raises(ValueError, match=r"^response 1: expected 9 answers, got 8$"):
        compute([(4,) * 8])
    with pytest.raises(ValueError, match="response 2"):
        compute([(4,) * 9, (4,) * 10])


def test_a_mapping_with_an_unknown_element_code_is_refused():
    with pytest.raises(
        ValueError, match=r"^response 1: unknown element codes \['U10'\]; expected U1 to U9$"
    ):
        compute([{"U1": 4, "U10": 3}])


# The fast path over totals


def test_totals_are_each_elements_sum_and_answer_count_in_code_order():
    assert totals_from(THREE) == (
        (11, 3),
        (8, 3),
        (8, 3),
        (8, 2),
        (8, 3),
        (10, 3),
        (11, 3),
        (8, 3),
        (6, 3),
    )
    assert totals_from([]) == ((0, 0),) * 9


def test_totals_by_code_may_leave_out_an_element_nobody_answered():
    by_code = dict(zip(CODES, totals_from(THREE), strict=True))
    assert from_totals(by_code) == compute(THREE)
    del by_code["U7"]
    assert from_totals(by_code).missing == (ELEMENTS[6],)


@pytest.mark.parametrize("pair", [(3, 2), (2, 2), (8, 2), (0, 0)])
def test_totals_some_set_of_scores_could_give_are_accepted(pair):
    assert from_totals([pair] + [(4, 1)] * 8).scores[0].total == pair[0]


@pytest.mark.parametrize("pair", [(1, 2), (9, 2), (1, 0), (-1, -1), (True, 1), (4.0, 1)])
def test_totals_no_set_of_1_to_4_scores_could_give_are_refused(pair):
    with pytest.raises(ValueError, match=r"^U1: "):
        from_totals([pair] + [(4, 1)] * 8)


def test_refused_totals_say_what_is_wrong():
    with pytest.raises(ValueError, match=r"^U1: a sum of 9 cannot come from 2 scores of 1 to 4$"):
        from_totals([(9, 2)] + [(4, 1)] * 8)
    with pytest.raises(ValueError, match=r"^U1: the sum and count must be whole numbers$"):
        from_totals([(4.0, 1)] + [(4, 1)] * 8)


def test_totals_of_the_wrong_length_or_with_unknown_codes_are_refused():
    with pytest.raises(ValueError, match=r"^expected 9 \(sum, count\) pairs, got 8$"):
        from_totals([(4, 1)] * 8)
    with pytest.raises(
        ValueError, match=r"^totals: unknown element codes \['U0'\]; expected U1 to U9$"
    ):
        from_totals({"U0": (4, 1)})


# Grades and their boundaries


@pytest.mark.parametrize(
    ("converted", "letter"),
    [
        ("100.00", "A"),
        ("88.31", "A"),
        ("88.305", "A"),  # published as 88.31
        ("88.3049", "B"),  # published as 88.30
        ("88.30", "B"),
        ("76.61", "B"),
        ("76.605", "B"),  # published as 76.61
        ("76.6049", "C"),
        ("76.60", "C"),
        ("65.00", "C"),
        ("64.995", "C"),  # published as 65.00
        ("64.9949", "D"),
        ("64.99", "D"),
        ("25.00", "D"),
        ("24.995", "D"),  # published as 25.00
        ("100.004", "A"),  # published as 100.00
    ],
)
def test_each_grade_boundary_is_decided_on_the_published_two_decimal_value(converted, letter):
    assert grade(Decimal(converted)).letter == letter


def test_grades_carry_their_indonesian_and_english_labels():
    assert grade(Decimal("95")) == ("A", "Sangat Baik", "Very good")
    assert grade(Decimal("80")) == ("B", "Baik", "Good")
    assert grade(Decimal("70")) == ("C", "Kurang Baik", "Less than good")
    assert grade(Decimal("50")) == ("D", "Tidak Baik", "Not good")
    assert grade(Decimal("50")).label == "Tidak Baik"


def test_grade_accepts_ints_and_fractions():
    assert grade(100).letter == "A"
    assert grade(25).letter == "D"
    assert grade(Fraction(17661, 200)).letter == "A"  # 88.305
    assert grade(Fraction(1766099, 20000)).letter == "B"  # 88.304995


@pytest.mark.parametrize("outside", ["24.99", "24.9949", "100.005", "100.01", "-50"])
def test_a_converted_index_outside_25_to_100_has_no_grade(outside):
    with pytest.raises(ValueError, match=r"^a converted index runs from 25 to 100, not "):
        grade(Decimal(outside))


def test_a_float_is_refused_because_88_305_as_a_float_is_below_88_305():
    with pytest.raises(TypeError, match=r"^expected a Decimal, Fraction or int, got float$"):
        grade(88.305)
    with pytest.raises(TypeError):
        grade("88.31")


@pytest.mark.parametrize(
    ("nrr_total", "nrr_answers", "converted", "letter"),
    [
        (8831, 2500, "88.31", "A"),  # every element 3.5324: IKM 3.5324
        (35322, 10000, "88.31", "A"),  # 3.5322 x 25 = 88.305, published 88.31
        (8830, 2500, "88.30", "B"),  # 3.5320 x 25 = 88.30
        (30644, 10000, "76.61", "B"),
        (3064, 1000, "76.60", "C"),
        (26, 10, "65.00", "C"),
        (25996, 10000, "64.99", "D"),
    ],
)
def test_results_on_the_grade_boundaries(nrr_total, nrr_answers, converted, letter):
    """Nine elements with the same average NRR give IKM = NRR and a converted NRR x 25."""
    result = from_totals(uniform(nrr_total, nrr_answers))
    assert result.ikm == Fraction(nrr_total, nrr_answers)
    assert result.converted == Decimal(converted)
    assert result.grade.letter == letter


def test_the_index_on_the_1_to_4_scale_is_shown_to_four_decimals_half_up():
    """Every element averaging 70645/20000 = 3.53225 gives IKM 3.53225, shown 3.5323 (half up)."""
    result = from_totals(uniform(70645, 20000))
    assert result.ikm == Fraction(70645, 20000)
    assert result.rounded_ikm == Decimal("3.5323")


def test_rounding_half_up_is_exact_on_fractions():
    assert round_half_up(Fraction(88305, 1000), 2) == Decimal("88.31")
    assert round_half_up(Fraction(88305, 1000) - Fraction(1, 10**30), 2) == Decimal("88.30")
    assert round_half_up(Fraction(2, 3), 4) == Decimal("0.6667")
    assert round_half_up(Fraction(1, 3), 4) == Decimal("0.3333")
    assert round_half_up(Fraction(100), 2) == Decimal("100.00")
    assert str(round_half_up(Fraction(4), 4)) == "4.0000"


# Properties

scores = st.integers(min_value=1, max_value=4)
full_rows = st.tuples(*[scores] * 9)
rows_with_blanks = st.tuples(*[st.none() | scores] * 9)


def reference(rows):
    """An independent computation: plain sums, then Decimal at 60 digits, rounded half up."""
    averages = []
    for column in zip(*rows, strict=True):
        answered = [score for score in column if score is not None]
        averages.append(Fraction(sum(answered), len(answered)))
    exact = sum(averages) / 9 * 25
    with localcontext() as context:
        context.prec = 60
        decimal = Decimal(exact.numerator) / Decimal(exact.denominator)
        return decimal.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@given(st.lists(full_rows, min_size=1, max_size=50))
def test_a_fully_answered_survey_always_converts_to_between_25_and_100(rows):
    result = compute(rows)
    assert Decimal(25) <= result.converted <= Decimal(100)
    assert result.grade == grade(result.converted)
    assert result.converted == reference(rows)


@given(st.integers(min_value=1, max_value=200))
def test_everyone_answering_4_gives_100_and_a(respondents):
    result = compute([(4,) * 9] * respondents)
    assert result.converted == Decimal("100.00")
    assert result.rounded_ikm == Decimal("4.0000")
    assert result.grade.letter == "A"


@given(st.integers(min_value=1, max_value=200))
def test_everyone_answering_1_gives_25_and_d(respondents):
    result = compute([(1,) * 9] * respondents)
    assert result.converted == Decimal("25.00")
    assert result.grade.letter == "D"


@given(st.lists(rows_with_blanks, max_size=30), st.randoms(use_true_random=False))
def test_the_order_of_the_respondents_does_not_matter(rows, random):
    shuffled = list(rows)
    random.shuffle(shuffled)
    assert compute(shuffled) == compute(rows)


@given(st.lists(rows_with_blanks, max_size=30))
def test_the_totals_path_gives_the_same_result_as_the_responses(rows):
    columns = list(zip(*rows, strict=True)) or [()] * 9
    totals = [
        (sum(s for s in column if s is not None), sum(s is not None for s in column))
        for column in columns
    ]
    result = compute(rows)
    assert from_totals(totals) == result
    assert from_totals(dict(zip(CODES, totals, strict=True))) == result
    unanswered = tuple(
        element for element, (_, count) in zip(ELEMENTS, totals, strict=True) if not count
    )
    assert result.missing == unanswered


@given(st.lists(rows_with_blanks, min_size=1, max_size=30))
def test_a_complete_result_matches_the_reference_and_an_incomplete_one_has_no_index(rows):
    result = compute(rows)
    if result.complete:
        assert result.converted == reference(rows)
        assert result.grade == grade(result.converted)
    else:
        assert result.converted is None
        assert result.grade is None


@given(st.lists(rows_with_blanks, max_size=30), st.integers(min_value=0, max_value=9))
def test_weakest_returns_the_lowest_averages_in_order(rows, n):
    result = compute(rows)
    chosen = weakest(result, n)
    answered = [score for score in result.scores if score.nrr is not None]
    assert len(chosen) == min(n, len(answered))
    assert [score.nrr for score in chosen] == sorted(score.nrr for score in chosen)
    if chosen:
        assert all(score.nrr >= chosen[-1].nrr for score in answered if score not in chosen)


@given(st.lists(rows_with_blanks, max_size=30))
def test_a_shown_average_is_within_half_a_unit_of_the_fourth_decimal(rows):
    for score in compute(rows).scores:
        if score.nrr is not None:
            assert abs(Fraction(score.rounded_nrr) - score.nrr) <= Fraction(1, 20000)
            assert 1 <= score.nrr <= 4


def test_unknown_codes_of_mixed_types_are_all_named_in_order():
    # A spreadsheet import can key a column by number; the refusal still names every key.
    with pytest.raises(
        ValueError, match=r"^totals: unknown element codes \[10, 'U0'\]; expected U1 to U9$"
    ):
        from_totals({"U1": (4, 1), "U0": (4, 1), 10: (4, 1)})

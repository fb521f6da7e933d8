"""Page geometry at its edges: no columns, zero widths, a tail that just fits, exact room."""

import pytest

from cerdas.masterplans.engine.layout import (
    A4_LONG,
    A4_SHORT,
    POINTS_PER_CM,
    content_width,
    share_widths,
    split_columns,
    text_width,
    widest,
)


def spans(parts):
    return [(part.start, part.stop) for part in parts]


def test_an_unknown_character_counts_a_full_em():
    assert text_width("€", 10) == 10.0
    assert text_width("Rp\u00a01", 10) == pytest.approx(10 * (0.77 + 0.716 + 0.348 + 0.696))
    assert text_width("", 10) == 0


def test_the_widest_of_some_texts_and_of_none():
    assert widest(["1", "22", "3"], 10) == pytest.approx(2 * 6.96)
    assert widest([], 10) == 0.0


def test_the_content_width_takes_both_margins_off_the_paper():
    assert content_width(False, 2.0, 1.5) == pytest.approx(A4_SHORT - 3.5 * POINTS_PER_CM)
    assert content_width(True, 2.0, 1.5) == pytest.approx(A4_LONG - 3.5 * POINTS_PER_CM)
    assert content_width(False, 2.54, 0) == pytest.approx(A4_SHORT - 72)


def test_no_columns_make_one_empty_part_at_the_start():
    assert spans(split_columns(0, 10, 100)) == [(0, 0)]
    assert spans(split_columns(-1, 10, 100)) == [(0, 0)]


def test_columns_of_no_width_all_fit_in_one_part():
    assert spans(split_columns(3, 0, 100)) == [(0, 3)]


def test_columns_narrower_than_a_point_still_count_their_width():
    assert spans(split_columns(4, 0.5, 1)) == [(0, 2), (2, 4)]


def test_columns_that_fill_the_page_exactly_fit_without_a_tail():
    assert spans(split_columns(6, 10, 30)) == [(0, 3), (3, 6)]


def test_the_last_part_is_as_even_as_the_others_when_it_could_hold_more():
    assert spans(split_columns(4, 10, 30)) == [(0, 2), (2, 4)]


def test_a_tail_leaving_room_for_exactly_one_column_beside_it():
    assert spans(split_columns(3, 10, 30, tail=15)) == [(0, 2), (2, 3)]


def test_a_tail_that_fits_beside_no_column_closes_its_own_part():
    assert spans(split_columns(5, 10, 25, tail=30)) == [(0, 2), (2, 4), (4, 5), (5, 5)]


def test_room_of_exactly_one_point_is_shared_and_a_single_weight_takes_it_all():
    assert share_widths(11, [(5, 1), (5, 1)]) == [5.5, 5.5]
    assert share_widths(20, [(5, 1), (5, 0)]) == [15, 5]


def test_columns_without_weight_keep_their_minimums():
    assert share_widths(20, [(5, 0), (5, 0)]) == [5, 5]
    assert share_widths(10, [(5, 1), (5, 1)]) == [5, 5]
    assert share_widths(8, [(5, 1), (5, 1)]) == [5, 5]


def test_columns_are_counted_with_floor_division_erring_towards_fewer_per_part():
    # 1.0 // 0.1 is 9 in floating point (1.0 / 0.1 rounds to 10): ten such columns are split
    # rather than risk a row a hair wider than the page.
    assert spans(split_columns(10, 0.1, 1.0)) == [(0, 5), (5, 10)]
    assert spans(split_columns(19, 0.1, 1.0)) == [(0, 6), (6, 12), (12, 19)]
    # The same for the room beside the tail: 1.0 // 0.1 leaves room for nine, not ten.
    assert spans(split_columns(10, 0.1, 1.1, tail=0.1)) == [(0, 5), (5, 10)]


def test_columns_narrower_than_a_point_fill_parts_and_the_tail_by_their_width():
    assert spans(split_columns(6, 0.5, 1)) == [(0, 2), (2, 4), (4, 6)]
    assert spans(split_columns(4, 0.5, 1, tail=0.5)) == [(0, 2), (2, 3), (3, 4)]

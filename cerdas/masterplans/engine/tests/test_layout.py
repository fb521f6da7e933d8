"""Which year columns share a page, and how wide a figure is."""

from hypothesis import given
from hypothesis import strategies as st

from cerdas.masterplans.engine.layout import share_widths, split_columns, text_width


def test_ten_years_that_fit_side_by_side_stay_in_one_part():
    assert split_columns(10, 50, 600, tail=90) == [range(0, 10)]


def test_the_last_part_keeps_room_for_the_total_and_the_share():
    assert split_columns(10, 103, 629, tail=167) == [range(0, 6), range(6, 10)]


def test_a_tail_wider_than_the_page_beside_any_year_closes_a_part_of_its_own():
    parts = split_columns(4, 300, 600, tail=500)
    assert parts[-1] == range(4, 4) and sum(len(part) for part in parts) == 4


@given(
    count=st.integers(1, 12),
    width=st.floats(20, 300),
    available=st.floats(300, 800),
    tail=st.floats(0, 250),
)
def test_every_year_lands_once_in_order_and_every_part_fits(count, width, available, tail):
    parts = split_columns(count, width, available, tail)
    assert [index for part in parts for index in part] == list(range(count))
    for part in parts[:-1]:
        assert len(part) * width <= available or len(part) == 1
    if len(parts[-1]):
        assert len(parts[-1]) * width + tail <= available or len(parts[-1]) == 1


def test_wider_figures_measure_wider():
    assert text_width("Rp\u00a01.000", 10) < text_width("Rp\u00a01.000.000", 10)
    assert text_width("2025", 8) == 2 * text_width("2025", 4)


def test_text_columns_share_the_room_left_by_their_weights():
    assert share_widths(300, [(50, 0), (50, 1), (50, 3)]) == [50, 87.5, 162.5]
    assert share_widths(100, [(80, 1), (80, 1)]) == [80, 80]

"""Pasted names: sure ones taken, the rest left open in the order they were written."""

import pytest

from cerdas.regions.services import resolve_pasted


@pytest.mark.django_db
def test_sure_names_are_taken_and_the_others_stay_open_in_order():
    pasted = resolve_pasted(["Kab. Bojonegoro", "Bandung", "asdfgh", "Kota Makassar"])
    assert pasted.codes == ["35.22", "73.71"]
    assert [(position, result.query) for position, result in pasted.open] == [
        (1, "Bandung"),
        (2, "asdfgh"),
    ]
    assert [position for position, _result in pasted.to_pick] == [1]
    assert [position for position, _result in pasted.unknown] == [2]


@pytest.mark.django_db
def test_a_pick_among_the_candidates_settles_an_ambiguous_name():
    pasted = resolve_pasted(["Bandung"], pick=lambda position: "32.73")
    assert (pasted.codes, pasted.open) == (["32.73"], [])


@pytest.mark.django_db
def test_a_pick_the_resolver_never_offered_is_ignored():
    pasted = resolve_pasted(["Bandung"], pick=lambda position: "35.22")
    assert pasted.codes == []
    assert [result.query for _position, result in pasted.open] == ["Bandung"]

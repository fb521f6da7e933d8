"""One region picker for every form that names regions: sure names taken, ambiguous ones
offered to pick, unknown ones sent back, nothing guessed."""

import pytest
from django import forms

from cerdas.regions.forms import ProvincesField, RegionsField


class Names(forms.Form):
    regions = RegionsField(max_regions=3)


class One(forms.Form):
    region = RegionsField(max_regions=1, required=False)


@pytest.mark.django_db
def test_sure_names_and_codes_become_codes_in_the_order_written():
    form = Names({"regions": "Kab. Bojonegoro\n32.73, Kota Makassar"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["regions"] == ["35.22", "32.73", "73.71"]


@pytest.mark.django_db
def test_an_ambiguous_name_is_offered_with_its_candidates_and_their_provinces():
    form = Names({"regions": "Kupang"})
    assert not form.is_valid()
    html = str(form["regions"])
    assert 'name="regions_pick_0" value="53.01"' in html
    assert 'name="regions_pick_0" value="53.71"' in html
    assert "Nusa Tenggara Timur" in html
    picked = Names({"regions": "Kupang", "regions_pick_0": "53.71"})
    assert picked.is_valid() and picked.cleaned_data["regions"] == ["53.71"]


@pytest.mark.django_db
def test_a_pick_that_was_never_offered_counts_for_nothing():
    form = Names({"regions": "Kupang", "regions_pick_0": "35.22"})
    assert not form.is_valid()


@pytest.mark.django_db
def test_an_unknown_name_is_sent_back_with_what_to_do():
    form = Names({"regions": "Kota Atlantis"})
    assert not form.is_valid()
    assert "Kota Atlantis" in str(form.errors["regions"])


@pytest.mark.django_db
def test_regions_written_back_resolve_to_themselves():
    """The initial list of codes shows as "Name (code)" lines, which resolve unchanged."""
    unbound = Names(initial={"regions": ["53.71", "35.22"]})
    text = unbound["regions"].value()
    rendered = str(unbound["regions"])
    assert "Kota Kupang (53.71)" in rendered and "Kabupaten Bojonegoro (35.22)" in rendered
    assert text == ["53.71", "35.22"]
    again = Names({"regions": "Kota Kupang (53.71)\nKabupaten Bojonegoro (35.22)"})
    assert again.is_valid() and again.cleaned_data["regions"] == ["53.71", "35.22"]


@pytest.mark.django_db
def test_limits_are_said():
    assert not Names({"regions": "35.22\n32.73\n73.71\n53.71"}).is_valid()
    form = One({"region": "35.22\n32.73"})
    assert not form.is_valid()
    assert One({"region": ""}).is_valid()


@pytest.mark.django_db
def test_provinces_are_ticked_from_the_list():
    class Eastern(forms.Form):
        provinces = ProvincesField()

    form = Eastern({"provinces": ["91", "94"]})
    assert form.is_valid() and form.cleaned_data["provinces"] == ["91", "94"]
    assert not Eastern({"provinces": ["99"]}).is_valid()
    assert str(Eastern()["provinces"]).count('type="checkbox"') == 38

"""The provinces to tick and the list of regions, written as Django's templates write them."""

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates

from cerdas.core.form_renderer import FormRenderer
from cerdas.regions.forms import ProvincesField
from cerdas.regions.models import Region

# What regions/widgets/province_checkboxes.html held before the widget wrote its box itself.
THE_TEMPLATE = (
    '<div class="province-list">{% include "django/forms/widgets/multiple_input.html" %}</div>\n'
)


class Provinces(forms.Form):
    provinces = ProvincesField(required=False)


@pytest.mark.django_db
@pytest.mark.parametrize("data", [None, {"provinces": ["35", "91"]}])
def test_the_box_of_ticks_is_the_markup_the_template_gave(data):
    field = Provinces(data)["provinces"]
    widget = field.field.widget
    context = widget.get_context(field.html_name, field.value(), {"id": "id_provinces"})
    # Rendered as Django's form renderer renders a widget's template.
    by_template = DjangoTemplates().engine.from_string(THE_TEMPLATE).render(context).strip()
    written = widget.render(field.html_name, field.value(), {"id": "id_provinces"})
    assert written == by_template
    assert written.count('type="checkbox"') == 38
    assert ("checked" in written) == bool(data)
    # And the same through Django's own renderer, without the site's.
    plain = widget.render(
        field.html_name, field.value(), {"id": "id_provinces"}, renderer=DjangoTemplates()
    )
    assert plain == by_template


@pytest.mark.django_db
def test_the_list_of_every_region_is_the_same_markup():
    form = forms.Form()
    form.fields["region"] = forms.ModelChoiceField(Region.objects.order_by("name"))
    by_templates, fast = both(form, "region")
    assert fast == by_templates
    assert fast.count("<option") == Region.objects.count() + 1
    assert "Kabupaten Bojonegoro</option>" in fast


def both(form, name):
    field = form[name]
    widget = field.field.widget
    return tuple(
        widget.render(field.html_name, field.value(), field.build_widget_attrs({}), renderer)
        for renderer in (DjangoTemplates(), FormRenderer())
    )


@pytest.mark.django_db
@pytest.mark.parametrize("value", [None, "35.22", "99.99", ""])
def test_a_region_list_read_as_codes_and_names_is_the_same_markup_and_gives_a_region(value):
    from cerdas.regions.forms import RegionChoiceField

    plain, light = forms.Form(), forms.Form({"region": value} if value else None)
    plain.fields["region"] = forms.ModelChoiceField(Region.objects.order_by("name"))
    light.fields["region"] = RegionChoiceField(Region.objects.order_by("name"))
    plain.data = light.data
    plain.is_bound = light.is_bound
    assert str(light["region"]) == str(plain["region"])
    if value == "35.22":
        assert light.is_valid() and light.cleaned_data["region"] == Region.objects.get(pk=value)
        assert 'value="35.22" selected' in str(light["region"])


@pytest.mark.django_db
@pytest.mark.parametrize("value", [None, "35.22", "<x>"])
@pytest.mark.parametrize("empty_label", [None, "— semua —", "<b>Semua</b>"])
def test_the_region_select_is_written_without_an_option_dict_each(value, empty_label):
    """RegionSelect writes the select box itself: the same bytes as Django's Select."""
    from django.forms.renderers import get_default_renderer

    from cerdas.regions.forms import RegionChoiceField, RegionSelect

    regions = Region.objects.filter(code__startswith="35.").order_by("name")
    field = RegionChoiceField(regions, required=False, empty_label=empty_label)
    plain = forms.ModelChoiceField(regions, required=False, empty_label=empty_label)
    attrs = {"id": "id_region", "class": 'a"b'}
    fast = field.widget._html("region", value, attrs)
    assert fast is not None
    assert fast == plain.widget.render("region", value, attrs, get_default_renderer())
    assert field.widget.render("region", value, attrs) == fast
    assert isinstance(field.widget, RegionSelect)
    assert fast.count("<option") == regions.count() + (empty_label is not None)


@pytest.mark.django_db
@pytest.mark.parametrize("required", [True, False])
@pytest.mark.parametrize("empty_label", [None, "— pilih —"])
@pytest.mark.parametrize("regions", ["one", "none", "many"])
def test_a_region_list_is_read_once_and_marked_required_as_djangos(required, empty_label, regions):
    """Django's select reads the first choice again to decide ``required``; RegionSelect
    knows it from the empty label, with the same answer."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from cerdas.regions.forms import RegionChoiceField

    queryset = {
        "one": Region.objects.filter(pk="35.22"),
        "none": Region.objects.none(),
        "many": Region.objects.filter(code__startswith="35.").order_by("name"),
    }[regions]
    plain, light = forms.Form(), forms.Form()
    plain.fields["region"] = forms.ModelChoiceField(
        queryset, required=required, empty_label=empty_label
    )
    light.fields["region"] = RegionChoiceField(queryset, required=required, empty_label=empty_label)
    with CaptureQueriesContext(connection) as reads:
        html = str(light["region"])
    assert html == str(plain["region"])
    assert len(reads) == (0 if regions == "none" else 1)

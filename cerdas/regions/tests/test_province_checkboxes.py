"""The provinces to tick: Django's ticks in a ``province-list`` box, as the template wrote them."""

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates

from cerdas.regions.forms import ProvincesField

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

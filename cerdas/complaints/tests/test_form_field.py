"""``{% form_field %}`` writes each field as the include it replaced wrote it, byte for byte:
every widget the app's forms use (hidden, text, text area, select, radio buttons, ticks, a
tick box, pictures), blank and sent back with errors, in both languages."""

import pytest
from django.template import Context, Template
from django.utils import translation

from cerdas.complaints import forms, services
from cerdas.complaints.tests.conftest import new_report
from cerdas.regions.models import Region

# complaints/includes/field.html, as it was.
INCLUDE = Template(
    '{% if field.is_hidden %}{{ field }}{% elif field.widget_type == "radioselect" or '
    'field.widget_type == "checkboxselectmultiple" %}\n'
    '<fieldset class="field choice-field"{% if field.errors %} aria-invalid="true"{% endif %}>\n'
    "  <legend>{{ field.label }}{% if field.field.required %} *{% endif %}</legend>\n"
    '  {% if field.help_text %}<p class="helptext" id="{{ field.auto_id }}_helptext">'
    "{{ field.help_text }}</p>{% endif %}\n"
    "  {{ field.errors }}\n"
    '  <ul class="choices">\n'
    '  {% for choice in field %}<li><label for="{{ choice.id_for_label }}">{{ choice.tag }} '
    "<span>{{ choice.choice_label }}</span></label></li>{% endfor %}\n"
    "  </ul>\n"
    "</fieldset>\n"
    '{% elif field.widget_type == "checkbox" %}\n'
    '<div class="field check-field">\n'
    '  <label for="{{ field.id_for_label }}">{{ field }} <span>{{ field.label }}</span></label>\n'
    '  {% if field.help_text %}<span class="helptext">{{ field.help_text }}</span>{% endif %}\n'
    "  {{ field.errors }}\n"
    "</div>\n"
    "{% else %}\n"
    '<div class="field">\n'
    '  <label for="{{ field.id_for_label }}">{{ field.label }}'
    "{% if field.field.required %} *{% endif %}</label>\n"
    '  {% if field.help_text %}<span class="helptext" id="{{ field.id_for_label }}_helptext">'
    "{{ field.help_text }}</span>{% endif %}\n"
    "  {{ field.errors }}\n"
    "  {{ field }}\n"
    "</div>\n"
    "{% endif %}\n"
)
TAG = Template("{% load complaints %}{% form_field field %}")


def _forms(category, data):
    region = Region.objects.get(pk=category.region_id)
    report = services.submit_report(new_report(category))
    return [
        forms.ReportForm(data, region=region),
        forms.TrackForm(data),
        forms.ListFilterForm(data, region=region),
        forms.InfoForm(data),
        forms.ReplyForm(data),
        forms.RateForm(data),
        forms.DispatchForm(data, report=report),
        forms.OutcomeForm(data, report=report),
        forms.FollowUpForm(data),
        forms.NoteForm(data),
        forms.ReasonForm(data),
        forms.ExtendForm(data),
        forms.ReassignForm(data, report=report),
        forms.RedactForm(data, report=report),
        forms.QueueForm(data, categories=type(category).objects.filter(pk=category.pk)),
        forms.CategoryForm(data, region=region),
        forms.SettingsForm(data),
        forms.ApiKeyForm(data),
        forms.PeriodForm(data),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize("data", [None, {"name": "<b>Budi</b>", "email": "bukan alamat"}])
def test_every_field_is_written_as_the_include_wrote_it(internet, language, data):
    kinds = set()
    with translation.override(language):
        for form in _forms(internet, data):
            form.is_valid() if data is not None else None
            for field in form:
                context = Context({"field": field})
                assert TAG.render(context) == INCLUDE.render(context), (form, field.name)
                kinds.add("hidden" if field.is_hidden else field.widget_type)
    assert {"text", "textarea", "select", "radioselect", "checkbox"} <= kinds

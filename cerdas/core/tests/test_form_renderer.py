"""The form renderer writes select boxes exactly as Django's templates do, only faster."""

import datetime

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates, get_default_renderer
from django.utils.functional import lazy
from django.utils.safestring import mark_safe

from cerdas.core.form_renderer import FormRenderer, multiple_html, select_html, textarea_html

# A lazy text, as gettext_lazy gives (without a message to translate).
lazy_text = lazy(str, str)
TEMPLATES = DjangoTemplates()
FAST = FormRenderer()


class Everything(forms.Form):
    plain = forms.ChoiceField(choices=[("a", "A & B"), ("b", '"quoted" <b>')])
    empty = forms.ChoiceField(choices=[])
    grouped = forms.ChoiceField(
        choices=[
            ("", "---"),
            ("Jawa", [("35.22", "Kabupaten Bojonegoro"), ("32.73", "Kota Bandung")]),
            (lazy_text("Other"), [("x", lazy_text("Yes")), ("y", mark_safe("<i>safe</i>"))]),
        ]
    )
    many = forms.MultipleChoiceField(choices=[(1, "one"), (2, "two"), (3, "three")])
    attrs = forms.ChoiceField(
        choices=[("1", "one")],
        widget=forms.Select(attrs={"class": 'a"b', "disabled": True, "hidden": False, "data-x": 0}),
    )
    optional = forms.NullBooleanField()
    numbers = forms.TypedChoiceField(choices=[(1, 1500), (2, 2.5)], coerce=int)
    dates = forms.ChoiceField(choices=[("d", datetime.date(2017, 8, 17))])
    radio = forms.ChoiceField(
        choices=[("sp", "Sangat Puas"), ("tp", "Tidak <Puas>")], widget=forms.RadioSelect
    )
    ticks = forms.MultipleChoiceField(
        choices=[("Jawa", [("35", "Jawa Timur"), ("32", "Jawa Barat")]), ("53", "NTT")],
        widget=forms.CheckboxSelectMultiple(attrs={"class": "columns"}),
    )
    no_label_wrap = forms.ChoiceField(choices=[(1, "satu")], widget=forms.RadioSelect)
    dated_radio = forms.ChoiceField(
        choices=[("d", datetime.date(2017, 8, 17))], widget=forms.RadioSelect
    )


def both(form, name):
    field = form[name]
    widget = field.field.widget
    return (
        widget.render(field.html_name, field.value(), field.build_widget_attrs({}), TEMPLATES),
        widget.render(field.html_name, field.value(), field.build_widget_attrs({}), FAST),
    )


def as_the_form_writes_it(form_class, data, name, auto_id):
    """The widget with its ids, as a form writes it, by each renderer."""
    return tuple(
        str(form_class(data, renderer=renderer, auto_id=auto_id)[name])
        for renderer in (TEMPLATES, FAST)
    )


@pytest.mark.parametrize("name", list(Everything.base_fields))
@pytest.mark.parametrize(
    "data",
    [
        None,
        {
            "plain": "b",
            "grouped": "32.73",
            "many": ["1", "3"],
            "optional": "true",
            "radio": "tp",
            "ticks": ["35", "53"],
        },
    ],
)
@pytest.mark.parametrize("language", ["id", "en"])
def test_every_kind_of_select_is_written_as_the_templates_write_it(name, data, language):
    from django.utils import translation

    with translation.override(language):
        by_templates, fast = both(Everything(data), name)
        assert fast == by_templates
        for auto_id in ("id_%s", False):
            by_templates, fast = as_the_form_writes_it(Everything, data, name, auto_id)
            assert fast == by_templates


def test_labels_a_template_would_localise_are_left_to_the_template():
    """Numbers and dates are shown in the page's notation by the template, so the fast path
    declines them."""
    form = Everything()
    for name in ("numbers", "dates"):
        field = form[name]
        context = field.field.widget.get_context(field.html_name, None, {})
        assert select_html(context["widget"]) is None
    assert select_html(form["plain"].field.widget.get_context("plain", "a", {})["widget"])
    field = form["dated_radio"]
    context = field.field.widget.get_context(field.html_name, None, {})
    assert multiple_html(context["widget"]) is None
    for name in ("radio", "ticks"):
        field = form[name]
        context = field.field.widget.get_context(field.html_name, None, {"id": "id_x"})
        assert multiple_html(context["widget"]).count("<input") >= 2


def test_the_site_uses_it():
    assert isinstance(get_default_renderer(), FormRenderer)
    assert FAST.select_is_djangos and FAST.multiple_is_djangos and FAST.input_is_djangos
    assert FAST.textarea_is_djangos


class Inputs(forms.Form):
    text = forms.CharField(max_length=10, widget=forms.TextInput(attrs={"placeholder": 'a"<b>'}))
    email = forms.EmailField(required=False)
    search = forms.CharField(widget=forms.TextInput(attrs={"type": "search", "hidden": True}))
    url = forms.URLField(
        required=False, assume_scheme="https", widget=forms.URLInput(attrs={"disabled": False})
    )
    password = forms.CharField(widget=forms.PasswordInput(render_value=True))
    hidden = forms.CharField(widget=forms.HiddenInput, initial=mark_safe("<i>safe</i>"))
    number = forms.IntegerField(required=False, widget=forms.NumberInput(attrs={"min": 0}))
    decimal = forms.DecimalField(required=False, localize=True)
    phone = forms.CharField(required=False, widget=forms.TextInput(attrs={"type": "tel"}))
    lazy = forms.CharField(widget=forms.TextInput(attrs={"aria-label": lazy_text("Cari")}))
    day = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    when = forms.DateTimeField(required=False, localize=True)
    hour = forms.TimeField(required=False, initial=datetime.time(7, 30))
    tick = forms.BooleanField(required=False, initial=True)
    untick = forms.BooleanField(required=False)
    note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))
    story = forms.CharField(widget=forms.Textarea, initial="Baris satu\n<b>dua</b> & tiga")


@pytest.mark.parametrize("name", list(Inputs.base_fields))
@pytest.mark.parametrize(
    "data",
    [
        None,
        {"text": 'Jl. "Veteran" & <b>', "number": "1500", "decimal": "1500.5", "password": "x"},
        {"note": "\nBaris kedua\r\n<script>", "story": ""},
        {"number": "abc", "decimal": "1.500,5", "email": "not an address"},
        {"day": "2017-08-17", "when": "17/08/2017 10:00", "hour": "x", "untick": "on"},
    ],
)
@pytest.mark.parametrize("language", ["id", "en"])
def test_plain_inputs_are_written_as_the_templates_write_them(name, data, language):
    from django.utils import translation

    with translation.override(language):
        by_templates, fast = both(Inputs(data), name)
        assert fast == by_templates
        for auto_id in ("id_%s", False):
            by_templates, fast = as_the_form_writes_it(Inputs, data, name, auto_id)
            assert fast == by_templates
    assert fast.startswith("<textarea" if name in ("note", "story") else "<input")


def test_a_plain_input_is_written_without_its_templates():
    widget = forms.TextInput(attrs={"class": "x"}).get_context("q", "a&b", {"id": "id_q"})
    assert FAST.render("django/forms/widgets/text.html", widget) == (
        '<input type="text" name="q" value="a&amp;b" class="x" id="id_q">'
    )


def test_a_text_area_is_written_without_its_templates():
    widget = forms.Textarea(attrs={"rows": 3}).get_context("why", "a\n<b>", {"id": "id_why"})
    assert FAST.render("django/forms/widgets/textarea.html", widget) == (
        '<textarea name="why" cols="40" rows="3" id="id_why">\na\n&lt;b&gt;</textarea>'
    )
    empty = forms.Textarea().get_context("why", None, {})
    assert (
        textarea_html(empty["widget"]) == '<textarea name="why" cols="40" rows="10">\n</textarea>'
    )


class Labelled(forms.Form):
    required_css_class = "required"
    name = forms.CharField(label="Nama & <alamat>", help_text="Isi", max_length=10)
    why = forms.CharField(label=lazy_text("Why?"), required=False)
    pick = forms.ChoiceField(
        label="Pilih", choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect
    )


@pytest.mark.parametrize("data", [None, {"name": "x" * 20}, {"name": "ok", "pick": "a"}])
@pytest.mark.parametrize("auto_id", ["id_%s", False])
@pytest.mark.parametrize("language", ["id", "en"])
def test_whole_forms_with_labels_and_errors_are_written_as_the_templates_write_them(
    data, auto_id, language
):
    """Labels (for=, required class, legends of radio groups) and error lists, empty or not."""
    from django.utils import translation

    with translation.override(language):
        by_templates = str(Labelled(data, renderer=TEMPLATES, auto_id=auto_id))
        fast = str(Labelled(data, renderer=FAST, auto_id=auto_id))
    assert fast == by_templates
    assert ("errorlist" in fast) == (data is not None and "pick" not in data)


@pytest.mark.parametrize("form_class", [Everything, Inputs, Labelled])
@pytest.mark.parametrize("data", [None, {"text": "x" * 20, "plain": "b", "name": "<b>"}])
@pytest.mark.parametrize("auto_id", ["id_%s", False])
def test_field_groups_are_written_as_the_templates_write_them(form_class, data, auto_id):
    """``as_div`` (and ``as_field_group``): labels, legends, help texts, errors, widgets."""
    by_templates = str(form_class(data, renderer=TEMPLATES, auto_id=auto_id))
    fast = str(form_class(data, renderer=FAST, auto_id=auto_id))
    assert fast == by_templates
    assert "<div" in fast
    field = form_class(data, renderer=FAST, auto_id=auto_id)[next(iter(form_class.base_fields))]
    assert (
        field.as_field_group()
        == form_class(data, renderer=TEMPLATES, auto_id=auto_id)[field.name].as_field_group()
    )

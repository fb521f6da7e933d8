"""The form renderer: Django's own, with select boxes, inputs and text areas written out in
Python.

Django renders every ``<option>`` of a ``<select>`` through two template includes
(``select_option.html``, then ``attrs.html``); a list of the 514 kabupaten/kota costs about
15 ms that way, more than the rest of the page. Ticks and radio buttons take four includes
each (38 provinces to tick cost ~8 ms); a plain text input three templates (~0.4 ms each).
``FormRenderer`` writes the same markup directly, byte for byte, whenever the widget and its
options use Django's own templates, and leaves everything else (and any select whose labels
a template would localise, such as numbers or dates) to the templates.
``settings.FORM_RENDERER`` names it; ``core/tests/test_form_renderer.py`` compares the two
ways on every kind of select and input.
"""

from pathlib import Path

import django.forms
from django.forms.renderers import DjangoTemplates
from django.utils.functional import Promise, cached_property
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData

WIDGETS = "django/forms/widgets/"
SELECT = WIDGETS + "select.html"
OPTION = WIDGETS + "select_option.html"
ATTRS = WIDGETS + "attrs.html"
# Ticks and radio buttons: each option in a <div>, its input inside its label.
MULTIPLE = {WIDGETS + "checkbox_select.html", WIDGETS + "radio.html"}
INPUT_OPTIONS = {WIDGETS + "checkbox_option.html", WIDGETS + "radio_option.html"}
# A field's label, and its list of errors when it has none (most fields, most of the time).
LABEL = "django/forms/label.html"
# A field with its label, help text and errors (``as_field_group``, each field of ``as_div``).
FIELD = "django/forms/field.html"
FORM_ATTRS = "django/forms/attrs.html"
ERROR_LISTS = {"django/forms/errors/list/default.html", "django/forms/errors/list/ul.html"}
MULTIPLE_TEMPLATES = [
    *MULTIPLE,
    *INPUT_OPTIONS,
    WIDGETS + "multiple_input.html",
    WIDGETS + "input_option.html",
    WIDGETS + "input.html",
]
# Plain inputs: each of these templates only includes input.html, which writes one <input>
# tag (the renderer strips the line breaks around it).
INPUT = WIDGETS + "input.html"
PLAIN_INPUTS = {
    WIDGETS + f"{kind}.html"
    for kind in (
        *("text", "email", "search", "url", "password", "hidden", "number", "tel"),
        *("date", "datetime", "time", "checkbox"),
    )
}
# A text area: its value on the line after the opening tag, when it has one.
TEXTAREA = WIDGETS + "textarea.html"
DJANGO_TEMPLATES = Path(django.forms.__file__).parent / "templates"


class FormRenderer(DjangoTemplates):
    """Django's template-based renderer, with a direct path for plain select boxes."""

    def _djangos(self, names) -> bool:
        """Whether these templates are Django's own (an app may override them)."""
        return all(
            Path(self.get_template(name).origin.name).is_relative_to(DJANGO_TEMPLATES)
            for name in names
        )

    @cached_property
    def select_is_djangos(self) -> bool:
        return self._djangos([SELECT, OPTION, ATTRS])

    @cached_property
    def multiple_is_djangos(self) -> bool:
        return self._djangos([*MULTIPLE_TEMPLATES, ATTRS])

    @cached_property
    def input_is_djangos(self) -> bool:
        return self._djangos([*PLAIN_INPUTS, INPUT, ATTRS])

    @cached_property
    def textarea_is_djangos(self) -> bool:
        return self._djangos([TEXTAREA, ATTRS])

    @cached_property
    def field_is_djangos(self) -> bool:
        return self._djangos([FIELD])

    @cached_property
    def label_is_djangos(self) -> bool:
        return self._djangos([LABEL, FORM_ATTRS])

    @cached_property
    def errors_are_djangos(self) -> bool:
        return self._djangos(ERROR_LISTS)

    def render(self, template_name, context, request=None):
        html = None
        if template_name == SELECT and self.select_is_djangos:
            html = select_html(context["widget"])
        elif template_name in MULTIPLE and self.multiple_is_djangos:
            html = multiple_html(context["widget"])
        elif template_name in PLAIN_INPUTS and self.input_is_djangos:
            html = input_html(context["widget"])
        elif template_name == TEXTAREA and self.textarea_is_djangos:
            html = textarea_html(context["widget"])
        elif template_name == FIELD and self.field_is_djangos:
            html = field_html(context["field"])
        elif template_name == LABEL and self.label_is_djangos:
            html = label_html(context)
        elif template_name in ERROR_LISTS and not context["errors"] and self.errors_are_djangos:
            html = ""  # ul.html writes nothing for no errors
        if html is not None:
            return html
        return super().render(template_name, context, request)


def text_or_none(value) -> str | None:
    """``{{ value }}`` for text; None for anything a template would localise."""
    if isinstance(value, str | Promise):
        return conditional_escape(value)
    return None


def _formatted(value) -> str:
    """``{{ value|stringformat:'s' }}``: the filter keeps a safe value safe."""
    text = "%s" % (str(value) if isinstance(value, tuple) else value)
    return text if isinstance(value, SafeData) else conditional_escape(text)


def attrs_html(attrs: dict) -> str | None:
    """What ``attrs.html`` writes for these attributes."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        shown = text_or_none(name)
        if shown is None:
            return None
        parts.append(f" {shown}" if value is True else f' {shown}="{_formatted(value)}"')
    return "".join(parts)


def select_html(widget: dict) -> str | None:
    """What ``select.html`` writes for this widget, or None to leave it to the template."""
    name, attrs = text_or_none(widget["name"]), attrs_html(widget["attrs"])
    if name is None or attrs is None:
        return None
    parts = [f'<select name="{name}"{attrs}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            label = text_or_none(group_name)
            if label is None:
                return None
            parts.append(f'\n  <optgroup label="{label}">')
        for option in group_choices:
            if option["template_name"] != OPTION:
                return None
            label, option_attrs = text_or_none(option["label"]), attrs_html(option["attrs"])
            if label is None or option_attrs is None:
                return None
            value = _formatted(option["value"])
            # select_option.html ends with a line break
            parts.append(f'\n  <option value="{value}"{option_attrs}>{label}</option>\n')
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


def input_html(widget: dict) -> str | None:
    """What ``text.html`` (``email.html``, ``hidden.html``…) writes through ``input.html``."""
    kind, name, attrs = (
        text_or_none(widget["type"]),
        text_or_none(widget["name"]),
        attrs_html(widget["attrs"]),
    )
    if kind is None or name is None or attrs is None:
        return None
    value = "" if widget["value"] is None else f' value="{_formatted(widget["value"])}"'
    return f'<input type="{kind}" name="{name}"{value}{attrs}>'


def textarea_html(widget: dict) -> str | None:
    """What ``textarea.html`` writes: ``{% if widget.value %}`` the value after a line break."""
    name, attrs = text_or_none(widget["name"]), attrs_html(widget["attrs"])
    value = widget["value"]
    shown = text_or_none(value) if value else ""
    if name is None or attrs is None or shown is None:
        return None
    return f'<textarea name="{name}"{attrs}>\n{shown}</textarea>'


def field_html(field) -> str:
    """What ``field.html`` writes for this bound field (stripped, as the renderer strips)."""
    if field.use_fieldset:
        described = field.aria_describedby
        described = f' aria-describedby="{conditional_escape(described)}"' if described else ""
        legend = conditional_escape(field.legend_tag()) if field.label else ""
        head = f"\n  <fieldset{described}>\n  {legend}\n"
    else:
        head = f"\n  {conditional_escape(field.label_tag()) if field.label else ''}\n"
    help_html = ""
    if field.help_text:
        auto_id = field.auto_id
        where = f' id="{conditional_escape(auto_id)}_helptext"' if auto_id else ""
        help_html = f'<div class="helptext"{where}>{field.help_text}</div>'
    closing = "</fieldset>" if field.use_fieldset else ""
    html = (
        f"{head}\n{help_html}\n{conditional_escape(field.errors)}\n"
        f"{conditional_escape(field)}{closing}\n"
    )
    return html.strip()


def _input_option_html(option: dict) -> str | None:
    """What ``checkbox_option.html`` / ``radio_option.html`` write (``input_option.html``)."""
    name, attrs, input_type = (
        text_or_none(option["name"]),
        attrs_html(option["attrs"]),
        option["type"],
    )
    if name is None or attrs is None or text_or_none(input_type) is None:
        return None
    value = "" if option["value"] is None else f' value="{_formatted(option["value"])}"'
    html = f'<input type="{text_or_none(input_type)}" name="{name}"{value}{attrs}>\n'
    if option["wrap_label"]:
        label = text_or_none(option["label"])
        if label is None:
            return None
        target = option["attrs"].get("id")
        opening = f'<label for="{text_or_none(target)}">' if target else "<label>"
        if target and text_or_none(target) is None:
            return None
        html = f"{opening}{html} {label}</label>"
    return html + "\n\n"  # input_option.html, then checkbox/radio_option.html, end a line


def multiple_html(widget: dict) -> str | None:
    """What ``multiple_input.html`` writes for these ticks or radio buttons, or None."""
    attrs = widget["attrs"]
    parts = ["<div"]
    for attribute in ("id", "class"):
        if attrs.get(attribute):
            value = text_or_none(attrs[attribute])
            if value is None:
                return None
            parts.append(f' {attribute}="{value}"')
    parts.append(">")
    for group, options, _index in widget["optgroups"]:
        if group:
            label = text_or_none(group)
            if label is None:
                return None
            parts.append(f"\n  <div><label>{label}</label>")
        for option in options:
            html = _input_option_html(option) if option["template_name"] in INPUT_OPTIONS else None
            if html is None:
                return None
            parts.append(f"<div>\n    {html}</div>")
        if group:
            parts.append("\n  </div>")
    parts.append("\n</div>")
    return "".join(parts)


def label_html(context: dict) -> str | None:
    """What ``label.html`` writes: the label in its tag (``<label for=…>``, ``<legend>``)."""
    label = text_or_none(context["label"])
    if label is None:
        return None
    if not context["use_tag"]:
        return label.strip()
    tag, attrs = text_or_none(context["tag"]), attrs_html(context["attrs"] or {})
    if tag is None or attrs is None:
        return None
    return f"<{tag}{attrs}>{label}</{tag}>"

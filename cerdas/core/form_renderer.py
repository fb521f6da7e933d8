"""The form renderer: Django's own, with select boxes written out in Python.

Django renders every ``<option>`` of a ``<select>`` through two template includes
(``select_option.html``, then ``attrs.html``); a list of the 514 kabupaten/kota costs about
15 ms that way, more than the rest of the page. ``FormRenderer`` writes the same markup
directly, byte for byte, whenever the select and its options use Django's own templates, and
leaves everything else (and any select whose labels a template would localise, such as
numbers or dates) to the templates. ``settings.FORM_RENDERER`` names it;
``core/tests/test_form_renderer.py`` compares the two ways on every kind of select.
"""

from pathlib import Path

import django.forms
from django.forms.renderers import DjangoTemplates
from django.utils.functional import Promise, cached_property
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData

SELECT = "django/forms/widgets/select.html"
OPTION = "django/forms/widgets/select_option.html"
ATTRS = "django/forms/widgets/attrs.html"
DJANGO_TEMPLATES = Path(django.forms.__file__).parent / "templates"


class FormRenderer(DjangoTemplates):
    """Django's template-based renderer, with a direct path for plain select boxes."""

    @cached_property
    def select_is_djangos(self) -> bool:
        """Whether the select templates in use are Django's own (an app may override them)."""
        return all(
            Path(self.get_template(name).origin.name).is_relative_to(DJANGO_TEMPLATES)
            for name in (SELECT, OPTION, ATTRS)
        )

    def render(self, template_name, context, request=None):
        if template_name == SELECT and self.select_is_djangos:
            html = select_html(context["widget"])
            if html is not None:
                return html
        return super().render(template_name, context, request)


def _text(value) -> str | None:
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
        shown = _text(name)
        if shown is None:
            return None
        parts.append(f" {shown}" if value is True else f' {shown}="{_formatted(value)}"')
    return "".join(parts)


def select_html(widget: dict) -> str | None:
    """What ``select.html`` writes for this widget, or None to leave it to the template."""
    name, attrs = _text(widget["name"]), attrs_html(widget["attrs"])
    if name is None or attrs is None:
        return None
    parts = [f'<select name="{name}"{attrs}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            label = _text(group_name)
            if label is None:
                return None
            parts.append(f'\n  <optgroup label="{label}">')
        for option in group_choices:
            if option["template_name"] != OPTION:
                return None
            label, option_attrs = _text(option["label"]), attrs_html(option["attrs"])
            if label is None or option_attrs is None:
                return None
            value = _formatted(option["value"])
            # select_option.html ends with a line break
            parts.append(f'\n  <option value="{value}"{option_attrs}>{label}</option>\n')
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)

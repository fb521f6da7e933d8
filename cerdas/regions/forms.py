import re
from dataclasses import dataclass
from html import escape

from django import forms
from django.core.exceptions import ValidationError
from django.forms.renderers import get_default_renderer
from django.utils.html import format_html
from django.utils.safestring import SafeData, mark_safe
from django.utils.translation import gettext_lazy as _

from cerdas.core.form_renderer import (
    OPTION,
    SELECT,
    FormRenderer,
    attrs_html,
    text_or_none,
)
from cerdas.regions.models import Province, Region
from cerdas.regions.services import reason_text, resolve_pasted


class _CodesAndNames(forms.models.ModelChoiceIterator):
    """The choices read as (code, name) rows: no Region object is built for each of 514."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for code, name in self.queryset.values_list("code", "name"):
            yield (forms.models.ModelChoiceIteratorValue(code, None), name)


class RegionSelect(forms.Select):
    """Django's select box, written straight from the (code, name) rows.

    Django builds a dictionary for each option before any renderer sees it (514 of them, a
    few milliseconds); this writes what the site's form renderer would write from them,
    byte for byte, whenever that renderer and Django's templates are in use."""

    def render(self, name, value, attrs=None, renderer=None):
        renderer = renderer or get_default_renderer()
        fast = (
            isinstance(renderer, FormRenderer)
            and renderer.select_is_djangos
            and self.template_name == SELECT
            and self.option_template_name == OPTION
            and not self.allow_multiple_selected
        )
        html = self._html(name, value, attrs) if fast else None
        if html is None:
            return super().render(name, value, attrs, renderer)
        return mark_safe(html)  # every text in it is escaped by the renderer's helpers

    def use_required_attribute(self, initial):
        """Django reads the first choice to see whether it is the empty one: a second query
        of the regions when there is no empty label. It is the empty label exactly when the
        field has one (a region's code is never empty)."""
        if not isinstance(self.choices, _CodesAndNames):
            return super().use_required_attribute(initial)
        return forms.Widget.use_required_attribute(self, initial) and (
            self.choices.field.empty_label is not None
        )

    def _html(self, name, value, attrs) -> str | None:
        shown_name = text_or_none(name)
        select_attrs = attrs_html(self.build_attrs(self.attrs, attrs))
        if shown_name is None or select_attrs is None:
            return None
        wanted = self.format_value(value)
        parts = [f'<select name="{shown_name}"{select_attrs}>']
        found = False
        for option_value, label in self.choices:
            if isinstance(label, list | tuple):
                return None  # groups: Django's way
            value_text = "" if option_value is None else str(option_value)
            # Plain names and codes (all but the empty label) escaped as a template does.
            text = escape(label) if type(label) is str else text_or_none(label)
            if text is None or isinstance(option_value, SafeData):
                return None
            selected = not found and value_text in wanted
            found = found or selected
            shown = escape(value_text)
            mark = " selected" if selected else ""
            parts.append(f'\n  <option value="{shown}"{mark}>{text}</option>\n')
        parts.append("\n</select>")
        return "".join(parts)


class RegionChoiceField(forms.ModelChoiceField):
    """A region picked from a list (by name, as ``str(region)`` shows it); the list is read
    as codes and names only. The chosen region is still a Region, checked against the
    queryset."""

    iterator = _CodesAndNames
    widget = RegionSelect


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or code"), required=False, max_length=100)
    province = forms.ModelChoiceField(
        label=_("Province"), queryset=Province.objects.all(), required=False, empty_label=_("All")
    )
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("All")), *Region.Kind.choices], required=False
    )


# Names are written one per line; commas and semicolons also separate them.
_SEPARATORS = re.compile(r"[\n;,]+")


@dataclass(frozen=True)
class Choice:
    code: str
    name: str
    province: str
    why: str


@dataclass(frozen=True)
class Question:
    """A name that fits several regions: the person picks one of ``choices``."""

    index: int
    name: str
    choices: list[Choice]
    picked: str = ""


class RegionPicker(forms.Widget):
    """A text box for region names, and one set of options per name that fits several.

    Its value is ``{"text": ..., "picks": {line number: code}}``; a list of codes (the
    initial value) is written back as "Kota Kupang (53.71)" lines, which resolve to
    themselves.
    """

    template_name = "regions/widgets/region_picker.html"

    def __init__(self, attrs=None, rows: int = 4):
        super().__init__({"rows": rows, **(attrs or {})})
        self.questions: list[Question] = []

    def value_from_datadict(self, data, files, name):
        prefix = f"{name}_pick_"
        picks = {
            int(key[len(prefix) :]): data.get(key, "")
            for key in data
            if key.startswith(prefix) and key[len(prefix) :].isdigit()
        }
        return {"text": data.get(name, ""), "picks": picks}

    def value_omitted_from_data(self, data, files, name):
        return name not in data

    def format_value(self, value):
        if isinstance(value, dict):
            return value.get("text", "")
        if isinstance(value, (list, tuple)):
            found = Region.objects.in_bulk(list(value))
            return "\n".join(
                f"{found[code].name} ({code})" if code in found else code for code in value
            )
        return value or ""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["questions"] = self.questions
        return context


class RegionsField(forms.Field):
    """Regions named the way people write them, resolved to Kemendagri codes.

    A name that fits several regions ("Kupang": the kabupaten or the kota) comes back with
    its candidates to pick from; an unknown name comes back with what to do. Nothing is
    guessed: the form stays invalid until every name is settled. ``cleaned_data`` is the
    list of codes, in the order written, each once.
    """

    widget = RegionPicker
    default_error_messages = {
        "required": _("Name at least one region."),
        "too_many": _("Name at most %(max)s regions."),
        "single": _("Name one region only."),
        "pick": _("“%(name)s” fits more than one region: pick the one you mean below."),
        "unknown": _("No region is called “%(name)s”: check the spelling or write its code."),
    }

    def __init__(self, *, max_regions: int | None = None, **kwargs):
        self.max_regions = max_regions
        kwargs.setdefault(
            "help_text",
            _(
                "One region per line, as written (name or Kemendagri code). "
                "Names that fit more than one region are offered to pick."
            ),
        )
        super().__init__(**kwargs)

    def to_python(self, value) -> tuple[list[str], dict[int, str]]:
        if isinstance(value, (list, tuple)):
            return [str(code) for code in value], {}
        value = value or {}
        text = value.get("text", "") if isinstance(value, dict) else str(value)
        lines = [line.strip() for line in _SEPARATORS.split(text) if line.strip()]
        return lines, (value.get("picks", {}) if isinstance(value, dict) else {})

    def validate(self, value):
        lines, _picks = value
        if self.required and not lines:
            raise ValidationError(self.error_messages["required"], code="required")
        if self.max_regions == 1 and len(lines) > 1:
            raise ValidationError(self.error_messages["single"], code="single")
        if self.max_regions is not None and len(lines) > self.max_regions:
            raise ValidationError(
                self.error_messages["too_many"], code="too_many", params={"max": self.max_regions}
            )

    def clean(self, value) -> list[str]:
        lines, picks = self.to_python(value)
        self.validate((lines, picks))
        pasted = resolve_pasted(lines, pick=lambda index: picks.get(index, ""))
        self.widget.questions = _questions(pasted.to_pick, picks)
        errors = [
            ValidationError(
                self.error_messages["pick" if result.candidates else "unknown"],
                code="pick" if result.candidates else "unknown",
                params={"name": result.query},
            )
            for _index, result in pasted.open
        ]
        if errors:
            raise ValidationError(errors)
        return list(dict.fromkeys(pasted.codes))

    def has_changed(self, initial, data):
        lines, picks = self.to_python(data)
        settled = resolve_pasted(lines, pick=lambda index: picks.get(index, ""))
        return bool(settled.open) or settled.codes != list(initial or [])


def _province_choices() -> list[tuple[str, str]]:
    return [(p.code, p.name) for p in Province.objects.order_by("code")]


class ProvinceCheckboxes(forms.CheckboxSelectMultiple):
    """Django's ticks in a ``province-list`` box (the site's form renderer writes the ticks
    without a template include each: 38 of them cost several milliseconds that way)."""

    def render(self, name, value, attrs=None, renderer=None):
        ticks = super().render(name, value, attrs, renderer)
        return format_html('<div class="province-list">{}\n</div>', ticks)


class ProvincesField(forms.MultipleChoiceField):
    """Provinces ticked in a list of all 38, instead of codes typed from memory."""

    widget = ProvinceCheckboxes

    def __init__(self, **kwargs):
        super().__init__(choices=_province_choices, **kwargs)


def _questions(to_pick, picks) -> list[Question]:
    """The names still to pick, each with its candidates' names, provinces and why."""
    codes = {c.code for _index, result in to_pick for c in result.candidates}
    regions = Region.objects.select_related("province").in_bulk(list(codes))
    return [
        Question(
            index=index,
            name=result.query,
            choices=[
                Choice(
                    code=c.code,
                    name=c.name,
                    province=regions[c.code].province.name if c.code in regions else "",
                    why=reason_text(c.reason),
                )
                for c in result.candidates
            ],
            picked=picks.get(index, ""),
        )
        for index, result in to_pick
    ]

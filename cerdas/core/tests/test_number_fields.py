"""Every form in Cerdas reads numbers and dates through core's fields, never Django's bare ones."""

import importlib
import inspect
import re
from pathlib import Path

from django import forms

from cerdas.core import forms as bounded

PACKAGE = Path(__file__).resolve().parents[2]
BARE = re.compile(
    r"forms\.(IntegerField|DecimalField|FloatField|DateField|DateTimeField|"
    r"ModelMultipleChoiceField)\("
)


def form_modules():
    for path in sorted(PACKAGE.glob("*/forms.py")):
        if path.parent.name != "core":
            yield path, importlib.import_module(f"cerdas.{path.parent.name}.forms")


def test_no_form_module_builds_a_bare_django_number_or_date_field():
    found = [
        f"{path.relative_to(PACKAGE)}: {match.group(0)}"
        for path, _module in form_modules()
        for match in BARE.finditer(path.read_text())
    ]
    assert not found, found


def test_every_model_form_takes_its_fields_from_formfield_for():
    missing = [
        f"{module.__name__}.{name}"
        for _path, module in form_modules()
        for name, cls in inspect.getmembers(module, inspect.isclass)
        if issubclass(cls, forms.ModelForm)
        and cls.__module__ == module.__name__
        and getattr(cls._meta, "formfield_callback", None) is not bounded.formfield_for
    ]
    assert not missing, missing


def test_every_declared_number_and_date_field_is_cores():
    bare = (forms.IntegerField, forms.FloatField, forms.DateField, forms.DateTimeField)
    wrong = [
        f"{module.__name__}.{name}.{field_name}"
        for _path, module in form_modules()
        for name, cls in inspect.getmembers(module, inspect.isclass)
        if issubclass(cls, forms.BaseForm) and cls.__module__ == module.__name__
        for field_name, field in cls.base_fields.items()
        if isinstance(field, bare)
        and not isinstance(field, bounded.NUMBER_FIELDS + bounded.DATE_FIELDS)
    ]
    assert not wrong, wrong


def test_no_template_uses_a_browser_number_input():
    found = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.html")
        if 'type="number"' in path.read_text()
    ]
    assert not found, found

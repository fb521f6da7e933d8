"""Form fields for numbers and dates as Indonesians type them, with bounds every store holds.

Every number field in Cerdas is one of these, so ``500.000.000`` typed in a budget is five
hundred million (never 500), ``1,5`` is one and a half, and a number too large for the
database, a spreadsheet or a JSON client is refused with a message instead of breaking a
page later. They render as ``<input type="text" inputmode="decimal">`` (the phone shows its
number keys, the browser does not rewrite what was typed), show the value in the page's
notation (``1.500.000`` in Indonesian, plain ``1500000`` in English) and keep the text a
person typed when it is refused.

- ``IntegerField(min_value=, max_value=, grouping=True)``: whole numbers; ``grouping=False``
  for years and other numbers shown without thousands separators.
- ``YearField()``: a year between 1900 and 2100, shown as ``2019``.
- ``RupiahField(max_value=)``: whole Rupiah, 0 or more; ``Rp 1.500.000`` is accepted.
- ``DecimalField(max_digits=, decimal_places=)``: bounds follow the digits by default.
- ``FloatField(places=6)``: a finite number with at most ``places`` decimals.
- ``DateField`` / ``DateTimeField``: between 1900 and 2100 (a date in year 1 or 9999 breaks
  time-zone arithmetic).
- ``formfield_for``: a ModelForm's ``Meta.formfield_callback`` that builds all of the above
  from model fields, with the bounds of the database column:
  ``class Meta: formfield_callback = formfield_for``.
"""

import datetime
import math
from decimal import Decimal

from django import forms
from django.core import validators
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from cerdas.core import numbers
from cerdas.core.numbers import LARGEST

EARLIEST_DATE = datetime.date(1900, 1, 1)
LATEST_DATE = datetime.date(2100, 12, 31)
MIN_YEAR, MAX_YEAR = EARLIEST_DATE.year, LATEST_DATE.year

# What each integer column holds on SQLite and PostgreSQL, capped by what spreadsheets and
# JSON clients read exactly (LARGEST).
INTEGER_RANGES = {
    "SmallIntegerField": (-32768, 32767),
    "PositiveSmallIntegerField": (0, 32767),
    "IntegerField": (-(2**31), 2**31 - 1),
    "PositiveIntegerField": (0, 2**31 - 1),
    "BigIntegerField": (-LARGEST, LARGEST),
    "PositiveBigIntegerField": (0, LARGEST),
}


def english() -> bool:
    return (get_language() or "id").startswith("en")


class NumberInput(forms.TextInput):
    """A text input that phones open on their number keys; numbers shown as the page writes.

    ``places`` is how many decimals a number may show (trailing zeros dropped); English pages
    show numbers without thousands separators so that they can be edited plainly.
    """

    def __init__(self, attrs=None, *, places: int = 0, grouping: bool = True):
        super().__init__({"inputmode": "decimal", "autocomplete": "off", **(attrs or {})})
        self.places = places
        self.grouping = grouping

    def format_value(self, value):
        if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
            places = numbers.shown_places(value, self.places)
            return numbers.show(value, places, grouping=self.grouping and not english()) or None
        return super().format_value(value)


class _Bounds:
    """Bounds checked when the text is read, with limits shown in the page's notation.

    Django's own min/max validators are dropped: they would show ``10000000000000``.
    """

    currency = False
    places = 0

    def bounded(self, minimum, maximum):
        self.min_value, self.max_value = minimum, maximum
        self.validators = [
            v
            for v in self.validators
            if not isinstance(v, validators.MinValueValidator | validators.MaxValueValidator)
        ]

    def read(self, value):
        """The number in ``value``; a field's own ``min_value``/``max_value`` messages win."""
        try:
            if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
                number = value
            else:
                number = numbers.read(
                    value,
                    places=self.places,
                    currency=self.currency,
                    negative=self.min_value < 0,
                )
            numbers.check_range(
                number, self.min_value, self.max_value, places=self.places, currency=self.currency
            )
        except ValidationError as error:
            code = "min_value" if error.code == "negative" else error.code
            if code in ("min_value", "max_value") and code in self.error_messages:
                limit = self.min_value if code == "min_value" else self.max_value
                shown = numbers.show(limit, self.places)
                raise ValidationError(
                    self.error_messages[code], code=code, params={"limit_value": shown}
                ) from error
            raise
        return number

    def widget_attrs(self, widget):
        # No min/max/step attributes: the browser must not judge (or rewrite) the text.
        return forms.Field.widget_attrs(self, widget)


class IntegerField(_Bounds, forms.IntegerField):
    """A whole number in Indonesian or plain notation, within bounds (default ±LARGEST)."""

    def __init__(
        self, *, min_value=None, max_value=None, grouping: bool = True, widget=None, **kwargs
    ):
        low = max(-LARGEST, min_value) if min_value is not None else -LARGEST
        high = min(LARGEST, max_value) if max_value is not None else LARGEST
        if widget is None or (isinstance(widget, type) and issubclass(widget, NumberInput)):
            widget = NumberInput(grouping=grouping)
        super().__init__(widget=widget, **kwargs)
        self.bounded(low, high)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, float | Decimal) and (not math.isfinite(value) or value != int(value)):
            raise ValidationError(_("Enter a whole number."), code="invalid")
        number = self.read(value)
        return int(number)


class YearField(IntegerField):
    """A year between 1900 and 2100 (or narrower bounds), shown as written: 2019, not 2.019."""

    def __init__(self, *, min_value=MIN_YEAR, max_value=MAX_YEAR, **kwargs):
        low = max(MIN_YEAR, MIN_YEAR if min_value is None else min_value)
        high = min(MAX_YEAR, MAX_YEAR if max_value is None else max_value)
        kwargs.pop("grouping", None)
        super().__init__(min_value=low, max_value=high, grouping=False, **kwargs)


class RupiahField(IntegerField):
    """Whole Rupiah, 0 or more: ``1.500.000``, ``Rp 1.500.000`` or ``1500000``."""

    currency = True

    def __init__(self, *, min_value=0, max_value=LARGEST, **kwargs):
        super().__init__(min_value=min_value, max_value=max_value, **kwargs)


class DecimalField(_Bounds, forms.DecimalField):
    """A decimal number (``1.500.000,50``) within what ``max_digits`` holds."""

    def __init__(
        self,
        *,
        max_digits: int = 16,
        decimal_places: int = 2,
        min_value=None,
        max_value=None,
        grouping: bool = True,
        widget=None,
        **kwargs,
    ):
        largest = numbers.decimal_limit(max_digits, decimal_places)
        low = max(-largest, Decimal(str(min_value))) if min_value is not None else -largest
        high = min(largest, Decimal(str(max_value))) if max_value is not None else largest
        if widget is None or (isinstance(widget, type) and issubclass(widget, NumberInput)):
            widget = NumberInput(places=decimal_places, grouping=grouping)
        super().__init__(
            max_digits=max_digits, decimal_places=decimal_places, widget=widget, **kwargs
        )
        self.places = decimal_places
        self.bounded(low, high)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, float):
            value = Decimal(str(value))
        return Decimal(self.read(value))


class FloatField(_Bounds, forms.FloatField):
    """A finite number with at most ``places`` decimals, read as Indonesians write it."""

    def __init__(self, *, places: int = 6, min_value=None, max_value=None, widget=None, **kwargs):
        low = max(-LARGEST, min_value) if min_value is not None else -LARGEST
        high = min(LARGEST, max_value) if max_value is not None else LARGEST
        if widget is None or (isinstance(widget, type) and issubclass(widget, NumberInput)):
            widget = NumberInput(places=places)
        super().__init__(widget=widget, **kwargs)
        self.places = places
        self.bounded(low, high)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, float) and not math.isfinite(value):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return float(self.read(value))


def _date_bounds(value, earliest, latest):
    day = value.date() if isinstance(value, datetime.datetime) else value
    if day is not None and not earliest <= day <= latest:
        raise ValidationError(
            _("Enter a date between %(first)s and %(last)s.")
            % {"first": earliest.isoformat(), "last": latest.isoformat()},
            code="date_range",
        )


class DateField(forms.DateField):
    """A date between 1 January 1900 and 31 December 2100."""

    def __init__(self, *, earliest=EARLIEST_DATE, latest=LATEST_DATE, **kwargs):
        super().__init__(**kwargs)
        self.validators.append(lambda value: _date_bounds(value, earliest, latest))


class DateTimeField(forms.DateTimeField):
    """A date and time between 1900 and 2100."""

    def __init__(self, *, earliest=EARLIEST_DATE, latest=LATEST_DATE, **kwargs):
        super().__init__(**kwargs)
        self.validators.append(lambda value: _date_bounds(value, earliest, latest))

    def to_python(self, value):
        try:
            return super().to_python(value)
        except OverflowError as error:  # a time zone pushing year 1 or 9999 out of range
            raise ValidationError(self.error_messages["invalid"], code="invalid") from error


def _model_limits(db_field, low, high):
    for validator in db_field.validators:
        if isinstance(validator, validators.MinValueValidator):
            low = max(low, validator.limit_value)
        elif isinstance(validator, validators.MaxValueValidator):
            high = min(high, validator.limit_value)
    return low, high


def formfield_for(db_field, **kwargs):
    """The form field for a model field: Cerdas' number and date fields, with column bounds.

    Use as ``Meta.formfield_callback`` of every ModelForm (and ``formfield_callback=`` of
    model formset factories).
    """
    if db_field.choices:
        return db_field.formfield(**kwargs)
    kind = db_field.get_internal_type()
    if kind in INTEGER_RANGES:
        low, high = _model_limits(db_field, *INTEGER_RANGES[kind])
        kwargs = {"form_class": IntegerField, "min_value": low, "max_value": high, **kwargs}
    elif kind == "DecimalField":
        low, high = _model_limits(db_field, None, None)
        kwargs = {"form_class": DecimalField, "min_value": low, "max_value": high, **kwargs}
    elif kind == "FloatField":
        low, high = _model_limits(db_field, -LARGEST, LARGEST)
        kwargs = {"form_class": FloatField, "min_value": low, "max_value": high, **kwargs}
    elif kind == "DateField":
        kwargs = {"form_class": DateField, **kwargs}
    elif kind == "DateTimeField":
        kwargs = {"form_class": DateTimeField, **kwargs}
    elif kind == "ManyToManyField":
        kwargs = {"form_class": ModelMultipleChoiceField, **kwargs}
    return db_field.formfield(**kwargs)


# What a test can check every form's fields against.
NUMBER_FIELDS = (IntegerField, DecimalField, FloatField)
DATE_FIELDS = (DateField, DateTimeField)
__all__ = [
    "DATE_FIELDS",
    "NUMBER_FIELDS",
    "DateField",
    "DateTimeField",
    "DecimalField",
    "FloatField",
    "IntegerField",
    "ModelMultipleChoiceField",
    "NumberInput",
    "RupiahField",
    "YearField",
    "formfield_for",
]


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's, refusing ids no database column holds before they reach a query.

    Django checks a single id against the column's range, but not a list: one posted id of
    thirty digits made the ``IN (...)`` query fail (a 500 on SQLite and PostgreSQL).
    """

    def _check_values(self, value):
        pk = self.queryset.model._meta.pk
        if pk.get_internal_type() in INTEGER_RANGES or pk.get_internal_type() in (
            "AutoField",
            "BigAutoField",
            "SmallAutoField",
        ):
            for item in value:
                text = str(item).strip()
                if not text.lstrip("-").isdigit() or not -(2**63) < int(text) < 2**63:
                    raise ValidationError(
                        self.error_messages["invalid_pk_value"],
                        code="invalid_pk_value",
                        params={"pk": text[:40]},
                    )
        return super()._check_values(value)

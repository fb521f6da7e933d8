# ruff: noqa: RUF001 - en dashes in year ranges are intended typography
from django import forms
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from cerdas.cohorts.models import Cohort
from cerdas.core import forms as bounded
from cerdas.core.forms import formfield_for
from cerdas.masterplans.models import (
    MAX_BUDGET,
    MAX_BUDGET_ROWS,
    MAX_INDICATORS,
    MAX_PERIOD_YEARS,
    MAX_YEAR,
    MEASURE_DIGITS,
    MEASURE_PLACES,
    MIN_YEAR,
    Budget,
    Dimension,
    Element,
    Horizon,
    Program,
    Section,
)
from cerdas.masterplans.sections import fields_for
from cerdas.regions.forms import RegionChoiceField
from cerdas.regions.models import Agency, Region


class MasterplanForm(forms.Form):
    region = RegionChoiceField(Region.objects.none(), label=_("Region"))
    title = forms.CharField(label=_("Title"), max_length=200)
    period_start = bounded.YearField(label=_("First year"), min_value=MIN_YEAR, max_value=MAX_YEAR)
    period_end = bounded.YearField(label=_("Last year"), min_value=MIN_YEAR, max_value=MAX_YEAR)
    cohort = forms.ModelChoiceField(
        Cohort.objects.none(),
        label=_("Cohort"),
        required=False,
        empty_label=_("No cohort"),
        help_text=_("The cohort of Gerakan Menuju 100 Smart City the plan was written in, if any."),
    )

    def __init__(self, *args, regions, only_region=None, **kwargs):
        """``regions``: where the user may start a plan; ``only_region``: the one region, when
        there is just one (it is chosen already)."""
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions
        self.fields["cohort"].queryset = (
            Cohort.objects.filter(memberships__region__in=regions).distinct().order_by("-year")
        )
        self.fields["region"].initial = only_region

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and not start <= end < start + MAX_PERIOD_YEARS:
            raise forms.ValidationError(
                _("The plan covers one to ten years: the last year is at most %(last)s.")
                % {"last": start + MAX_PERIOD_YEARS - 1}
            )
        return data


class CohortForm(forms.Form):
    """Tie a plan to one of the cohorts its region is or was a member of."""

    cohort = forms.ModelChoiceField(
        Cohort.objects.none(), label=_("Cohort"), required=False, empty_label=_("No cohort")
    )

    def __init__(self, *args, cohorts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cohort"].queryset = cohorts


class SectionForm(forms.Form):
    """The fields of one section, plus the version it was loaded at."""

    version = bounded.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**31 - 1)

    def __init__(self, *args, kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.groups: list[tuple[str, list]] = []
        for field in fields_for(kind):
            self.fields[field.name] = forms.CharField(
                label=field.label,
                help_text=field.help,
                required=False,
                max_length=20_000,
                widget=forms.Textarea(attrs={"rows": 4 if kind != Section.Kind.READINESS else 3}),
            )
            if not self.groups or self.groups[-1][0] != field.group:
                self.groups.append((field.group, []))
            self.groups[-1][1].append(field.name)

    def grouped(self):
        return [(group, [self[name] for name in names]) for group, names in self.groups]

    def texts(self) -> dict:
        return {name: value for name, value in self.cleaned_data.items() if name != "version"}


class ProgramForm(forms.ModelForm):
    version = bounded.IntegerField(
        widget=forms.HiddenInput, required=False, min_value=1, max_value=2**31 - 1
    )

    class Meta:
        model = Program
        fields = [
            "name",
            "description",
            "dimension",
            "element",
            "horizon",
            "start_year",
            "end_year",
            "agency",
            "partners",
            "citizen_benefit",
            "rpjmd_program",
            "renstra_program",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "citizen_benefit": forms.Textarea(attrs={"rows": 2}),
        }
        field_classes = {"start_year": bounded.YearField, "end_year": bounded.YearField}
        formfield_callback = formfield_for

    def __init__(self, *args, masterplan, **kwargs):
        super().__init__(*args, **kwargs)
        self.masterplan = masterplan
        self.fields["agency"].queryset = Agency.objects.filter(region_id=masterplan.region_id)
        self.fields["dimension"].queryset = Dimension.objects.all()
        self.fields["element"].queryset = Element.objects.select_related("dimension")
        self.fields["element"].label_from_instance = lambda e: f"{e.dimension.name}: {e.label}"
        self.fields["dimension"].label_from_instance = lambda d: d.name

    def clean(self):
        data = super().clean()
        start, end = data.get("start_year"), data.get("end_year")
        plan = self.masterplan
        if start and end:
            if start > end:
                self.add_error("end_year", _("The last year comes after the first year."))
            elif not plan.period_start <= start <= end <= plan.period_end:
                self.add_error(
                    "end_year",
                    _("Years must lie within the plan period, %(start)s–%(end)s.")
                    % {"start": plan.period_start, "end": plan.period_end},
                )
            elif data.get("horizon") == Horizon.QUICK_WIN and end - start + 1 > 2:
                self.add_error("end_year", _("A quick win is done within two years."))
        element, dimension = data.get("element"), data.get("dimension")
        if element and dimension and element.dimension_id != dimension.pk:
            self.add_error("element", _("Choose an element of the program's dimension."))
        return data

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class BudgetForm(forms.Form):
    """One year's estimate from one source; a row without an amount is an empty row."""

    year = bounded.YearField(label=_("Year"), min_value=MIN_YEAR, max_value=MAX_YEAR)
    # An empty first choice, so the empty extra rows submit nothing and are skipped.
    source = forms.ChoiceField(label=_("Source"), choices=[("", "—"), *Budget.Source.choices])
    amount = bounded.RupiahField(
        label=_("Amount (Rp)"),
        max_value=MAX_BUDGET,
        error_messages={
            "min_value": _("A budget cannot be negative."),
            "max_value": _("That is more than Rp 10 trillion: check the number of zeros."),
        },
    )

    def has_changed(self):
        # Offered rows come with their year and a source filled in: only an amount (or a
        # tick in "delete") makes one a row to save.
        return bool(self.data.get(self.add_prefix("amount"), "").strip()) or bool(
            self.data.get(self.add_prefix("DELETE"))
        )


class IndicatorForm(forms.Form):
    name = forms.CharField(label=_("Indicator"), max_length=200)
    unit = forms.CharField(label=_("Unit"), max_length=40, required=False)
    baseline = bounded.DecimalField(
        label=_("Baseline"),
        max_digits=MEASURE_DIGITS,
        decimal_places=MEASURE_PLACES,
        required=False,
    )
    target = bounded.DecimalField(
        label=_("Target"), max_digits=MEASURE_DIGITS, decimal_places=MEASURE_PLACES
    )


class BaseBudgetFormSet(forms.BaseFormSet):
    """A program's budget rows: one row offered for each year of ``offer`` not yet filled.

    ``offer`` is the years a new row may be for (the program's years, or the plan's for a
    new program). Without JavaScript a person adds a row with the "add a row" button, which
    posts the form back with one more row; ``static/masterplans/formset-rows.js`` adds it on
    the page instead.
    """

    def __init__(self, *args, program_years=None, offer=(), **kwargs):
        initial = kwargs.get("initial") or []
        taken = {row["year"] for row in initial}
        self.offered = [year for year in offer if year not in taken][: self.max_num]
        self.extra = max(1, len(self.offered))
        super().__init__(*args, **kwargs)
        self.program_years = program_years

    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        if index is None:  # the empty form that JavaScript copies
            return kwargs
        position = index - len(self.initial or [])
        if 0 <= position < len(self.offered):
            kwargs["initial"] = {"year": self.offered[position], "source": Budget.Source.APBD}
        return kwargs

    @property
    def can_add(self) -> bool:
        return self.total_form_count() < self.max_num

    @staticmethod
    def with_another_row(data, prefix: str = "budget"):
        """The posted form data with one more (empty) row, up to the most allowed."""
        data = data.copy()
        key = f"{prefix}-TOTAL_FORMS"
        try:
            total = int(data.get(key, 0))
        except ValueError:
            total = 0
        data[key] = str(min(max(total, 0) + 1, MAX_BUDGET_ROWS))
        return data

    def clean(self):
        if any(self.errors) or not self.program_years:
            return
        start, end = self.program_years
        for form in self.forms:
            year = form.cleaned_data.get("year")
            if year and not start <= year <= end and not form.cleaned_data.get("DELETE"):
                form.add_error(
                    "year",
                    _("Budget years lie within the program's years, %(start)s–%(end)s.")
                    % {"start": start, "end": end},
                )
                raise forms.ValidationError(_("Some budget years are outside the program."))

    def rows(self) -> list[dict]:
        return [
            f.cleaned_data
            for f in self.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]


class BaseIndicatorFormSet(forms.BaseFormSet):
    def rows(self) -> list[dict]:
        return [
            f.cleaned_data
            for f in self.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]


BudgetFormSet = formset_factory(
    BudgetForm,
    BaseBudgetFormSet,
    extra=3,
    can_delete=True,
    max_num=MAX_BUDGET_ROWS,
    validate_max=True,
)
IndicatorFormSet = formset_factory(
    IndicatorForm,
    BaseIndicatorFormSet,
    extra=2,
    can_delete=True,
    max_num=MAX_INDICATORS,
    validate_max=True,
)


class CommentForm(forms.Form):
    text = forms.CharField(
        label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )
    target = forms.ChoiceField(label=_("About"), required=False)

    def __init__(self, *args, masterplan, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("The whole plan"))]
        choices += [(f"section:{k}", label) for k, label in Section.Kind.choices]
        choices += [(f"program:{p.pk}", p.name) for p in masterplan.programs.all()]
        self.fields["target"].choices = choices


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Programs workbook (XLSX)"),
        help_text=_("Download the programs as XLSX to get a workbook in the expected layout."),
    )


class StepForm(forms.Form):
    """Confirms a review step on its check-your-answers page; a withdrawal says why."""

    confirmed = forms.BooleanField(widget=forms.HiddenInput, initial=True)
    reason = forms.CharField(
        label=_("Why the plan is withdrawn"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("Kept in the plan's history for the reviewers and the program office."),
        error_messages={"required": _("Say why the plan is withdrawn.")},
    )

    def __init__(self, *args, needs_reason: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not needs_reason:
            del self.fields["reason"]

from django import forms
from django.utils.translation import gettext_lazy as _

from cerdas.accounts.models import User
from cerdas.assessments.models import Framework, Indicator, Round
from cerdas.core import forms as bounded
from cerdas.core.forms import formfield_for
from cerdas.core.uploads import check_document
from cerdas.lib import document_types
from cerdas.regions.forms import ProvincesField, RegionPicker, RegionsField

EVIDENCE_MAX_BYTES = 10 * 1024 * 1024
EVIDENCE_KINDS = (
    document_types.PDF,
    document_types.JPEG,
    document_types.PNG,
    document_types.DOCX,
    document_types.XLSX,
)


class RegionRulesMixin:
    """Eastern provinces ticked in a list and excluded regions named through the region
    picker, stored as the round keeps them (comma- and space-separated codes)."""

    def _set_region_rule_initial(self):
        instance = self.instance
        if not self.is_bound:
            self.initial["eastern_provinces"] = sorted(instance.eastern_codes())
            self.initial["excluded_codes"] = sorted(instance.extra_excluded())

    def clean_eastern_provinces(self):
        return ",".join(sorted(self.cleaned_data["eastern_provinces"]))

    def clean_excluded_codes(self):
        return " ".join(self.cleaned_data["excluded_codes"])


def _eastern_field():
    return ProvincesField(
        label=_("Eastern Indonesia (for reserved places)"),
        required=False,
        help_text=_("Tick the provinces whose regions may take the places reserved for the east."),
    )


def _excluded_field():
    return RegionsField(
        label=_("Other regions to exclude"),
        required=False,
        widget=RegionPicker(rows=2),
        help_text=_(
            "Regions of earlier cohorts are excluded automatically; name others here, one per "
            "line (name or Kemendagri code)."
        ),
    )


class RoundForm(RegionRulesMixin, forms.ModelForm):
    eastern_provinces = _eastern_field()
    excluded_codes = _excluded_field()

    class Meta:
        model = Round
        fields = [
            "name",
            "name_en",
            "slug",
            "purpose",
            "framework",
            "year",
            "opens_on",
            "deadline",
            "cohort_size",
            "province_cap",
            "reserved_places",
            "eastern_provinces",
            "minimum_dimension_score",
            "excluded_codes",
            "waitlist_size",
        ]
        widgets = {
            "opens_on": forms.DateInput(attrs={"type": "date"}),
            "deadline": forms.DateTimeInput(attrs={"type": "datetime-local"}),
        }
        field_classes = {"year": bounded.YearField}
        formfield_callback = formfield_for

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._set_region_rule_initial()


class InviteForm(forms.Form):
    names = RegionsField(label=_("Regions to invite"), widget=RegionPicker(rows=6))


class AssignForm(forms.Form):
    assessor = forms.ModelChoiceField(
        label=_("Assessor"), queryset=User.objects.filter(role=User.Role.ASSESSOR, is_active=True)
    )
    regions = forms.MultipleChoiceField(label=_("Regions"), widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, round_=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Read when the form is drawn or checked, not built: a kept page draws it rarely.
        self.fields["regions"].choices = lambda: [
            (code, f"{code} {name}")
            for code, name in round_.participants.order_by("region_id").values_list(
                "region_id", "region__name"
            )
        ]


class OverrideForm(forms.Form):
    """A confirmed step; while data are missing, only with the override ticked and a reason.

    ``confirmed`` is carried by the confirmation page's own form: a POST from anywhere else
    (the old one-click buttons) is refused by the service.
    """

    confirmed = forms.BooleanField(widget=forms.HiddenInput, initial=True)
    override = forms.BooleanField(
        label=_("Go on although data are missing"),
        required=False,
        help_text=_(
            "The missing data and your reason are kept in the audit log and shown on "
            "the round's page."
        ),
    )
    override_reason = forms.CharField(
        label=_("Why it is right to go on without these data"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, needs_override: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.needs_override = needs_override
        if not needs_override:
            del self.fields["override"]
            del self.fields["override_reason"]

    def clean(self):
        data = super().clean()
        if self.needs_override:
            if not data.get("override"):
                self.add_error(
                    "override",
                    _("Data are missing: complete them first, or tick this to go on anyway."),
                )
            if not (data.get("override_reason") or "").strip():
                self.add_error(
                    "override_reason", _("Say why it is right to go on without these data.")
                )
        return data

    def given_override_reason(self) -> str:
        return (self.cleaned_data.get("override_reason") or "").strip()


class FinaliseForm(OverrideForm):
    regions = forms.MultipleChoiceField(
        label=_("Regions in the cohort"), widget=forms.CheckboxSelectMultiple
    )
    name = forms.CharField(label=_("Cohort name"), max_length=200)
    reason = forms.CharField(
        label=_("Reason for this selection"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Why this list: say so especially where it differs from the proposal."),
    )

    field_order = ["regions", "name", "reason", "override", "override_reason"]

    def __init__(self, *args, rows=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["regions"].choices = [(row["region"].code, row["region"].name) for row in rows]


class SourceForm(forms.Form):
    """Which of the round's indicators each figure of a source fills (or none)."""

    def __init__(self, *args, figures, choices, **kwargs):
        super().__init__(*args, **kwargs)
        options = [("", _("Not taken")), *choices]
        for code, label in figures:
            self.fields[f"figure-{code}"] = forms.ChoiceField(
                label=label, choices=options, required=False
            )
        self.figures = [code for code, _label in figures]

    def mapping(self) -> dict[str, str]:
        return {code: self.cleaned_data.get(f"figure-{code}", "") for code in self.figures}


class UploadForm(forms.Form):
    file = forms.FileField(label=_("CSV or XLSX file"), help_text=_("At most 5 MB."))

    def clean_file(self):
        from cerdas.assessments.importing import MAX_BYTES

        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                _("The file is larger than 5 MB: split it and upload the parts one by one.")
            )
        return upload


def check_evidence(upload) -> str:
    """The content type to record for an evidence upload, or a ValidationError saying why not.

    The extension must be one we accept and the content must really be of that type
    (magic bytes, and the package layout for DOCX/XLSX, which are looked into for archive
    bombs, macros and programs): a renamed program is refused.
    """
    kind = check_document(upload, allowed=EVIDENCE_KINDS, max_bytes=EVIDENCE_MAX_BYTES)
    return document_types.CONTENT_TYPES[kind]


class WeightsForm(forms.Form):
    """A framework's dimension and indicator weights, in percent."""

    normalise = forms.BooleanField(
        label=_("Scale the weights so each level adds up to 100%"), required=False
    )

    def __init__(self, *args, framework: Framework, **kwargs):
        super().__init__(*args, **kwargs)
        self.groups = []
        for dimension in framework.dimensions.prefetch_related("indicators"):
            key = f"d{dimension.pk}"
            self.fields[key] = bounded.DecimalField(
                label=dimension.label,
                min_value=0,
                max_value=100,
                max_digits=6,
                decimal_places=2,
                initial=dimension.weight,
            )
            keys = []
            for indicator in dimension.indicators.all():
                field = f"i{indicator.pk}"
                self.fields[field] = bounded.DecimalField(
                    label=indicator.label,
                    min_value=0,
                    max_value=100,
                    max_digits=6,
                    decimal_places=2,
                    initial=indicator.weight,
                )
                keys.append(field)
            self.groups.append((dimension, key, keys))


class FrameworkMethodForm(forms.ModelForm):
    """How a framework scores: normalisation, missing data, assessor scores."""

    class Meta:
        model = Framework
        fields = [
            "name",
            "name_en",
            "description",
            "description_en",
            "assumptions",
            "assumptions_en",
            "normalisation",
            "missing_policy",
            "aggregation",
            "disagreement_share",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "description_en": forms.Textarea(attrs={"rows": 3}),
            "assumptions": forms.Textarea(attrs={"rows": 3}),
            "assumptions_en": forms.Textarea(attrs={"rows": 3}),
        }
        formfield_callback = formfield_for

    def clean_disagreement_share(self):
        share = self.cleaned_data["disagreement_share"]
        if not 0 < share <= 1:
            raise forms.ValidationError(_("Enter a share between 0 and 1, such as 0.25."))
        return share


class IndicatorForm(forms.ModelForm):
    """One indicator: what it measures, its weight in its dimension, its kind and scale."""

    dimension = forms.ChoiceField(label=_("Dimension"))

    class Meta:
        model = Indicator
        fields = [
            "code",
            "name",
            "name_en",
            "question",
            "question_en",
            "weight",
            "kind",
            "direction",
            "unit",
            "source",
            "scale_min",
            "scale_max",
            "evidence_required",
        ]
        widgets = {
            "question": forms.Textarea(attrs={"rows": 2}),
            "question_en": forms.Textarea(attrs={"rows": 2}),
        }
        formfield_callback = formfield_for
        help_texts = {
            "code": _(
                "Lower-case letters, digits and underscores; import files head columns with it."
            ),
            "scale_min": _("For a scale question, an assessor score or a value that has limits."),
        }

    def __init__(self, *args, framework: Framework, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dimension"].choices = [
            (d.code, d.label) for d in framework.dimensions.order_by("order", "id")
        ]
        if self.instance.pk:
            self.fields["dimension"].initial = self.instance.dimension.code
        self.order_fields(["dimension"])

    def clean_weight(self):
        weight = self.cleaned_data["weight"]
        if not 0 < weight <= 100:
            raise forms.ValidationError(_("Enter a weight above 0 and at most 100."))
        return weight

    def clean(self):
        data = super().clean()
        low, high, kind = data.get("scale_min"), data.get("scale_max"), data.get("kind")
        if kind == Indicator.Kind.YESNO:
            data["scale_min"], data["scale_max"] = 0, 1
        elif kind in (Indicator.Kind.SCALE, Indicator.Kind.ASSESSOR) and (
            low is None or high is None
        ):
            self.add_error("scale_max", _("A scale needs its lowest and highest value."))
        if low is not None and high is not None and low >= high and kind != Indicator.Kind.YESNO:
            self.add_error("scale_max", _("The highest value must be above the lowest."))
        if data.get("evidence_required") and kind not in (
            Indicator.Kind.YESNO,
            Indicator.Kind.SCALE,
        ):
            self.add_error(
                "evidence_required", _("Only self-assessment questions can ask for evidence.")
            )
        return data


class RoundRulesForm(RegionRulesMixin, forms.ModelForm):
    """The selection rules of a round, changeable until its selection is final."""

    eastern_provinces = _eastern_field()
    excluded_codes = _excluded_field()

    reason = forms.CharField(
        label=_("Reason for the change"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Kept in the audit log with the change."),
    )

    class Meta:
        model = Round
        fields = [
            "cohort_size",
            "province_cap",
            "reserved_places",
            "eastern_provinces",
            "minimum_dimension_score",
            "excluded_codes",
            "waitlist_size",
        ]
        formfield_callback = formfield_for

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._set_region_rule_initial()

    def clean_cohort_size(self):
        size = self.cleaned_data["cohort_size"]
        if size < 1:
            raise forms.ValidationError(_("The cohort needs at least one place."))
        return size

    def clean_province_cap(self):
        cap = self.cleaned_data["province_cap"]
        if cap is not None and cap < 1:
            raise forms.ValidationError(_("Leave it empty for no cap, or enter 1 or more."))
        return cap

    def clean_minimum_dimension_score(self):
        minimum = self.cleaned_data["minimum_dimension_score"]
        if minimum is not None and not 0 <= minimum <= 100:
            raise forms.ValidationError(_("Enter points between 0 and 100."))
        return minimum

    def clean(self):
        data = super().clean()
        size, reserved = data.get("cohort_size"), data.get("reserved_places")
        if size is not None and reserved is not None and reserved > size:
            self.add_error("reserved_places", _("More places are reserved than the cohort has."))
        return data

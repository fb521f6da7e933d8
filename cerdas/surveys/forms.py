"""Forms: the respondent's questionnaire, and what teams fill to run their surveys."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cerdas.core import forms as bounded
from cerdas.regions.forms import RegionChoiceField
from cerdas.surveys.models import (
    SUGGESTION_MAX,
    AgeBand,
    Education,
    Occupation,
    ServiceUnit,
    Sex,
    Survey,
)
from cerdas.surveys.permissions import can_manage_region, manageable_agencies, manageable_regions
from cerdas.surveys.questions import QUESTIONS

NOT_STATED = [("", _("Prefer not to say"))]


class ResponseForm(forms.Form):
    """The nine questions (each required, 1-4 with the regulation's wording), the four
    characteristics (optional) and a suggestion (optional). No name, no contact."""

    visit = forms.CharField(widget=forms.HiddenInput, required=False)
    sex = forms.ChoiceField(
        label=_("Sex"),
        choices=list(Sex.choices) + NOT_STATED,
        required=False,
        widget=forms.RadioSelect,
    )
    age_band = forms.ChoiceField(
        label=_("Age"), choices=NOT_STATED + list(AgeBand.choices), required=False
    )
    education = forms.ChoiceField(
        label=_("Highest education"), choices=NOT_STATED + list(Education.choices), required=False
    )
    occupation = forms.ChoiceField(
        label=_("Main occupation"), choices=NOT_STATED + list(Occupation.choices), required=False
    )
    suggestion = forms.CharField(
        label=_("Suggestions for the unit (optional)"),
        required=False,
        max_length=SUGGESTION_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Please do not write your name, phone number or address here."),
        error_messages={"max_length": _("Keep the suggestion under %(limit_value)d characters.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for number, question in enumerate(QUESTIONS, start=1):
            self.fields[question.field] = forms.TypedChoiceField(
                label=f"{number}. {question.text}",
                choices=[(score, answer) for score, answer in enumerate(question.answers, 1)],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Choose one of the four answers to question %(number)s.")
                    % {"number": number},
                    "invalid_choice": _("Choose one of the four answers to question %(number)s.")
                    % {"number": number},
                },
            )
        order = [q.field for q in QUESTIONS]
        self.order_fields(["visit", *order])

    def question_fields(self):
        return [(question, self[question.field]) for question in QUESTIONS]

    def answers(self) -> dict:
        return {question.code: self.cleaned_data[question.field] for question in QUESTIONS}

    def characteristics(self) -> dict:
        return {
            name: self.cleaned_data[name] for name in ("sex", "age_band", "education", "occupation")
        }


class UnitForm(forms.ModelForm):
    class Meta:
        model = ServiceUnit
        formfield_callback = bounded.formfield_for
        fields = ["region", "agency", "name"]
        field_classes = {"region": RegionChoiceField}  # 514 names, read as codes and names
        error_messages = {"name": {"required": _("Write the unit's name.")}}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        regions = manageable_regions(user).select_related("province").order_by("name")
        self.fields["region"].queryset = regions
        self.fields["agency"].queryset = manageable_agencies(user).select_related("region")
        self.fields["agency"].required = False
        self.fields["agency"].empty_label = _("— none: the regional government itself —")
        self.fields["agency"].help_text = _("The OPD that runs the service.")
        if self.instance.pk or not user.is_national_admin:
            # The region is set by who you are (or by the unit): not a choice.
            del self.fields["region"]
        if self.instance.pk and not can_manage_region(user, self.instance.region_id):
            del self.fields["agency"]  # an officer's units stay with their agency
        elif not self.instance.pk and user.role == user.Role.AGENCY_OFFICER:
            del self.fields["agency"]

    def region_id(self):
        if "region" in self.fields:
            return self.cleaned_data["region"].pk
        return self.instance.region_id if self.instance.pk else self.user.region_id

    def agency_id(self):
        agency = self.cleaned_data.get("agency")
        return agency.pk if agency else None


class SurveyForm(forms.ModelForm):
    class Meta:
        model = Survey
        formfield_callback = bounded.formfield_for
        fields = ["period_start", "period_end", "population", "follow_up"]
        widgets = {
            "period_start": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "period_end": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "follow_up": forms.Textarea(attrs={"rows": 5}),
        }
        error_messages = {
            "period_start": {
                "required": _("Give the first day of the period."),
                "invalid": _("Write the first day as a date, e.g. 2026-01-01."),
            },
            "period_end": {
                "required": _("Give the last day of the period."),
                "invalid": _("Write the last day as a date, e.g. 2026-06-30."),
            },
            "population": {
                "invalid": _("Write the number of people served as a whole number."),
                "min_value": _(
                    "The number of people served is at least 1; leave it empty if unknown."
                ),
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period_start"].input_formats = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"]
        self.fields["period_end"].input_formats = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"]
        population = self.fields["population"]
        population.bounded(1, population.max_value)
        if self.instance.pk and self.instance.is_published:
            for name in ("period_start", "period_end", "population"):
                self.fields[name].disabled = True
                self.fields[name].help_text = _(
                    "Published with these figures: withdraw the publication to change it."
                )

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The last day must not be before the first day."))
        return data

    def service_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("CSV or XLSX file of the questionnaires"),
        help_text=_(
            "One row per respondent, columns U1 to U9 (scores 1-4, or a-d as on the paper "
            "form) and optionally jenis_kelamin, umur, pendidikan, pekerjaan and saran. At "
            "most 5 MB and 5,000 rows."
        ),
        error_messages={"required": _("Choose the file to import.")},
    )


class PublishForm(forms.Form):
    reason = forms.CharField(label=_("Note for the log (optional)"), required=False, max_length=500)


class UnpublishForm(forms.Form):
    reason = forms.CharField(
        label=_("Why are the results withdrawn?"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Say why the results are withdrawn: it is kept in the log.")},
    )

import datetime

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from cerdas.core import forms as bounded
from cerdas.core.forms import formfield_for
from cerdas.core.uploads import check_document, kinds_text
from cerdas.lib import document_types
from cerdas.regions.forms import RegionPicker, RegionsField

from .models import (
    AwardCategory,
    BimtekSession,
    Cohort,
    Criterion,
    Deliverable,
    Institution,
    InstitutionMember,
    Membership,
    Mou,
    Obligation,
    Presentation,
)

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
MINUTE = datetime.timedelta(minutes=1)


class DocumentField(forms.FileField):
    """A document of at most 10 MB (PDF, JPEG or PNG unless ``allowed`` says otherwise),
    checked by its content as well as its name; DOCX and XLSX are looked into for archive
    bombs, macros and programs."""

    def __init__(
        self, *args, allowed=(document_types.PDF, document_types.JPEG, document_types.PNG), **kwargs
    ):
        self.allowed = allowed
        kwargs.setdefault(
            "help_text",
            format_lazy(
                _("{kinds}, at most {size}."),
                kinds=kinds_text(allowed),
                size=filesizeformat(MAX_DOCUMENT_BYTES),
            ),
        )
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if not upload or upload is initial:
            return upload
        check_document(upload, allowed=self.allowed, max_bytes=MAX_DOCUMENT_BYTES)
        return upload


class CohortForm(forms.ModelForm):
    class Meta:
        model = Cohort
        formfield_callback = formfield_for
        fields = [
            "year",
            "name",
            "target_count",
            "assessment_start",
            "assessment_end",
            "mou_start",
            "mou_end",
            "mou_place",
            "masterplan_deadline",
            "seminar_date",
            "seminar_place",
            "award_night_date",
            "award_night_place",
            "results_publish_at",
        ]
        field_classes = {"year": bounded.YearField}
        widgets = {
            name: forms.DateInput(attrs={"type": "date"})
            for name in [
                "assessment_start",
                "assessment_end",
                "mou_start",
                "mou_end",
                "masterplan_deadline",
                "seminar_date",
                "award_night_date",
            ]
        }


class AddMembersForm(forms.Form):
    names = RegionsField(
        label=_("Regions"),
        widget=RegionPicker(rows=6),
        help_text=_(
            "One region per line: a name as written in the letter, or a Kemendagri code. Names "
            "that fit more than one region are offered to pick."
        ),
    )
    joined_on = bounded.DateField(
        label=_("Member from"), widget=forms.DateInput(attrs={"type": "date"})
    )
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))
    source = forms.CharField(label=_("Source"), required=False)
    dates_approximate = forms.BooleanField(label=_("The date is approximate"), required=False)

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Give the reason for this membership change."))
        return reason


class EndMembershipForm(forms.Form):
    left_on = bounded.DateField(label=_("Left on"), widget=forms.DateInput(attrs={"type": "date"}))
    status = forms.ChoiceField(
        label=_("Why"),
        choices=[
            (Membership.Status.WITHDRAWN, _("withdrew")),
            (Membership.Status.REPLACED, _("replaced")),
        ],
    )
    replacement = RegionsField(
        label=_("Replaced by (name or code)"),
        required=False,
        max_regions=1,
        widget=RegionPicker(rows=1),
        help_text=_("The region that takes this one's place, when it is replaced."),
    )
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))
    source = forms.CharField(label=_("Source"), required=False)
    dates_approximate = forms.BooleanField(label=_("The date is approximate"), required=False)

    def clean(self):
        data = super().clean()
        if data.get("status") == Membership.Status.REPLACED and not data.get("replacement"):
            self.add_error("replacement", _("Name the region that replaces this one."))
        return data


class MouForm(forms.ModelForm):
    document = DocumentField(label=_("Signed document"), required=False)

    class Meta:
        model = Mou
        formfield_callback = formfield_for
        fields = ["status", "parties", "signatories", "signed_on", "signed_place", "document"]
        widgets = {
            "signed_on": forms.DateInput(attrs={"type": "date"}),
            "parties": forms.Textarea(attrs={"rows": 2}),
            "signatories": forms.Textarea(attrs={"rows": 2}),
        }


DELIVERABLE_KINDS = (
    document_types.PDF,
    document_types.DOCX,
    document_types.XLSX,
    document_types.JPEG,
    document_types.PNG,
)


class SubmissionForm(forms.Form):
    # The program's deliverables are Word and Excel documents as often as PDFs.
    document = DocumentField(label=_("Document"), required=False, allowed=DELIVERABLE_KINDS)
    url = forms.URLField(
        label=_("Or a link"),
        assume_scheme="https",
        required=False,
        help_text=_("For example the masterplan section on Cerdas."),
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean(self):
        data = super().clean()
        if not self.errors and not data.get("document") and not data.get("url"):
            raise forms.ValidationError(_("Attach a document or give a link."))
        return data


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("accept", _("Accept")), ("return", _("Return for changes"))],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comments"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "return" and not data.get("comment", "").strip():
            self.add_error("comment", _("Say what needs changing when returning a deliverable."))
        return data


class BoardFilterForm(forms.Form):
    only = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[
            ("", _("all members")),
            ("overdue", _("with overdue items")),
            ("awaiting_review", _("with items awaiting review")),
        ],
    )
    on = bounded.DateField(
        label=_("Members on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


def _date(**attrs):
    return forms.DateInput(attrs={"type": "date", **attrs}, format="%Y-%m-%d")


def _check_order(form, start: str, end: str, message):
    data = form.cleaned_data
    if data.get(start) and data.get(end) and data[end] < data[start]:
        form.add_error(end, message)


class CohortCalendarForm(forms.ModelForm):
    """The cohort's calendar and target, edited by the program office."""

    class Meta:
        model = Cohort
        formfield_callback = formfield_for
        fields = [
            "name",
            "target_count",
            "assessment_start",
            "assessment_end",
            "mou_start",
            "mou_end",
            "mou_place",
            "masterplan_deadline",
            "seminar_date",
            "seminar_place",
            "award_night_date",
            "award_night_place",
        ]
        widgets = {
            name: _date()
            for name in [
                "assessment_start",
                "assessment_end",
                "mou_start",
                "mou_end",
                "masterplan_deadline",
                "seminar_date",
                "award_night_date",
            ]
        }

    def clean(self):
        data = super().clean()
        message = _("The last day cannot come before the first day.")
        _check_order(self, "assessment_start", "assessment_end", message)
        _check_order(self, "mou_start", "mou_end", message)
        if data.get("target_count") == 0:
            self.add_error("target_count", _("The target must be at least one region."))
        return data


def assessors():
    from cerdas.accounts.models import User

    return User.objects.filter(role=User.Role.ASSESSOR, is_active=True).order_by(
        "first_name", "last_name", "username"
    )


class SessionForm(forms.ModelForm):
    """A bimtek session: its stage, when and where, the agenda and the mentors."""

    mentors = bounded.ModelMultipleChoiceField(
        label=_("Mentors"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Assessors and reviewers who guide this session."),
    )
    online_url = forms.URLField(
        label=_("Online meeting link"), required=False, assume_scheme="https"
    )

    class Meta:
        model = BimtekSession
        formfield_callback = formfield_for
        fields = ["stage", "starts_on", "ends_on", "place", "online_url", "agenda", "mentors"]
        widgets = {
            "starts_on": _date(),
            "ends_on": _date(),
            "agenda": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, cohort, **kwargs):
        super().__init__(*args, **kwargs)
        self.cohort = cohort
        self.fields["mentors"].queryset = assessors()

    def clean(self):
        data = super().clean()
        _check_order(self, "starts_on", "ends_on", _("The last day cannot come before the date."))
        if (
            not data.get("place")
            and not data.get("online_url")
            and not self.has_error("online_url")
        ):
            self.add_error("place", _("Give the place, or the online meeting link."))
        stage = data.get("stage")
        taken = self.cohort.sessions.filter(stage=stage).exclude(pk=self.instance.pk)
        if stage and taken.exists():
            self.add_error("stage", _("This cohort already has a session for this stage."))
        return data


class DeliverableForm(forms.ModelForm):
    class Meta:
        model = Deliverable
        formfield_callback = formfield_for
        fields = ["session", "title", "description", "due_on"]
        widgets = {"due_on": _date(), "description": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "due_on": _("Each region has until the end of this day in its own time zone."),
        }

    def __init__(self, *args, cohort, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = cohort.sessions.all()
        self.fields["session"].label_from_instance = lambda s: (
            _("Bimtek stage %(stage)s") % {"stage": s.stage}
        )


class AttendanceForm(forms.Form):
    """Who came to a session, one pair of fields per member region."""

    def __init__(self, *args, regions, existing, **kwargs):
        super().__init__(*args, **kwargs)
        self.regions = regions
        for region in regions:
            row = existing.get(region.pk)
            self.fields[f"attended_{region.pk}"] = forms.BooleanField(
                label=_("Attended"), required=False, initial=bool(row and row.attended)
            )
            self.fields[f"attendees_{region.pk}"] = forms.CharField(
                label=_("Who came (one per line: name — role)"),
                required=False,
                initial=row.attendees if row else "",
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def clean(self):
        data = super().clean()
        for region in self.regions:
            names = data.get(f"attendees_{region.pk}", "").strip()
            if names and not data.get(f"attended_{region.pk}"):
                self.add_error(
                    f"attendees_{region.pk}",
                    _("Tick “attended” for a region whose people came, or clear the names."),
                )
        return data

    def rows(self):
        """(region, attended field, attendees field) for the template."""
        return [
            (region, self[f"attended_{region.pk}"], self[f"attendees_{region.pk}"])
            for region in self.regions
        ]


class MentorsForm(forms.Form):
    """The mentor who reviews each member region's deliverables."""

    def __init__(self, *args, regions, current, **kwargs):
        super().__init__(*args, **kwargs)
        self.regions = regions
        people = assessors()
        choices = None
        for region in regions:
            field = self.fields[f"mentor_{region.pk}"] = forms.ModelChoiceField(
                label=region.name,
                queryset=people,
                required=False,
                empty_label=_("— nobody yet —"),
                initial=current.get(region.pk),
            )
            # The same people for every region: read once, not once per list drawn (a
            # cohort's 24 regions were 24 queries). What is sent is still checked against
            # the queryset.
            choices = list(iter(field.choices)) if choices is None else choices  # no count()
            field.choices = choices

    def chosen(self) -> dict:
        return {region.pk: self.cleaned_data[f"mentor_{region.pk}"] for region in self.regions}


class InstitutionForm(forms.ModelForm):
    decree_file = DocumentField(label=_("Decree (SK) document"), required=False)

    class Meta:
        model = Institution
        formfield_callback = formfield_for
        fields = ["decree_number", "decree_date", "decree_file"]
        widgets = {"decree_date": _date()}

    def clean(self):
        data = super().clean()
        if data.get("decree_number") and not data.get("decree_date"):
            self.add_error("decree_date", _("Give the date of the decree."))
        return data


InstitutionMemberFormSet = forms.inlineformset_factory(
    Institution,
    InstitutionMember,
    fields=["name", "role", "affiliation"],
    formfield_callback=formfield_for,
    extra=3,
    can_delete=True,
)


class ObligationForm(forms.ModelForm):
    evidence_file = DocumentField(label=_("Evidence document"), required=False)
    evidence_url = forms.URLField(label=_("Evidence link"), required=False, assume_scheme="https")

    class Meta:
        model = Obligation
        formfield_callback = formfield_for
        fields = ["done_on", "evidence", "evidence_url", "evidence_file", "note"]
        widgets = {
            "done_on": _date(),
            "evidence": forms.TextInput(),
            "note": forms.Textarea(attrs={"rows": 2}),
        }

    def clean_done_on(self):
        import datetime

        done_on = self.cleaned_data["done_on"]
        if done_on and done_on > datetime.date.today():
            raise forms.ValidationError(_("The date it was done cannot be in the future."))
        return done_on


class BaseObligationFormSet(forms.BaseModelFormSet):
    def clean(self):
        super().clean()
        # A posted id from another MoU would otherwise become a new, orphan row.
        allowed = {row.pk for row in self.get_queryset()}
        if any(form.instance.pk not in allowed for form in self.forms):
            raise forms.ValidationError(_("The form is out of date; open it again."))


ObligationFormSet = forms.modelformset_factory(
    Obligation, form=ObligationForm, formset=BaseObligationFormSet, extra=0, edit_only=True
)


class PresentationForm(forms.ModelForm):
    slides = DocumentField(
        label=_("Slides (PDF)"),
        required=False,
        allowed=(document_types.PDF,),
        help_text=_("PDF, at most %(size)s.") % {"size": filesizeformat(MAX_DOCUMENT_BYTES)},
    )

    class Meta:
        model = Presentation
        formfield_callback = formfield_for
        fields = ["summary", "quick_wins", "slides", "is_published"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 5}),
            "quick_wins": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "quick_wins": _("One quick win per line."),
            "is_published": _("Published presentations appear on the cohort's public showcase."),
        }


class AwardCategoryForm(forms.ModelForm):
    nominees = bounded.ModelMultipleChoiceField(
        label=_("Nominees"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = AwardCategory
        formfield_callback = formfield_for
        fields = ["name", "description", "order", "nominees"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, cohort, **kwargs):
        from cerdas.regions.models import Region

        super().__init__(*args, **kwargs)
        self.cohort = cohort
        members = cohort.memberships.current().values("region_id")
        self.fields["nominees"].queryset = Region.objects.filter(pk__in=members).order_by("name")
        if self.instance.pk:
            self.initial["nominees"] = list(
                self.instance.nominees.values_list("region_id", flat=True)
            )

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        taken = self.cohort.award_categories.filter(name__iexact=name).exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(_("This cohort already has a category with this name."))
        return name


CriterionFormSet = forms.inlineformset_factory(
    AwardCategory,
    Criterion,
    fields=["name", "max_score", "weight"],
    formfield_callback=formfield_for,
    extra=2,
    min_num=1,
    validate_min=True,
    can_delete=True,
)


class JuryForm(forms.Form):
    jurors = bounded.ModelMultipleChoiceField(
        label=_("Jurors"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    results_publish_at = bounded.DateTimeField(
        label=_("Publish the results at"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("Western Indonesian Time (WIB). Before then the results are not public."),
    )

    def clean_results_publish_at(self):
        when = self.cleaned_data["results_publish_at"]
        before = self.initial.get("results_publish_at")
        unchanged = before is not None and when is not None and abs(when - before) < MINUTE
        if when is not None and when <= timezone.now() and not unchanged:
            raise forms.ValidationError(
                _(
                    "This time has passed: the results would be public at once. To publish "
                    "them now, use “Publish the results now”, which asks you to confirm first."
                )
            )
        return when

    def __init__(self, *args, **kwargs):
        from cerdas.accounts.models import User

        super().__init__(*args, **kwargs)
        self.fields["jurors"].queryset = (
            User.objects.filter(is_active=True)
            .exclude(role=User.Role.CITIZEN)
            .select_related("region")
            .order_by("role", "username")
        )
        self.fields["jurors"].label_from_instance = _juror_label


def _juror_label(user) -> str:
    where = f", {user.region.name}" if user.region_id else ""
    return f"{user} ({user.get_role_display()}{where})"


class JuryScoreForm(forms.Form):
    """Which nominee a juror scores; the scores per criterion are read by ``score``."""

    nominee = bounded.IntegerField(min_value=1, max_value=2**63 - 1)

    def score(self, name: str) -> int:
        """The whole-number score posted as ``name``, or -1 when it is missing or not one.

        The rubric's range is the award service's to check (it says which criterion)."""
        field = bounded.IntegerField(min_value=0, max_value=32767)
        try:
            return field.clean(self.data.get(name, ""))
        except forms.ValidationError:
            return -1

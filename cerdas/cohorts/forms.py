from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from cerdas.lib import document_types

from .models import Cohort, Membership, Mou

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024


class DocumentField(forms.FileField):
    """A PDF, JPEG or PNG of at most 10 MB, checked by its content as well as its name."""

    def __init__(
        self, *args, allowed=(document_types.PDF, document_types.JPEG, document_types.PNG), **kwargs
    ):
        self.allowed = allowed
        kwargs.setdefault(
            "help_text",
            _("PDF, JPEG or PNG, at most %(size)s.") % {"size": filesizeformat(MAX_DOCUMENT_BYTES)},
        )
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if not upload or upload is initial:
            return upload
        head = upload.read(16)
        upload.seek(0)
        _kind, problem = document_types.check(
            upload.name, head, upload.size, allowed=self.allowed, max_bytes=MAX_DOCUMENT_BYTES
        )
        if problem:
            code, _detail = problem
            messages = {
                "too_large": _("The file is larger than %(size)s; make it smaller and try again.")
                % {"size": filesizeformat(MAX_DOCUMENT_BYTES)},
                "empty": _("The file is empty."),
                "extension": _("Only PDF, JPEG or PNG files are accepted."),
                "content": _("The file's content is not a PDF, JPEG or PNG document."),
                "mismatch": _("The file's name does not match its content; check the file."),
            }
            raise forms.ValidationError(messages[code], code=code)
        return upload


class CohortForm(forms.ModelForm):
    class Meta:
        model = Cohort
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
    names = forms.CharField(
        label=_("Regions"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("One region per line: a name as written in the letter, or a Kemendagri code."),
    )
    joined_on = forms.DateField(
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
    left_on = forms.DateField(label=_("Left on"), widget=forms.DateInput(attrs={"type": "date"}))
    status = forms.ChoiceField(
        label=_("Why"),
        choices=[
            (Membership.Status.WITHDRAWN, _("withdrew")),
            (Membership.Status.REPLACED, _("replaced")),
        ],
    )
    replacement = forms.CharField(
        label=_("Replaced by (name or code)"), required=False, max_length=100
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
        fields = ["status", "parties", "signatories", "signed_on", "signed_place", "document"]
        widgets = {
            "signed_on": forms.DateInput(attrs={"type": "date"}),
            "parties": forms.Textarea(attrs={"rows": 2}),
            "signatories": forms.Textarea(attrs={"rows": 2}),
        }


class SubmissionForm(forms.Form):
    document = DocumentField(label=_("Document"), required=False)
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
    on = forms.DateField(
        label=_("Members on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

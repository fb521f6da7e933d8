from django import forms
from django.utils.translation import gettext_lazy as _

from cerdas.accounts.models import User
from cerdas.assessments.models import Framework, Round

EVIDENCE_MAX_BYTES = 10 * 1024 * 1024
# Extension -> the content type we record, and the first bytes every such file starts with.
# DOCX and XLSX are ZIP packages; their inner layout is checked in `_sniff`.
EVIDENCE_TYPES = {
    ".pdf": ("application/pdf", (b"%PDF-",)),
    ".jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    ".docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        (b"PK\x03\x04",),
    ),
    ".xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        (b"PK\x03\x04",),
    ),
}
_PACKAGE_MARKERS = {".docx": "word/", ".xlsx": "xl/"}


class RoundForm(forms.ModelForm):
    class Meta:
        model = Round
        fields = [
            "name",
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
            "excluded_codes": forms.Textarea(attrs={"rows": 2}),
        }


class InviteForm(forms.Form):
    names = forms.CharField(
        label=_("Regions to invite"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("One region per line, as written (name or Kemendagri code)."),
    )


class AssignForm(forms.Form):
    assessor = forms.ModelChoiceField(
        label=_("Assessor"), queryset=User.objects.filter(role=User.Role.ASSESSOR, is_active=True)
    )
    regions = forms.MultipleChoiceField(label=_("Regions"), widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, round_=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["regions"].choices = [
            (p.region_id, f"{p.region_id} {p.region.name}")
            for p in round_.participants.select_related("region").order_by("region_id")
        ]


class FinaliseForm(forms.Form):
    regions = forms.MultipleChoiceField(
        label=_("Regions in the cohort"), widget=forms.CheckboxSelectMultiple
    )
    name = forms.CharField(label=_("Cohort name"), max_length=200)
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Why this list: say so especially where it differs from the proposal."),
    )

    def __init__(self, *args, rows=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["regions"].choices = [
            (row["region"].code, f"{row['rank']}. {row['region'].name} ({row['score']:.2f})")
            for row in rows
        ]


class UploadForm(forms.Form):
    file = forms.FileField(label=_("CSV or XLSX file"))


class EvidenceForm(forms.Form):
    indicator = forms.TypedChoiceField(label=_("Question"), coerce=int)
    file = forms.FileField(
        label=_("Evidence file"), help_text=_("PDF, JPEG, PNG, DOCX or XLSX, at most 10 MB.")
    )

    def __init__(self, *args, indicators=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].choices = [(i.pk, i.name) for i in indicators]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > EVIDENCE_MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 10 MB."))
        suffix = "." + upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        if suffix not in EVIDENCE_TYPES:
            raise forms.ValidationError(_("Upload a PDF, JPEG, PNG, DOCX or XLSX file."))
        if not _sniff(upload, suffix):
            raise forms.ValidationError(
                _("The file's content is not a %(kind)s file.") % {"kind": suffix[1:].upper()}
            )
        self.content_type = EVIDENCE_TYPES[suffix][0]
        return upload


def _sniff(upload, suffix) -> bool:
    """Whether the content really is what the extension says (magic bytes, ZIP layout)."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if not any(head.startswith(magic) for magic in EVIDENCE_TYPES[suffix][1]):
        return False
    if suffix in _PACKAGE_MARKERS:
        import zipfile

        try:
            with zipfile.ZipFile(upload) as package:
                names = package.namelist()
        except zipfile.BadZipFile:
            return False
        finally:
            upload.seek(0)
        return any(name.startswith(_PACKAGE_MARKERS[suffix]) for name in names)
    return True


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
            self.fields[key] = forms.DecimalField(
                label=dimension.name,
                min_value=0,
                max_value=100,
                decimal_places=2,
                initial=dimension.weight,
            )
            keys = []
            for indicator in dimension.indicators.all():
                field = f"i{indicator.pk}"
                self.fields[field] = forms.DecimalField(
                    label=indicator.name,
                    min_value=0,
                    max_value=100,
                    decimal_places=2,
                    initial=indicator.weight,
                )
                keys.append(field)
            self.groups.append((dimension, key, keys))

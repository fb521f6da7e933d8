"""What citizens and officials fill in. Every message says what to change."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cerdas.complaints import services
from cerdas.complaints.engine import deadlines, tracking
from cerdas.complaints.models import (
    ArchiveReason,
    Category,
    ComplaintSettings,
    Handling,
    Kind,
    Privacy,
    Rating,
)
from cerdas.core import forms as bounded
from cerdas.core.images import process_upload
from cerdas.regions.models import Agency, Region

MAX_PHOTOS = 3
MAX_TEXT = 4000  # Open311's limit for a description
# A point must lie in or near Indonesia (with its seas): a typo in a coordinate is caught.
LATITUDES = (Decimal("-11.5"), Decimal("6.5"))
LONGITUDES = (Decimal("94.5"), Decimal("141.5"))


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class PhotosField(forms.FileField):
    """Up to ``MAX_PHOTOS`` pictures; each is checked and re-encoded (EXIF and GPS gone)."""

    widget = MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"})

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if len(files) > MAX_PHOTOS:
            raise ValidationError(
                _("Send at most %(max)s pictures."), params={"max": MAX_PHOTOS}, code="too_many"
            )
        pictures = []
        for upload in files:
            super().clean(upload, initial)
            pictures.append(process_upload(upload))
        return pictures


def _text(label, required=True, rows=5, max_length=MAX_TEXT, help_text="", required_message=""):
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        strip=True,
        widget=forms.Textarea(attrs={"rows": rows}),
        help_text=help_text,
        error_messages={"required": required_message} if required_message else None,
    )


class CoordinateField(bounded.DecimalField):
    """Degrees with six decimals. Degrees are never grouped in thousands, so a dot and a
    comma both mark the decimals: ``-7.150975`` (as maps give it) and ``-7,150975``."""

    def __init__(self, **kwargs):
        super().__init__(
            required=False,
            max_digits=9,
            decimal_places=6,
            min_value=-180,
            max_value=180,
            widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
            **kwargs,
        )

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace(",", ".")
            if value not in self.empty_values:
                try:
                    value = Decimal(value)
                except ArithmeticError:
                    value = None
                if value is None or not value.is_finite():
                    raise ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value)


class CategoryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class ReportForm(forms.Form):
    """A citizen's report, on a phone, without an account and without JavaScript."""

    kind = forms.ChoiceField(
        label=_("What do you want to send?"),
        choices=Kind.choices,
        widget=forms.RadioSelect,
        initial=Kind.COMPLAINT,
        error_messages={"required": _("Choose complaint, aspiration or information request.")},
    )
    category = CategoryChoiceField(
        label=_("Topic"),
        queryset=Category.objects.none(),
        empty_label=_("Choose a topic"),
        help_text=_("The topic decides which agency (OPD) answers."),
        error_messages={
            "required": _("Choose the topic of your report."),
            "invalid_choice": _("Choose a topic from the list."),
        },
    )
    description = _text(
        _("Your report"),
        rows=6,
        help_text=_(
            "What happened, where and since when. Do not write your own name or number here "
            "if you want to stay anonymous."
        ),
        required_message=_("Write what your report is about."),
    )
    address = forms.CharField(
        label=_("Place (address or landmark)"),
        required=False,
        max_length=300,
        help_text=_("For example: Jl. Veteran depan SDN 1, Kelurahan Kadipaten."),
    )
    latitude = CoordinateField(
        label=_("Latitude"),
        help_text=_("Optional, e.g. -7.150975 (from your phone's map app)."),
    )
    longitude = CoordinateField(label=_("Longitude"), help_text=_("Optional, e.g. 111.881860."))
    photos = PhotosField(
        label=_("Pictures"),
        required=False,
        help_text=_(
            "Up to 3 pictures, JPEG, PNG, WebP or GIF. Camera data (such as the GPS position) "
            "is removed."
        ),
    )
    privacy = forms.ChoiceField(
        label=_("Who may see your report?"),
        choices=[
            (Privacy.PUBLIC, _("Public: everyone may read the report; your name is never shown")),
            (
                Privacy.ANONYMOUS,
                _("Anonymous: the report is public; nobody, not even the agency, sees who you are"),
            ),
            (
                Privacy.CONFIDENTIAL,
                _("Confidential (rahasia): only the officials handling it read the report"),
            ),
        ],
        widget=forms.RadioSelect,
        initial=Privacy.PUBLIC,
        error_messages={"required": _("Choose who may see your report.")},
    )
    name = forms.CharField(label=_("Your name"), required=False, max_length=150)
    email = forms.EmailField(
        label=_("Email"),
        required=False,
        help_text=_("To receive every step by email. Optional."),
        error_messages={"invalid": _("Write a whole email address, like nama@contoh.id.")},
    )
    phone = forms.CharField(label=_("Phone"), required=False, max_length=30)
    staged = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        self.region = region
        # As intake reads it, so that the service takes the topic the form found.
        self.fields["category"].queryset = services.intake_categories(region)

    def clean_latitude(self):
        return _within(self.cleaned_data.get("latitude"), LATITUDES, _("latitude"))

    def clean_longitude(self):
        return _within(self.cleaned_data.get("longitude"), LONGITUDES, _("longitude"))

    def clean(self):
        data = super().clean()
        lat, lng = data.get("latitude"), data.get("longitude")
        broken = self.errors.get("latitude") or self.errors.get("longitude")
        if (lat is None) != (lng is None) and not broken:
            raise ValidationError(
                _("Give both latitude and longitude, or leave both empty."), code="half_point"
            )
        if data.get("privacy") == Privacy.ANONYMOUS and data.get("name"):
            self.add_error("name", _("An anonymous report keeps no name: leave your name empty."))
        return data


def _within(value, bounds, label):
    if value is None:
        return None
    low, high = bounds
    if not low <= value <= high:
        raise ValidationError(
            _("This %(what)s is not in Indonesia: it must lie between %(low)s and %(high)s."),
            params={"what": label, "low": low, "high": high},
            code="outside",
        )
    return value


class TrackForm(forms.Form):
    number = forms.CharField(
        label=_("Tracking number"),
        max_length=40,
        help_text=_("For example 35.22-2611-0042."),
        error_messages={"required": _("Write the tracking number of the report.")},
    )

    def clean_number(self):
        number = self.cleaned_data["number"].strip()
        if tracking.parse(number) is None:
            raise ValidationError(
                _("A tracking number looks like 35.22-2611-0042: check the digits and dashes.")
            )
        return number


class ListFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All")), ("open", _("Open")), ("closed", _("Closed"))],
    )
    category = forms.ModelChoiceField(
        label=_("Topic"), queryset=Category.objects.none(), required=False, empty_label=_("All")
    )
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All")), *Kind.choices]
    )

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = Category.objects.filter(region=region)


# The reporter --------------------------------------------------------------------------------


class InfoForm(forms.Form):
    text = _text(_("What do you want to add?"), required_message=_("Write what you want to add."))
    photos = PhotosField(label=_("Pictures"), required=False)


class ReplyForm(forms.Form):
    satisfied = forms.TypedChoiceField(
        label=_("Does the follow-up settle your report?"),
        choices=[
            ("yes", _("Yes: close my report")),
            ("no", _("No: send it back to the agency")),
        ],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Say whether the follow-up settles your report.")},
    )
    text = _text(_("Your answer"), required=False, rows=4)

    def clean(self):
        data = super().clean()
        if data.get("satisfied") is False and not data.get("text"):
            self.add_error("text", _("Tell the agency what is still missing."))
        return data


class RateForm(forms.Form):
    rating = forms.ChoiceField(
        label=_("How satisfied are you with the answer?"),
        choices=Rating.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose one of the four answers.")},
    )
    comment = _text(_("Comment"), required=False, rows=3, max_length=1000)


# Officials -----------------------------------------------------------------------------------


class DispatchForm(forms.Form):
    category = CategoryChoiceField(
        label=_("Topic"),
        queryset=Category.objects.none(),
        error_messages={"required": _("Choose the topic.")},
    )
    agency = forms.ModelChoiceField(
        label=_("Agency (OPD) that answers"),
        queryset=Agency.objects.none(),
        error_messages={"required": _("Choose the agency that answers.")},
    )
    handling = forms.ChoiceField(
        label=_("Handling and the agency's limit"), choices=Handling.choices
    )
    public_text = _text(
        _("Text the public reads"),
        required=False,
        rows=6,
        help_text=_(
            "Remove names, numbers and anything else that identifies a person. Not shown for "
            "confidential reports."
        ),
    )
    note = _text(_("Internal note for the agency"), required=False, rows=3)

    def __init__(self, *args, report, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = Category.objects.filter(region_id=report.region_id)
        # Each choice is labelled with its region (Agency.__str__): read with it.
        self.fields["agency"].queryset = Agency.objects.filter(
            region_id=report.region_id
        ).select_related("region")
        self.report_is_public = report.privacy != Privacy.CONFIDENTIAL

    def clean(self):
        data = super().clean()
        if not data.get("public_text") and self.report_is_public:
            self.add_error("public_text", _("Write the text the public reads (it may be short)."))
        return data


OUTCOMES = [
    ("postpone", _("Postpone: ask the reporter for more information")),
    ("not_our_authority", _("Not the region's authority")),
    ("forward", _("Forward to another region")),
    ("archive_duplicate", _("Archive: duplicate of another report")),
    ("archive_spam", _("Archive: spam or abuse")),
]


OUTCOME_ACTION = {
    "postpone": "postpone",
    "not_our_authority": "not_our_authority",
    "forward": "forward",
    "archive_duplicate": "archive",
    "archive_spam": "archive",
}


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Decision"),
        choices=OUTCOMES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a decision.")},
    )
    reason = _text(
        _("Reason"),
        rows=3,
        help_text=_("The reporter reads it (for a postponement: what to add)."),
        required_message=_("Write the reason: the reporter reads it."),
    )
    region = forms.CharField(
        label=_("Region to forward to (Kemendagri code)"),
        required=False,
        max_length=5,
        help_text=_("For example 35.07."),
    )
    duplicate_of = forms.CharField(
        label=_("Tracking number of the original report"), required=False, max_length=40
    )

    def __init__(self, *args, report, allowed=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.report = report
        if allowed is not None:  # only the decisions the report's step allows
            self.fields["outcome"].choices = [
                (value, label) for value, label in OUTCOMES if OUTCOME_ACTION[value] in allowed
            ]

    def clean(self):
        data = super().clean()
        outcome = data.get("outcome")
        if outcome == "forward":
            code = (data.get("region") or "").strip()
            if not Region.objects.filter(pk=code).exclude(pk=self.report.region_id).exists():
                self.add_error(
                    "region",
                    _("Write the code of another kabupaten/kota, for example 35.07."),
                )
        if outcome == "archive_duplicate" and not (data.get("duplicate_of") or "").strip():
            self.add_error(
                "duplicate_of", _("Write the tracking number of the report this one repeats.")
            )
        return data


class FollowUpForm(forms.Form):
    text = _text(
        _("Follow-up"),
        rows=6,
        help_text=_("What the agency did or will do. The public reads it on public reports."),
        required_message=_("Write the follow-up."),
    )


class NoteForm(forms.Form):
    text = _text(
        _("Internal note"),
        rows=3,
        help_text=_("Officials only: never public, never shown to the reporter."),
        required_message=_("Write the note."),
    )


class ReasonForm(forms.Form):
    reason = _text(_("Reason"), rows=3, required_message=_("Write the reason."))


class StartForm(forms.Form):
    note = _text(_("Message to the reporter"), required=False, rows=3)


class ExtendForm(forms.Form):
    days = bounded.IntegerField(
        label=_("Extra working days"),
        min_value=1,
        max_value=deadlines.MAX_EXTENSION,
        error_messages={
            "required": _("Write how many working days to add."),
            "min_value": _("Add at least 1 working day."),
            "max_value": _("Add at most %(limit_value)s working days."),
        },
    )
    reason = _text(
        _("Reason"), rows=3, required_message=_("Write the reason: the public reads it.")
    )


class ReassignForm(forms.Form):
    agency = forms.ModelChoiceField(
        label=_("New agency (OPD)"),
        queryset=Agency.objects.none(),
        error_messages={"required": _("Choose the agency that answers.")},
    )
    reason = _text(_("Reason"), rows=3, required_message=_("Write the reason."))

    def __init__(self, *args, report, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = (
            Agency.objects.filter(region_id=report.region_id)
            .exclude(pk=report.agency_id)
            .select_related("region")  # each choice is labelled with its region
        )


class RedactForm(forms.Form):
    public_text = _text(_("Text the public reads"), required=False, rows=6)
    publish = forms.BooleanField(label=_("Show the text and pictures publicly"), required=False)
    hidden_photos = forms.MultipleChoiceField(
        label=_("Pictures hidden from the public"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, report, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["hidden_photos"].choices = [
            (str(photo.pk), _("Picture %(n)s") % {"n": n})
            for n, photo in enumerate(report.photos.all(), 1)
        ]


class QueueForm(forms.Form):
    VIEWS = [
        ("open", _("All open")),
        ("overdue", _("Overdue")),
        ("due_soon", _("Due soon")),
        ("new", _("Waiting for verification")),
        ("with_agency", _("With the agency")),
        ("followed_up", _("Followed up")),
        ("closed", _("Ended")),
    ]
    view = forms.ChoiceField(label=_("Show"), choices=VIEWS, required=False)
    category = forms.ModelChoiceField(
        label=_("Topic"), queryset=Category.objects.none(), required=False, empty_label=_("All")
    )
    q = forms.CharField(label=_("Tracking number or words"), required=False, max_length=100)

    def __init__(self, *args, categories, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = categories


class CategoryForm(forms.ModelForm):
    class Meta:
        model = Category
        formfield_callback = bounded.formfield_for
        fields = [
            "name",
            "code",
            "description",
            "group",
            "keywords",
            "agency",
            "handling",
            "is_active",
        ]

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        self.region = region
        # Each choice is labelled with its region (Agency.__str__): read with it.
        self.fields["agency"].queryset = Agency.objects.filter(region=region).select_related(
            "region"
        )
        self.fields["agency"].error_messages["required"] = _(
            "Choose the agency that answers this topic."
        )
        self.fields["code"].error_messages["invalid"] = _(
            "Use small letters, digits and dashes only, like jalan-rusak."
        )

    def clean_code(self):
        code = self.cleaned_data["code"]
        others = Category.objects.filter(region=self.region, code=code)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise ValidationError(_("Another topic of the region has this code; choose another."))
        return code


class SettingsForm(forms.ModelForm):
    class Meta:
        model = ComplaintSettings
        formfield_callback = bounded.formfield_for
        fields = ["moderate_first", "escalation_email"]


class ApiKeyForm(forms.Form):
    name = forms.CharField(
        label=_("Name of the application"),
        max_length=120,
        error_messages={"required": _("Write the name of the application that gets the key.")},
    )


class PeriodForm(forms.Form):
    start = bounded.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = bounded.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            raise ValidationError(_("The end date must not be before the start date."))
        return data


ARCHIVE_OF_OUTCOME = {
    "archive_duplicate": ArchiveReason.DUPLICATE,
    "archive_spam": ArchiveReason.SPAM,
}

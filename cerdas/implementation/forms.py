"""The update form: a program's status, progress, spending per budget line, indicators, evidence.

Its fields are made from the program as the approved plan has it, and start from the last
update, so a team changes what moved and keeps the rest.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from cerdas.core import forms as bounded
from cerdas.core.uploads import check_document
from cerdas.lib import document_types

from .models import MAX_PERIOD_MONTHS, MAX_SPENDING, MEASURE_DIGITS, MEASURE_PLACES, Status
from .services import EvidenceFile, Report

EVIDENCE_MAX_BYTES = 10 * 1024 * 1024
EVIDENCE_KINDS = (
    document_types.PDF,
    document_types.JPEG,
    document_types.PNG,
    document_types.DOCX,
    document_types.XLSX,
)


def _spending_name(row) -> str:
    return f"spent-{row.year}-{row.source}"


class UpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Status.choices, widget=forms.RadioSelect)
    progress = bounded.IntegerField(
        label=_("Progress (%)"),
        min_value=0,
        max_value=100,
        help_text=_("From 0 to 100. A program marked done is at 100%."),
    )
    reason = forms.CharField(
        label=_("Why is it dropped?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed when the program is dropped; shown on the public timeline."),
    )
    note = forms.CharField(
        label=_("What happened since the last update"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    evidence = forms.FileField(
        label=_("Evidence (document or photo)"),
        required=False,
        help_text=_("PDF, JPEG, PNG, DOCX or XLSX, up to 10 MB."),
    )
    caption = forms.CharField(label=_("What the evidence shows"), max_length=250, required=False)
    evidence_public = forms.BooleanField(
        label=_("Everyone may see this evidence"), required=False, initial=True
    )

    def __init__(self, *args, item, **kwargs):
        self.item = item
        super().__init__(*args, **kwargs)
        self.initial.setdefault("status", item.status)
        self.initial.setdefault("progress", item.progress)
        self.spending_fields, self.indicator_fields = [], []
        for row in item.budget_rows:
            name = _spending_name(row)
            self.fields[name] = bounded.RupiahField(
                label=_("Realised %(year)s, %(source)s")
                % {"year": row.year, "source": row.source_label},
                required=False,
                max_value=MAX_SPENDING,
            )
            self.initial.setdefault(name, row.realised)
            self.spending_fields.append((row, name))
        for position, indicator in enumerate(item.indicators):
            name = f"indicator-{position}"
            self.fields[name] = bounded.DecimalField(
                label=indicator.name,
                max_digits=MEASURE_DIGITS,
                decimal_places=MEASURE_PLACES,
                required=False,
            )
            self.initial.setdefault(name, indicator.value)
            self.indicator_fields.append((indicator, name))

    def clean_evidence(self):
        upload = self.cleaned_data.get("evidence")
        if upload:
            self.evidence_kind = check_document(
                upload, allowed=EVIDENCE_KINDS, max_bytes=EVIDENCE_MAX_BYTES
            )
        return upload

    def clean(self):
        data = super().clean()
        status = data.get("status")
        if status == Status.DROPPED and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Say why the program is dropped."))
        if status == Status.NOT_STARTED and data.get("progress"):
            self.add_error(
                "progress", _("A program that has not started is at 0%: choose “In progress”.")
            )
        if data.get("caption") and not data.get("evidence"):
            self.add_error("evidence", _("Choose the file the caption describes."))
        return data

    def spent_fields(self):
        """(budget row, bound field) pairs, for the template's table."""
        return [(row, self[name]) for row, name in self.spending_fields]

    def value_fields(self):
        return [(indicator, self[name]) for indicator, name in self.indicator_fields]

    def report(self) -> Report:
        data = self.cleaned_data
        spending = {
            (row.year, row.source): data[name]
            for row, name in self.spending_fields
            if data.get(name) is not None
        }
        values = {
            indicator.name: data[name]
            for indicator, name in self.indicator_fields
            if data.get(name) is not None
        }
        evidence = []
        if data.get("evidence"):
            evidence.append(
                EvidenceFile(
                    upload=data["evidence"],
                    content_type=document_types.CONTENT_TYPES[self.evidence_kind],
                    caption=data.get("caption", ""),
                    is_public=bool(data.get("evidence_public")),
                )
            )
        return Report(
            status=data["status"],
            progress=data["progress"],
            reason=data.get("reason", ""),
            note=data.get("note", ""),
            spending=spending,
            values=values,
            evidence=evidence,
        )


class PeriodForm(forms.Form):
    months = bounded.IntegerField(
        label=_("Reporting period (months)"),
        min_value=1,
        max_value=MAX_PERIOD_MONTHS,
        help_text=_("A program not updated for this long is due an update; its team is reminded."),
    )

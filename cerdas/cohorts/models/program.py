"""What a member region does in the cycle: MoU, institutions, bimtek and deliverables."""

import datetime
import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cerdas.core.models import AUDIT_ACTIONS, Audited

from .membership import Cohort

AUDIT_ACTIONS.update(
    {
        "cohort.mou_saved": _("recorded the MoU"),
        "cohort.obligation_updated": _("updated an MoU obligation"),
        "cohort.institution_saved": _("recorded a smart city institution"),
        "cohort.attendance_recorded": _("recorded bimtek attendance"),
        "cohort.deliverable_submitted": _("submitted a deliverable"),
        "cohort.deliverable_reviewed": _("reviewed a deliverable"),
        "cohort.mentor_assigned": _("assigned a mentor"),
        "cohort.session_saved": _("saved a bimtek session"),
        "cohort.deliverable_saved": _("saved a deliverable"),
    }
)


def document_path(instance, filename: str) -> str:
    """A random name under the cohort and region: uploaded names never reach the disk."""
    ext = filename.rpartition(".")[2].lower()[:5]
    return f"cohorts/{instance.cohort_id}/{instance.region_id}/{uuid.uuid4().hex}.{ext}"


def evidence_path(instance, filename: str) -> str:
    """Obligation evidence lives beside its MoU, under a random name like every upload."""
    ext = filename.rpartition(".")[2].lower()[:5]
    mou = instance.mou
    return f"cohorts/{mou.cohort_id}/{mou.region_id}/{uuid.uuid4().hex}.{ext}"


class RegionScoped(Audited):
    """Rows that belong to one region in one cohort; their audit entries are the region's."""

    def audit_region_id(self):
        return self.region_id


class Mou(RegionScoped, models.Model):
    """The MoU a member region signs with the ministry."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SIGNED = "signed", _("signed")
        CANCELLED = "cancelled", _("cancelled")

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="mous")
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")
    parties = models.TextField(_("parties"), blank=True)
    signatories = models.TextField(_("signatories"), blank=True)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    signed_place = models.CharField(_("signed at"), max_length=200, blank=True)
    document = models.FileField(_("signed document"), upload_to=document_path, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    is_demo = models.BooleanField(_("demo"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["cohort", "region"], name="mou_one_per_member")
        ]
        verbose_name = _("MoU")

    def __str__(self):
        return f"MoU {self.region} — {self.cohort}"


class Obligation(Audited, models.Model):
    """One obligation an MoU carries, ticked off with evidence and a date."""

    class Kind(models.TextChoices):
        INSTITUTIONS = "institutions", _("Form the smart city institutions")
        SOCIALISATION = "socialisation", _("Hold socialisation and bimtek")
        INNOVATIONS = "innovations", _("Produce innovations")
        MASTERPLAN = "masterplan", _("Write the masterplan")
        RPJMD = "rpjmd", _("Base the RPJMD on the masterplan")

    mou = models.ForeignKey(Mou, on_delete=models.CASCADE, related_name="obligations")
    kind = models.CharField(_("obligation"), max_length=20, choices=Kind.choices)
    done_on = models.DateField(_("done on"), null=True, blank=True)
    evidence = models.TextField(_("evidence"), blank=True)
    evidence_url = models.URLField(_("evidence link"), blank=True)
    evidence_file = models.FileField(_("evidence document"), upload_to=evidence_path, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["mou", "id"]
        constraints = [
            models.UniqueConstraint(fields=["mou", "kind"], name="obligation_once_per_mou")
        ]

    def __str__(self):
        return self.get_kind_display()

    def audit_region_id(self):
        return self.mou.region_id


class Institution(RegionScoped, models.Model):
    """The region's Dewan Smart City or Tim Pelaksana and the decree (SK) forming it."""

    class Kind(models.TextChoices):
        COUNCIL = "council", _("Dewan Smart City (smart city council)")
        TEAM = "team", _("Tim Pelaksana (implementation team)")

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="institutions")
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("institution"), max_length=10, choices=Kind.choices)
    decree_number = models.CharField(_("decree (SK) number"), max_length=200, blank=True)
    decree_date = models.DateField(_("decree date"), null=True, blank=True)
    decree_file = models.FileField(_("decree document"), upload_to=document_path, blank=True)
    is_demo = models.BooleanField(_("demo"), default=False)

    class Meta:
        ordering = ["cohort", "region", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "region", "kind"], name="institution_once_per_member"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} — {self.region}"

    @property
    def is_formed(self) -> bool:
        return bool(self.decree_number and self.decree_date)


class InstitutionMember(models.Model):
    class Affiliation(models.TextChoices):
        GOVERNMENT = "government", _("government")
        ACADEMIA = "academia", _("academia")
        BUSINESS = "business", _("business")
        COMMUNITY = "community", _("community")
        YOUTH = "youth", _("youth")

    institution = models.ForeignKey(Institution, on_delete=models.CASCADE, related_name="members")
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=200)
    affiliation = models.CharField(_("affiliation"), max_length=12, choices=Affiliation.choices)

    class Meta:
        ordering = ["institution", "id"]

    def __str__(self):
        return f"{self.name} ({self.role})"


class BimtekSession(Audited, models.Model):
    """One of the four bimtek stages of a cohort."""

    class Stage(models.IntegerChoices):
        READINESS = 1, _("Readiness: human resources, government resources, suprastruktur")
        MAPPING = 2, _("Mapping programs to the RPJMD and each OPD's Renstra")
        INNOVATIONS = 3, _("Innovations: policy as well as technology")
        IMPLEMENTATION = 4, _("Implementation steps and the programs to do first")

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="sessions")
    stage = models.PositiveSmallIntegerField(_("stage"), choices=Stage.choices)
    starts_on = models.DateField(_("date"))
    ends_on = models.DateField(_("last day"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    online_url = models.URLField(_("online meeting link"), blank=True)
    agenda = models.TextField(_("agenda"), blank=True)
    mentors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("mentors"), blank=True, related_name="+"
    )
    is_demo = models.BooleanField(_("demo"), default=False)

    class Meta:
        ordering = ["cohort", "stage"]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "stage"], name="session_once_per_stage")
        ]

    def __str__(self):
        return f"Bimtek {self.stage} — {self.cohort}"


class Attendance(RegionScoped, models.Model):
    session = models.ForeignKey(BimtekSession, on_delete=models.CASCADE, related_name="attendance")
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")
    attended = models.BooleanField(_("attended"), default=False)
    attendees = models.TextField(_("who came"), blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "region"], name="attendance_once")
        ]

    def __str__(self):
        return f"{self.region_id} — {self.session}"


class MentorAssignment(RegionScoped, models.Model):
    """The mentor who reviews a member region's deliverables in a cohort."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="mentor_assignments")
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="mentored"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["cohort", "region"], name="one_mentor_per_member")
        ]

    def __str__(self):
        return f"{self.mentor} — {self.region_id}"


class Deliverable(Audited, models.Model):
    """Something every member region must hand in by a day, often asked for by a bimtek."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="deliverables")
    session = models.ForeignKey(
        BimtekSession,
        verbose_name=_("bimtek session"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="deliverables",
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("what to hand in"), blank=True)
    # A day, not a moment: each region has until the end of it in its own time zone.
    due_on = models.DateField(_("due on"))
    is_demo = models.BooleanField(_("demo"), default=False)

    class Meta:
        ordering = ["cohort", "due_on", "id"]

    def __str__(self):
        return self.title

    def deadline_for(self, region) -> datetime.datetime:
        """The last moment of ``due_on`` in the region's zone, as an aware datetime."""
        end = datetime.datetime.combine(self.due_on, datetime.time(23, 59, 59))
        return end.replace(tzinfo=region.tzinfo)


class Submission(RegionScoped, models.Model):
    """One version of a region's deliverable and, once reviewed, the mentor's verdict.

    Every resubmission is a new row with the next version number; nothing is overwritten.
    """

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("awaiting review")
        ACCEPTED = "accepted", _("accepted")
        RETURNED = "returned", _("returned for changes")

    deliverable = models.ForeignKey(
        Deliverable, on_delete=models.CASCADE, related_name="submissions"
    )
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")
    version = models.PositiveSmallIntegerField(_("version"))
    document = models.FileField(_("document"), upload_to="cohorts/submissions/%Y/", blank=True)
    url = models.URLField(_("link"), blank=True)
    note = models.TextField(_("note"), blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    is_late = models.BooleanField(_("late"), default=False)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.SUBMITTED
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    review_comment = models.TextField(_("review comments"), blank=True)
    is_demo = models.BooleanField(_("demo"), default=False)

    class Meta:
        ordering = ["deliverable", "region", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["deliverable", "region", "version"], name="submission_version_once"
            )
        ]

    def __str__(self):
        return f"{self.deliverable} v{self.version} — {self.region}"

    def get_absolute_url(self):
        return reverse(
            "cohorts:deliverable",
            args=[self.deliverable.cohort.year, self.region_id, self.deliverable_id],
        )


class ReminderSent(models.Model):
    """A claim that today's reminder for one region's deliverable has gone out.

    The unique constraint is the lock: a worker inserts the row in its own transaction
    before sending, and a worker whose insert fails knows another one sent it.
    """

    deliverable = models.ForeignKey(Deliverable, on_delete=models.CASCADE, related_name="+")
    region = models.ForeignKey("regions.Region", on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)
    recipients = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["deliverable", "region", "day"], name="reminder_once_per_day"
            )
        ]

    def __str__(self):
        return f"{self.deliverable_id}/{self.region_id} {self.day}"

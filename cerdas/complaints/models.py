"""Citizen reports (complaints, aspirations, information requests) and what happens to them."""

import base64
import hashlib
import hmac
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cerdas.complaints.engine import deadlines, flow
from cerdas.core.models import AUDIT_ACTIONS, Audited

AUDIT_ACTIONS.update(
    {
        "report.submitted": _("received the report"),
        "report.dispatched": _("verified the report and sent it to an agency"),
        "report.postponed": _("postponed the report until the reporter adds information"),
        "report.not_our_authority": _("closed the report as not the region's authority"),
        "report.forwarded": _("forwarded the report to another region"),
        "report.archived": _("archived the report"),
        "report.reassigned": _("sent the report to another agency"),
        "report.extended": _("extended the agency's deadline"),
        "report.started": _("started work on the report"),
        "report.followed_up": _("wrote the follow-up of the report"),
        "report.info_added": _("added information to the report (reporter)"),
        "report.accepted": _("accepted the follow-up (reporter)"),
        "report.replied": _("answered the follow-up (reporter)"),
        "report.closed": _("closed the report"),
        "report.auto_closed": _("closed the report after the reply window"),
        "report.rated": _("rated the answer (reporter)"),
        "report.note_added": _("wrote an internal note"),
        "report.redacted": _("changed the public text or pictures of the report"),
        "report.deadlines_recounted": _("counted the deadlines again after a calendar change"),
        "complaint_category.saved": _("saved a complaint category"),
        "complaint_settings.saved": _("changed the complaint settings"),
        "open311_key.issued": _("issued an Open311 API key"),
        "open311_key.revoked": _("revoked an Open311 API key"),
    }
)

COMPLAINTS = "complaints"  # the kind of public content these pages are cached under


class Kind(models.TextChoices):
    COMPLAINT = "complaint", _("Complaint")
    ASPIRATION = "aspiration", _("Aspiration")
    INFORMATION = "information", _("Information request")


class Privacy(models.TextChoices):
    PUBLIC = "public", _("Public")
    ANONYMOUS = "anonymous", _("Anonymous")
    CONFIDENTIAL = "confidential", _("Confidential (rahasia)")


class Status(models.TextChoices):
    SUBMITTED = flow.SUBMITTED, _("Waiting for verification")
    POSTPONED = flow.POSTPONED, _("Postponed: waiting for the reporter")
    DISPATCHED = flow.DISPATCHED, _("Verified, with the agency")
    IN_PROGRESS = flow.IN_PROGRESS, _("In progress at the agency")
    FOLLOWED_UP = flow.FOLLOWED_UP, _("Followed up")
    ANSWERED = flow.ANSWERED, _("Reporter answered, back with the agency")
    CLOSED = flow.CLOSED, _("Closed")
    NOT_OUR_AUTHORITY = flow.NOT_OUR_AUTHORITY, _("Not the region's authority")
    FORWARDED = flow.FORWARDED, _("Forwarded to another region")
    ARCHIVED = flow.ARCHIVED, _("Archived")


class Handling(models.TextChoices):
    STANDARD = deadlines.STANDARD, _("Standard: 5 working days")
    DISPUTE = deadlines.DISPUTE, _("Dispute without a field check: 14 working days")
    FIELD_CHECK = deadlines.FIELD_CHECK, _("Needs a field check: 60 working days")


class Rating(models.TextChoices):
    SANGAT_PUAS = "sangat_puas", _("Very satisfied")
    PUAS = "puas", _("Satisfied")
    CUKUP_PUAS = "cukup_puas", _("Fairly satisfied")
    TIDAK_PUAS = "tidak_puas", _("Not satisfied")


class ArchiveReason(models.TextChoices):
    DUPLICATE = "duplicate", _("Duplicate of another report")
    SPAM = "spam", _("Spam or abuse")


class ComplaintSettings(Audited, models.Model):
    """How a region runs its complaint service."""

    region = models.OneToOneField(
        "regions.Region", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    moderate_first = models.BooleanField(
        _("check the text before it is public"),
        default=True,
        help_text=_(
            "The coordinator reads (and may redact) each report before its text and pictures "
            "appear on public pages. Its number, status and deadline are public at once."
        ),
    )
    escalation_email = models.EmailField(
        _("email of the head of Diskominfo"),
        blank=True,
        help_text=_("Also told when a deadline passes, besides the region's team."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("complaint settings")
        verbose_name_plural = _("complaint settings")

    def __str__(self):
        return str(self.region_id)

    def audit_region_id(self):
        return self.region_id


class CategoryQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Category(Audited, models.Model):
    """A kind of problem a region handles, and the agency (OPD) responsible for it.

    Open311 calls it a service: ``code`` is its ``service_code`` within the region."""

    region = models.ForeignKey(
        "regions.Region", on_delete=models.CASCADE, related_name="complaint_categories"
    )
    code = models.SlugField(
        _("code"),
        max_length=40,
        help_text=_("Short, unique in the region, used by apps (Open311 service_code)."),
    )
    name = models.CharField(_("name"), max_length=120)
    description = models.CharField(_("description"), max_length=300, blank=True)
    group = models.CharField(_("group"), max_length=60, blank=True)
    keywords = models.CharField(_("keywords"), max_length=200, blank=True)
    agency = models.ForeignKey(
        "regions.Agency",
        verbose_name=_("responsible agency (OPD)"),
        on_delete=models.PROTECT,
        related_name="complaint_categories",
    )
    handling = models.CharField(
        _("usual handling"),
        max_length=20,
        choices=Handling.choices,
        default=Handling.STANDARD,
        help_text=_("The limit the agency usually gets; the coordinator may choose another."),
    )
    is_active = models.BooleanField(_("open for new reports"), default=True)
    is_demo = models.BooleanField(_("demo"), default=False)

    objects = CategoryQuerySet.as_manager()

    class Meta:
        ordering = ["region", "name"]
        constraints = [
            models.UniqueConstraint(fields=["region", "code"], name="complaint_category_code")
        ]
        verbose_name = _("complaint category")
        verbose_name_plural = _("complaint categories")

    def __str__(self):
        return self.name

    def audit_region_id(self):
        return self.region_id


class ReportQuerySet(models.QuerySet):
    def public(self):
        """Reports anyone may see: not confidential, not thrown out as spam."""
        return self.exclude(privacy=Privacy.CONFIDENTIAL).exclude(
            status=Status.ARCHIVED, archive_reason=ArchiveReason.SPAM
        )

    def for_user(self, user):
        """Reports this official works on: the region's (coordinators), the agency's (OPD
        officers, once dispatched to it), every region's (national admins)."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_national_admin:
            return self
        if user.role == user.Role.REGIONAL_TEAM and user.region_id:
            return self.filter(region_id=user.region_id)
        if user.role == user.Role.AGENCY_OFFICER and user.agency_id:
            return self.filter(region_id=user.region_id, agency_id=user.agency_id).exclude(
                status__in=[Status.SUBMITTED, Status.POSTPONED]
            )
        return self.none()

    def open(self):
        return self.filter(status__in=flow.OPEN)

    def closed(self):
        return self.filter(status__in=flow.FINAL)


class Report(Audited, models.Model):
    """One report of a citizen, with its tracking number, privacy and deadlines."""

    tracking_number = models.CharField(_("tracking number"), max_length=32, unique=True)
    # The private link's token is an HMAC of the tracking number and this salt under the
    # site's secret: the database alone cannot rebuild anyone's link.
    token_salt = models.CharField(max_length=32, editable=False)
    region = models.ForeignKey(
        "regions.Region",
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        related_name="complaint_reports",
    )
    category = models.ForeignKey(
        Category,
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reports",
    )
    agency = models.ForeignKey(
        "regions.Agency",
        verbose_name=_("agency (OPD)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="complaint_reports",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    privacy = models.CharField(_("privacy"), max_length=20, choices=Privacy.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED
    )
    handling = models.CharField(
        _("handling"), max_length=20, choices=Handling.choices, default=Handling.STANDARD
    )
    extension_days = models.PositiveSmallIntegerField(_("extension (working days)"), default=0)
    description = models.TextField(_("description"))
    # What the public reads: the description as the coordinator let it through (perhaps
    # redacted). Empty and not public until then, where the region checks first.
    public_description = models.TextField(_("public text"), blank=True)
    text_public = models.BooleanField(_("text is public"), default=False)
    address = models.CharField(_("address or place"), max_length=300, blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    # Personal data: shown to the region's officials only when the privacy allows it, and
    # never on any public page, feed, API or export.
    reporter_name = models.CharField(_("name"), max_length=150, blank=True)
    reporter_email = models.EmailField(_("email"), blank=True)
    reporter_phone = models.CharField(_("phone"), max_length=30, blank=True)
    media_url = models.URLField(_("media address"), max_length=500, blank=True)
    attributes = models.JSONField(default=dict, blank=True)
    source = models.CharField(_("source"), max_length=20, default="web")
    api_key = models.ForeignKey(
        "complaints.ApiKey", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted"), db_index=True)
    step_started_at = models.DateTimeField()
    due_at = models.DateTimeField(_("current step due"), null=True, blank=True, db_index=True)
    verify_due_at = models.DateTimeField(null=True, blank=True)
    verified_at = models.DateTimeField(null=True, blank=True)
    dispatched_at = models.DateTimeField(null=True, blank=True)
    followup_due_at = models.DateTimeField(null=True, blank=True)
    followed_up_at = models.DateTimeField(null=True, blank=True)
    answer_due_at = models.DateTimeField(_("answer expected by"), null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    rating = models.CharField(_("rating"), max_length=20, choices=Rating.choices, blank=True)
    rated_at = models.DateTimeField(null=True, blank=True)
    archive_reason = models.CharField(
        _("archived as"), max_length=20, choices=ArchiveReason.choices, blank=True
    )
    duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="duplicates"
    )
    forwarded_to = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="forwarded_from"
    )
    outcome_reason = models.TextField(_("reason"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    is_demo = models.BooleanField(_("demo"), default=False)

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at", "-id"]
        indexes = [
            models.Index(fields=["region", "status", "due_at"]),
            models.Index(fields=["agency", "status", "due_at"]),
            models.Index(fields=["region", "submitted_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__isnull=False, longitude__isnull=False),
                name="report_point_whole",
            )
        ]
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self):
        return self.tracking_number

    def get_absolute_url(self):
        return reverse("complaints:report", args=[self.tracking_number])

    def get_manage_url(self):
        return reverse("complaints:manage_report", args=[self.pk])

    def audit_region_id(self):
        return self.region_id

    # The private link --------------------------------------------------------------------

    @staticmethod
    def new_salt() -> str:
        return secrets.token_hex(16)

    def token(self, secret: str | None = None) -> str:
        """The reporter's private token (43 characters, 256 bits)."""
        key = hashlib.sha256(f"cerdas.complaints:{secret or settings.SECRET_KEY}".encode())
        mac = hmac.new(key.digest(), f"{self.tracking_number}:{self.token_salt}".encode(), "sha256")
        return base64.urlsafe_b64encode(mac.digest()).decode().rstrip("=")

    def token_matches(self, given: str) -> bool:
        """Compare in constant time, under the current secret and its fallbacks."""
        secrets_to_try = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
        return any(hmac.compare_digest(self.token(s), given) for s in secrets_to_try)

    def get_private_url(self, token: str | None = None) -> str:
        return reverse("complaints:track", args=[self.tracking_number, token or self.token()])

    # What the report is now --------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self.status in flow.OPEN

    @property
    def is_public(self) -> bool:
        if self.privacy == Privacy.CONFIDENTIAL:
            return False
        return not (self.status == Status.ARCHIVED and self.archive_reason == ArchiveReason.SPAM)

    @property
    def awaits_answer(self) -> bool:
        """Whether the agency's answer is still to come (so its expected time matters)."""
        return self.status == flow.SUBMITTED or self.status in flow.WITH_AGENCY

    @property
    def shows_identity(self) -> bool:
        """Whether officials may see who reported it (never for anonymous reports)."""
        return self.privacy != Privacy.ANONYMOUS

    @property
    def open311_status(self) -> str:
        return flow.open311_status(self.status)

    @property
    def step(self) -> str | None:
        return deadlines.step_for(self.status)

    @property
    def tzinfo(self):
        return self.region.tzinfo

    def shown_text(self) -> str:
        """The text the public reads, or an empty string while it waits for the check."""
        return self.public_description if self.text_public else ""


class Event(models.Model):
    """One step in a report's timeline, with who took it and what they wrote."""

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public")
        # The public sees that it happened; the text is for the reporter and officials.
        PRIVATE = "private", _("Reporter and officials")
        INTERNAL = "internal", _("Officials only")

    class Actor(models.TextChoices):
        REPORTER = "reporter", _("Reporter")
        COORDINATOR = "coordinator", _("Coordinator")
        OFFICER = "officer", _("Agency")
        SYSTEM = "system", _("System")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="events")
    created_at = models.DateTimeField(_("time"), db_index=True)
    action = models.CharField(_("action"), max_length=32)
    status = models.CharField(_("status after"), max_length=20, choices=Status.choices)
    actor_role = models.CharField(max_length=20, choices=Actor.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Who the public and the reporter see as the author: "Koordinator", an agency's name.
    actor_label = models.CharField(max_length=200, blank=True)
    text = models.TextField(_("text"), blank=True)
    visibility = models.CharField(max_length=10, choices=Visibility.choices)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.report_id} {self.action}"


def photo_path(instance, filename):
    # Random names: a picture of a confidential report is never at a guessable address.
    return f"pengaduan/{secrets.token_urlsafe(18)}.jpg"


class Photo(models.Model):
    """A picture of a report, re-encoded (EXIF and GPS stripped) and served by a view that
    checks who may see it."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(upload_to=photo_path)
    thumbnail = models.ImageField(upload_to=photo_path)
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    hidden = models.BooleanField(_("hidden from the public"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.report_id}/{self.pk}"


class TrackingCounter(models.Model):
    """The last report number given in a region and month (``2611``)."""

    region = models.ForeignKey("regions.Region", on_delete=models.CASCADE, related_name="+")
    period = models.CharField(max_length=4)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["region", "period"], name="tracking_counter_unique")
        ]

    def __str__(self):
        return f"{self.region_id}-{self.period}: {self.last}"


class ApiKeyQuerySet(models.QuerySet):
    def usable(self):
        return self.filter(revoked_at__isnull=True)


class ApiKey(Audited, models.Model):
    """An Open311 client application's key for posting reports to one region.

    Only a hash is kept: the key itself is shown once, when it is issued."""

    region = models.ForeignKey(
        "regions.Region", on_delete=models.CASCADE, related_name="open311_keys"
    )
    name = models.CharField(_("application"), max_length=120)
    prefix = models.CharField(_("key starts with"), max_length=8)
    key_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("issued"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)

    objects = ApiKeyQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("Open311 API key")
        verbose_name_plural = _("Open311 API keys")

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    def audit_region_id(self):
        return self.region_id

    @staticmethod
    def hash_of(key: str) -> str:
        return hashlib.sha256(f"cerdas.open311:{key}".encode()).hexdigest()


class EscalationSent(models.Model):
    """The claim that one overdue step of a report has been escalated.

    The unique constraint is the lock: a worker inserts the row before sending, and a worker
    whose insert fails knows another one sent it. A deadline extended later is a new
    deadline, and may be escalated once in its turn."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="+")
    step = models.CharField(max_length=20)
    due_at = models.DateTimeField()
    sent_at = models.DateTimeField(auto_now_add=True)
    recipients = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["report", "step", "due_at"], name="escalation_once_per_deadline"
            )
        ]

    def __str__(self):
        return f"{self.report_id} {self.step} {self.due_at:%Y-%m-%d}"

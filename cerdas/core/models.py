from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

# What each audited action means to a reader of the log. Apps add their own actions here
# (AUDIT_ACTIONS.update(...) in their models module) so the log reads as sentences.
AUDIT_ACTIONS: dict[str, str] = {
    "region.updated": _("updated from the Kemendagri region data"),
    "user.created": _("created the account"),
    "user.role_changed": _("changed the account's role or scope"),
    "user.password_changed": _("changed the password"),
    "calendar.day_added": _("added a day to the working-day calendar"),
    "calendar.day_removed": _("removed a day from the working-day calendar"),
}


class AuditEntryQuerySet(models.QuerySet):
    def for_user(self, user):
        """Entries this user may read: all for national admins, their region's for its team."""
        if not user.is_authenticated:
            return self.none()
        if user.is_national_admin:
            return self
        if user.role == user.Role.REGIONAL_TEAM and user.region_id:
            return self.filter(region_code=user.region_id)
        return self.none()


class AuditEntry(models.Model):
    """Who did what to which object, when, and why. Written once, never edited."""

    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Kept as text so the log still says who acted after an account is deleted.
    actor_name = models.CharField(_("by (name)"), max_length=200, blank=True)
    action = models.CharField(_("action"), max_length=64, db_index=True)
    content_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    object_id = models.CharField(max_length=64, blank=True)
    object_repr = models.CharField(_("object"), max_length=300, blank=True)
    # The Kemendagri code of the region whose team may read the entry; a code rather than a
    # foreign key so that the kernel knows nothing of the regions app.
    region_code = models.CharField(_("region"), max_length=10, blank=True, db_index=True)
    reason = models.TextField(_("reason"), blank=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_name or '-'} {self.action}"

    def get_action_display(self) -> str:
        return str(AUDIT_ACTIONS.get(self.action, self.action))


class Audited:
    """Mixin for models whose changes are written to the audit log.

    A model says which region an entry belongs to by overriding ``audit_region_id`` so
    the region's team can read the entries about its own objects.
    """

    def audit_region_id(self):
        return None

    def log_action(self, action: str, user=None, reason: str = "", changes=None) -> AuditEntry:
        actor = user if user is not None and user.is_authenticated else None
        return AuditEntry.objects.create(
            actor=actor,
            actor_name=(actor.get_full_name() or actor.get_username()) if actor else "",
            action=action,
            content_type=ContentType.objects.get_for_model(type(self)),
            object_id=str(self.pk),
            object_repr=str(self)[:300],
            region_code=self.audit_region_id() or "",
            reason=reason,
            changes=changes or {},
        )


class RateCounter(models.Model):
    """Hits of one rate-limit key in one time window (``cerdas.core.ratelimit``)."""

    key = models.CharField(max_length=120)
    slot = models.BigIntegerField()
    hits = models.PositiveIntegerField(default=0)
    # When the window ends, in seconds since the epoch; the row may be deleted after.
    expires = models.BigIntegerField(db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "slot"], name="ratecounter_unique_window")
        ]

    def __str__(self):
        return f"{self.key} @ {self.slot}: {self.hits}"


class CalendarDay(Audited, models.Model):
    """A date the national holidays of the ``holidays`` package do not know, or get wrong.

    The program office records here the collective leave (*cuti bersama*) of each year's
    joint decree, holidays declared at the last minute, and days declared working days
    (a Saturday, a holiday called off). ``cerdas.core.calendar.working_calendar`` combines
    this table with the national holidays into the calendar every deadline is counted on.
    """

    class Kind(models.TextChoices):
        COLLECTIVE_LEAVE = "cuti_bersama", _("Collective leave (cuti bersama)")
        EXTRA_HOLIDAY = "extra_holiday", _("Extra holiday")
        WORKING_DAY = "working_day", _("Working day")

    date = models.DateField(_("date"), unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date"]
        verbose_name = _("calendar day")
        verbose_name_plural = _("calendar days")

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.name}"

    @property
    def is_working(self) -> bool:
        return self.kind == self.Kind.WORKING_DAY

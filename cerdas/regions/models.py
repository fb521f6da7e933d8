import zoneinfo

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cerdas.core.models import Audited


class TimeZone(models.TextChoices):
    WIB = "Asia/Jakarta", _("WIB (UTC+7)")
    WITA = "Asia/Makassar", _("WITA (UTC+8)")
    WIT = "Asia/Jayapura", _("WIT (UTC+9)")

    @property
    def abbreviation(self) -> str:
        return self.name


# Provinces in WITA and WIT; every other province is WIB (Sumatra, Java, West and Central
# Kalimantan). Source: Keppres 41/1987 on Indonesia's time zones, see docs/data-sources.md.
_WITA_PROVINCES = {"51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"}
_WIT_PROVINCES = {"81", "82", "91", "92", "93", "94", "95", "96"}


def timezone_for_province(code: str) -> TimeZone:
    if code in _WIT_PROVINCES:
        return TimeZone.WIT
    if code in _WITA_PROVINCES:
        return TimeZone.WITA
    return TimeZone.WIB


class Province(models.Model):
    code = models.CharField(_("code"), max_length=2, primary_key=True)
    name = models.CharField(_("name"), max_length=100)
    timezone = models.CharField(_("time zone"), max_length=32, choices=TimeZone.choices)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("province")
        verbose_name_plural = _("provinces")

    def __str__(self):
        return self.name

    @property
    def timezone_abbreviation(self) -> str:
        return TimeZone(self.timezone).abbreviation


class RegionQuerySet(models.QuerySet):
    def search(self, text: str):
        text = " ".join(text.split())
        if not text:
            return self
        return self.filter(Q(name__icontains=text) | Q(code__startswith=text))

    def for_user(self, user):
        """Regions whose non-public data this user may see."""
        if not user.is_authenticated:
            return self.none()
        if user.is_national_admin:
            return self
        if user.role == user.Role.ASSESSOR:
            return self.filter(assessors=user)
        if user.region_id:
            return self.filter(pk=user.region_id)
        return self.none()


class Region(Audited, models.Model):
    """A kabupaten or kota, identified by its Kemendagri code (``35.22``)."""

    class Kind(models.TextChoices):
        KABUPATEN = "kabupaten", _("Regency (kabupaten)")
        KOTA = "kota", _("City (kota)")

    code = models.CharField(_("code"), max_length=5, primary_key=True)
    name = models.CharField(_("name"), max_length=100, db_index=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    # Jakarta's five kota and one kabupaten are administrative: no elected council of
    # their own; they are part of the province's government.
    is_administrative = models.BooleanField(_("administrative"), default=False)
    province = models.ForeignKey(
        Province, verbose_name=_("province"), on_delete=models.PROTECT, related_name="regions"
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = RegionQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("regions:detail", args=[self.code])

    def audit_region_id(self):
        return self.pk

    @property
    def timezone(self) -> str:
        return self.province.timezone

    @property
    def tzinfo(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.province.timezone)

    @property
    def timezone_abbreviation(self) -> str:
        return self.province.timezone_abbreviation


class Agency(models.Model):
    """An OPD: one of a region's agencies (dinas, badan), such as its Diskominfo."""

    region = models.ForeignKey(
        Region, verbose_name=_("region"), on_delete=models.CASCADE, related_name="agencies"
    )
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    is_demo = models.BooleanField(_("demo"), default=False)

    class Meta:
        ordering = ["region", "name"]
        constraints = [
            models.UniqueConstraint(fields=["region", "name"], name="agency_unique_name_in_region")
        ]
        verbose_name = _("agency (OPD)")
        verbose_name_plural = _("agencies (OPD)")

    def __str__(self):
        return f"{self.short_name or self.name} — {self.region}"

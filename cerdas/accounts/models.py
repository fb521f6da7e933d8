from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from cerdas.core.models import Audited


class User(Audited, AbstractUser):
    """An account with one role; the role's scope (region, agency, assignments) rides along."""

    class Role(models.TextChoices):
        NATIONAL_ADMIN = "national_admin", _("National admin")
        ASSESSOR = "assessor", _("Assessor / reviewer")
        REGIONAL_TEAM = "regional_team", _("Regional team")
        AGENCY_OFFICER = "agency_officer", _("Agency officer")
        CITIZEN = "citizen", _("Citizen")

    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.CITIZEN)
    region = models.ForeignKey(
        "regions.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members",
        help_text=_("The region a regional team member or agency officer works for."),
    )
    agency = models.ForeignKey(
        "regions.Agency",
        verbose_name=_("agency (OPD)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="officers",
    )
    assigned_regions = models.ManyToManyField(
        "regions.Region",
        verbose_name=_("assigned regions"),
        blank=True,
        related_name="assessors",
        help_text=_("Regions an assessor or reviewer is assigned to."),
    )
    is_demo = models.BooleanField(_("demo account"), default=False)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.get_full_name() or self.username

    def clean(self):
        super().clean()
        needs_region = {self.Role.REGIONAL_TEAM, self.Role.AGENCY_OFFICER}
        if self.role in needs_region and not self.region_id:
            raise ValidationError({"region": _("Choose the region this person works for.")})
        if self.role == self.Role.AGENCY_OFFICER:
            if not self.agency_id:
                raise ValidationError({"agency": _("Choose the agency this officer works for.")})
            if self.agency.region_id != self.region_id:
                raise ValidationError(
                    {"agency": _("The agency must belong to the officer's region.")}
                )
        elif self.agency_id:
            raise ValidationError({"agency": _("Only agency officers belong to an agency.")})
        if self.role not in needs_region and self.region_id:
            raise ValidationError({"region": _("Only regional roles are tied to one region.")})

    def audit_region_id(self):
        return self.region_id

    @property
    def is_national_admin(self) -> bool:
        return self.is_active and (self.role == self.Role.NATIONAL_ADMIN or self.is_superuser)

    @property
    def visibility(self) -> tuple:
        """All that decides which records this person sees on an official's desk (the apps'
        ``for_user`` querysets): a kept copy of a desk goes only to people with the same."""
        return (self.is_active, self.is_national_admin, self.role, self.region_id, self.agency_id)

    def can(self, permission: str, region=None) -> bool:
        """The one place that decides what this user may do, optionally within a region.

        ``view_private``: see a region's non-public data. ``edit``: change a region's data.
        ``view_audit``: read a region's audit log. ``manage_program``: run the national
        program (rounds, cohorts, users).
        """
        if not self.is_active:
            return False
        if self.is_national_admin:
            return True
        if permission == "manage_program":
            return False
        region_id = getattr(region, "pk", region)
        if region_id is None:
            return False
        if permission == "view_private":
            if self.role == self.Role.ASSESSOR:
                return self.assigned_regions.filter(pk=region_id).exists()
            return self.role in (self.Role.REGIONAL_TEAM, self.Role.AGENCY_OFFICER) and (
                self.region_id == region_id
            )
        if permission in ("edit", "view_audit"):
            return self.role == self.Role.REGIONAL_TEAM and self.region_id == region_id
        return False

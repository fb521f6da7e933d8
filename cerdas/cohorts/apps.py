from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def participation_section(region):
    """A region's cohort history for its public profile, or None if it never took part."""
    from .models import Membership

    memberships = list(
        Membership.objects.filter(region=region).select_related("cohort").order_by("joined_on")
    )
    return {"memberships": memberships} if memberships else None


class CohortsConfig(AppConfig):
    name = "cerdas.cohorts"
    label = "cohorts"
    verbose_name = _("Cohorts")

    def ready(self):
        from cerdas.regions.profile import register_section

        from . import signals

        register_section("cohorts/region_section.html", participation_section, order=20)
        signals.connect()

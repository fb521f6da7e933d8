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
        from cerdas.assessments import signals as assessments
        from cerdas.core.registries import ProfileSection, profile_sections

        from . import receivers, signals

        profile_sections.register(
            ProfileSection("cohorts/region_section.html", participation_section, order=20)
        )
        signals.connect()
        assessments.selection_finalised.connect(
            receivers.record_final_selection, dispatch_uid="cohorts-record-selection"
        )
        assessments.excluded_regions.connect(
            receivers.exclude_earlier_members, dispatch_uid="cohorts-earlier-members"
        )

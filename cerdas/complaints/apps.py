from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def complaints_section(region):
    """The region's complaint figures for its profile, or None before its first report."""
    from cerdas.complaints.stats import profile_summary

    return profile_summary(region)


class ComplaintsConfig(AppConfig):
    name = "cerdas.complaints"
    label = "complaints"
    verbose_name = _("Complaints")

    def ready(self):
        from cerdas.complaints.receivers import recount_after_calendar_change
        from cerdas.core.calendar import calendar_changed
        from cerdas.core.registries import ProfileSection, profile_sections

        profile_sections.register(
            ProfileSection("complaints/region_section.html", complaints_section, order=60)
        )
        calendar_changed.connect(
            recount_after_calendar_change, dispatch_uid="complaints-recount-deadlines"
        )

from django.apps import AppConfig
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def complaints_section(region):
    """The region's complaint figures for its profile, or None before its first report."""
    from cerdas.complaints.stats import profile_summary

    return profile_summary(region)


def account_links(user) -> list[tuple[str, str]]:
    """The account page's link to the complaints queue, for the people who work it."""
    if user.is_national_admin or (
        user.region_id and user.role in (user.Role.REGIONAL_TEAM, user.Role.AGENCY_OFFICER)
    ):
        return [(_("Citizens' complaints: the queue"), reverse("complaints:manage"))]
    return []


class ComplaintsConfig(AppConfig):
    name = "cerdas.complaints"
    label = "complaints"
    verbose_name = _("Complaints")

    def ready(self):
        from . import datasets

        datasets.register()
        from cerdas.complaints.receivers import recount_after_calendar_change
        from cerdas.core.calendar import calendar_changed
        from cerdas.core.registries import ProfileSection, WorkLink, profile_sections, work_links

        profile_sections.register(
            ProfileSection("complaints/region_section.html", complaints_section, order=70)
        )
        work_links.register(WorkLink("complaints", account_links, order=60))
        calendar_changed.connect(
            recount_after_calendar_change, dispatch_uid="complaints-recount-deadlines"
        )
        from cerdas.complaints.models import Category, ComplaintSettings, Event, Photo, Report
        from cerdas.complaints.receivers import desk_changed, report_part_changed
        from cerdas.core.signals import on_every_write
        from cerdas.regions.models import Agency

        on_every_write(
            desk_changed, Report, Category, Agency, ComplaintSettings, uid="complaints-desk"
        )
        on_every_write(report_part_changed, Event, Photo, uid="complaints-report-parts")

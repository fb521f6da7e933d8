from django.apps import AppConfig
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def participation_section(region):
    """A region's cohort history for its public profile, or None if it never took part."""
    from .models import Membership

    memberships = list(
        Membership.objects.filter(region=region).select_related("cohort").order_by("joined_on")
    )
    return {"memberships": memberships} if memberships else None


def account_links(user) -> list[tuple[str, str]]:
    """The account page's links into cohorts: the program office's cohorts, a member
    region's own board in each cohort it belongs to."""
    from .models import Membership

    if user.is_national_admin:
        return [
            (_("Cohorts: members, bimtek, progress boards and awards"), reverse("cohorts:list"))
        ]
    if user.role not in (user.Role.REGIONAL_TEAM, user.Role.AGENCY_OFFICER) or not user.region_id:
        return []
    memberships = Membership.objects.filter(region_id=user.region_id)
    years = sorted(set(memberships.values_list("cohort__year", flat=True)), reverse=True)
    return [
        (
            _("Your region's board in the %(year)s cohort") % {"year": year},
            reverse("cohorts:region_board", args=[year, user.region_id]),
        )
        for year in years
    ]


class CohortsConfig(AppConfig):
    name = "cerdas.cohorts"
    label = "cohorts"
    verbose_name = _("Cohorts")

    def ready(self):
        from . import datasets

        datasets.register()
        from cerdas.assessments import signals as assessments
        from cerdas.core.registries import ProfileSection, WorkLink, profile_sections, work_links

        from . import receivers, signals

        profile_sections.register(
            ProfileSection("cohorts/region_section.html", participation_section, order=20)
        )
        work_links.register(WorkLink("cohorts", account_links, order=20, kinds=("cohorts",)))
        signals.connect()
        assessments.selection_finalised.connect(
            receivers.record_final_selection, dispatch_uid="cohorts-record-selection"
        )
        assessments.excluded_regions.connect(
            receivers.exclude_earlier_members, dispatch_uid="cohorts-earlier-members"
        )

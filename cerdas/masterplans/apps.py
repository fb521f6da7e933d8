from django.apps import AppConfig
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def account_links(user) -> list[tuple[str, str]]:
    """The account page's links into masterplans for this user."""
    if user.is_national_admin or user.role == user.Role.ASSESSOR:
        return [(_("Masterplans to review"), reverse("masterplans:index"))]
    if user.role in (user.Role.REGIONAL_TEAM, user.Role.AGENCY_OFFICER):
        return [(_("Your region's masterplan"), reverse("masterplans:index"))]
    return []


class MasterplansConfig(AppConfig):
    name = "cerdas.masterplans"
    label = "masterplans"
    verbose_name = _("Masterplans")

    def ready(self):
        from cerdas.core.registries import ProfileSection, WorkLink, profile_sections, work_links
        from cerdas.masterplans.views.public import profile_section_context

        profile_sections.register(
            ProfileSection("masterplans/region_section.html", profile_section_context, order=40)
        )
        work_links.register(WorkLink("masterplans", account_links, order=30))

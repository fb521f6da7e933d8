from django.apps import AppConfig
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def account_links(user) -> list[tuple[str, str]]:
    """The account page's link to the programs this person may update."""
    if user.role in (user.Role.REGIONAL_TEAM, user.Role.AGENCY_OFFICER) and user.region_id:
        return [
            (
                _("Update your region's programs"),
                reverse("implementation:region", args=[user.region_id]),
            )
        ]
    if user.is_national_admin:
        return [(_("Implementation of the masterplans"), reverse("implementation:national"))]
    return []


def evidence_access(request, name):
    """Evidence of an update: public evidence for everyone (on an approved plan's program),
    private evidence for those who read the region's private data."""
    from cerdas.core.media import Access
    from cerdas.implementation.models import Evidence
    from cerdas.implementation.permissions import can_read_private

    evidence = Evidence.objects.select_related("update__record").filter(file=name).first()
    if evidence is None:
        return None
    region_id = evidence.update.record.region_id
    if evidence.is_public:
        return Access(public=True)
    if can_read_private(request.user, region_id):
        return Access(public=False)
    return None


class ImplementationConfig(AppConfig):
    name = "cerdas.implementation"
    label = "implementation"
    verbose_name = _("Implementation")

    def ready(self):
        from cerdas.core.registries import (
            MediaRule,
            ProfileSection,
            WorkLink,
            media_rules,
            profile_sections,
            work_links,
        )
        from cerdas.implementation import datasets
        from cerdas.implementation.views.public import profile_section_context

        profile_sections.register(
            ProfileSection("implementation/region_section.html", profile_section_context, order=45)
        )
        work_links.register(WorkLink("implementation", account_links, order=35))
        media_rules.register(MediaRule("implementation/", evidence_access))
        datasets.register()

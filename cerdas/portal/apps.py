from django.apps import AppConfig
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def region_news(region):
    """The region's latest three published articles for its profile, or None if it has none."""
    from cerdas.portal.models import Article

    articles = list(
        Article.objects.published().filter(region=region).select_related("region__province")[:3]
    )
    return {"articles": articles} if articles else None


def account_links(user) -> list[tuple[str, str]]:
    """The account page's links into the news portal for this user."""
    if user.is_national_admin:
        return [(_("News editor"), reverse("portal:manage"))]
    if user.role == user.Role.REGIONAL_TEAM:
        return [(_("Your region's news"), reverse("portal:manage"))]
    return [(_("Read the news and give your reaction"), reverse("portal:home"))]


class PortalConfig(AppConfig):
    name = "cerdas.portal"
    label = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from cerdas.core.registries import ProfileSection, WorkLink, profile_sections, work_links

        profile_sections.register(
            ProfileSection("portal/region_section.html", region_news, order=50)
        )
        work_links.register(WorkLink("portal", account_links, order=40))

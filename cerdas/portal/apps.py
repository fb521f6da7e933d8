from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def region_news(region):
    """The region's latest three published articles for its profile, or None if it has none."""
    from cerdas.portal.models import Article

    articles = list(
        Article.objects.published().filter(region=region).select_related("region__province")[:3]
    )
    return {"articles": articles} if articles else None


class PortalConfig(AppConfig):
    name = "cerdas.portal"
    label = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from cerdas.core.registries import ProfileSection, profile_sections

        profile_sections.register(
            ProfileSection("portal/region_section.html", region_news, order=50)
        )

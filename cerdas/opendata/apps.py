from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def region_section(region):
    """The datasets a region publishes, for its public profile; None when it has none."""
    from cerdas.opendata import catalogue

    packages = catalogue.packages(catalogue.region_slug(region))
    return {"packages": packages} if packages else None


class OpendataConfig(AppConfig):
    name = "cerdas.opendata"
    label = "opendata"
    verbose_name = _("Open data")

    def ready(self):
        from cerdas.core.registries import ProfileSection, profile_sections

        profile_sections.register(
            ProfileSection("opendata/region_section.html", region_section, order=90)
        )

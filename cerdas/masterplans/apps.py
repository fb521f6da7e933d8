from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MasterplansConfig(AppConfig):
    name = "cerdas.masterplans"
    label = "masterplans"
    verbose_name = _("Masterplans")

    def ready(self):
        from cerdas.core.registries import ProfileSection, profile_sections
        from cerdas.masterplans.views.public import profile_section_context

        profile_sections.register(
            ProfileSection("masterplans/region_section.html", profile_section_context, order=40)
        )

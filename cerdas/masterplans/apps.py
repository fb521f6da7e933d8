from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MasterplansConfig(AppConfig):
    name = "cerdas.masterplans"
    label = "masterplans"
    verbose_name = _("Masterplans")

    def ready(self):
        from cerdas.masterplans.views.public import profile_section_context
        from cerdas.regions.profile import register_section

        register_section("masterplans/region_section.html", profile_section_context, order=40)

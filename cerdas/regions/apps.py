from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegionsConfig(AppConfig):
    name = "cerdas.regions"
    label = "regions"
    verbose_name = _("Regions")

    def ready(self):
        from . import datasets

        datasets.register()

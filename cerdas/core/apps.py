from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "cerdas.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        from cerdas.core.cache import retire_pages
        from cerdas.core.signals import public_content_changed

        public_content_changed.connect(retire_pages, dispatch_uid="core-page-cache")

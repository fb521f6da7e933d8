from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "cerdas.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        from cerdas.core.cache import AUDIT_LOG, audit_written, retire_pages
        from cerdas.core.models import AuditEntry
        from cerdas.core.signals import on_every_write, public_content_changed

        public_content_changed.connect(retire_pages, dispatch_uid="core-page-cache")
        on_every_write(audit_written, AuditEntry, uid=AUDIT_LOG)

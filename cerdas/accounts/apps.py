from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "cerdas.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from django.db.models.signals import m2m_changed

        from cerdas.accounts import receivers
        from cerdas.accounts.models import User
        from cerdas.core.signals import on_every_write
        from cerdas.regions.models import Region

        on_every_write(receivers.person_changed, User, uid=receivers.PEOPLE)
        m2m_changed.connect(
            receivers.assignments_changed,
            sender=Region.assessors.through,
            dispatch_uid="people-assessors",
        )

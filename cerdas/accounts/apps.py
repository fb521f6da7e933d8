from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "cerdas.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from cerdas.accounts import receivers
        from cerdas.accounts.models import User
        from cerdas.core.signals import on_every_write

        on_every_write(receivers.person_changed, User, uid=receivers.PEOPLE)

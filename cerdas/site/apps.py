from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    """The site as a whole: home page, national pages and loading demo data and records.

    The one app that may know every other; nothing imports it.
    """

    name = "cerdas.site"
    label = "site"
    verbose_name = _("Site")

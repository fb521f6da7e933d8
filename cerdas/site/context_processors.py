from django.conf import settings
from django.core.cache import cache

from cerdas.accounts.models import User


def site(request):
    """What every page's layout needs: whether demo data is loaded, and the languages."""
    has_demo = cache.get("site:has_demo")
    if has_demo is None:
        has_demo = User.objects.filter(is_demo=True).exists()
        cache.set("site:has_demo", has_demo, 300)
    return {"has_demo_data": has_demo, "site_languages": settings.LANGUAGES}

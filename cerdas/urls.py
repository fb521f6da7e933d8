from django.conf import settings
from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from cerdas.api import api
from cerdas.core import media
from cerdas.core import views as core_views
from cerdas.site import views as site_views

handler403 = "cerdas.core.views.permission_denied"
handler404 = "cerdas.core.views.page_not_found"

# The administration signs people in through Cerdas' own login, so the same throttling
# applies; its header names Cerdas.
admin.site.login = login_required(admin.site.login)
admin.site.site_header = _("Cerdas administration")
admin.site.site_title = _("Cerdas administration")

urlpatterns = [
    path("", site_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("favicon.ico", core_views.favicon),
    path("bahasa/<str:code>/", core_views.switch_language, name="switch_language"),
    path("wilayah/", include("cerdas.regions.urls")),
    path("audit/", site_views.audit_log, name="audit_log"),
    path("penilaian/", include("cerdas.assessments.urls")),
    path("angkatan/", include("cerdas.cohorts.urls")),
    path("masterplan/", include("cerdas.masterplans.urls")),
    path("berita/", include("cerdas.portal.urls")),
    path("akun/", include("cerdas.accounts.urls")),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    # Uploaded files, each app's access rule first (cerdas.core.media), in every mode.
    path(f"{settings.MEDIA_URL.lstrip('/')}<path:name>", media.media, name="media"),
]

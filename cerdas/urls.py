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

# The administration signs people in through Cerdas' own login; a signed-in user who is not
# staff still reaches the admin's own form, whose password check goes through the same
# lockout (django-axes is the first authentication backend). Its header names Cerdas.
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
    path("kalender/", site_views.calendar_page, name="calendar"),
    path("kalender/<int:pk>/hapus/", site_views.calendar_remove, name="calendar_remove"),
    path("penilaian/", include("cerdas.assessments.urls")),
    path("angkatan/", include("cerdas.cohorts.urls")),
    path("masterplan/", include("cerdas.masterplans.urls")),
    path("implementasi/", include("cerdas.implementation.urls")),
    path("berita/", include("cerdas.portal.urls")),
    path("survei/", include("cerdas.surveys.urls")),
    path("pengaduan/", include("cerdas.complaints.urls")),
    path("open311/v2/", include("cerdas.complaints.urls_open311")),
    path("akun/", include("cerdas.accounts.urls")),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    # The open data catalogue (/data/), its CKAN action API (/api/3/action/) and dashboards.
    path("", include("cerdas.opendata.urls")),
    # Uploaded files, each app's access rule first (cerdas.core.media), in every mode.
    path(f"{settings.MEDIA_URL.lstrip('/')}<path:name>", media.media, name="media"),
]

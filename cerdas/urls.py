from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

from cerdas.api import api
from cerdas.core import views as core_views

handler403 = "cerdas.core.views.permission_denied"
handler404 = "cerdas.core.views.page_not_found"

urlpatterns = [
    path("", core_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("bahasa/", set_language, name="set_language"),
    path("wilayah/", include("cerdas.regions.urls")),
    path("akun/", include("cerdas.accounts.urls")),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
]

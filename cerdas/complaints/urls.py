from django.urls import path

from cerdas.complaints.feeds import RegionReportsFeed
from cerdas.complaints.models import COMPLAINTS
from cerdas.complaints.views import manage, public, setup
from cerdas.core.cache import public_page

app_name = "complaints"

urlpatterns = [
    path("", public.index, name="index"),
    path("cari/", public.find, name="find"),
    path("wilayah/<str:code>/", public.region_reports, name="region"),
    path("wilayah/<str:code>/lapor/", public.report_form, name="report_form"),
    path(
        "wilayah/<str:code>/feed/",
        public_page(COMPLAINTS)(RegionReportsFeed()),
        name="feed",
    ),
    path("foto/<int:pk>/<str:size>/", public.photo, name="photo"),
    path("lacak/<str:number>/<str:token>/", public.track, name="track"),
    path("lacak/<str:number>/<str:token>/tambah/", public.track_info, name="track_info"),
    path("lacak/<str:number>/<str:token>/jawab/", public.track_reply, name="track_reply"),
    path("lacak/<str:number>/<str:token>/nilai/", public.track_rate, name="track_rate"),
    path(
        "lacak/<str:number>/<str:token>/foto/<int:pk>/<str:size>/",
        public.track_photo,
        name="track_photo",
    ),
    path("kelola/", manage.queue, name="manage"),
    path("kelola/statistik/", manage.statistics, name="manage_stats"),
    path("kelola/laporan/<int:pk>/", manage.report_detail, name="manage_report"),
    path("kelola/laporan/<int:pk>/<str:name>/", manage.report_action, name="manage_action"),
    path("kelola/wilayah/<str:code>/topik/", setup.categories, name="manage_categories"),
    path("kelola/wilayah/<str:code>/pengaturan/", setup.settings_edit, name="manage_settings"),
    path("kelola/wilayah/<str:code>/kunci-api/", setup.api_keys, name="manage_keys"),
    path("kelola/topik/<int:pk>/", setup.category_edit, name="manage_category"),
    path("kelola/kunci-api/<int:pk>/cabut/", setup.api_key_revoke, name="manage_key_revoke"),
    # Last: a public report's page, by its tracking number (35.22-2611-0042).
    path("<str:number>/", public.report, name="report"),
]

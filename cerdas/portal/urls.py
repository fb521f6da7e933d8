from django.urls import path

from cerdas.core.cache import public_page
from cerdas.portal import feeds
from cerdas.portal.services import PORTAL
from cerdas.portal.views import manage, public

app_name = "portal"

urlpatterns = [
    path("", public.home, name="home"),
    path("nasional/", public.national, name="national"),
    path("wilayah/<str:code>/", public.region_news, name="region"),
    path("feed/", public_page(PORTAL)(feeds.AllNewsFeed()), name="feed"),
    path("feed/nasional/", public_page(PORTAL)(feeds.NationalNewsFeed()), name="feed_national"),
    path(
        "wilayah/<str:code>/feed/", public_page(PORTAL)(feeds.RegionNewsFeed()), name="feed_region"
    ),
    path("sitemap.xml", public.sitemap, name="sitemap"),
    path("<int:pk>/", public.article, name="article_short"),
    path("<int:pk>-<slug:slug>/", public.article, name="article"),
    path("<int:pk>/tanggapan/", public.react, name="react"),
    path("kelola/", manage.article_list, name="manage"),
    path("kelola/baru/", manage.article_create, name="manage_create"),
    path("kelola/impor/", manage.article_import, name="manage_import"),
    path("kelola/statistik/", manage.overview, name="manage_overview"),
    path("kelola/<int:pk>/", manage.article_edit, name="manage_edit"),
    path("kelola/<int:pk>/status/", manage.article_status, name="manage_status"),
    path("kelola/<int:pk>/pratinjau/", manage.article_preview, name="manage_preview"),
    path("kelola/<int:pk>/gambar/", manage.article_images, name="manage_images"),
    path("kelola/gambar/<int:image_pk>/hapus/", manage.image_delete, name="manage_image_delete"),
    path("kelola/<int:pk>/statistik/", manage.article_stats, name="manage_stats"),
]

from django.urls import path

from cerdas.opendata.views import ckan, dashboards, public

app_name = "opendata"

urlpatterns = [
    path("data/", public.catalogue_page, name="catalogue"),
    path("data/catalog.jsonld", public.catalog_jsonld, name="catalog_jsonld"),
    path("data/<slug:name>/", public.dataset_page, name="dataset"),
    path("data/<slug:name>/datapackage.json", public.data_package, name="datapackage"),
    path("data/<slug:name>/data.<str:fmt>", public.download, name="download"),
    path("api/3/action/<str:name>", ckan.action, name="ckan_action"),
    path("api/action/<str:name>", ckan.action, name="ckan_action_unversioned"),
    path("dasbor/", dashboards.national, name="dashboard"),
    path("dasbor/<str:code>/", dashboards.region, name="region_dashboard"),
]

from django.urls import path

from cerdas.regions.views import manage, public

app_name = "regions"

urlpatterns = [
    path("", public.directory, name="directory"),
    path("<str:code>/", public.detail, name="detail"),
    path("<str:code>/audit/", manage.audit_log, name="audit_log"),
]

from django.urls import path

from cerdas.implementation.views import manage, public

app_name = "implementation"

urlpatterns = [
    path("", public.national, name="national"),
    path("<str:code>/", public.region, name="region"),
    path("<str:code>/periode/", manage.reporting_period, name="period"),
    path("<str:code>/program/<uuid:key>/", public.program, name="program"),
    path("<str:code>/program/<uuid:key>/perbarui/", manage.update, name="update"),
    path("<str:code>/bukti/<int:pk>/privat/", manage.hide_evidence, name="hide_evidence"),
]

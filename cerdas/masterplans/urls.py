from django.urls import path

from cerdas.masterplans.views import imports, manage, public

app_name = "masterplans"

urlpatterns = [
    path("", public.plan_list, name="list"),
    path("bandingkan/", public.compare_regions, name="compare"),
    path("<int:pk>/", public.detail, name="detail"),
    path("<int:pk>/unduh/<str:fmt>/", public.download, name="download"),
    path("kelola/", manage.index, name="index"),
    path("<int:pk>/kelola/", manage.workspace, name="workspace"),
    path("<int:pk>/bagian/<str:kind>/", manage.edit_section, name="section"),
    path("<int:pk>/program/baru/", manage.edit_program, name="program_new"),
    path("<int:pk>/program/<int:program_id>/", manage.edit_program, name="program_edit"),
    path(
        "<int:pk>/program/<int:program_id>/hapus/",
        manage.delete_program,
        name="program_delete",
    ),
    path("<int:pk>/status/", manage.transition, name="transition"),
    path("<int:pk>/status/<str:action>/", manage.step, name="step"),
    path("<int:pk>/kohort/", manage.edit_cohort, name="cohort"),
    path("<int:pk>/komentar/", manage.comment, name="comment"),
    path("<int:pk>/revisi/", manage.revise, name="revise"),
    path("<int:pk>/versi/", manage.versions, name="versions"),
    path("<int:pk>/impor/", imports.upload, name="import"),
    path("<int:pk>/impor/pratinjau/", imports.preview, name="import_preview"),
]

from django.urls import path

from cerdas.assessments.views import manage, public, region

app_name = "assessments"

urlpatterns = [
    path("", public.index, name="index"),
    path("<int:pk>/", public.round_detail, name="round"),
    path("<int:pk>/peringkat/", public.ranking, name="ranking"),
    path("<int:pk>/peringkat.csv", public.ranking_csv, name="ranking_csv"),
    path("<int:pk>/peringkat.xlsx", public.ranking_xlsx, name="ranking_xlsx"),
    path("<int:pk>/laporan.pdf", public.report_pdf, name="report_pdf"),
    path("<int:pk>/wilayah/<str:code>/", public.region_result, name="region_result"),
    path("<int:pk>/isian/<str:code>/", region.self_assessment, name="self_assessment"),
    path("<int:pk>/isian/<str:code>/bukti/", region.upload_evidence, name="upload_evidence"),
    path("<int:pk>/nilai/<str:code>/", region.score, name="score"),
    path("bukti/<int:evidence_pk>/", region.evidence_file, name="evidence_file"),
    path("kelola/", manage.dashboard, name="manage"),
    path("kelola/kerangka/<int:pk>/", manage.framework, name="framework"),
    path("kelola/<int:pk>/", manage.round_dashboard, name="manage_round"),
    path("kelola/<int:pk>/undang/", manage.invite, name="invite"),
    path("kelola/<int:pk>/asesor/", manage.assign, name="assign"),
    path("kelola/<int:pk>/final/", manage.finalise, name="finalise"),
    path("kelola/<int:pk>/impor/", manage.import_values, name="import"),
    path("kelola/<int:pk>/impor/<int:batch_pk>/", manage.import_preview, name="import_preview"),
    path("kelola/<int:pk>/<str:action>/", manage.step, name="step"),
]

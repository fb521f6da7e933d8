from django.urls import path

from cerdas.assessments.views import frameworks, manage, public, region

app_name = "assessments"

urlpatterns = [
    path("", public.index, name="index"),
    path("kelola/", manage.dashboard, name="manage"),
    path("kelola/kerangka/<int:pk>/", frameworks.framework, name="framework"),
    path("kelola/kerangka/<int:pk>/metode/", frameworks.framework_method, name="framework_method"),
    path("kelola/kerangka/<int:pk>/indikator/", frameworks.indicator_add, name="indicator_add"),
    path(
        "kelola/kerangka/<int:pk>/indikator/<int:indicator_pk>/",
        frameworks.indicator_edit,
        name="indicator_edit",
    ),
    path("kelola/<int:pk>/", manage.round_dashboard, name="manage_round"),
    path("kelola/<int:pk>/aturan/", manage.rules, name="rules"),
    path("kelola/<int:pk>/undang/", manage.invite, name="invite"),
    path("kelola/<int:pk>/asesor/", manage.assign, name="assign"),
    path("kelola/<int:pk>/final/", manage.finalise, name="finalise"),
    path("kelola/<int:pk>/impor/", manage.import_values, name="import"),
    path("kelola/<int:pk>/impor/<int:batch_pk>/", manage.import_preview, name="import_preview"),
    path("kelola/<int:pk>/impor/sumber/<str:key>/", manage.import_source, name="import_source"),
    path("kelola/<int:pk>/<str:action>/", manage.step, name="step"),
    path("bukti/<int:evidence_pk>/", region.evidence_file, name="evidence_file"),
    path("<int:pk>/isian/<str:code>/", region.self_assessment, name="self_assessment"),
    path("<int:pk>/nilai/<str:code>/", region.score, name="score"),
    # Public pages live at the round's stable slug; addresses by id redirect there.
    path("<int:pk>/", public.by_id, name="by_id"),
    path("<int:pk>/<path:rest>", public.by_id),
    path("<slug:slug>/", public.round_detail, name="round"),
    path("<slug:slug>/peringkat/", public.ranking, name="ranking"),
    path("<slug:slug>/peringkat.csv", public.ranking_csv, name="ranking_csv"),
    path("<slug:slug>/peringkat.xlsx", public.ranking_xlsx, name="ranking_xlsx"),
    path("<slug:slug>/laporan.pdf", public.report_pdf, name="report_pdf"),
    path("<slug:slug>/wilayah/<str:code>/", public.region_result, name="region_result"),
]

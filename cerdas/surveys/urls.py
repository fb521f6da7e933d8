from django.urls import path

from cerdas.surveys.views import manage, public

app_name = "surveys"

urlpatterns = [
    path("", public.index, name="index"),
    path("wilayah/<str:code>/", public.region_overview, name="region"),
    path("unit/<int:pk>/", public.unit_trend, name="unit"),
    path("<int:pk>/", public.survey_results, name="results"),
    path("<int:pk>/laporan.pdf", public.report_pdf, name="report_pdf"),
    path("<int:pk>/laporan.docx", public.report_docx, name="report_docx"),
    path("isi/<int:pk>/", public.answer, name="answer"),
    path("isi/<int:pk>/terima-kasih/", public.thanks, name="thanks"),
    path("kelola/", manage.dashboard, name="manage"),
    path("kelola/templat.csv", manage.import_template, name="import_template"),
    path("kelola/unit/baru/", manage.unit_create, name="unit_create"),
    path("kelola/unit/<int:pk>/", manage.unit_edit, name="unit_edit"),
    path("kelola/unit/<int:unit_pk>/survei-baru/", manage.survey_create, name="survey_create"),
    path("kelola/<int:pk>/", manage.survey_manage, name="survey_manage"),
    path("kelola/<int:pk>/ubah/", manage.survey_edit, name="survey_edit"),
    path("kelola/<int:pk>/penerimaan/", manage.survey_answering, name="survey_answering"),
    path("kelola/<int:pk>/terbitkan/", manage.publish, name="publish"),
    path("kelola/<int:pk>/tarik/", manage.unpublish, name="unpublish"),
    path("kelola/<int:pk>/impor/", manage.import_upload, name="import"),
    path("kelola/<int:pk>/impor/<int:batch_pk>/", manage.import_preview, name="import_preview"),
    path("kelola/<int:pk>/qr.svg", manage.qr_svg, name="qr_svg"),
    path("kelola/<int:pk>/qr.pdf", manage.qr_pdf, name="qr_pdf"),
    path("kelola/<int:pk>/jawaban.csv", manage.export_csv, name="export_csv"),
]

from django.urls import path

from cerdas.cohorts.views import award_setup, manage, members, program, public, team

app_name = "cohorts"

urlpatterns = [
    path("", public.cohort_list, name="list"),
    path("baru/", manage.new_cohort, name="new"),
    path("<int:year>/", public.cohort_detail, name="detail"),
    path("<int:year>/seminar/", public.showcase, name="showcase"),
    path("<int:year>/seminar/<str:code>/slide.pdf", public.slides, name="slides"),
    path("<int:year>/penghargaan/", public.results, name="results"),
    path(
        "<int:year>/penghargaan/<int:category_id>/<str:code>/sertifikat.pdf",
        public.certificate,
        name="certificate",
    ),
    path("<int:year>/kelola/", program.manage_cohort, name="manage"),
    path("<int:year>/kelola/jadwal/", program.edit_cohort, name="edit"),
    path("<int:year>/kelola/mentor/", program.mentors, name="mentors"),
    path("<int:year>/bimtek/baru/", program.new_session, name="new_session"),
    path("<int:year>/bimtek/<int:stage>/", program.session_detail, name="session"),
    path("<int:year>/bimtek/<int:stage>/ubah/", program.edit_session, name="edit_session"),
    path("<int:year>/bimtek/<int:stage>/kehadiran/", program.attendance, name="attendance"),
    path("<int:year>/luaran/baru/", program.new_deliverable, name="new_deliverable"),
    path(
        "<int:year>/luaran/<int:deliverable_id>/ubah/",
        program.edit_deliverable,
        name="edit_deliverable",
    ),
    path("<int:year>/kelola/penghargaan/", award_setup.awards, name="awards"),
    path("<int:year>/kelola/penghargaan/terbitkan/", award_setup.publish_now, name="publish"),
    path("<int:year>/kelola/penghargaan/baru/", award_setup.new_category, name="new_category"),
    path(
        "<int:year>/kelola/penghargaan/<int:category_id>/",
        award_setup.edit_category,
        name="edit_category",
    ),
    path("<int:year>/papan/", manage.board, name="board"),
    path("<int:year>/anggota/", members.members, name="members"),
    path("<int:year>/anggota/<int:membership_id>/akhiri/", members.end_membership, name="end"),
    path("<int:year>/juri/", manage.jury, name="jury"),
    path("<int:year>/juri/tutup/", manage.close_jury, name="close_jury"),
    path("<int:year>/wilayah/<str:code>/", manage.region_board, name="region_board"),
    path("<int:year>/wilayah/<str:code>/mou/", manage.mou, name="mou"),
    path("<int:year>/wilayah/<str:code>/kewajiban/", team.obligations, name="obligations"),
    path("<int:year>/wilayah/<str:code>/lembaga/<str:kind>/", team.institution, name="institution"),
    path("<int:year>/wilayah/<str:code>/presentasi/", team.presentation, name="presentation"),
    path(
        "<int:year>/wilayah/<str:code>/luaran/<int:deliverable_id>/",
        manage.deliverable,
        name="deliverable",
    ),
    path(
        "<int:year>/wilayah/<str:code>/berkas/<str:kind>/<int:pk>/",
        manage.document,
        name="document",
    ),
]

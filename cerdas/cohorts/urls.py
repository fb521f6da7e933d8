from django.urls import path

from cerdas.cohorts.views import manage, members, public

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
    path("<int:year>/papan/", manage.board, name="board"),
    path("<int:year>/anggota/", members.members, name="members"),
    path("<int:year>/anggota/<int:membership_id>/akhiri/", members.end_membership, name="end"),
    path("<int:year>/juri/", manage.jury, name="jury"),
    path("<int:year>/juri/tutup/", manage.close_jury, name="close_jury"),
    path("<int:year>/wilayah/<str:code>/", manage.region_board, name="region_board"),
    path("<int:year>/wilayah/<str:code>/mou/", manage.mou, name="mou"),
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

"""Privacy on every public surface: pages, map, feed, API, Open311, exports, pictures.

A confidential report is nowhere public; nobody's name, email or phone ever is; an anonymous
reporter is hidden from the officials too; and a text waits for the coordinator's check
where the region asks for it."""

import pytest

from cerdas.complaints import services
from cerdas.complaints.models import Report
from cerdas.complaints.tests.conftest import picture_with_gps
from cerdas.core.images import process_upload

NAME, EMAIL, PHONE = "Siti Aminah", "siti@example.org", "081234567890"
PERSONAL = (NAME, EMAIL, PHONE)


def _surfaces(client, report=None):
    urls = [
        "/pengaduan/wilayah/35.22/",
        "/pengaduan/wilayah/35.22/feed/",
        "/api/v1/complaints/regions/35.22/reports",
        "/api/v1/complaints/regions/35.22/figures",
        "/open311/v2/requests.json?jurisdiction_id=35.22",
        "/open311/v2/requests.xml?jurisdiction_id=35.22",
        "/wilayah/35.22/",
    ]
    if report is not None:
        urls += [
            report.get_absolute_url(),
            f"/open311/v2/requests/{report.tracking_number}.json",
            f"/open311/v2/requests/{report.tracking_number}.xml",
        ]
    return {url: client.get(url) for url in urls}


@pytest.mark.django_db
def test_no_public_surface_shows_the_reporters_name_email_or_phone(
    client, road, unmoderated, submit
):
    report = submit(road, latitude="-7.15", longitude="111.88")
    for url, response in _surfaces(client, report).items():
        assert response.status_code == 200, url
        body = response.content.decode()
        for value in PERSONAL:
            assert value not in body, (url, value)
    assert report.tracking_number in client.get("/pengaduan/wilayah/35.22/").content.decode()


@pytest.mark.django_db
def test_a_confidential_report_is_on_no_public_surface(client, road, unmoderated, submit):
    secret = submit(road, privacy="confidential", description="Pungutan liar di kantor X")
    assert client.get(secret.get_absolute_url()).status_code == 404
    for url, response in _surfaces(client).items():
        body = response.content.decode()
        assert secret.tracking_number not in body, url
        assert "Pungutan liar" not in body, url
    assert client.get(f"/open311/v2/requests/{secret.tracking_number}.json").status_code == 404
    found = client.get(f"/pengaduan/cari/?number={secret.tracking_number}")
    assert found.status_code == 400  # not told whether it exists
    # The reporter still follows it at the private link.
    assert client.get(secret.get_private_url()).status_code == 200


@pytest.mark.django_db
def test_an_anonymous_reporter_is_hidden_from_the_officials_too(
    client, member_a, officer_a2, road, other_agency_a, submit
):
    report = submit(road, privacy="anonymous", name="")
    services.dispatch(
        member_a,
        report.pk,
        category_id=road.pk,
        agency_id=other_agency_a.pk,
        handling="standard",
        public_text="x",
    )
    for user in (member_a, officer_a2):
        client.force_login(user)
        page = client.get(report.get_manage_url()).content.decode()
        assert EMAIL not in page and PHONE not in page
        assert "Laporan anonim" in page


@pytest.mark.django_db
def test_officials_see_the_contact_of_a_public_report(client, member_a, road, submit):
    report = submit(road)
    client.force_login(member_a)
    page = client.get(report.get_manage_url()).content.decode()
    assert NAME in page and EMAIL in page


@pytest.mark.django_db
def test_where_the_region_checks_first_the_text_waits_but_the_status_does_not(
    client, member_a, road, other_agency_a, submit, django_capture_on_commit_callbacks
):
    report = submit(
        road,
        description="Ada nama tetangga saya, Pak Joko, di sini.",
        latitude="-7.15",
        longitude="111.88",
    )
    page = client.get(report.get_absolute_url()).content.decode()
    assert "Pak Joko" not in page and "-7,15" not in page and "-7.15" not in page
    assert "Menunggu verifikasi" in page
    listed = client.get("/pengaduan/wilayah/35.22/").content.decode()
    assert report.tracking_number in listed and "<circle" not in listed
    with django_capture_on_commit_callbacks(execute=True):  # the cached pages retire
        services.dispatch(
            member_a,
            report.pk,
            category_id=road.pk,
            agency_id=other_agency_a.pk,
            handling="standard",
            public_text="Ada tetangga yang terdampak.",
        )
    page = client.get(report.get_absolute_url()).content.decode()
    assert "Ada tetangga yang terdampak." in page and "Pak Joko" not in page


@pytest.mark.django_db
def test_the_map_shows_only_checked_public_points(client, road, unmoderated, submit):
    shown = submit(road, latitude="-7.15", longitude="111.88")
    submit(road, privacy="confidential", latitude="-7.20", longitude="111.90")
    page = client.get("/pengaduan/wilayah/35.22/").content.decode()
    assert page.count("<circle") == 1
    assert shown.get_absolute_url() in page


@pytest.mark.django_db
def test_pictures_are_public_only_with_a_public_checked_report(
    client, member_a, road, other_agency_a, submit
):
    picture = process_upload(picture_with_gps())
    report = submit(road, pictures=[picture])
    photo = report.photos.get()
    url = f"/pengaduan/foto/{photo.pk}/kecil/"
    assert client.get(url).status_code == 404  # waiting for the check
    services.dispatch(
        member_a,
        report.pk,
        category_id=road.pk,
        agency_id=other_agency_a.pk,
        handling="standard",
        public_text="x",
    )
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    services.redact(member_a, report.pk, "x", True, [photo.pk])
    assert client.get(url).status_code == 404
    own = client.get(f"{report.get_private_url()}foto/{photo.pk}/kecil/")
    assert own.status_code == 200 and "no-store" in own["Cache-Control"]
    client.force_login(member_a)
    assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_pictures_of_a_confidential_report_are_never_public(client, road, unmoderated, submit):
    report = submit(road, privacy="confidential", pictures=[process_upload(picture_with_gps())])
    photo = report.photos.get()
    assert client.get(f"/pengaduan/foto/{photo.pk}/besar/").status_code == 404
    assert Report.objects.get(pk=report.pk).photos.count() == 1


@pytest.mark.django_db
def test_the_officials_exports_hold_no_personal_data_and_no_text(
    client, member_a, road, unmoderated, submit
):
    submit(road, description='=HYPERLINK("http://x") teks warga')
    client.force_login(member_a)
    for query in ("format=csv", "export=reports&format=csv"):
        body = client.get(f"/pengaduan/kelola/statistik/?{query}").content.decode()
        for value in (*PERSONAL, "teks warga", "HYPERLINK"):
            assert value not in body, (query, value)
    from io import BytesIO

    from openpyxl import load_workbook

    book = load_workbook(
        BytesIO(client.get("/pengaduan/kelola/statistik/?export=reports&format=xlsx").content)
    )
    cells = [str(c.value) for row in book.active.iter_rows() for c in row]
    assert not any(value in cell for cell in cells for value in PERSONAL)

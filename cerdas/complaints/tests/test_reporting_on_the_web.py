"""A citizen reports without an account, checks the report, and follows it at a private link."""

import re

import pytest
from django.core import mail

from cerdas.complaints.engine import tracking
from cerdas.complaints.models import Event, Report
from cerdas.complaints.tests.conftest import picture_with_gps

FORM = "/pengaduan/wilayah/35.22/lapor/"


def _fields(category, **extra):
    data = {
        "kind": "complaint",
        "category": str(category.pk),
        "description": "Lampu jalan di Jl. Panglima Sudirman mati tiga malam.",
        "address": "Jl. Panglima Sudirman depan pasar",
        "latitude": "-7.150975",
        "longitude": "111.881860",
        "privacy": "public",
        "name": "",
        "email": "warga@example.org",
        "phone": "",
    }
    data.update(extra)
    return data


@pytest.mark.django_db
def test_the_form_offers_the_regions_open_topics_without_an_account(client, road, internet):
    internet.is_active = False
    internet.save()
    page = client.get(FORM).content.decode()
    assert "Jalan rusak" in page
    assert "Internet desa" not in page
    assert 'type="file"' in page and "multipart/form-data" in page


@pytest.mark.django_db
def test_a_region_without_topics_says_it_takes_no_reports(client):
    response = client.get(FORM)
    assert response.status_code == 404
    assert "belum menerima laporan" in response.content.decode()


@pytest.mark.django_db
def test_a_missing_description_is_named_and_everything_typed_is_kept(client, road):
    response = client.post(FORM, _fields(road, description="", step="check"))
    page = response.content.decode()
    assert response.status_code == 400
    assert "Tulis isi laporan Anda." in page
    assert "Jl. Panglima Sudirman depan pasar" in page
    assert "-7.150975" in page
    assert Report.objects.count() == 0


@pytest.mark.django_db
def test_half_a_point_or_a_point_outside_indonesia_is_refused(client, road):
    half = client.post(FORM, _fields(road, longitude="", step="check"))
    assert "Isi lintang dan bujur sekaligus" in half.content.decode()
    far = client.post(FORM, _fields(road, latitude="48.85", step="check"))
    assert "tidak berada di Indonesia" in far.content.decode()
    assert Report.objects.count() == 0


@pytest.mark.django_db
def test_checking_shows_the_answers_and_sends_nothing_yet(client, road):
    response = client.post(FORM, _fields(road, step="check"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Periksa laporan Anda" in page
    assert "Lampu jalan di Jl. Panglima Sudirman mati tiga malam." in page
    assert 'name="step" value="send"' in page
    assert Report.objects.count() == 0


@pytest.mark.django_db
def test_sending_gives_a_tracking_number_and_the_private_link(client, road):
    response = client.post(FORM, _fields(road, step="send"))
    report = Report.objects.get()
    assert response.status_code == 302
    assert response["Location"] == report.get_private_url()
    assert tracking.parse(report.tracking_number)[0] == "35.22"
    page = client.get(response["Location"]).content.decode()
    assert report.tracking_number in page
    assert "tautan pribadi Anda" in page
    assert "Lampu jalan di Jl. Panglima Sudirman" in page
    assert Event.objects.filter(report=report, action="submitted").exists()


@pytest.mark.django_db(transaction=True)
def test_the_reporter_gets_the_private_link_by_email(client, road):
    client.post(FORM, _fields(road, step="send"))
    report = Report.objects.get()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["warga@example.org"]
    assert report.tracking_number in mail.outbox[0].subject
    assert report.get_private_url() in mail.outbox[0].body


@pytest.mark.django_db
def test_the_private_page_is_never_cached_nor_indexed(client, road):
    client.post(FORM, _fields(road, step="send"))
    report = Report.objects.get()
    response = client.get(report.get_private_url())
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert response["Referrer-Policy"] == "same-origin"


@pytest.mark.django_db
def test_a_wrong_or_missing_token_finds_nothing(client, road, submit):
    report = submit(road)
    token = report.token()
    wrong = token[:-1] + ("A" if token[-1] != "A" else "B")
    assert client.get(f"/pengaduan/lacak/{report.tracking_number}/{wrong}/").status_code == 404
    assert client.get(f"/pengaduan/lacak/35.22-2611-9999/{token}/").status_code == 404
    assert client.get(report.get_private_url()).status_code == 200


@pytest.mark.django_db
def test_the_token_is_long_and_differs_between_reports(road, submit):
    first, second = submit(road), submit(road)
    assert len(first.token()) >= 43
    assert first.token() != second.token()
    assert first.token() not in first.token_salt


@pytest.mark.django_db
def test_pictures_are_re_encoded_without_the_cameras_gps(client, road):
    response = client.post(
        FORM, {**_fields(road, step="check"), "photos": [picture_with_gps(), picture_with_gps()]}
    )
    assert "2" in response.content.decode()
    staged = re.search(r'name="staged" value="([^"]+)"', response.content.decode()).group(1)
    client.post(FORM, {**_fields(road, step="send"), "staged": staged})
    report = Report.objects.get()
    assert report.photos.count() == 2
    data = report.photos.first().image.read()
    assert b"PhoneMaker" not in data and b"GPS" not in data
    assert data[:2] == b"\xff\xd8"


@pytest.mark.django_db
def test_more_than_three_pictures_are_refused(client, road):
    response = client.post(
        FORM, {**_fields(road, step="check"), "photos": [picture_with_gps() for _ in range(4)]}
    )
    assert response.status_code == 400
    assert "paling banyak 3 gambar" in response.content.decode()


@pytest.mark.django_db
def test_a_file_that_is_not_a_picture_is_refused_with_what_to_do(client, road):
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("x.jpg", b"<script>alert(1)</script>", content_type="image/jpeg")
    response = client.post(FORM, {**_fields(road, step="check"), "photos": [fake]})
    assert response.status_code == 400
    assert "JPEG, PNG, WebP atau GIF" in response.content.decode()


@pytest.mark.django_db
def test_going_back_to_change_keeps_every_answer(client, road):
    response = client.post(FORM, _fields(road, step="edit", description="Teks saya sendiri"))
    page = response.content.decode()
    assert "Teks saya sendiri" in page
    assert "warga@example.org" in page


@pytest.mark.django_db
def test_an_anonymous_report_keeps_no_name(client, road):
    refused = client.post(FORM, _fields(road, privacy="anonymous", name="Budi", step="check"))
    assert refused.status_code == 400
    assert "Laporan anonim tidak menyimpan nama" in refused.content.decode()
    client.post(FORM, _fields(road, privacy="anonymous", step="send"))
    assert Report.objects.get().reporter_name == ""


@pytest.mark.django_db
def test_too_many_reports_from_one_address_are_held_with_nothing_lost(client, road, settings):
    settings.COMPLAINTS_INTAKE_PER_HOUR = 2
    for _ in range(2):
        assert client.post(FORM, _fields(road, step="send")).status_code == 302
    held = client.post(FORM, _fields(road, step="send"))
    assert held.status_code == 429
    page = held.content.decode()
    assert "coba lagi nanti" in page
    assert "Lampu jalan di Jl. Panglima Sudirman" in page  # still there to send later
    assert Report.objects.count() == 2

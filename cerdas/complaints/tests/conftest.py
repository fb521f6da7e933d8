"""Fixtures of the complaints tests: a region that takes reports, and a report in each step."""

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from cerdas.complaints import services
from cerdas.complaints.models import Category, ComplaintSettings, Privacy
from cerdas.regions.models import Agency
from conftest import make_user


@pytest.fixture
def agency_a(officer_a):
    return officer_a.agency


@pytest.fixture
def other_agency_a(db):
    return Agency.objects.create(region_id="35.22", name="Dinas Pekerjaan Umum Bina Marga")


@pytest.fixture
def officer_a2(other_agency_a):
    return make_user(
        "officer_a2", "agency_officer", "35.22", other_agency_a, email="pu@example.org"
    )


@pytest.fixture
def road(other_agency_a):
    return Category.objects.create(
        region_id="35.22",
        code="jalan-rusak",
        name="Jalan rusak",
        description="Jalan berlubang, amblas atau rusak.",
        group="infrastruktur",
        keywords="jalan, lubang, aspal",
        agency=other_agency_a,
    )


@pytest.fixture
def internet(agency_a):
    return Category.objects.create(
        region_id="35.22", code="internet-desa", name="Internet desa", agency=agency_a
    )


@pytest.fixture
def unmoderated(db):
    """Bojonegoro publishes report texts at once (no check first)."""
    return ComplaintSettings.objects.create(region_id="35.22", moderate_first=False)


def new_report(category, **fields):
    values = {
        "region_code": category.region_id,
        "category_id": category.pk,
        "kind": "complaint",
        "privacy": Privacy.PUBLIC,
        "description": "Jalan di depan SDN 1 berlubang besar sejak seminggu.",
        "address": "Jl. Veteran, Kadipaten",
        "latitude": None,
        "longitude": None,
        "name": "Siti Aminah",
        "email": "siti@example.org",
        "phone": "081234567890",
    }
    values.update(fields)
    return services.NewReport(**values)


@pytest.fixture
def submit(db):
    def submit(category, now=None, **fields):
        return services.submit_report(new_report(category, **fields), now=now)

    return submit


def picture_with_gps(size=(800, 600), color=(200, 30, 30)) -> SimpleUploadedFile:
    """A JPEG whose EXIF carries a GPS position, as phone cameras write it."""
    image = Image.new("RGB", size, color)
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x8825] = {1: "S", 2: (7.0, 9.0, 3.5), 3: "E", 4: (111.0, 52.0, 54.7)}  # GPS IFD
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return SimpleUploadedFile("foto.jpg", out.getvalue(), content_type="image/jpeg")


MONDAY = dt.datetime(2026, 11, 2, 3, 0, tzinfo=dt.UTC)  # 10:00 WIB

"""The Kemendagri regions come in complete, with kinds and zones, and re-importing is safe."""

from io import StringIO

import pytest
from django.core.management import call_command

from cerdas.core.models import AuditEntry
from cerdas.regions.models import Province, Region, TimeZone


@pytest.mark.django_db
def test_all_38_provinces_and_514_regencies_and_cities_are_imported():
    assert Province.objects.count() == 38
    assert Region.objects.count() == 514
    assert Region.objects.filter(kind=Region.Kind.KABUPATEN).count() == 416
    assert Region.objects.filter(kind=Region.Kind.KOTA).count() == 98


@pytest.mark.django_db
def test_jakartas_five_kota_and_one_kabupaten_are_marked_administrative():
    administrative = Region.objects.filter(is_administrative=True)
    assert set(administrative.values_list("province_id", flat=True)) == {"31"}
    assert administrative.filter(kind=Region.Kind.KOTA).count() == 5
    assert administrative.filter(kind=Region.Kind.KABUPATEN).count() == 1


@pytest.mark.django_db
def test_bojonegoro_has_its_kemendagri_code_kind_province_and_zone():
    region = Region.objects.get(code="35.22")
    assert region.name == "Kabupaten Bojonegoro"
    assert region.kind == Region.Kind.KABUPATEN
    assert region.province.name == "Jawa Timur"
    assert region.timezone_abbreviation == "WIB"


@pytest.mark.parametrize(
    ("code", "zone"),
    [
        ("11.71", TimeZone.WIB),  # Kota Banda Aceh
        ("61.72", TimeZone.WIB),  # Kota Singkawang, West Kalimantan
        ("51.03", TimeZone.WITA),  # Kabupaten Badung, Bali
        ("64.02", TimeZone.WITA),  # Kabupaten Kutai Kartanegara, East Kalimantan
        ("73.71", TimeZone.WITA),  # Kota Makassar
        ("81.71", TimeZone.WIT),  # Kota Ambon
        ("94.04", TimeZone.WIT),  # Kabupaten Mimika, Papua Tengah
    ],
)
@pytest.mark.django_db
def test_the_zone_follows_the_province(code, zone):
    assert Region.objects.get(code=code).timezone == zone


@pytest.mark.django_db
def test_every_province_has_a_zone_and_every_kota_code_is_71_or_above():
    assert not Province.objects.filter(timezone="").exists()
    for region in Region.objects.filter(kind=Region.Kind.KOTA):
        assert int(region.code.split(".")[1]) >= 71, region


@pytest.mark.django_db
def test_importing_again_changes_nothing_and_says_so():
    before = AuditEntry.objects.count()
    out = StringIO()
    call_command("import_regions", stdout=out)
    assert "Provinces: 0 created, 0 updated." in out.getvalue()
    assert "Kabupaten/kota: 0 created, 0 updated." in out.getvalue()
    assert "Unchanged: 552." in out.getvalue()
    assert AuditEntry.objects.count() == before


@pytest.mark.django_db
def test_a_changed_name_is_restored_reported_and_audited():
    Region.objects.filter(code="35.22").update(name="Kab. Bojonegoro lama")
    out = StringIO()
    call_command("import_regions", stdout=out)
    assert "Kabupaten/kota: 0 created, 1 updated." in out.getvalue()
    assert "updated 35.22" in out.getvalue()
    assert Region.objects.get(code="35.22").name == "Kabupaten Bojonegoro"
    entry = AuditEntry.objects.filter(region_code="35.22").first()
    assert entry.action == "region.updated"
    assert entry.changes["name"] == "Kabupaten Bojonegoro"


@pytest.mark.django_db
def test_an_import_that_changes_a_region_refreshes_its_cached_public_page(
    client, django_capture_on_commit_callbacks
):
    Region.objects.filter(code="35.22").update(name="Kab. Bojonegoro lama")
    assert "Kab. Bojonegoro lama" in client.get("/wilayah/35.22/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_regions", stdout=StringIO())
    assert "<h1>Kabupaten Bojonegoro</h1>" in client.get("/wilayah/35.22/").content.decode()

"""Frameworks read in Bahasa Indonesia first, in English on English pages, old data migrated."""

import importlib

from django.apps import apps
from django.conf import settings

from cerdas.assessments.models import Dimension, Framework, Indicator, Round

migration = importlib.import_module("cerdas.assessments.migrations.0005_bilingual_reference_data")


def readiness():
    return Framework.objects.get(family="readiness", version=1)


def _page(client, framework, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client.get(f"/penilaian/kelola/kerangka/{framework.pk}/").content.decode()


def test_the_shipped_framework_is_in_indonesian_with_english_twins(db):
    framework = readiness()
    names = list(framework.dimensions.values_list("name", "name_en"))
    assert names == [
        ("Infrastruktur", "Infrastructure"),
        ("Sumber Daya Manusia (SDM)", "Human resources (SDM)"),
        ("Regulasi dan Tata Kelola/Kelembagaan", "Regulation and governance"),
        ("Inovasi", "Innovation"),
    ]
    assert framework.name == "Kesiapan smart city"
    assert framework.description.startswith("Kesiapan kabupaten/kota")
    assert Indicator.objects.get(dimension__framework=framework, code="ict_staff").unit == "orang"


def test_the_framework_page_speaks_the_readers_language(client, national_admin):
    client.force_login(national_admin)
    indonesian = _page(client, readiness(), "id")
    assert "Sumber Daya Manusia (SDM)" in indonesian
    assert "Rumah tangga dengan akses internet" in indonesian
    assert "Human resources (SDM)" not in indonesian
    english = _page(client, readiness(), "en")
    assert "Human resources (SDM)" in english
    assert "Households with internet access" in english
    assert "Rumah tangga dengan akses internet" not in english


def test_an_indicator_without_an_english_name_shows_its_indonesian_name_on_english_pages(
    client, national_admin, django_capture_on_commit_callbacks
):
    framework = readiness()
    client.force_login(national_admin)
    client.post(
        f"/penilaian/kelola/kerangka/{framework.pk}/indikator/",
        {
            "dimension": "infrastructure",
            "code": "serat_optik",
            "name": "Panjang jaringan serat optik",
            "name_en": "",
            "question": "",
            "question_en": "",
            "weight": "10",
            "kind": "data",
            "direction": "higher",
            "unit": "km",
            "source": "Diskominfo",
            "scale_min": "0",
            "scale_max": "",
        },
    )
    assert Indicator.objects.filter(code="serat_optik").exists()
    assert "Panjang jaringan serat optik" in _page(client, framework, "en")
    indicator = Indicator.objects.get(code="serat_optik")
    indicator.name_en = "Fibre optic network"
    with django_capture_on_commit_callbacks(execute=True):
        indicator.save()  # as editing.update_indicator saves it: the kept page retires
    english = _page(client, framework, "en")
    assert "Fibre optic network" in english
    assert "Panjang jaringan serat optik" not in english


def test_frameworks_stored_in_english_move_to_indonesian_and_what_admins_wrote_stays(db):
    """A database from before: shipped texts in English in the main fields, no twins."""
    framework = readiness()
    Framework.objects.filter(pk=framework.pk).update(
        name="Smart city readiness", name_en="", description="Own words", description_en=""
    )
    Dimension.objects.filter(framework=framework, code="sdm").update(
        name="Human resources (SDM)", name_en=""
    )
    Indicator.objects.filter(dimension__framework=framework, code="ict_staff").update(
        name="ICT-qualified staff in the Diskominfo", name_en="", unit="people"
    )
    migration.to_indonesian(apps, None)
    framework.refresh_from_db()
    assert (framework.name, framework.name_en) == ("Kesiapan smart city", "Smart city readiness")
    assert (framework.description, framework.description_en) == ("Own words", "")
    sdm = Dimension.objects.get(framework=framework, code="sdm")
    assert (sdm.name, sdm.name_en) == ("Sumber Daya Manusia (SDM)", "Human resources (SDM)")
    staff = Indicator.objects.get(dimension__framework=framework, code="ict_staff")
    assert (staff.name, staff.name_en, staff.unit) == (
        "Pegawai berkualifikasi TIK di Diskominfo",
        "ICT-qualified staff in the Diskominfo",
        "orang",
    )
    assert Framework.objects.filter(family="readiness").count() == 1


def test_a_round_named_in_both_languages_shows_the_readers_name(client, national_admin, open_round):
    open_round.name_en = "Test selection"
    open_round.save()
    client.force_login(national_admin)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "id"
    url = f"/penilaian/kelola/{open_round.pk}/"
    assert "<h1>Seleksi uji" in client.get(url).content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert "<h1>Test selection" in client.get(url).content.decode()


def test_an_official_opens_a_round_with_its_english_name(client, national_admin):
    client.force_login(national_admin)
    response = client.post(
        "/penilaian/kelola/",
        {
            "name": "Seleksi 2031",
            "name_en": "Selection 2031",
            "slug": "",
            "purpose": "selection",
            "framework": readiness().pk,
            "year": "2031",
            "opens_on": "2031-01-01",
            "deadline": "2031-02-01T10:00",
            "cohort_size": "25",
            "reserved_places": "0",
            "eastern_provinces": "91",
            "waitlist_size": "10",
        },
    )
    assert response.status_code == 302
    assert Round.objects.filter(name="Seleksi 2031", name_en="Selection 2031").exists()

"""Public pages of a round live at a stable address name, not at its database id."""

import datetime

import pytest

from cerdas.assessments import services
from cerdas.assessments.models import Framework, Round


def _open(admin, purpose="selection"):
    return services.open_round(
        user=admin,
        framework_id=Framework.objects.get(family="readiness", version=1).pk,
        name="Seleksi",
        purpose=purpose,
        year=2031,
        opens_on=datetime.date(2031, 1, 1),
        deadline=datetime.datetime(2031, 2, 1, tzinfo=datetime.UTC),
    )


def test_a_round_is_named_by_its_year_and_purpose_and_never_twice_the_same(national_admin):
    assert _open(national_admin).slug == "2031-kesiapan"
    assert _open(national_admin).slug == "2031-kesiapan-2"
    assert _open(national_admin, purpose="evaluation").slug == "2031-evaluasi"


def _form(**changed):
    return {
        "name": "Seleksi 2031",
        "slug": "",
        "purpose": "selection",
        "framework": Framework.objects.get(family="readiness", version=1).pk,
        "year": "2031",
        "opens_on": "2031-01-01",
        "deadline": "2031-02-01T10:00",
        "cohort_size": "25",
        "reserved_places": "0",
        "eastern_provinces": "91",
        "waitlist_size": "10",
        **changed,
    }


@pytest.mark.parametrize(
    ("slug", "message"),
    [
        ("kelola", "Nama alamat ini sudah dipakai situs"),
        ("2031", "Nama alamat memerlukan sedikitnya satu huruf."),
    ],
)
def test_an_address_name_that_would_clash_with_the_sites_own_is_refused(
    client, national_admin, slug, message
):
    client.force_login(national_admin)
    response = client.post("/penilaian/kelola/", _form(slug=slug))
    assert response.status_code == 200
    body = response.content.decode()
    assert message in body
    assert 'value="Seleksi 2031"' in body
    assert not Round.objects.exists()


def test_an_admin_may_choose_the_address_name(client, national_admin):
    client.force_login(national_admin)
    client.post("/penilaian/kelola/", _form(slug="2031-seleksi-khusus"))
    assert Round.objects.get().slug == "2031-seleksi-khusus"

"""An evaluation round takes indicator values from implementation records, previewed first."""

import pytest

from cerdas.assessments.models import Answer, ImportBatch
from cerdas.implementation import services
from cerdas.implementation.services import Report


@pytest.fixture
def reported(approved, member_a):
    services.record_update(
        "35.22", approved.quick.key, Report(status="done", progress=100), member_a
    )
    return approved


def _source_page(round_):
    return f"/penilaian/kelola/{round_.pk}/impor/sumber/implementation/"


@pytest.mark.django_db
def test_the_import_page_offers_the_implementation_source(client, open_round, national_admin):
    client.force_login(national_admin)
    page = client.get(f"/penilaian/kelola/{open_round.pk}/impor/").content.decode()
    assert _source_page(open_round) in page


@pytest.mark.django_db
def test_the_source_is_previewed_before_anything_is_written(
    client, open_round, national_admin, reported
):
    client.force_login(national_admin)
    response = client.post(
        _source_page(open_round), {"figure-quick_wins_done_percent": "internet_households"}
    )
    assert response.status_code == 302
    assert not Answer.objects.filter(indicator__code="internet_households").exists()
    batch = ImportBatch.objects.get()
    rows = {row["name"]: row for row in batch.rows}
    # Bojonegoro's one quick win is done: 100%.
    assert rows["35.22"]["status"] == "matched"
    assert rows["35.22"]["values"] == {"internet_households": 100.0}
    # Every other invited region is reported, not dropped: it has no approved plan.
    assert rows["32.73"]["status"] == "invalid"
    assert rows["32.73"]["problems"] == ["Sumber ini tidak memiliki angka untuk wilayah ini."]
    assert len(batch.rows) == open_round.participants.count()
    page = client.get(response["Location"]).content.decode()
    assert "Sumber ini tidak memiliki angka untuk wilayah ini." in page
    assert "Catatan implementasi" in page  # the batch is named after its source

    client.post(response["Location"], {"batch": batch.pk})
    answer = Answer.objects.get(indicator__code="internet_households", participant__region="35.22")
    assert answer.value == 100.0


@pytest.mark.django_db
def test_a_figure_must_fill_an_indicator(client, open_round, national_admin, reported):
    client.force_login(national_admin)
    response = client.post(_source_page(open_round), {})
    assert response.status_code == 200
    assert not ImportBatch.objects.exists()


@pytest.mark.django_db
def test_only_the_program_office_uses_the_source(client, open_round, member_a):
    assert client.get(_source_page(open_round)).status_code == 302
    client.force_login(member_a)
    assert client.get(_source_page(open_round)).status_code == 403


@pytest.mark.django_db
def test_an_unknown_source_is_not_found(client, open_round, national_admin):
    client.force_login(national_admin)
    url = f"/penilaian/kelola/{open_round.pk}/impor/sumber/tidak-ada/"
    assert client.get(url).status_code == 404

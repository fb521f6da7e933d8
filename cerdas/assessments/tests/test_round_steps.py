"""Closing, computing, finalising and publishing a round: each after a page that says what
will happen and what data are missing; going on with missing data needs a recorded reason."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from cerdas.assessments import computing, services
from cerdas.assessments.coverage import coverage
from cerdas.assessments.models import Round
from cerdas.assessments.tests.fixtures import readiness
from cerdas.core.models import AuditEntry


def _url(round_, step):
    return f"/penilaian/kelola/{round_.pk}/{step}/"


def test_the_services_refuse_unconfirmed_steps(open_round, national_admin):
    with pytest.raises(ValidationError):
        services.close_round(round_id=open_round.pk, user=national_admin)
    with pytest.raises(ValidationError):
        services.publish_round(round_id=open_round.pk, user=national_admin)
    open_round.refresh_from_db()
    assert open_round.is_open


def test_closing_is_confirmed_on_a_page_that_lists_what_is_missing(
    client, open_round, national_admin
):
    client.force_login(national_admin)
    round_page = client.get(f"/penilaian/kelola/{open_round.pk}/").content.decode()
    assert f'href="{_url(open_round, "close")}"' in round_page  # a link, not a one-click post
    page = client.get(_url(open_round, "close")).content.decode()
    assert "Apa yang akan terjadi" in page
    assert "Putaran tidak dapat dibuka lagi." in page
    assert "0 dari 5 wilayah mengirim penilaian mandiri" in page
    assert client.post(_url(open_round, "close"), {}).status_code == 400
    open_round.refresh_from_db()
    assert open_round.is_open
    response = client.post(_url(open_round, "close"), {"confirmed": "True"})
    assert response.status_code == 302
    open_round.refresh_from_db()
    assert open_round.status == Round.Status.CLOSED


def test_the_coverage_names_missing_data_per_region_and_dimension(computed_round):
    found = coverage(computed_round)
    assert not found.complete
    rows = {row.region.pk: row for row in found.rows}
    # Only two regions have an assessor, and no region has imported data.
    assert rows["35.22"].scored and not rows["35.78"].scored
    assert rows["35.78"].missing > rows["35.22"].missing
    assert all("data" in row.missing_kinds for row in found.rows)
    summary = found.summary()
    assert summary["self_submitted"] == 5
    assert sorted(summary["without_scores"]) == ["Kota Jayapura", "Kota Makassar", "Kota Surabaya"]


def test_finalising_shows_rank_score_and_reason_per_region(client, computed_round, national_admin):
    client.force_login(national_admin)
    page = client.get(_url(computed_round, "final")).content.decode()
    top = computed_round.participants.get(rank=1)
    # Numbers follow the language: a decimal comma in Indonesian.
    assert f"{top.score:.2f}".replace(".", ",") in page
    assert f"{top.score:.2f}" not in page
    assert "Terpilih berdasarkan nilai: peringkat 1." in page
    # Each box sits inside its own label with the region's name.
    assert f'<label for="pick-{top.region_id}"><input type="checkbox"' in page
    assert "Data per wilayah dan dimensi" in page


def test_finalising_with_missing_data_needs_the_override_and_a_reason(
    client, computed_round, national_admin
):
    client.force_login(national_admin)
    data = {"confirmed": "True", "regions": ["35.22"], "name": "Uji", "reason": "Usulan mesin"}
    refused = client.post(_url(computed_round, "final"), data)
    assert refused.status_code == 400
    assert "Data belum lengkap" in refused.content.decode()
    computed_round.refresh_from_db()
    assert not computed_round.selection.is_final
    no_reason = client.post(_url(computed_round, "final"), {**data, "override": "on"})
    assert no_reason.status_code == 400
    client.post(
        _url(computed_round, "final"),
        {**data, "override": "on", "override_reason": "Wawancara dibatalkan karena banjir"},
    )
    computed_round.refresh_from_db()
    assert computed_round.selection.is_final
    assert computed_round.data_override_reason == "Wawancara dibatalkan karena banjir"
    assert len(computed_round.data_gaps["without_scores"]) == 3
    entry = AuditEntry.objects.get(action="assessments.missing_data_overridden")
    assert entry.reason == "Wawancara dibatalkan karena banjir"
    assert entry.changes["step"] == "finalise"
    for url in (f"/penilaian/kelola/{computed_round.pk}/", f"/penilaian/{computed_round.slug}/"):
        page = client.get(url).content.decode()
        assert "Diputuskan walaupun data belum lengkap" in page
        assert "Wawancara dibatalkan karena banjir" in page


def test_a_round_with_complete_data_finalises_without_an_override(
    client, computed_round, national_admin, monkeypatch
):
    from cerdas.assessments import services as round_services

    class Complete:
        complete = True

    monkeypatch.setattr(round_services, "coverage", lambda round_: Complete())
    computing.finalise_selection(
        round_id=computed_round.pk,
        region_codes=["35.22"],
        reason="ok",
        user=national_admin,
        confirmed=True,
    )
    computed_round.refresh_from_db()
    assert computed_round.selection.is_final and not computed_round.was_overridden


def test_publishing_is_confirmed_and_says_it_is_not_withdrawn(
    client, computed_round, national_admin
):
    computing.finalise_selection(
        round_id=computed_round.pk,
        region_codes=["35.22"],
        reason="ok",
        user=national_admin,
        confirmed=True,
        override_reason="Uji",
    )
    client.force_login(national_admin)
    page = client.get(_url(computed_round, "publish")).content.decode()
    assert "Hasil yang sudah terbit tidak ditarik kembali." in page
    assert "Diputuskan walaupun data belum lengkap" in page
    client.post(_url(computed_round, "publish"), {"confirmed": "True"})
    computed_round.refresh_from_db()
    assert computed_round.is_published


def test_an_evaluation_with_missing_data_is_published_only_with_a_reason(client, national_admin):
    round_ = services.open_round(
        user=national_admin,
        framework_id=readiness().pk,
        name="Evaluasi uji",
        purpose="evaluation",
        year=2031,
        opens_on=datetime.date(2031, 1, 1),
        deadline=timezone.make_aware(datetime.datetime(2031, 2, 1), datetime.UTC),
    )
    services.invite_regions(round_id=round_.pk, region_codes=["35.22"], user=national_admin)
    services.close_round(round_id=round_.pk, user=national_admin, confirmed=True)
    computing.compute_round(round_id=round_.pk, user=national_admin)
    client.force_login(national_admin)
    refused = client.post(_url(round_, "publish"), {"confirmed": "True"})
    assert refused.status_code == 400
    round_.refresh_from_db()
    assert not round_.is_published
    client.post(
        _url(round_, "publish"),
        {"confirmed": "True", "override": "on", "override_reason": "Data awal saja"},
    )
    round_.refresh_from_db()
    assert round_.is_published and round_.data_override_reason == "Data awal saja"


def test_a_step_not_possible_now_is_explained_and_not_offered(client, open_round, national_admin):
    client.force_login(national_admin)
    page = client.get(_url(open_round, "compute"))
    assert "Tutup putaran sebelum menghitung" in page.content.decode()
    assert 'name="confirmed"' not in page.content.decode()
    assert client.get(_url(open_round, "dance")).status_code == 404


def test_invitations_settle_every_name_through_the_picker(client, open_round, national_admin):
    client.force_login(national_admin)
    url = f"/penilaian/kelola/{open_round.pk}/undang/"
    page = client.post(url, {"names": "Kota Medan\nKupang"}).content.decode()
    # "Kupang" is a kabupaten and a kota: both are offered, nothing is invited yet.
    assert 'name="names_pick_1" value="53.01"' in page
    assert 'name="names_pick_1" value="53.71"' in page
    assert not open_round.participants.filter(region_id="12.71").exists()
    client.post(url, {"names": "Kota Medan\nKupang", "names_pick_1": "53.71"})
    invited = set(open_round.participants.values_list("region_id", flat=True))
    assert {"12.71", "53.71"} <= invited

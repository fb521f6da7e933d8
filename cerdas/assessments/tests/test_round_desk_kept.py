"""A round's management page is kept for the ministry, yet every change shows at once.

What it lists (every participant with its assessors, score and data coverage, and the
assessor picker) is kept under the assessments desk's version, the regions' and the people's
(cerdas/assessments/receivers.py, cerdas/accounts/receivers.py): any write of the app's
records, or of a user other than a sign-in, retires it."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from cerdas.assessments import computing, services
from cerdas.assessments.models import Indicator
from cerdas.assessments.tests.fixtures import fill
from cerdas.core.signals import content_changed
from cerdas.regions.models import Region
from conftest import make_user

TABLES = (
    "assessments_participant",
    "assessments_assignment",
    "assessments_answer",
    "assessments_assessorscore",
)


def _page(client, round_) -> str:
    client.cookies["cerdas_lang"] = "en"
    response = client.get(f"/penilaian/kelola/{round_.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def _progress_row(body: str, code: str) -> str:
    """The progress table's row of one region."""
    progress = body.split('id="progress-title"')[1].split("</table>")[0]
    return progress.split(f'<th scope="row">{code} ')[1].split("</tr>")[0]


def _coverage_row(body: str, name: str) -> str:
    """The data coverage table's row of one region, by name."""
    table = body.split('id="coverage-title"')[1]
    return table.split(f'<th scope="row">{name}</th>')[1].split("</tr>")[0]


@pytest.fixture
def kept(client, open_round, national_admin, round_assessor, django_capture_on_commit_callbacks):
    client.force_login(national_admin)
    _page(client, open_round)  # now kept
    return open_round


@pytest.mark.django_db
def test_a_second_view_reads_no_participant_answer_score_or_assignment(client, kept):
    with CaptureQueriesContext(connection) as ctx:
        body = _page(client, kept)
    read = " ".join(q["sql"] for q in ctx.captured_queries)
    assert not [table for table in TABLES if f'"{table}"' in read]
    assert "panel_a" in _progress_row(body, "35.22")
    assert 'name="regions" value="91.71"' in body  # the picker offers every invited region
    assert "csrfmiddlewaretoken" in body  # the forms' tokens are the reader's own


@pytest.mark.django_db
def test_each_change_shows_on_the_next_view(
    client, kept, national_admin, round_assessor, django_capture_on_commit_callbacks
):
    def region_invited():
        services.invite_regions(round_id=kept.pk, region_codes=["11.01"], user=national_admin)
        return lambda body: '<th scope="row">11.01 ' in body and 'value="11.01"' in body

    def assessor_assigned():
        services.assign_assessor(
            round_id=kept.pk,
            assessor_id=round_assessor.pk,
            region_codes=["35.78"],
            user=national_admin,
        )
        return lambda body: "panel_a" in _progress_row(body, "35.78")

    def self_assessments_submitted():
        fill(kept, national_admin, {})
        return lambda body: "Submitted" in _progress_row(body, "35.22")

    def scores_given():
        participant = kept.participants.get(region_id="35.22")
        assessed = [
            i for i in kept.framework.ordered_indicators() if i.kind == Indicator.Kind.ASSESSOR
        ]
        services.save_assessor_scores(
            participant_id=participant.pk,
            assessor=round_assessor,
            scores={i.pk: (4, "") for i in assessed},
        )
        name = participant.region.name
        return lambda body: "present" in _coverage_row(body, name)

    def assessor_renamed():
        round_assessor.first_name, round_assessor.last_name = "Ratna", "Panelis"
        round_assessor.save()
        return lambda body: "Ratna Panelis" in _progress_row(body, "35.22")

    def another_assessor_joins():
        make_user("panel_b", "assessor", first_name="Budi", last_name="Penilai")
        return lambda body: ">Budi Penilai</option>" in body

    def region_renamed():
        Region.objects.filter(pk="91.71").update(name="Kota Jayapura Baru")
        content_changed("regions", "regions")  # as regions.services.import_regions does
        return lambda body: "91.71 Kota Jayapura Baru" in body

    def closed():
        services.close_round(round_id=kept.pk, user=national_admin, confirmed=True)
        return lambda body: "Close the round" not in body and "Compute scores" in body

    def computed():
        computing.compute_round(round_id=kept.pk, user=national_admin)
        return lambda body: "(#1)" in body and "Finalise the selection" in body

    for change in (
        region_invited,
        assessor_assigned,
        self_assessments_submitted,
        scores_given,
        assessor_renamed,
        another_assessor_joins,
        region_renamed,
        closed,
        computed,
    ):
        before = _page(client, kept)
        with django_capture_on_commit_callbacks(execute=True):
            shows = change()
        assert not shows(before), change.__name__
        assert shows(_page(client, kept)), change.__name__


@pytest.mark.django_db
def test_a_sign_in_does_not_retire_the_kept_page(
    client, kept, round_assessor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        Client().force_login(round_assessor)  # saves the last-login time only
    with CaptureQueriesContext(connection) as ctx:
        _page(client, kept)
    assert '"assessments_participant"' not in " ".join(q["sql"] for q in ctx.captured_queries)


@pytest.mark.django_db
def test_a_refused_assignment_keeps_what_was_ticked_and_the_kept_picker_stays_blank(
    client, kept, round_assessor
):
    response = client.post(f"/penilaian/kelola/{kept.pk}/asesor/", {"regions": ["35.78", "73.71"]})
    body = response.content.decode()
    assert response.status_code == 200
    assert "This field is required" in body or "Bidang ini harus diisi" in body
    assert 'value="35.78" id="id_regions_2" checked' in body
    assert 'value="73.71" id="id_regions_3" checked' in body
    assert " checked" not in _page(client, kept).split('id="assign-title"')[1].split("</form>")[0]

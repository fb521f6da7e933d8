"""Every management page, team page and API endpoint refuses those it is not for.

Outsiders: member_b (team of another region), a citizen, an assessor not assigned in the
round, and anonymous visitors (sent to the login on pages, 404 in the API).
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cerdas.assessments import importing
from cerdas.assessments.models import AssessorScore, ImportBatch, Indicator, Round
from cerdas.core.models import AuditEntry

OUTSIDERS = ["member_b", "citizen", "assessor_a"]


@pytest.fixture
def ids(open_round, national_admin):
    batch = importing.preview_import(
        round_id=open_round.pk,
        filename="nilai.csv",
        content=b"wilayah,ict_staff\nKab. Bojonegoro,4\n",
        user=national_admin,
    ).batch
    indicator = Indicator.objects.filter(dimension__framework=open_round.framework_id).first()
    return {
        "pk": open_round.pk,
        "framework": open_round.framework_id,
        "indicator": indicator.pk,
        "batch": batch.pk,
    }


MANAGE_PAGES = [
    "/penilaian/kelola/",
    "/penilaian/kelola/kerangka/{framework}/",
    "/penilaian/kelola/kerangka/{framework}/metode/",
    "/penilaian/kelola/kerangka/{framework}/indikator/",
    "/penilaian/kelola/kerangka/{framework}/indikator/{indicator}/",
    "/penilaian/kelola/{pk}/",
    "/penilaian/kelola/{pk}/aturan/",
    "/penilaian/kelola/{pk}/impor/",
    "/penilaian/kelola/{pk}/impor/{batch}/",
    # The confirmation pages of the round's steps.
    "/penilaian/kelola/{pk}/final/",
    "/penilaian/kelola/{pk}/close/",
    "/penilaian/kelola/{pk}/compute/",
    "/penilaian/kelola/{pk}/publish/",
]
MANAGE_ACTIONS = [
    *MANAGE_PAGES,
    "/penilaian/kelola/{pk}/undang/",
    "/penilaian/kelola/{pk}/asesor/",
]
# What a forged post would need to change something, were it let through.
POSTED = {
    "names": "Kota Medan",
    "normalisation": "zscore",
    "missing_policy": "lowest",
    "aggregation": "mean",
    "disagreement_share": "0.5",
    "name": "Diubah",
    "cohort_size": "9",
    "reserved_places": "0",
    "eastern_provinces": "91",
    "waitlist_size": "3",
    "batch": "",
    "reason": "x",
    "confirmed": "True",
    "override": "on",
    "override_reason": "x",
}


@pytest.mark.parametrize("persona", OUTSIDERS)
@pytest.mark.parametrize("url", MANAGE_PAGES)
def test_outsiders_get_403_on_every_management_page(client, ids, persona, url, request):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(url.format(**ids)).status_code == 403


@pytest.mark.parametrize("persona", OUTSIDERS)
@pytest.mark.parametrize("url", MANAGE_ACTIONS)
def test_outsiders_posting_to_management_actions_get_403_and_change_nothing(
    client, ids, persona, url, request
):
    client.force_login(request.getfixturevalue(persona))
    data = {**POSTED, "batch": ids["batch"]}
    assert client.post(url.format(**ids), data).status_code == 403
    round_ = Round.objects.get(pk=ids["pk"])
    assert (round_.status, round_.cohort_size, round_.participants.count()) == ("open", 2, 5)
    assert round_.framework.normalisation == "minmax"
    assert ImportBatch.objects.get(pk=ids["batch"]).confirmed_at is None
    assert not AuditEntry.objects.filter(actor=request.getfixturevalue(persona)).exists()


@pytest.mark.parametrize("url", MANAGE_ACTIONS)
def test_anonymous_visitors_are_sent_to_the_login_from_every_management_address(client, ids, url):
    for response in (client.get(url.format(**ids)), client.post(url.format(**ids), POSTED)):
        if response.status_code == 405:  # POST-only actions refuse a GET before anything
            continue
        assert response.status_code == 302
        assert "/akun/" in response["Location"]
    assert Round.objects.get(pk=ids["pk"]).status == "open"


@pytest.mark.parametrize("persona", ["member_b", "citizen", "assessor_a", "member_a"])
def test_only_an_assigned_assessor_posts_scores(
    client, open_round, round_assessor, persona, request
):
    """member_a is the region's team, assessor_a is not assigned in this round."""
    client.force_login(request.getfixturevalue(persona))
    indicator = Indicator.objects.filter(
        dimension__framework=open_round.framework_id, kind="assessor"
    ).first()
    url = f"/penilaian/{open_round.pk}/nilai/35.22/"
    assert client.post(url, {f"s{indicator.pk}": "5"}).status_code == 403
    assert not AssessorScore.objects.exists()


def test_anonymous_visitors_are_sent_to_the_login_from_the_team_and_panel_pages(client, open_round):
    for url in (
        f"/penilaian/{open_round.pk}/isian/35.22/",
        f"/penilaian/{open_round.pk}/nilai/35.22/",
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert "/akun/" in response["Location"]


@pytest.mark.parametrize("persona", [None, "member_b", "citizen", "assessor_a", "member_a"])
def test_the_api_hides_an_unpublished_round_from_everyone_but_the_panel(
    client, computed_round, persona, request
):
    if persona:
        client.force_login(request.getfixturevalue(persona))
    base = f"/api/v1/assessments/rounds/{computed_round.pk}"
    for url in (f"{base}/results", f"{base}/selection"):
        assert client.get(url).status_code == 404, url
    # An invited region's team sees its round listed (not its results); others do not.
    invited = persona in ("member_a", "member_b")
    assert client.get(base).status_code == (200 if invited else 404)
    listed = [r["id"] for r in client.get("/api/v1/assessments/rounds").json()]
    assert (computed_round.pk in listed) == invited


def test_the_api_answers_the_panel_for_an_unpublished_round(
    client, computed_round, national_admin, round_assessor
):
    base = f"/api/v1/assessments/rounds/{computed_round.pk}"
    for user in (national_admin, round_assessor):
        client.force_login(user)
        for url in (base, f"{base}/results", f"{base}/selection"):
            assert client.get(url).status_code == 200, url


def test_the_frameworks_are_public_in_the_api(client, open_round):
    frameworks = client.get("/api/v1/assessments/frameworks").json()
    assert {f["family"] for f in frameworks} >= {"readiness"}
    one = client.get(f"/api/v1/assessments/frameworks/{open_round.framework_id}").json()
    assert len(one["dimensions"]) == 4


def test_an_id_address_of_an_unpublished_round_tells_anonymous_visitors_nothing(
    client, computed_round
):
    assert client.get(f"/penilaian/{computed_round.pk}/").status_code == 404
    assert client.get(f"/penilaian/{computed_round.pk}/peringkat/").status_code == 404


def test_an_upload_to_the_import_by_an_outsider_stores_nothing(client, open_round, member_b):
    client.force_login(member_b)
    upload = SimpleUploadedFile("nilai.csv", b"wilayah,ict_staff\nKab. Bojonegoro,4\n")
    assert (
        client.post(f"/penilaian/kelola/{open_round.pk}/impor/", {"file": upload}).status_code
        == 403
    )
    assert not ImportBatch.objects.exists()

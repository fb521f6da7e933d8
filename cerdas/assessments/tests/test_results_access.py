"""Before publication only the panel (and a region's own team, for its page) sees results."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cerdas.assessments import computing, services
from cerdas.assessments.models import Round
from cerdas.assessments.tests.fixtures import open_selection
from conftest import make_user


@pytest.fixture
def published(computed_round, national_admin):
    computing.finalise_selection(
        round_id=computed_round.pk,
        region_codes=computed_round.selection.proposed_codes(),
        reason="As proposed",
        user=national_admin,
        confirmed=True,
        override_reason="Uji: data sengaja tidak lengkap",
    )
    services.publish_round(round_id=computed_round.pk, user=national_admin, confirmed=True)
    return computed_round


def test_the_api_lists_only_published_rounds_to_the_public(client, computed_round, national_admin):
    assert client.get("/api/v1/assessments/rounds").json() == []
    client.force_login(national_admin)
    rounds = client.get("/api/v1/assessments/rounds").json()
    assert rounds[0]["id"] == computed_round.pk
    assert {"id", "name", "purpose", "status"} <= set(rounds[0])


@pytest.mark.parametrize("persona", [None, "member_a", "member_b", "citizen"])
def test_unpublished_results_are_hidden_from_everyone_but_the_panel(
    client, computed_round, persona, request
):
    if persona:
        client.force_login(request.getfixturevalue(persona))
    base = f"/penilaian/{computed_round.slug}"
    assert client.get(f"/api/v1/assessments/rounds/{computed_round.pk}/results").status_code == 404
    assert client.get(f"{base}/peringkat/").status_code == 404
    assert client.get(f"{base}/peringkat.csv").status_code == 404
    assert client.get(f"{base}/wilayah/35.78/").status_code == 404
    # Another region's team never sees this region's scores before publication.
    other = "35.22" if persona == "member_b" else "32.73"
    assert client.get(f"{base}/wilayah/{other}/").status_code == 404


def test_the_panel_sees_unpublished_results(client, computed_round, national_admin, round_assessor):
    for user in (national_admin, round_assessor):
        client.force_login(user)
        response = client.get(f"/api/v1/assessments/rounds/{computed_round.pk}/results")
        assert response.status_code == 200
        assert len(response.json()) == 5


def test_a_regions_team_sees_its_own_results_before_publication(client, computed_round, member_a):
    client.force_login(member_a)
    response = client.get(f"/penilaian/{computed_round.slug}/wilayah/35.22/")
    assert response.status_code == 200
    assert (
        "How to improve" in response.content.decode()
        or "Cara meningkatkan" in response.content.decode()
    )


def test_published_results_are_public_with_rank_score_and_selection(client, published):
    items = client.get(f"/api/v1/assessments/rounds/{published.pk}/results").json()
    assert [i["rank"] for i in items] == [1, 2, 3, 4, 5]
    assert sum(i["selected"] for i in items) == 2
    assert all(0 <= i["score"] <= 100 for i in items)
    assert client.get(f"/penilaian/{published.slug}/wilayah/32.73/").status_code == 200
    assert client.get(f"/penilaian/{published.slug}/").status_code == 200


def test_the_ranking_downloads_as_csv_xlsx_and_pdf(client, published):
    base = f"/penilaian/{published.slug}"
    csv = client.get(f"{base}/peringkat.csv")
    assert csv.status_code == 200
    assert "35.22" in csv.content.decode()
    xlsx = client.get(f"{base}/peringkat.xlsx")
    assert xlsx.content[:2] == b"PK"
    pdf = client.get(f"{base}/laporan.pdf")
    assert pdf.content[:5] == b"%PDF-"


def test_the_region_profile_shows_published_results(client, published):
    body = client.get("/wilayah/35.22/").content.decode()
    assert f"/penilaian/{published.slug}/wilayah/35.22/" in body


def test_text_written_by_admins_leaves_the_ranking_exports_as_text(client, published):
    import io

    from openpyxl import load_workbook

    dimension = published.framework.dimensions.order_by("order", "id").first()
    dimension.name = '=HYPERLINK("http://evil.example","Infrastruktur")'
    dimension.save(update_fields=["name"])
    base = f"/penilaian/{published.slug}"
    header = client.get(f"{base}/peringkat.csv").content.decode().splitlines()[0]
    assert "'=HYPERLINK" in header
    workbook = load_workbook(io.BytesIO(client.get(f"{base}/peringkat.xlsx").content))
    cells = [c for row in workbook.active.iter_rows() for c in row]
    assert dimension.name in [c.value for c in cells]
    assert all(c.data_type != "f" for c in cells)


@pytest.fixture
def published_other(national_admin):
    """Another round, published (its results need not exist to be listed)."""
    round_ = open_selection(national_admin, year=2031, name="Seleksi lain")
    Round.objects.filter(pk=round_.pk).update(status=Round.Status.PUBLISHED)
    return round_


@pytest.mark.parametrize("persona", ["member_a", "round_assessor", "outsider", "citizen"])
def test_each_person_lists_the_published_rounds_and_the_ones_they_take_part_in(
    computed_round, published_other, persona, request
):
    """Listed once each (no join to every participant to take apart with DISTINCT)."""
    if persona == "outsider":  # a team whose region is not invited
        user = make_user("tim_simeulue", "regional_team", "11.01")
    else:
        user = request.getfixturevalue(persona)
    with CaptureQueriesContext(connection) as ctx:
        listed = sorted(r.pk for r in Round.objects.for_user(user))
    expected = {published_other.pk}
    if persona in ("member_a", "round_assessor"):  # 35.22 is invited; the panel assesses it
        expected.add(computed_round.pk)
    assert listed == sorted(expected)
    assert "DISTINCT" not in ctx.captured_queries[0]["sql"]

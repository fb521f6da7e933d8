"""The ranking's table is rendered once for every reader of a published round, never for a
round before publication, and retires when the results change."""

import re

from cerdas.assessments.models import Participant
from cerdas.assessments.tests.test_results_access import published  # noqa: F401 - fixture
from cerdas.core.cache import bump_version


def _table(response) -> str:
    assert response.status_code == 200
    return re.search(
        r'<div class="table-wrap"[^>]*>.*?</table></div>', response.content.decode(), re.S
    )[0]


def _first_score(round_) -> Participant:
    return Participant.objects.filter(round=round_, rank=1).get()


def test_a_signed_in_official_gets_the_table_everyone_gets(client, published, national_admin):  # noqa: F811
    path = f"/penilaian/{published.slug}/peringkat/"
    anonymous = _table(client.get(path))
    client.force_login(national_admin)
    signed_in = client.get(path)
    assert _table(signed_in) == anonymous
    assert anonymous.count("<tr><td>") == 5
    assert f"Masuk sebagai {national_admin}" in signed_in.content.decode()


def test_a_change_to_published_results_shows_once_announced(client, published, national_admin):  # noqa: F811
    client.force_login(national_admin)
    path = f"/penilaian/{published.slug}/peringkat/"
    client.get(path)
    Participant.objects.filter(pk=_first_score(published).pk).update(score=12.34)
    bump_version("assessments")  # what services.results_changed announces on commit
    assert "12,34" in _table(client.get(path))


def test_the_panel_sees_a_round_before_publication_as_it_is_now(
    client, computed_round, national_admin
):
    client.force_login(national_admin)
    path = f"/penilaian/{computed_round.slug}/peringkat/"
    client.get(path)
    Participant.objects.filter(pk=_first_score(computed_round).pk).update(score=98.76)
    assert "98,76" in _table(client.get(path))


def test_the_announcement_is_shared_once_published_and_current_before(
    client,
    published,  # noqa: F811
    national_admin,
):
    path = f"/penilaian/{published.slug}/"
    anonymous = client.get(path).content.decode()
    client.force_login(national_admin)
    signed_in = client.get(path).content.decode()

    def body(page):
        return page[page.index("<h1") : page.index("</main>")]

    assert body(signed_in) == body(anonymous)
    assert "2 wilayah terpilih" in body(signed_in) or "2 regions selected" in body(signed_in)


def test_the_panel_reads_a_round_before_publication_as_it_is_now(
    client, computed_round, national_admin
):
    client.force_login(national_admin)
    path = f"/penilaian/{computed_round.slug}/"
    client.get(path)
    Participant.objects.filter(round=computed_round).update(rank=None)
    assert "<dd>0</dd>" in client.get(path).content.decode()

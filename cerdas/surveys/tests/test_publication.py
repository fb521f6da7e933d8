"""Results stay hidden until the team publishes them; publishing freezes the figures."""

import datetime as dt

import pytest

from cerdas.core.models import AuditEntry
from cerdas.surveys.models import Survey
from cerdas.surveys.tests.factories import add_responses, answer, make_survey, publish

ENDED = (dt.date(2025, 1, 1), dt.date(2025, 6, 30))


def worked_example(survey):
    """Four respondents; the fourth left U9 blank.

    NRR U1-U8 = (4+3+3+2)/4 = 3; NRR U9 = (4+3+3)/3 = 3.3333; IKM = (8 x 3 + 10/3)/9 =
    82/27 = 3.0370; converted 82/27 x 25 = 75.9259... = 75.93, grade C (65.00-76.60).
    """
    add_responses(survey, [[4] * 9], sex="L")
    add_responses(survey, [[3] * 9, [3] * 9], sex="P")
    add_responses(survey, [[2] * 8 + [None]])


@pytest.fixture
def survey(db):
    survey = make_survey(start=ENDED[0], end=ENDED[1], population=10)
    worked_example(survey)
    return survey


@pytest.mark.django_db
@pytest.mark.parametrize("persona", [None, "member_b", "citizen"])
def test_unpublished_results_are_hidden_from_everyone_else(client, request, survey, persona):
    if persona:
        client.force_login(request.getfixturevalue(persona))
    for url in (
        f"/survei/{survey.pk}/",
        f"/survei/{survey.pk}/laporan.pdf",
        f"/survei/{survey.pk}/laporan.docx",
        f"/api/v1/surveys/{survey.pk}",
    ):
        assert client.get(url).status_code == 404, url
    assert client.get("/api/v1/surveys").json() == {"count": 0, "items": []}
    assert str(survey.unit.name) not in client.get("/survei/").content.decode()


@pytest.mark.django_db
def test_the_team_previews_its_results_before_publishing(client, member_a, survey):
    client.force_login(member_a)
    page = client.get(f"/survei/{survey.pk}/").content.decode()
    assert "Belum diterbitkan" in page
    assert "75,93" in page


@pytest.mark.django_db
def test_the_published_page_shows_the_worked_example_in_indonesian_notation(client, survey):
    publish(survey)
    page = client.get(f"/survei/{survey.pk}/").content.decode()
    assert "75,93" in page  # converted index
    assert "3,0370" in page  # IKM on the 1-4 scale
    assert "3,3333" in page  # NRR of U9, over the three who answered it
    assert "Mutu C: Kurang Baik" in page
    assert "4 responden" in page
    # Ten people served: the Krejcie-Morgan minimum is 10, and four is not enough.
    assert "Belum tercapai: kurang 6 responden" in page
    # Characteristics: one man, two women, one not stated (25 / 50 / 25 %).
    assert '<th scope="row">Laki-laki</th><td class="num">1</td><td class="num">25</td>' in page
    assert '<th scope="row">Perempuan</th><td class="num">2</td><td class="num">50</td>' in page
    assert "<svg" in page and "<script" not in page


@pytest.mark.django_db
def test_publishing_freezes_the_figures_and_closes_answering(survey):
    publish(survey)
    survey.refresh_from_db()
    assert survey.status == Survey.Status.CLOSED
    assert survey.published_respondents == 4
    assert survey.published_totals["U9"] == [10, 3]
    # An answer written around the services afterwards does not change what was published.
    add_responses(survey, [[1] * 9])
    survey.refresh_from_db()
    assert str(survey.published_result().converted) == "75.93"


@pytest.mark.django_db
def test_publishing_asks_for_confirmation_on_a_check_page_first(client, member_a, survey):
    client.force_login(member_a)
    check = client.get(f"/survei/kelola/{survey.pk}/terbitkan/")
    page = check.content.decode()
    assert check.status_code == 200
    assert "Periksa sebelum menerbitkan" in page and "75,93" in page
    assert "kurang dari sampel minimum 10" in page  # a warning, not a block
    assert Survey.objects.get(pk=survey.pk).is_published is False
    response = client.post(f"/survei/kelola/{survey.pk}/terbitkan/", {"reason": "Semester I"})
    assert response.status_code == 302
    survey.refresh_from_db()
    assert survey.is_published and survey.published_by == member_a
    entry = AuditEntry.objects.get(action="surveys.published")
    assert entry.region_code == "35.22" and entry.reason == "Semester I"
    assert entry.changes == {"respondents": 4, "ikm": "75.93", "grade": "C"}


@pytest.mark.django_db
def test_an_element_nobody_answered_stops_publication_with_the_reason(client, member_a):
    survey = make_survey(start=ENDED[0], end=ENDED[1])
    add_responses(survey, [[4, 4, 4, None, 4, 4, 4, 4, 4]])
    client.force_login(member_a)
    page = client.get(f"/survei/kelola/{survey.pk}/terbitkan/").content.decode()
    assert "Tidak ada yang menjawab U4" in page
    assert client.post(f"/survei/kelola/{survey.pk}/terbitkan/").status_code == 400
    survey.refresh_from_db()
    assert not survey.is_published


@pytest.mark.django_db
def test_withdrawing_results_needs_a_reason_and_hides_them_again(client, member_a, survey):
    publish(survey)
    client.force_login(member_a)
    refused = client.post(f"/survei/kelola/{survey.pk}/tarik/", {"reason": ""})
    assert refused.status_code == 400
    assert "Jelaskan alasan hasil ditarik" in refused.content.decode()
    assert (
        client.post(
            f"/survei/kelola/{survey.pk}/tarik/", {"reason": "Kuesioner kertas terlambat"}
        ).status_code
        == 302
    )
    client.logout()
    assert client.get(f"/survei/{survey.pk}/").status_code == 404
    assert (
        AuditEntry.objects.get(action="surveys.unpublished").reason == "Kuesioner kertas terlambat"
    )


@pytest.mark.django_db
def test_the_cached_public_page_follows_publication(
    client, survey, django_capture_on_commit_callbacks
):
    """An anonymous visitor's cached page is retired when results are published or withdrawn."""
    assert client.get(f"/survei/{survey.pk}/").status_code == 404
    assert survey.unit.name not in client.get("/survei/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        publish(survey)
    assert client.get(f"/survei/{survey.pk}/").status_code == 200
    assert survey.unit.name in client.get("/survei/").content.decode()
    from cerdas.surveys import services
    from cerdas.surveys.tests.factories import system_admin

    with django_capture_on_commit_callbacks(execute=True):
        services.unpublish(system_admin(), survey.pk, "koreksi")
    assert client.get(f"/survei/{survey.pk}/").status_code == 404
    assert survey.unit.name not in client.get("/survei/").content.decode()


@pytest.mark.django_db
def test_the_unit_page_shows_the_trend_across_published_periods(client):
    first = make_survey(start=dt.date(2025, 1, 1), end=dt.date(2025, 6, 30))
    add_responses(first, [[3] * 9])
    second = make_survey(unit=first.unit, start=dt.date(2025, 7, 1), end=dt.date(2025, 12, 31))
    add_responses(second, [[4] * 9])
    hidden = make_survey(unit=first.unit, start=dt.date(2026, 1, 1), end=dt.date(2026, 6, 30))
    add_responses(hidden, [[1] * 9])
    publish(first)
    publish(second)
    page = client.get(f"/survei/unit/{first.unit.pk}/").content.decode()
    assert "75,00" in page and "100,00" in page
    assert "25,00" not in page.split("<table")[1]  # the unpublished period is not listed
    assert "<polyline" in page


@pytest.mark.django_db
def test_the_region_overview_lists_units_and_surveys_taking_answers(client):
    open_now = make_survey()
    answer(open_now, [4] * 9)
    page = client.get("/survei/wilayah/35.22/").content.decode()
    assert f"/survei/isi/{open_now.pk}/" in page
    assert "Belum ada hasil yang diterbitkan" in page
    assert client.get("/survei/wilayah/99.99/").status_code == 404


@pytest.mark.django_db
def test_the_region_profile_shows_the_latest_index_of_each_unit(
    client, survey, django_capture_on_commit_callbacks
):
    assert "Kepuasan masyarakat (IKM)" not in client.get("/wilayah/35.22/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        publish(survey)
    page = client.get("/wilayah/35.22/").content.decode()
    assert "Kepuasan masyarakat (IKM)" in page and "75,93 (C)" in page

"""A survey's management page keeps its results, suggestions and imports, yet every change
shows at once.

They are kept under the versions of the region's surveys desk and the regions
(cerdas/surveys/receivers.py), per survey and per who sees which units."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cerdas.surveys import services
from cerdas.surveys.models import ImportBatch
from cerdas.surveys.tests.factories import add_responses, answer, make_survey, make_unit, publish

HEADER = "u1,u2,u3,u4,u5,u6,u7,u8,u9,saran\n"


def _page(client, survey) -> str:
    client.cookies["cerdas_lang"] = "en"
    response = client.get(f"/survei/kelola/{survey.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def _respondents(count: int) -> str:
    return f"{count} respondent{'' if count == 1 else 's'}</p>"


@pytest.fixture
def page(client, member_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        survey = make_survey(make_unit("Disdukcapil — KTP-el"), population=1000)
        answer(survey, [4] * 9, suggestion="Antrean terlalu panjang.")
    client.force_login(member_a)
    _page(client, survey)  # the results are now kept
    return survey


@pytest.mark.django_db
def test_a_second_view_reads_no_answer_and_no_import(client, page):
    with CaptureQueriesContext(connection) as ctx:
        body = _page(client, page)
    read = " ".join(q["sql"] for q in ctx.captured_queries)
    for table in ("surveys_response", "surveys_tally", "surveys_importbatch"):
        assert f'"{table}"' not in read, table
    assert _respondents(1) in body and "Antrean terlalu panjang." in body


@pytest.mark.django_db
def test_each_change_shows_on_the_next_view(
    client, page, member_a, django_capture_on_commit_callbacks
):
    def a_citizen_answers():
        answer(page, [3] * 9, suggestion="Petugas ramah.")
        return "Petugas ramah."

    def paper_questionnaires_counted():
        add_responses(page, [[4] * 9] * 3)  # in bulk, then the tally rebuilt
        return _respondents(5)

    def a_file_with_no_valid_row_imported():
        # Nothing is counted, yet the page lists the file.
        content = (HEADER + "9,9,9,9,9,9,9,9,9,\n").encode()
        batch, _unknown = services.preview_import(member_a, page.pk, "kosong.csv", content)
        services.confirm_import(member_a, page.pk, batch.pk)
        return "kosong.csv</a>"

    def population_changed():
        services.update_survey(member_a, page.pk, {"population": 20})
        return "Minimum sample for 20 people served"

    def published():
        publish(page)
        return _respondents(5)  # as published; an answer after it is not shown

    for change in (
        a_citizen_answers,
        paper_questionnaires_counted,
        a_file_with_no_valid_row_imported,
        population_changed,
        published,
    ):
        before = _page(client, page)
        with django_capture_on_commit_callbacks(execute=True):
            expected = change()
        if change is not published:
            assert expected not in before, change.__name__
        assert expected in _page(client, page), change.__name__
    assert ImportBatch.objects.filter(survey=page, imported=0).exists()


@pytest.mark.django_db
def test_a_survey_of_another_region_gets_no_copy_of_this_one(
    client, page, member_a, member_b, django_capture_on_commit_callbacks
):
    """Each survey has its copy, and a team of another region never gets this one."""
    with django_capture_on_commit_callbacks(execute=True):
        other = make_survey(make_unit("Disdukcapil — Bandung", region="32.73"))
    client.force_login(member_b)
    assert "Antrean terlalu panjang." not in _page(client, other)
    assert client.get(f"/survei/kelola/{page.pk}/").status_code == 403
    client.force_login(member_a)
    assert "Antrean terlalu panjang." in _page(client, page)

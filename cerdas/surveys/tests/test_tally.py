"""The running tally always equals the responses added up, however they arrive."""

import threading

import pytest
from django.db import connection

from cerdas.surveys import results, services
from cerdas.surveys.models import Tally
from cerdas.surveys.tests.factories import answer, make_survey


def added_up(survey):
    found = results.element_totals([survey.pk]).get(survey.pk)
    return (found["respondents"], found["totals"]) if found else (0, {})


@pytest.mark.django_db
def test_online_answers_and_imports_keep_the_tally_equal_to_the_responses(member_a, client):
    survey = make_survey()
    assert Tally.objects.get(survey=survey).respondents == 0
    answer(survey, [4, 3, 2, 1, 4, 3, 2, 1, 4])
    answer(survey, [1, 1, 1, 1, 1, 1, 1, 1, 1], sex="L")
    client.force_login(member_a)
    client.post(
        f"/survei/kelola/{survey.pk}/impor/",
        {
            "file": _csv(
                "U1,U2,U3,U4,U5,U6,U7,U8,U9\n4,4,4,4,4,4,4,4,\n2,2,2,2,2,2,2,2,2\n9,9,9,9,9,9,9,9,9\n"
            )
        },
    )
    batch = survey.import_batches.get()
    client.post(f"/survei/kelola/{survey.pk}/impor/{batch.pk}/", {"batch": batch.pk})
    tally = Tally.objects.get(survey=survey)
    assert (tally.respondents, tally.totals()) == added_up(survey)
    assert tally.respondents == 4 and tally.totals()["U9"] == (7, 3)


@pytest.mark.django_db
def test_recount_rebuilds_a_lost_tally():
    survey = make_survey()
    answer(survey, [3] * 9)
    Tally.objects.filter(survey=survey).delete()
    assert results.live_totals(survey.pk) == added_up(survey)  # read from the responses
    answer(survey, [2] * 9)  # a missing tally is rebuilt, not skipped
    assert Tally.objects.get(survey=survey).totals()["U1"] == (5, 2)


@pytest.mark.django_db(transaction=True)
def test_answers_sent_at_the_same_moment_are_all_counted():
    """Two workers answering at once: the UPDATE adds to what is stored, nothing is lost."""
    survey = make_survey()
    errors = []

    def respond(scores):
        try:
            for _n in range(10):
                answer(survey, scores)
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=respond, args=([s] * 9,)) for s in (1, 4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    tally = Tally.objects.get(survey=survey)
    assert tally.respondents == 20
    assert tally.totals()["U5"] == (50, 20)
    assert (tally.respondents, tally.totals()) == added_up(survey)


def _csv(text):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("k.csv", text.encode())


@pytest.mark.django_db
def test_publishing_uses_the_tally(member_a):
    survey = make_survey()
    answer(survey, [4] * 9)
    services.publish(member_a, survey.pk)
    survey.refresh_from_db()
    assert survey.published_totals["U1"] == [4, 1]

"""A citizen answers on a phone: no account, no JavaScript, one response per visit."""

import datetime as dt
import re

import pytest
from django.core import signing

from cerdas.surveys.models import Response, Survey
from cerdas.surveys.tests.factories import make_survey, publish
from cerdas.surveys.views.public import VISIT_SALT

ALL_FOURS = {f"u{n}": "4" for n in range(1, 10)}


def visit_token(client, survey) -> str:
    page = client.get(f"/survei/isi/{survey.pk}/").content.decode()
    return re.search(r'name="visit" value="([^"]+)"', page).group(1)


def send(client, survey, **fields):
    data = {**ALL_FOURS, "visit": visit_token(client, survey), **fields}
    return client.post(f"/survei/isi/{survey.pk}/", data)


@pytest.mark.django_db
def test_the_form_asks_the_nine_questions_with_the_regulations_answers_in_indonesian(client):
    survey = make_survey()
    page = client.get(f"/survei/isi/{survey.pk}/").content.decode()
    assert page.count('type="radio" name="u') == 36  # nine questions, four answers each
    for wording in (
        "Tidak sesuai",
        "Sangat sesuai",
        "Sangat mahal",
        "Gratis",
        "Dikelola dengan baik",
    ):
        assert wording in page
    assert "Persyaratan" in page and "Penanganan Pengaduan, Saran dan Masukan" in page
    assert "<script" not in page  # nothing needs JavaScript


@pytest.mark.django_db
def test_an_answer_is_recorded_with_only_the_characteristics_the_regulation_lists(client):
    survey = make_survey()
    response = send(
        client,
        survey,
        u3="2",
        sex="P",
        age_band="30_39",
        education="s1",
        occupation="swasta",
        suggestion="Antrean pagi terlalu panjang.",
    )
    assert response.status_code == 302
    assert response["Location"] == f"/survei/isi/{survey.pk}/terima-kasih/"
    saved = Response.objects.get()
    assert saved.scores() == {**{f"U{n}": 4 for n in range(1, 10)}, "U3": 2}
    assert (saved.sex, saved.age_band, saved.education, saved.occupation) == (
        "P",
        "30_39",
        "s1",
        "swasta",
    )
    assert saved.source == Response.Source.ONLINE
    # No address, no name, no account: the visit token is kept only as a hash.
    assert len(saved.visit_hash) == 64
    assert "Terima kasih" in client.get(response["Location"]).content.decode()


@pytest.mark.django_db
def test_the_characteristics_may_be_left_out(client):
    survey = make_survey()
    assert send(client, survey).status_code == 302
    saved = Response.objects.get()
    assert (saved.sex, saved.age_band, saved.education, saved.occupation) == ("", "", "", "")


@pytest.mark.django_db
def test_a_missing_answer_is_named_and_everything_typed_is_kept(client):
    survey = make_survey()
    data = {**ALL_FOURS, "visit": visit_token(client, survey), "suggestion": "Ruang tunggu panas."}
    del data["u5"]
    data["u2"] = "1"
    response = client.post(f"/survei/isi/{survey.pk}/", data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Pilih salah satu dari empat jawaban untuk pertanyaan 5." in page
    assert 'value="1" required id="id_u2_0" checked' in page or re.search(
        r'name="u2" value="1"[^>]*checked', page
    )
    assert "Ruang tunggu panas." in page
    assert Response.objects.count() == 0


@pytest.mark.django_db
def test_a_score_outside_one_to_four_is_refused(client):
    survey = make_survey()
    assert send(client, survey, u1="5").status_code == 400
    assert Response.objects.count() == 0


@pytest.mark.django_db
def test_sending_the_same_visit_twice_counts_once(client):
    """On a weak signal a phone may send the form again: the visit token makes it one answer."""
    survey = make_survey()
    data = {**ALL_FOURS, "visit": visit_token(client, survey)}
    first = client.post(f"/survei/isi/{survey.pk}/", data)
    second = client.post(f"/survei/isi/{survey.pk}/", data)
    assert first.status_code == second.status_code == 302
    assert Response.objects.count() == 1


@pytest.mark.django_db
def test_a_forged_or_foreign_visit_token_records_nothing_and_keeps_the_answers(client):
    survey = make_survey()
    other = make_survey(start=dt.date(2020, 1, 1), end=dt.date(2020, 6, 30))
    foreign = signing.dumps({"s": other.pk, "n": "abc"}, salt=VISIT_SALT)
    for token in ("forged", foreign, signing.dumps({"s": survey.pk, "n": "x"}, salt="other")):
        response = client.post(f"/survei/isi/{survey.pk}/", {**ALL_FOURS, "visit": token})
        assert response.status_code == 400
        assert "dibuka terlalu lama" in response.content.decode()
    assert Response.objects.count() == 0


@pytest.mark.django_db
def test_ballot_stuffing_from_one_address_is_throttled(client, settings):
    settings.SURVEY_ANSWERS_PER_ADDRESS = 3
    survey = make_survey()
    statuses = [send(client, survey).status_code for _ in range(4)]
    assert statuses == [302, 302, 302, 429]
    assert Response.objects.count() == 3
    refused = send(client, survey, suggestion="masih di sini")
    assert "Terlalu banyak jawaban" in refused.content.decode()
    assert "masih di sini" in refused.content.decode()  # nothing typed is lost
    # Another address is not held back by the first.
    other = client.__class__(REMOTE_ADDR="10.0.0.9")
    assert send(other, survey).status_code == 302


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("offset_start", "offset_end", "message"),
    [(5, 30, "menerima jawaban mulai"), (-60, -5, "tidak lagi menerima jawaban")],
)
def test_outside_its_period_the_survey_shows_no_form(client, offset_start, offset_end, message):
    today = dt.date.today()
    survey = make_survey(
        start=today + dt.timedelta(days=offset_start), end=today + dt.timedelta(days=offset_end)
    )
    page = client.get(f"/survei/isi/{survey.pk}/").content.decode()
    assert message in page and 'name="u1"' not in page
    assert client.post(f"/survei/isi/{survey.pk}/", ALL_FOURS).status_code == 200
    assert Response.objects.count() == 0


@pytest.mark.django_db
def test_a_closed_or_published_survey_takes_no_answers(client):
    survey = make_survey()
    token = visit_token(client, survey)
    Survey.objects.filter(pk=survey.pk).update(status=Survey.Status.CLOSED)
    response = client.post(f"/survei/isi/{survey.pk}/", {**ALL_FOURS, "visit": token})
    assert "tidak lagi menerima jawaban" in response.content.decode()
    assert Response.objects.count() == 0


@pytest.mark.django_db
def test_publishing_ends_answering(client):
    from cerdas.surveys.tests.factories import answer

    survey = make_survey()
    answer(survey, [3] * 9)
    publish(survey)
    assert 'name="u1"' not in client.get(f"/survei/isi/{survey.pk}/").content.decode()


@pytest.mark.django_db
def test_the_form_page_is_never_shared_from_the_cache(client):
    """Each visit needs its own CSRF and visit token."""
    survey = make_survey()
    assert visit_token(client, survey) != visit_token(client.__class__(), survey)


@pytest.mark.django_db
def test_an_unknown_survey_is_a_404(client):
    assert client.get("/survei/isi/999999/").status_code == 404

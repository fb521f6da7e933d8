"""The program office sets up award categories, rubrics with weights, nominees, the jury and
the publish time in the browser; the public sees the results from that time on."""

import pytest

from cerdas.cohorts.awards import results, score_nominee
from cerdas.cohorts.models import AwardCategory, Nominee
from conftest import make_user

URL = "/angkatan/2017/kelola/penghargaan/"


def _category(**extra):
    data = {
        "name": "Masterplan terbaik",
        "order": "1",
        "nominees": ["35.22", "32.73"],
        "criteria-TOTAL_FORMS": "3",
        "criteria-INITIAL_FORMS": "0",
        "criteria-MIN_NUM_FORMS": "1",
        "criteria-MAX_NUM_FORMS": "1000",
        "criteria-0-name": "Visi",
        "criteria-0-max_score": "10",
        "criteria-0-weight": "3",
        "criteria-1-name": "Quick win",
        "criteria-1-max_score": "10",
        "criteria-1-weight": "1",
        # A browser sends the defaults of the empty row too.
        "criteria-2-max_score": "10",
        "criteria-2-weight": "1",
    }
    data.update(extra)
    return data


@pytest.mark.django_db
def test_the_admin_creates_a_category_with_a_weighted_rubric_and_nominees(
    client, cohort, national_admin
):
    client.force_login(national_admin)
    assert client.post(f"{URL}baru/", _category()).status_code == 302
    category = AwardCategory.objects.get(cohort=cohort)
    assert [(c.name, c.weight) for c in category.criteria.all()] == [("Visi", 3), ("Quick win", 1)]
    assert set(category.nominees.values_list("region_id", flat=True)) == {"35.22", "32.73"}
    page = client.get(URL).content.decode()
    assert "Visi (0–10, weight 3)" in page and "Kota Bandung" in page  # noqa: RUF001 - the page writes an en dash


@pytest.mark.django_db
def test_the_weights_decide_the_winner(client, cohort, national_admin):
    client.force_login(national_admin)
    client.post(f"{URL}baru/", _category())
    category = AwardCategory.objects.get()
    juror = make_user("juror1", "assessor")
    cohort.jurors.add(juror)
    visi, win = category.criteria.all()
    a, b = (Nominee.objects.get(region_id=code) for code in ("35.22", "32.73"))
    score_nominee(nominee_id=a.pk, juror=juror, values={visi.pk: 9, win.pk: 1})  # 28
    score_nominee(nominee_id=b.pk, juror=juror, values={visi.pk: 5, win.pk: 10})  # 25
    (result,) = results(cohort)
    assert result.winner == a and result.ranking[0].mean == 28


@pytest.mark.django_db
def test_a_category_without_criteria_or_with_a_taken_name_is_refused_and_kept(
    client, cohort, national_admin
):
    client.force_login(national_admin)
    empty = _category(**{"criteria-0-name": "", "criteria-1-name": "", "description": "Catatan"})
    response = client.post(f"{URL}baru/", empty)
    assert response.status_code == 200 and "Catatan" in response.content.decode()
    assert not AwardCategory.objects.exists()
    client.post(f"{URL}baru/", _category())
    again = client.post(f"{URL}baru/", _category(name="masterplan TERBAIK"))
    assert "already has a category with this name" in again.content.decode()
    assert AwardCategory.objects.count() == 1


@pytest.mark.django_db
def test_nominees_can_only_be_current_members(client, cohort, national_admin):
    client.force_login(national_admin)
    response = client.post(f"{URL}baru/", _category(nominees=["11.01"]))
    assert response.status_code == 200 and not AwardCategory.objects.exists()


@pytest.mark.django_db
def test_the_admin_names_the_jury_and_publishes_the_results(client, cohort, national_admin):
    juror = make_user("juror1", "assessor")
    client.force_login(national_admin)
    client.post(URL, {"jurors": [juror.pk], "results_publish_at": "2030-11-15T19:00"})
    cohort.refresh_from_db()
    assert list(cohort.jurors.all()) == [juror] and not cohort.results_published()
    client.logout()
    assert client.get("/angkatan/2017/penghargaan/").status_code == 404
    client.force_login(national_admin)
    # The button leads to a page that says what publishing does and what the jury lacks.
    page = client.get(f"{URL}terbitkan/").content.decode()
    assert "Juri belum ditutup" in page
    client.post(f"{URL}terbitkan/")  # a bare POST only shows the page again
    cohort.refresh_from_db()
    assert not cohort.results_published()
    client.post(f"{URL}terbitkan/", {"confirmed": "yes"})
    client.logout()
    assert client.get("/angkatan/2017/penghargaan/").status_code == 200


@pytest.mark.django_db
def test_a_publish_time_in_the_past_is_refused(client, cohort, national_admin):
    client.force_login(national_admin)
    response = client.post(URL, {"results_publish_at": "2020-01-01T10:00"})
    assert "This time has passed" in response.content.decode()
    cohort.refresh_from_db()
    assert cohort.results_publish_at is None


@pytest.mark.django_db
def test_a_bad_publish_time_is_refused_and_the_jury_kept(client, cohort, national_admin):
    juror = make_user("juror1", "assessor")
    client.force_login(national_admin)
    response = client.post(URL, {"jurors": [juror.pk], "results_publish_at": "besok"})
    assert response.status_code == 200 and "Enter a valid date/time" in response.content.decode()
    assert "checked" in response.content.decode()
    assert not cohort.jurors.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["member_a", "member_b", "citizen", "assessor_a"])
def test_only_the_program_office_sets_up_the_awards(client, request, persona, cohort):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(URL).status_code == 403
    assert client.post(f"{URL}baru/", _category()).status_code == 403
    assert client.get(f"{URL}terbitkan/").status_code == 403
    assert client.post(f"{URL}terbitkan/", {"confirmed": "yes"}).status_code == 403
    assert not AwardCategory.objects.exists()
    cohort.refresh_from_db()
    assert cohort.results_publish_at is None


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_log_in(client, cohort):
    assert client.get(URL).status_code == 302
    assert client.get(f"{URL}baru/").status_code == 302

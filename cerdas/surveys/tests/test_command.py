"""manage.py import_survey_responses: unit and survey made when missing, all or nothing."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from cerdas.surveys.models import Response, ServiceUnit, Survey

HEADER = "U1,U2,U3,U4,U5,U6,U7,U8,U9,jenis_kelamin\n"
GOOD = "4,4,3,3,4,4,3,3,4,L\n"
BAD = "4,4,7,3,4,4,3,3,4,L\n"


def run(path, *extra):
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "import_survey_responses",
        str(path),
        "--region",
        "35.22",
        "--unit",
        "RSUD Sosodoro — rawat jalan",
        "--period",
        "2026-01-01:2026-06-30",
        *extra,
        stdout=out,
        stderr=err,
    )
    return out.getvalue(), err.getvalue()


@pytest.mark.django_db
def test_it_creates_the_unit_and_survey_imports_and_prints_the_id_last(tmp_path):
    path = tmp_path / "kuesioner.csv"
    path.write_text(HEADER + GOOD * 3)
    out, _err = run(path)
    survey = Survey.objects.get()
    assert out.splitlines()[-1] == str(survey.pk)
    assert survey.unit.name == "RSUD Sosodoro — rawat jalan" and survey.unit.region_id == "35.22"
    assert (str(survey.period_start), str(survey.period_end)) == ("2026-01-01", "2026-06-30")
    assert survey.responses.count() == 3 and not survey.is_published


@pytest.mark.django_db
def test_a_second_run_reuses_the_unit_and_survey(tmp_path):
    path = tmp_path / "kuesioner.csv"
    path.write_text(HEADER + GOOD)
    first, _err = run(path)
    second, _err = run(path, "--population", "500")
    assert first.splitlines()[-1] == second.splitlines()[-1]
    assert ServiceUnit.objects.count() == Survey.objects.count() == 1
    assert Response.objects.count() == 2
    assert Survey.objects.get().population == 500


@pytest.mark.django_db
def test_invalid_rows_are_reported_with_their_lines_and_nothing_is_written(tmp_path):
    path = tmp_path / "kuesioner.csv"
    path.write_text(HEADER + GOOD + BAD + GOOD + BAD)
    err = io.StringIO()
    with pytest.raises(CommandError, match="2 rows are invalid: nothing was imported"):
        call_command(
            "import_survey_responses",
            str(path),
            "--region",
            "35.22",
            "--unit",
            "X",
            "--period",
            "2026-01-01:2026-06-30",
            stdout=io.StringIO(),
            stderr=err,
        )
    assert "line 3: U3" in err.getvalue() and "line 5: U3" in err.getvalue()
    assert not ServiceUnit.objects.exists() and not Response.objects.exists()


@pytest.mark.django_db
def test_skip_invalid_imports_the_valid_rows_and_still_reports_the_others(tmp_path):
    path = tmp_path / "kuesioner.csv"
    path.write_text(HEADER + GOOD + BAD + GOOD)
    out, err = run(path, "--skip-invalid")
    assert "line 3:" in err
    assert Response.objects.count() == 2
    assert out.splitlines()[-1] == str(Survey.objects.get().pk)


@pytest.mark.django_db
def test_publish_publishes_the_results(tmp_path):
    path = tmp_path / "kuesioner.csv"
    path.write_text(HEADER + GOOD * 2)
    out, _err = run(path, "--publish")
    survey = Survey.objects.get()
    assert survey.is_published and survey.published_respondents == 2
    assert "published" in out


@pytest.mark.django_db
def test_results_that_cannot_be_published_roll_everything_back(tmp_path):
    path = tmp_path / "kuesioner.csv"
    path.write_text(HEADER + "4,4,4,4,4,4,4,4,,L\n")  # nobody answered U9
    with pytest.raises(CommandError, match="U9"):
        run(path, "--publish")
    assert not Survey.objects.exists() and not Response.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--region", "99.99", "--period", "2026-01-01:2026-06-30"], "no kabupaten/kota"),
        (["--region", "35.22", "--period", "2026-06-30:2026-01-01"], "before the first day"),
        (["--region", "35.22", "--period", "januari"], "FIRST:LAST"),
    ],
)
def test_bad_arguments_say_what_to_fix(tmp_path, arguments, message):
    path = tmp_path / "kuesioner.csv"
    path.write_text(HEADER + GOOD)
    with pytest.raises(CommandError, match=message):
        call_command("import_survey_responses", str(path), "--unit", "X", *arguments)


@pytest.mark.django_db
def test_a_period_overlapping_another_survey_of_the_unit_is_refused(tmp_path):
    path = tmp_path / "kuesioner.csv"
    path.write_text(HEADER + GOOD)
    run(path)
    with pytest.raises(CommandError, match=r"periode tidak boleh tumpang tindih|must not overlap"):
        call_command(
            "import_survey_responses",
            str(path),
            "--region",
            "35.22",
            "--unit",
            "RSUD Sosodoro — rawat jalan",
            "--period",
            "2026-03-01:2026-09-30",
        )
    assert Response.objects.count() == 1

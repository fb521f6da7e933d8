"""Open-data rows: published results only, aggregate figures only."""

import datetime as dt

import pytest

from cerdas.surveys.opendata import COLUMNS, published_results
from cerdas.surveys.tests.factories import add_responses, make_survey, make_unit, publish


@pytest.mark.django_db
def test_rows_hold_the_published_figures_and_nothing_about_respondents():
    survey = make_survey(start=dt.date(2025, 1, 1), end=dt.date(2025, 6, 30), population=10)
    add_responses(
        survey, [[4] * 9, [3] * 9, [3] * 9, [2] * 8 + [None]], suggestion="Nama saya Budi"
    )
    publish(survey)
    hidden = make_survey(unit=make_unit("Loket lain"))
    add_responses(hidden, [[4] * 9])
    rows = list(published_results())
    assert len(rows) == 1
    row = rows[0]
    assert tuple(row) == COLUMNS
    assert row["ikm_converted"] == "75.93" and row["grade"] == "C" and row["ikm"] == "3.0370"
    assert row["nrr_u9"] == "3.3333" and row["respondents"] == 4 and row["minimum_sample"] == 10
    assert "Budi" not in str(row)
    assert list(published_results("32.73")) == []

"""Downloads: CSV, JSON and XLSX that stream, with ETag and Last-Modified."""

import csv
import datetime as dt
import io
import json
import tracemalloc

import openpyxl
import pytest
from django.utils.http import http_date

from cerdas.core.registries import NATIONAL, Column, Dataset, datasets
from cerdas.surveys.tests.factories import add_responses, make_survey, make_unit, publish

SURVEYS = "/data/survey-results-kab-bojonegoro/"


def _body(response) -> bytes:
    return b"".join(response.streaming_content)


@pytest.mark.django_db
def test_csv_streams_with_a_header_of_the_columns(open_data, client):
    response = client.get(SURVEYS + "data.csv")
    assert response.status_code == 200 and response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="survey-results-kab-bojonegoro.csv"' in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(_body(response).decode())))
    assert len(rows) == 1
    assert rows[0]["region_code"] == "35.22" and rows[0]["grade"] == "B"
    assert rows[0]["ikm_converted"] == "83.33" and rows[0]["is_demo"] == "false"


@pytest.mark.django_db
def test_json_streams_an_array_of_objects(open_data, client):
    response = client.get(SURVEYS + "data.json")
    assert response.streaming
    [row] = json.loads(_body(response))
    assert row["respondents"] == 3 and row["is_demo"] is False and row["population"] == 100


@pytest.mark.django_db
def test_xlsx_is_a_workbook_with_the_same_rows(open_data, client):
    response = client.get("/data/masterplan-programs-kab-bojonegoro/data.xlsx")
    assert response.status_code == 200 and response.streaming
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[0][:2] == ("region_code", "region_name")
    assert {row[5] for row in rows[1:]} == {"Satu Data Bojonegoro", "Wi-Fi desa"}


@pytest.mark.django_db
def test_xlsx_keeps_its_header_in_view_and_groups_whole_numbers(open_data, client):
    """An official opening the workbook sees the column names while scrolling, and amounts
    grouped by thousands (1.500.000 in an Indonesian spreadsheet), still as numbers."""
    response = client.get("/data/masterplan-budgets-kab-bojonegoro/data.xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert sheet.freeze_panes == "A2"
    header = [cell.value for cell in sheet[1]]
    amount = sheet.cell(row=2, column=header.index("amount_rupiah") + 1)
    assert isinstance(amount.value, int) and amount.number_format == "#,##0"
    code = sheet.cell(row=2, column=header.index("region_code") + 1)
    assert code.value == "35.22" and code.number_format == "General"
    assert sheet.column_dimensions["A"].width >= 12


@pytest.mark.django_db
def test_an_unchanged_download_answers_304_and_a_change_gives_a_new_tag(open_data, client):
    first = client.get(SURVEYS + "data.csv")
    tag, modified = first["ETag"], first["Last-Modified"]
    assert tag and modified
    again = client.get(SURVEYS + "data.csv", headers={"If-None-Match": tag})
    assert again.status_code == 304 and again["ETag"] == tag and not again.content
    since = client.get(SURVEYS + "data.csv", headers={"If-Modified-Since": modified})
    assert since.status_code == 304
    # Other formats have other tags.
    assert client.get(SURVEYS + "data.json")["ETag"] != tag
    # A newly published survey changes the rows: the old tag no longer matches.
    survey = make_survey(
        unit=make_unit("Loket baru"), start=dt.date(2025, 7, 1), end=dt.date(2025, 12, 31)
    )
    add_responses(survey, [[4] * 9])
    publish(survey)
    changed = client.get(SURVEYS + "data.csv", headers={"If-None-Match": tag})
    assert changed.status_code == 200 and changed["ETag"] != tag
    assert len(list(csv.DictReader(io.StringIO(_body(changed).decode())))) == 2


@pytest.mark.django_db
def test_an_older_if_modified_since_gets_the_rows(open_data, client):
    old = http_date(dt.datetime(2000, 1, 1, tzinfo=dt.UTC).timestamp())
    response = client.get(SURVEYS + "data.csv", headers={"If-Modified-Since": old})
    assert response.status_code == 200


@pytest.mark.django_db
def test_unknown_datasets_and_formats_are_not_found(open_data, client):
    assert client.get("/data/no-such-dataset/data.csv").status_code == 404
    assert client.get(SURVEYS + "data.pdf").status_code == 404
    assert client.get("/data/survey-results-kota-bandung/").status_code == 404
    assert client.post(SURVEYS + "data.csv").status_code == 405


def _large(count):
    def rows(region_ids=None):
        for number in range(count):
            yield (number, f"baris {number}", number * 1.5, number % 2 == 0)

    return Dataset(
        f"test-large-{count}",
        "Large",
        "A large dataset made up for a test.",
        fields=(
            Column("number", "integer", "n"),
            Column("label", "string", "label"),
            Column("value", "number", "value"),
            Column("even", "boolean", "even"),
        ),
        rows=rows,
        modified=lambda region_ids=None: None,
        scope=NATIONAL,
    )


def _peak(client, count, fmt) -> tuple[int, int]:
    dataset = _large(count)
    datasets.register(dataset)
    try:
        tracemalloc.start()
        response = client.get(f"/data/{dataset.key}/data.{fmt}")
        size = sum(len(chunk) for chunk in response.streaming_content)
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    finally:
        datasets.unregister(dataset.key)
    return size, peak


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_memory_stays_flat_whatever_the_size(client, fmt):
    """Ten times the rows: ten times the bytes sent, about the same memory at its peak."""
    small_size, small_peak = _peak(client, 10_000, fmt)
    large_size, large_peak = _peak(client, 100_000, fmt)
    assert large_size > 9 * small_size
    assert large_peak < 2 * small_peak, (small_peak, large_peak)
    assert large_peak < large_size / 5


@pytest.mark.django_db
def test_any_site_may_read_the_downloads_and_a_head_request_sends_no_rows(open_data, client):
    response = client.get(SURVEYS + "data.json")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Cache-Control"] == "public, no-cache"
    head = client.head(SURVEYS + "data.csv")
    assert head.status_code == 200 and head["ETag"] == client.get(SURVEYS + "data.csv")["ETag"]


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx"])
def test_dates_and_aware_times_from_a_dataset_are_written_as_iso_text(client, fmt):
    when = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
    dataset = Dataset(
        "test-times",
        "Times",
        "Made up for a test.",
        fields=(Column("day", "date", "day"), Column("at", "datetime", "at")),
        rows=lambda region_ids=None: iter([(when.date(), when)]),
        modified=lambda region_ids=None: when,
        scope=NATIONAL,
    )
    datasets.register(dataset)
    try:
        body = _body(client.get(f"/data/test-times/data.{fmt}"))
    finally:
        datasets.unregister("test-times")
    if fmt == "xlsx":
        rows = list(openpyxl.load_workbook(io.BytesIO(body)).active.iter_rows(values_only=True))
        assert rows[1] == ("2026-01-02", "2026-01-02T03:04:05+00:00")
    else:
        assert "2026-01-02T03:04:05+00:00" in body.decode()

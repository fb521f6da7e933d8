"""`manage.py resolve_regions`: names on stdin, one tab-separated line out per name."""

import io

import pytest
from django.core.management import call_command


def _resolve(monkeypatch, text, *args):
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    out = io.StringIO()
    call_command("resolve_regions", *args, stdout=out)
    return [line.split("\t") for line in out.getvalue().splitlines()]


@pytest.mark.django_db
def test_each_input_line_gets_one_output_line_in_order(monkeypatch):
    rows = _resolve(monkeypatch, "Kab. Bojonegoro\nBandung\nasdfgh\n")
    assert [row[0] for row in rows] == ["Kab. Bojonegoro", "Bandung", "asdfgh"]
    assert all(len(row) == 4 for row in rows)


@pytest.mark.django_db
def test_a_match_prints_its_one_code_and_name(monkeypatch):
    [row] = _resolve(monkeypatch, "Kutai Kartanagara\n")
    assert row[1:] == ["match", "64.02", "Kabupaten Kutai Kartanegara"]


@pytest.mark.django_db
def test_an_ambiguous_name_prints_every_candidate_best_first(monkeypatch):
    [row] = _resolve(monkeypatch, "Bogor\n")
    assert row[1] == "ambiguous"
    codes = row[2].split(",")
    assert set(codes[:2]) == {"32.01", "32.71"}
    assert row[3].split(";")[: len(codes)] == row[3].split(";")
    assert {"Kabupaten Bogor", "Kota Bogor"} <= set(row[3].split(";"))


@pytest.mark.django_db
def test_an_unknown_name_says_unknown(monkeypatch):
    [row] = _resolve(monkeypatch, "Jawa Barat\n")
    assert row[1] == "unknown"


@pytest.mark.django_db
def test_a_province_option_narrows_the_candidates(monkeypatch):
    [row] = _resolve(monkeypatch, "Kota Bandung\n", "--province", "Jawa Barat")
    assert row[1:3] == ["match", "32.73"]


@pytest.mark.django_db
def test_abbreviations_provinces_and_leftover_words_keep_the_four_columns(monkeypatch):
    """The same tab-separated contract for every new form of name."""
    rows = _resolve(
        monkeypatch,
        "Tapsel\nKota Bandung (Jawa Barat)\nBandung, Jawa Barat\nKabupaten Bojonegoro Barat\n",
    )
    assert all(len(row) == 4 for row in rows)
    assert rows[0][1:] == ["match", "12.03", "Kabupaten Tapanuli Selatan"]
    assert rows[1][1:] == ["match", "32.73", "Kota Bandung"]
    assert rows[2][1] == "ambiguous" and set(rows[2][2].split(",")[:2]) == {"32.04", "32.73"}
    # A word left over: the near region is offered, not taken.
    assert rows[3][1:] == ["ambiguous", "35.22", "Kabupaten Bojonegoro"]

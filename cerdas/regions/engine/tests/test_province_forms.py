"""A province written with the name ("Bandung, Jawa Barat", "Kota Bandung (Jabar)") narrows it."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cerdas.regions.engine.names import (
    AMBIGUOUS,
    MATCH,
    REASON_PROVINCE_MISMATCH,
    normalize,
)
from cerdas.regions.engine.tests.lokal import PROVINCE_NAMES, RECORDS, bare_name, codes


def _sharing_the_name_in_its_province(record) -> list[str]:
    key = normalize(bare_name(record))
    return sorted(
        other.code
        for other in RECORDS
        if other.province_code == record.province_code and normalize(bare_name(other)) == key
    )


# (text, expected status, expected leading codes in any order).
WRITTEN_WITH_A_PROVINCE = [
    # Both Bandungs, both Kupangs, both Bogors are in one province: still ambiguous.
    ("Bandung, Jawa Barat", AMBIGUOUS, ["32.04", "32.73"]),
    ("Bandung (Jawa Barat)", AMBIGUOUS, ["32.04", "32.73"]),
    ("Kupang, NTT", AMBIGUOUS, ["53.01", "53.71"]),
    ("Bogor, Jabar", AMBIGUOUS, ["32.01", "32.71"]),
    # The kind settles them.
    ("Kota Bandung (Jawa Barat)", MATCH, ["32.73"]),
    ("Kabupaten Kupang, Nusa Tenggara Timur", MATCH, ["53.01"]),
    ("Kota Kupang (NTT)", MATCH, ["53.71"]),
    # A name shared across provinces is settled by the province.
    ("Banjar, Kalsel", MATCH, ["63.03"]),
    ("Banjar (Jabar)", MATCH, ["32.79"]),
    # Province abbreviations, names, codes and the word "Provinsi".
    ("Gresik, Jatim", MATCH, ["35.25"]),
    ("Sleman, DIY", MATCH, ["34.04"]),
    ("Jakarta Selatan, DKI", MATCH, ["31.74"]),
    ("Maros, Sulsel", MATCH, ["73.09"]),
    ("Kutai Barat, Kaltim", MATCH, ["64.07"]),
    ("Kabupaten Semarang, Provinsi Jawa Tengah", MATCH, ["33.22"]),
    ("Kota Semarang (Jateng)", MATCH, ["33.74"]),
    ("Kabupaten Bojonegoro, Jawa Timur, Indonesia", MATCH, ["35.22"]),
    # A province code in brackets, with or without a space before them.
    ("Banjar (32)", MATCH, ["32.79"]),
    ("Banjar(32)", MATCH, ["32.79"]),
    # The kind and the province each in brackets: the last brackets hold the province.
    ("Bogor (Kab.) (Jawa Barat)", MATCH, ["32.01"]),
    # The kind in brackets, the province after a comma.
    ("Banjar (Kota), Jawa Barat", MATCH, ["32.79"]),
    # The province after the name with nothing between.
    ("Banjar Jawa Barat", MATCH, ["32.79"]),
    ("Jakarta Selatan DKI Jakarta", MATCH, ["31.74"]),
    # The longest way to write a province: five words.
    ("Jakarta Selatan Daerah Khusus Ibu Kota Jakarta", MATCH, ["31.74"]),
    # A form that puts "Provinsi" before a province that already has it.
    ("Banjar, Provinsi Provinsi Jawa Barat", MATCH, ["32.79"]),
    # A province that contradicts the region: offered with the reason, never taken.
    ("Kota Bandung, Jawa Timur", AMBIGUOUS, ["32.73"]),
    ("Kabupaten Bojonegoro (Jateng)", AMBIGUOUS, ["35.22"]),
    ("Gresik, Sulsel", AMBIGUOUS, ["35.25"]),
    ("Tapsel, Sumbar", AMBIGUOUS, ["12.03"]),
    ("Bogor (Kab.), Jawa Tengah", AMBIGUOUS, ["32.01"]),
    # "Kota Baru" is Kabupaten Kotabaru, which lies in Kalimantan Selatan.
    ("Kota Baru, Kalimantan Timur", AMBIGUOUS, ["63.02"]),
    # The kind fits one Banjar and the province the other: the text contradicts itself.
    ("Kota Banjar, Kalimantan Selatan", AMBIGUOUS, ["32.79", "63.03"]),
    ("Kabupaten Banjar (Jabar)", AMBIGUOUS, ["32.79", "63.03"]),
]


@pytest.mark.parametrize(("text", "status", "expected"), WRITTEN_WITH_A_PROVINCE)
def test_names_written_with_their_province(resolver, text, status, expected):
    """Each form gets its status; a match names its region, the others list the candidates."""
    result = resolver.resolve(text)
    assert result.status == status, result
    assert sorted(codes(result)[: len(expected)]) == sorted(expected), result
    assert (result.best is not None) == (status == MATCH)


def test_a_contradicting_province_says_why(resolver):
    """The region is offered with the reason a person reads: it lies in another province."""
    result = resolver.resolve("Kota Bandung, Jawa Timur")
    assert (result.candidates[0].code, result.candidates[0].reason) == (
        "32.73",
        REASON_PROVINCE_MISMATCH,
    )


def test_a_written_province_narrows_like_the_province_argument(resolver):
    """ "Banjar, Kalsel" and "Banjar" with province="Kalsel" give the same answer."""
    for name, province in [("Banjar", "Kalsel"), ("Bandung", "Jawa Barat"), ("Mura", "Sumsel")]:
        written = resolver.resolve(f"{name}, {province}")
        given_ = resolver.resolve(name, province=province)
        assert (written.status, codes(written)) == (given_.status, codes(given_)), name


def test_every_official_name_with_its_province_matches_its_region(resolver):
    """All 514: "Kabupaten Bojonegoro, Jawa Timur" is Kabupaten Bojonegoro."""
    for record in RECORDS:
        result = resolver.resolve(f"{record.name}, {record.province_name}")
        assert result.status == MATCH, result
        assert result.best.code == record.code


def test_every_bare_name_with_its_province_matches_unless_shared_there(resolver):
    """All 514: "Bandung, Jawa Barat" stays ambiguous; "Gresik, Jawa Timur" matches."""
    for record in RECORDS:
        sharing = _sharing_the_name_in_its_province(record)
        result = resolver.resolve(f"{bare_name(record)}, {record.province_name}")
        if len(sharing) == 1:
            assert (result.status, result.best.code) == (MATCH, record.code), result
        else:
            assert result.status == AMBIGUOUS, result
            assert sorted(codes(result)[: len(sharing)]) == sharing, result


FORMS = ["{name}, {province}", "{name} ({province})", "{name} - {province}", "{name} {province}"]


@settings(max_examples=300, deadline=None)
@given(
    record=st.sampled_from(RECORDS),
    form=st.sampled_from(FORMS),
    official=st.booleans(),
    case=st.sampled_from([str, str.upper, str.lower]),
    prefix=st.sampled_from(["", "Provinsi ", "Prov. "]),
)
def test_a_name_with_its_province_in_any_form_matches_unless_shared_there(
    resolver, record, form, official, case, prefix
):
    """Any region, official or bare name, its province after a comma, in brackets or after."""
    name = record.name if official else bare_name(record)
    text = case(form.format(name=name, province=prefix + record.province_name))
    result = resolver.resolve(text)
    if official or len(_sharing_the_name_in_its_province(record)) == 1:
        assert result.status == MATCH, text
        assert result.best.code == record.code, text
    else:
        assert result.status == AMBIGUOUS, text
        assert record.code in codes(result), text


@settings(max_examples=300, deadline=None)
@given(record=st.sampled_from(RECORDS), other=st.sampled_from(sorted(PROVINCE_NAMES)))
def test_a_name_with_another_province_is_never_a_match(resolver, record, other):
    """ "Kota Bandung, Jawa Timur": the region is offered, flagged, and not taken."""
    if other == record.province_code:
        return
    result = resolver.resolve(f"{record.name}, {PROVINCE_NAMES[other]}")
    assert result.status == AMBIGUOUS, result
    assert record.code in codes(result)

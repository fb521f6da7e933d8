"""No dataset holds private or personal data, or content that is not published."""

import re

import pytest

from cerdas.core.registries import datasets
from cerdas.opendata.tests.conftest import HIDDEN

# Words that name personal or secret data in a column's name (split at "_").
PERSONAL = {
    "email",
    "mail",
    "phone",
    "telephone",
    "nik",
    "ktp",
    "reporter",
    "respondent",
    "person",
    "author",
    "byline",
    "juror",
    "assessor",
    "signatory",
    "signatories",
    "password",
    "ip",
    "token",
    "secret",
    "user",
    "username",
    "actor",
    "reader",
    "hash",
    "address",
    "latitude",
    "longitude",
    "birth",
    "gender",
    "description",
    "suggestion",
    "comment",
    "note",
    "evidence",
    "tracking",
}
# A person's name is never a column: names are of places, units, agencies, programs.
PERSON_NAMES = {"name", "full_name", "first_name", "last_name", "accepted_by", "contact"}


def _words(name: str) -> set[str]:
    return set(re.split(r"[_\W]+", name.lower()))


def test_no_dataset_has_a_column_named_like_personal_data():
    """Every registered dataset's columns are checked against the list above."""
    assert len(datasets) >= 10
    for dataset in datasets:
        for column in dataset.fields:
            assert not _words(column.name) & PERSONAL, (dataset.key, column.name)
            assert column.name not in PERSON_NAMES, (dataset.key, column.name)


def test_the_personal_data_check_itself_catches_such_columns():
    assert _words("reporter_email") & PERSONAL
    assert _words("ip_address") & PERSONAL
    assert not _words("participants") & PERSONAL


def test_dataset_keys_and_columns_are_well_formed():
    keys = [dataset.key for dataset in datasets]
    assert len(keys) == len(set(keys))
    for dataset in datasets:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", dataset.key)
        names = [column.name for column in dataset.fields]
        assert len(names) == len(set(names)), dataset.key
        for column in dataset.fields:
            assert column.type in {"string", "integer", "number", "date", "datetime", "boolean"}
        assert dataset.frequency in {"continual", "daily", "monthly", "annual", "irregular"}
        assert str(dataset.title) and str(dataset.description)


@pytest.mark.django_db
def test_rows_never_hold_unpublished_content_or_a_person(open_data):
    """A draft article, a draft masterplan, an unpublished survey, a reporter and the text
    of a report are in the database; no row of any dataset holds any of them."""
    seen = 0
    for dataset in datasets:
        for row in dataset.rows(None):
            assert len(row) == len(dataset.fields), dataset.key
            text = " ".join(str(value) for value in row)
            for hidden in HIDDEN:
                assert hidden not in text, (dataset.key, hidden)
            seen += 1
    assert seen > 514  # the regions and everything else

"""A region's obligations page keeps its blank form (what is recorded so far and what Cerdas
already knows), yet each change shows on the next view; a refused form is drawn afresh."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from cerdas.cohorts.models import Mou, Obligation

OBLIGATIONS = "/angkatan/2017/wilayah/35.22/kewajiban/"


def _page(client) -> str:
    response = client.get(OBLIGATIONS)
    assert response.status_code == 200
    return re.sub(r'(csrfmiddlewaretoken" value=")[^"]*', r"\1", response.content.decode())


def _data(mou, **changes):
    rows = list(mou.obligations.all())
    data = {
        "form-TOTAL_FORMS": str(len(rows)),
        "form-INITIAL_FORMS": str(len(rows)),
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
    }
    data.update({f"form-{n}-id": str(row.pk) for n, row in enumerate(rows)})
    return data | changes


@pytest.fixture
def mou(client, cohort, member_a):
    client.force_login(member_a)
    client.post(
        "/angkatan/2017/wilayah/35.22/mou/", {"status": "signed", "signed_on": "2017-05-23"}
    )
    client.get("/angkatan/2017/wilayah/35.22/")  # the saved message, read
    return Mou.objects.get(cohort=cohort, region_id="35.22")


@pytest.mark.django_db
def test_a_second_view_reads_no_obligation_and_writes_nothing(client, mou):
    first = _page(client)
    with CaptureQueriesContext(connection) as ctx:
        body = _page(client)
    read = " ".join(q["sql"] for q in ctx.captured_queries)
    assert '"cohorts_obligation"' not in read and '"masterplans_masterplan"' not in read
    assert len(ctx) == 5  # the reader, the cohort, the region, its membership, the MoU
    assert body == first and 'name="form-TOTAL_FORMS" value="5"' in body


@pytest.mark.django_db
def test_each_change_shows_on_the_obligations_page(
    client, mou, national_admin, settings, django_capture_on_commit_callbacks
):
    office = Client()
    office.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    office.force_login(national_admin)

    def ticked_off():
        client.post(OBLIGATIONS, _data(mou, **{"form-0-note": "Dewan dibentuk"}))
        return lambda body: "Dewan dibentuk</textarea>" in body

    def noted_by_the_office():
        office.post(OBLIGATIONS, _data(mou, **{"form-2-evidence": "Perbup 12/2017"}))
        return lambda body: 'value="Perbup 12/2017"' in body

    def evidence_cleared():
        Obligation.objects.filter(mou=mou, evidence="Perbup 12/2017").get().delete()
        return lambda body: 'value="Perbup 12/2017"' not in body

    for change in (ticked_off, noted_by_the_office, evidence_cleared):
        before = _page(client)
        with django_capture_on_commit_callbacks(execute=True):
            shows = change()
        assert not shows(before), change.__name__
        assert shows(_page(client)), change.__name__
        assert shows(_page(office)), change.__name__


@pytest.mark.django_db
def test_a_refused_form_keeps_what_was_typed_and_the_kept_form_stays_as_saved(client, mou):
    kept = _page(client)
    data = _data(mou, **{"form-1-done_on": "2099-01-01", "form-1-note": "Rencana"})
    body = client.post(OBLIGATIONS, data).content.decode()
    assert "cannot be in the future" in body and "Rencana" in body
    assert _page(client) == kept

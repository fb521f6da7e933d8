"""A report's page for officials reads the same few tables however long its history."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cerdas.complaints import services
from cerdas.complaints.tests.conftest import picture_with_gps
from cerdas.core.images import process_upload
from conftest import make_user


def _queries(client, report) -> int:
    """What drawing the page reads (the kept copy dropped first: test_report_page_kept)."""
    cache.clear()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(report.get_manage_url())
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_the_page_reads_as_much_for_many_notes_and_pictures_as_for_one(
    client, member_a, submit, road
):
    """Each note names the official who wrote it, and the pictures are listed, offered to
    hide, and ticked when hidden: none of it is read once per note or per picture."""
    report = submit(road, pictures=[process_upload(picture_with_gps())])
    services.add_note(member_a, report.pk, "Cek lokasi besok.")
    client.force_login(member_a)
    _queries(client, report)  # what a first view reads once (the session, the calendar)
    few = _queries(client, report)
    for n in range(3):
        colleague = make_user(f"tim_a{n}", "regional_team", "35.22")
        services.add_note(colleague, report.pk, f"Catatan {n}.")
    more = submit(road, pictures=[process_upload(picture_with_gps()) for _ in range(3)])
    for n in range(3):
        colleague = make_user(f"tim_b{n}", "regional_team", "35.22")
        services.add_note(colleague, more.pk, f"Catatan {n}.")
    page = client.get(more.get_manage_url()).content.decode()
    assert "tim_b2" in page and page.count('loading="lazy"') == 3
    assert _queries(client, report) == few
    assert _queries(client, more) == few

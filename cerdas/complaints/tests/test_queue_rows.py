"""The desk's queue rows (written in Python for speed) say what the template loop said."""

import pytest
from django.utils import timezone

from cerdas.complaints.models import Category, Report


@pytest.mark.django_db
def test_a_queue_row_links_the_report_and_names_its_state(client, member_a, submit, road):
    road.name = "Jalan <rusak> & berlubang"
    road.save()
    report = submit(road)
    client.force_login(member_a)
    page = client.get("/pengaduan/kelola/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    row = page[page.index('<ol class="queue-list">') : page.index("</ol>")]
    assert f'<a href="/pengaduan/kelola/laporan/{report.pk}/">{report.tracking_number}</a>' in row
    assert "Jalan &lt;rusak&gt; &amp; berlubang" in row
    assert "<rusak>" not in row
    assert f'status-{report.open311_status}">{report.get_status_display()}</span>' in row
    assert f"{report.get_kind_display()} · {report.get_privacy_display()}" in row
    assert "Bojonegoro" not in row  # the team's own region is not repeated on every row


@pytest.mark.django_db
def test_an_overdue_report_is_marked_and_counted(client, member_a, submit, road):
    report = submit(road)
    Report.objects.filter(pk=report.pk).update(due_at=timezone.now() - timezone.timedelta(days=2))
    client.force_login(member_a)
    page = client.get("/pengaduan/kelola/").content.decode()
    assert 'class="queue-item is-overdue"' in page
    assert '<strong class="overdue">' in page
    assert "<strong>1</strong> terlambat" in page


@pytest.mark.django_db
def test_a_report_without_topic_says_so(client, member_a, submit, road):
    report = submit(road)
    Report.objects.filter(pk=report.pk).update(category=None)
    client.force_login(member_a)
    page = client.get("/pengaduan/kelola/").content.decode()
    row = page[page.index('<ol class="queue-list">') : page.index("</ol>")]
    assert "Belum ada topik" in row or "No topic yet" in row
    assert Category.objects.filter(pk=road.pk).exists()


@pytest.mark.django_db
def test_another_regions_team_gets_no_row(client, member_b, submit, road):
    report = submit(road)
    client.force_login(member_b)
    assert report.tracking_number not in client.get("/pengaduan/kelola/").content.decode()


@pytest.mark.django_db
def test_the_ministry_sees_each_rows_region_and_handling_agency(
    client, national_admin, submit, road, other_agency_a
):
    report = submit(road)
    Report.objects.filter(pk=report.pk).update(agency=other_agency_a, is_demo=True)
    client.force_login(national_admin)
    page = client.get("/pengaduan/kelola/").content.decode()
    row = page[page.index('<ol class="queue-list">') : page.index("</ol>")]
    assert f'{report.tracking_number}</a> <span class="badge">' in row  # marked demo
    assert f" · {other_agency_a.name}</p>" in row
    assert " · Kabupaten Bojonegoro</p>" in row  # no region picked: each row names its own

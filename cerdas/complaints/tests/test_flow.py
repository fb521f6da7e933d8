"""Every step of a report, through the officials' pages, with its deadline and who is told."""

import datetime as dt

import pytest
from django.core import mail

from cerdas.complaints import services
from cerdas.complaints.models import Event, Report, Status
from cerdas.complaints.tests.conftest import MONDAY
from cerdas.core.models import AuditEntry

WIB = dt.timezone(dt.timedelta(hours=7))


def _dispatch(client, report, agency, confirmed=True, **extra):
    data = {
        "category": report.category_id,
        "agency": agency.pk,
        "handling": "standard",
        "public_text": "Jalan berlubang di depan SDN 1.",
        "note": "",
        **extra,
    }
    if confirmed:
        data["confirmed"] = "1"
    return client.post(f"/pengaduan/kelola/laporan/{report.pk}/dispatch/", data)


@pytest.mark.django_db
def test_a_new_report_is_due_for_verification_three_working_days_later(road, submit):
    report = submit(road, now=MONDAY)
    assert report.status == Status.SUBMITTED
    # Monday 2 Nov 2026: Tue, Wed, Thu → the end of Thursday in WIB.
    assert report.due_at == dt.datetime(2026, 11, 6, tzinfo=WIB)
    assert report.verify_due_at == report.due_at
    # 3 + 5 working days: Thursday 12 Nov, due at its end.
    assert report.answer_due_at == dt.datetime(2026, 11, 13, tzinfo=WIB)


@pytest.mark.django_db
def test_the_coordinator_checks_then_confirms_the_dispatch(
    client, member_a, road, other_agency_a, submit
):
    report = submit(road)
    client.force_login(member_a)
    check = _dispatch(client, report, other_agency_a, confirmed=False)
    assert check.status_code == 200
    assert "tidak dapat dibatalkan" in check.content.decode()
    assert Report.objects.get(pk=report.pk).status == Status.SUBMITTED
    done = _dispatch(client, report, other_agency_a)
    report.refresh_from_db()
    assert done.status_code == 302
    assert report.status == Status.DISPATCHED
    assert report.agency == other_agency_a
    assert report.text_public and report.public_description == "Jalan berlubang di depan SDN 1."
    assert report.followup_due_at == report.due_at == report.answer_due_at
    assert AuditEntry.objects.filter(action="report.dispatched", actor=member_a).exists()


@pytest.mark.django_db(transaction=True)
def test_dispatching_tells_the_reporter_and_the_agencys_officers(
    client, member_a, road, other_agency_a, officer_a2, submit
):
    report = submit(road)
    mail.outbox.clear()
    client.force_login(member_a)
    _dispatch(client, report, other_agency_a)
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == ["pu@example.org", "siti@example.org"]


@pytest.mark.django_db
def test_the_agency_officer_follows_up_and_the_reply_window_starts(
    client, member_a, officer_a2, road, other_agency_a, submit
):
    report = submit(road)
    services.dispatch(
        member_a,
        report.pk,
        category_id=road.pk,
        agency_id=other_agency_a.pk,
        handling="standard",
        public_text="Jalan berlubang.",
    )
    client.force_login(officer_a2)
    assert client.get(report.get_manage_url()).status_code == 200
    client.post(f"/pengaduan/kelola/laporan/{report.pk}/start/", {"note": "Tim meluncur."})
    response = client.post(
        f"/pengaduan/kelola/laporan/{report.pk}/follow_up/",
        {"text": "Lubang sudah ditambal hari ini.", "confirmed": "1"},
    )
    report.refresh_from_db()
    assert response.status_code == 302
    assert report.status == Status.FOLLOWED_UP
    assert report.followed_up_at is not None
    event = report.events.get(action="followed_up")
    assert event.actor_label == other_agency_a.name
    assert event.visibility == Event.Visibility.PUBLIC


@pytest.mark.django_db
def test_the_reporter_accepts_closes_and_rates(client, member_a, road, other_agency_a, submit):
    report = submit(road)
    services.dispatch(
        member_a,
        report.pk,
        category_id=road.pk,
        agency_id=other_agency_a.pk,
        handling="standard",
        public_text="x",
    )
    services.follow_up(member_a, report.pk, "Sudah diperbaiki.")
    url = report.get_private_url()
    check = client.post(url + "jawab/", {"satisfied": "yes", "text": "Terima kasih"})
    assert "tidak dapat dibatalkan" in check.content.decode()
    client.post(url + "jawab/", {"satisfied": "yes", "text": "Terima kasih", "confirmed": "1"})
    report.refresh_from_db()
    assert report.status == Status.CLOSED and report.closed_at
    page = client.get(url).content.decode()
    assert "Nilai jawabannya" in page
    client.post(url + "nilai/", {"rating": "puas", "comment": "Cepat"})
    report.refresh_from_db()
    assert report.rating == "puas"


@pytest.mark.django_db
def test_not_settled_sends_it_back_to_the_agency_with_a_new_deadline(
    client, member_a, road, other_agency_a, submit
):
    report = submit(road)
    services.dispatch(
        member_a,
        report.pk,
        category_id=road.pk,
        agency_id=other_agency_a.pk,
        handling="standard",
        public_text="x",
    )
    services.follow_up(member_a, report.pk, "Sudah diperbaiki.")
    first_due = Report.objects.get(pk=report.pk).followup_due_at
    url = report.get_private_url()
    missing = client.post(url + "jawab/", {"satisfied": "no", "text": ""})
    assert "Sampaikan kepada OPD apa yang masih kurang." in missing.content.decode()
    client.post(url + "jawab/", {"satisfied": "no", "text": "Masih berlubang", "confirmed": "1"})
    report.refresh_from_db()
    assert report.status == Status.ANSWERED
    assert report.due_at > report.step_started_at
    assert report.followup_due_at == first_due  # "answered on time" keeps the first deadline


@pytest.mark.django_db
def test_without_an_answer_the_report_closes_ten_working_days_after_the_follow_up(
    member_a, road, other_agency_a, submit
):
    report = submit(road, now=MONDAY)
    services.dispatch(
        member_a,
        report.pk,
        category_id=road.pk,
        agency_id=other_agency_a.pk,
        handling="standard",
        public_text="x",
        now=MONDAY,
    )
    services.follow_up(member_a, report.pk, "Sudah.", now=MONDAY)
    due = Report.objects.get(pk=report.pk).due_at
    assert due == dt.datetime(2026, 11, 17, tzinfo=WIB)
    assert services.close_expired(now=due - dt.timedelta(seconds=1)) == 0
    assert services.close_expired(now=due) == 1
    assert services.close_expired(now=due) == 0
    report.refresh_from_db()
    assert report.status == Status.CLOSED
    assert report.events.filter(action="auto_closed").count() == 1


@pytest.mark.django_db
def test_postponing_stops_the_clock_until_the_reporter_adds_information(
    client, member_a, road, submit
):
    report = submit(road)
    client.force_login(member_a)
    client.post(
        f"/pengaduan/kelola/laporan/{report.pk}/outcome/",
        {"outcome": "postpone", "reason": "Sebutkan nama desanya.", "confirmed": "1"},
    )
    report.refresh_from_db()
    assert report.status == Status.POSTPONED and report.due_at is None
    client.logout()
    page = client.get(report.get_private_url()).content.decode()
    assert "Sebutkan nama desanya." in page
    client.post(report.get_private_url() + "tambah/", {"text": "Desa Kadipaten, RT 3."})
    report.refresh_from_db()
    assert report.status == Status.SUBMITTED
    assert report.due_at is not None


@pytest.mark.django_db
def test_not_our_authority_needs_a_reason_and_ends_the_report(client, member_a, road, submit):
    report = submit(road)
    client.force_login(member_a)
    missing = client.post(
        f"/pengaduan/kelola/laporan/{report.pk}/outcome/", {"outcome": "not_our_authority"}
    )
    assert missing.status_code == 400
    assert "Tulis alasannya" in missing.content.decode()
    client.post(
        f"/pengaduan/kelola/laporan/{report.pk}/outcome/",
        {"outcome": "not_our_authority", "reason": "Jalan nasional.", "confirmed": "1"},
    )
    report.refresh_from_db()
    assert report.status == Status.NOT_OUR_AUTHORITY and report.closed_at


@pytest.mark.django_db
def test_forwarding_makes_a_report_in_the_other_region_that_the_reporter_follows(
    client, member_a, road, submit
):
    report = submit(road)
    client.force_login(member_a)
    client.post(
        f"/pengaduan/kelola/laporan/{report.pk}/outcome/",
        {"outcome": "forward", "reason": "Lokasi di Tuban.", "region": "35.23", "confirmed": "1"},
    )
    report.refresh_from_db()
    assert report.status == Status.FORWARDED
    copy = report.forwarded_to
    assert copy.region_id == "35.23" and copy.status == Status.SUBMITTED
    assert copy.reporter_email == report.reporter_email
    client.logout()
    page = client.get(report.get_private_url()).content.decode()
    assert copy.get_private_url() in page


@pytest.mark.django_db
def test_forwarding_to_the_same_region_is_refused(client, member_a, road, submit):
    report = submit(road)
    client.force_login(member_a)
    response = client.post(
        f"/pengaduan/kelola/laporan/{report.pk}/outcome/",
        {"outcome": "forward", "reason": "x", "region": "35.22", "confirmed": "1"},
    )
    assert response.status_code == 400
    assert Report.objects.get(pk=report.pk).status == Status.SUBMITTED


@pytest.mark.django_db(transaction=True)
def test_a_duplicate_is_merged_and_both_reporters_hear_of_the_original(
    client, member_a, road, other_agency_a, submit
):
    original = submit(road)
    duplicate = submit(road, email="kedua@example.org")
    client.force_login(member_a)
    client.post(
        f"/pengaduan/kelola/laporan/{duplicate.pk}/outcome/",
        {
            "outcome": "archive_duplicate",
            "reason": "Sama.",
            "confirmed": "1",
            "duplicate_of": original.tracking_number,
        },
    )
    duplicate.refresh_from_db()
    assert duplicate.status == Status.ARCHIVED and duplicate.duplicate_of == original
    mail.outbox.clear()
    services.dispatch(
        member_a,
        original.pk,
        category_id=road.pk,
        agency_id=other_agency_a.pk,
        handling="standard",
        public_text="x",
    )
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == ["kedua@example.org", "siti@example.org"]
    merged_mail = next(m for m in mail.outbox if m.to == ["kedua@example.org"])
    assert duplicate.get_private_url() in merged_mail.body


@pytest.mark.django_db
def test_the_coordinator_extends_the_agencys_deadline_with_a_reason(
    client, member_a, road, other_agency_a, submit
):
    report = submit(road, now=MONDAY)
    services.dispatch(
        member_a,
        report.pk,
        category_id=road.pk,
        agency_id=other_agency_a.pk,
        handling="standard",
        public_text="x",
        now=MONDAY,
    )
    client.force_login(member_a)
    client.post(
        f"/pengaduan/kelola/laporan/{report.pk}/extend/",
        {"days": "3", "reason": "Perlu cek lapangan.", "confirmed": "1"},
    )
    report.refresh_from_db()
    # Monday 2 Nov + 5 + 3 working days = Thursday 12 Nov, due at its end.
    assert report.due_at == dt.datetime(2026, 11, 13, tzinfo=WIB)
    assert report.extension_days == 3


@pytest.mark.django_db
def test_an_extension_beyond_the_maximum_is_refused(client, member_a, road, other_agency_a, submit):
    report = submit(road)
    services.dispatch(
        member_a,
        report.pk,
        category_id=road.pk,
        agency_id=other_agency_a.pk,
        handling="standard",
        public_text="x",
    )
    client.force_login(member_a)
    response = client.post(
        f"/pengaduan/kelola/laporan/{report.pk}/extend/",
        {"days": "61", "reason": "x", "confirmed": "1"},
    )
    assert response.status_code == 400
    assert "paling banyak 60 hari kerja" in response.content.decode()


@pytest.mark.django_db
def test_internal_notes_are_never_shown_to_the_reporter_or_the_public(
    client, member_a, road, other_agency_a, unmoderated, submit
):
    report = submit(road)
    services.dispatch(
        member_a,
        report.pk,
        category_id=road.pk,
        agency_id=other_agency_a.pk,
        handling="standard",
        public_text="x",
        note="Rahasia internal 42",
    )
    services.add_note(member_a, report.pk, "Catatan internal 43")
    private = client.get(report.get_private_url()).content.decode()
    public = client.get(report.get_absolute_url()).content.decode()
    for page in (private, public):
        assert "Rahasia internal 42" not in page and "Catatan internal 43" not in page
    client.force_login(member_a)
    staff = client.get(report.get_manage_url()).content.decode()
    assert "Rahasia internal 42" in staff and "Catatan internal 43" in staff


@pytest.mark.django_db
def test_a_step_out_of_turn_says_the_report_moved_on(
    client, member_a, road, other_agency_a, submit
):
    report = submit(road)
    services.dispatch(
        member_a,
        report.pk,
        category_id=road.pk,
        agency_id=other_agency_a.pk,
        handling="standard",
        public_text="x",
    )
    with pytest.raises(services.ReportError):
        services.dispatch(
            member_a,
            report.pk,
            category_id=road.pk,
            agency_id=other_agency_a.pk,
            handling="standard",
            public_text="x",
        )

"""A region's team (or the responsible OPD) updates a program: dated, audited, on the timeline."""

import pytest

from cerdas.core.models import AuditEntry
from cerdas.implementation.models import Record, Update

from .conftest import program_url, update_url


def _post(client, plan, program, **data):
    return client.post(
        update_url(plan, program), {"status": "in_progress", "progress": "10", **data}
    )


@pytest.mark.django_db
def test_an_update_is_audited_and_appears_in_the_timeline(client, approved, member_a):
    client.force_login(member_a)
    response = _post(
        client,
        approved,
        approved.program,
        progress="35",
        note="Portal Satu Data diluncurkan",
        **{"spent-2025-apbd": "1.500.000.000", "indicator-0": "12"},
    )
    assert response.status_code == 302
    update = Update.objects.get()
    assert update.author == member_a
    assert update.progress == 35
    entry = AuditEntry.objects.get(action="implementation.updated")
    assert entry.actor == member_a
    assert entry.region_code == "35.22"
    assert entry.changes["progress"] == [0, 35]
    page = client.get(program_url(approved, approved.program)).content.decode()
    assert "Portal Satu Data diluncurkan" in page
    assert "35%" in page


@pytest.mark.django_db
def test_spending_typed_the_indonesian_way_reads_right(client, approved, member_a):
    client.force_login(member_a)
    _post(client, approved, approved.program, **{"spent-2025-apbd": "1.500.000.000"})
    record = Record.objects.get()
    assert record.realised_total == 1_500_000_000
    assert Update.objects.get().spendings.get().amount == 1_500_000_000
    page = client.get(program_url(approved, approved.program)).content.decode()
    assert "Rp 1.500.000.000" in page


@pytest.mark.django_db
def test_dropped_needs_a_reason(client, approved, member_a):
    client.force_login(member_a)
    response = _post(client, approved, approved.program, status="dropped", progress="20")
    assert response.status_code == 200
    assert not Update.objects.exists()
    response = _post(
        client,
        approved,
        approved.program,
        status="dropped",
        progress="20",
        reason="Digabung ke program provinsi",
    )
    assert response.status_code == 302
    assert Record.objects.get().status == "dropped"
    page = client.get(program_url(approved, approved.program)).content.decode()
    assert "Digabung ke program provinsi" in page


@pytest.mark.django_db
@pytest.mark.parametrize(("typed", "kept"), [("0", 0), ("100", 100)])
def test_progress_takes_0_and_100_exactly(client, approved, member_a, typed, kept):
    client.force_login(member_a)
    response = _post(client, approved, approved.program, progress=typed)
    assert response.status_code == 302
    assert Record.objects.get().progress == kept


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["-1", "101", "100,5"])
def test_progress_outside_0_to_100_is_refused(client, approved, member_a, typed):
    client.force_login(member_a)
    response = _post(client, approved, approved.program, progress=typed)
    assert response.status_code == 200
    assert not Update.objects.exists()


@pytest.mark.django_db
def test_done_puts_the_program_at_100(client, approved, member_a):
    client.force_login(member_a)
    _post(client, approved, approved.quick, status="done", progress="80")
    assert Record.objects.get().progress == 100


@pytest.mark.django_db
def test_each_update_is_kept(client, approved, member_a):
    client.force_login(member_a)
    _post(client, approved, approved.program, progress="10", note="Tahap satu")
    _post(client, approved, approved.program, progress="40", note="Tahap dua")
    assert list(Update.objects.values_list("progress", flat=True)) == [40, 10]
    page = client.get(program_url(approved, approved.program)).content.decode()
    assert page.index("Tahap dua") < page.index("Tahap satu")


@pytest.mark.django_db
def test_the_form_starts_from_the_last_update(client, approved, member_a):
    client.force_login(member_a)
    _post(client, approved, approved.program, progress="40", **{"spent-2025-apbd": "2.500.000"})
    page = client.get(update_url(approved, approved.program)).content.decode()
    assert 'value="40"' in page
    assert 'value="2.500.000"' in page


@pytest.mark.django_db
def test_the_responsible_agency_officer_updates_its_program(client, approved, make_officer):
    officer = make_officer(approved.program.agency)
    client.force_login(officer)
    assert _post(client, approved, approved.program).status_code == 302


@pytest.mark.django_db
def test_the_timeline_survives_an_approved_revision_of_the_plan(
    client, approved, member_a, national_admin
):
    from cerdas.masterplans import services as plans
    from cerdas.masterplans.tests.factories import take_through

    client.force_login(member_a)
    _post(client, approved, approved.program, progress="45", note="Sebelum revisi")
    revision = plans.start_revision(approved.pk, member_a)
    take_through(revision, member_a, national_admin, "submit", "start_review", "approve")
    program = revision.programs.get(key=approved.program.key)
    page = client.get(program_url(revision, program)).content.decode()
    assert "Sebelum revisi" in page
    assert "45%" in page


@pytest.mark.django_db
def test_the_service_refuses_what_the_plan_does_not_hold(approved, member_a):
    from cerdas.implementation import services
    from cerdas.implementation.services import Report, UpdateError

    key = approved.program.key
    for report in (
        Report("in_progress", 10, spending={(2030, "apbd"): 5}),  # no such budget line
        Report("in_progress", 10, values={"Indikator lain": 5}),
        Report("in_progress", 10, values={"OPD terhubung": 10**15}),
        Report("in_progress", 101),
        Report("not_started", 5),
        Report("dropped", 10, reason="   "),
    ):
        with pytest.raises(UpdateError):
            services.record_update("35.22", key, report, member_a)
    assert not Update.objects.exists()


@pytest.mark.django_db
def test_who_may_update_which_program_is_what_can_update_says_of_each(
    approved, member_a, national_admin, officer_a, make_officer, citizen, assessor_a
):
    """``updatable_programs`` reads keys only; for every kind of person it gives what
    ``can_update`` says program by program (an agency-less program included)."""
    from cerdas.implementation.permissions import can_update, updatable_programs
    from cerdas.masterplans.models import Program

    Program.objects.filter(pk=approved.quick.pk).update(agency=None)
    responsible = make_officer(approved.program.agency)
    inactive = make_officer(approved.program.agency, username="officer_nonaktif")
    inactive.is_active = False
    inactive.save()
    people = [member_a, national_admin, officer_a, responsible, inactive, citizen]
    for person in [*people, assessor_a]:
        expected = {
            p.key for p in approved.programs.all() if can_update(person, approved.region_id, p)
        }
        assert updatable_programs(person, approved) == expected, person.username
    assert updatable_programs(responsible, approved) == {approved.program.key}
    assert updatable_programs(member_a, approved) == {approved.quick.key, approved.program.key}
    assert updatable_programs(inactive, approved) == set()

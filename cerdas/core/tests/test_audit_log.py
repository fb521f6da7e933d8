import pytest
from django.utils import translation

from cerdas.core.models import AuditEntry


@pytest.mark.django_db
def test_log_action_records_who_what_which_object_when_and_why(region_a, national_admin):
    entry = region_a.log_action(
        "region.updated", user=national_admin, reason="name fixed", changes={"name": "x"}
    )
    entry.refresh_from_db()
    assert entry.actor == national_admin
    assert entry.actor_name == "admin"
    assert entry.object_id == "35.22"
    assert entry.object_repr == "Kabupaten Bojonegoro"
    assert entry.region_code == "35.22"
    assert entry.reason == "name fixed"
    assert entry.changes == {"name": "x"}
    assert entry.created_at is not None


@pytest.mark.django_db
def test_the_log_keeps_the_actor_name_after_the_account_is_deleted(region_a, national_admin):
    entry = region_a.log_action("region.updated", user=national_admin)
    national_admin.delete()
    entry.refresh_from_db()
    assert entry.actor is None
    assert entry.actor_name == "admin"


@pytest.mark.django_db
def test_national_admins_read_every_entry_and_a_team_only_its_own_region(
    region_a, region_b, national_admin, member_a, member_b, assessor_a, officer_a, citizen
):
    mine = region_a.log_action("region.updated", user=national_admin)
    theirs = region_b.log_action("region.updated", user=national_admin)
    assert set(AuditEntry.objects.for_user(national_admin)) >= {mine, theirs}
    assert mine in AuditEntry.objects.for_user(member_a)
    assert theirs not in AuditEntry.objects.for_user(member_a)
    assert mine not in AuditEntry.objects.for_user(member_b)
    for outsider in (assessor_a, officer_a, citizen):
        assert not AuditEntry.objects.for_user(outsider).exists()


@pytest.mark.django_db
def test_an_action_reads_as_a_sentence_in_the_log(region_a):
    entry = region_a.log_action("region.updated")
    with translation.override("id"):
        assert entry.get_action_display() == "diperbarui dari data wilayah Kemendagri"
    with translation.override("en"):
        assert entry.get_action_display() == "updated from the Kemendagri region data"

"""A round's selection rules can change, audit-logged, until its selection is final."""

from cerdas.assessments import computing
from cerdas.core.models import AuditEntry

RULES = {
    "cohort_size": "3",
    "province_cap": "1",
    "reserved_places": "1",
    "eastern_provinces": ["91", "94"],
    "minimum_dimension_score": "",
    "excluded_codes": "Kota Surabaya",
    "waitlist_size": "5",
    "reason": "Kuota tambahan dari Kemendagri",
}


def _url(round_):
    return f"/penilaian/kelola/{round_.pk}/aturan/"


def test_an_admin_changes_the_rules_of_an_open_round_and_the_change_is_logged(
    client, open_round, national_admin
):
    client.force_login(national_admin)
    assert client.get(_url(open_round)).status_code == 200
    response = client.post(_url(open_round), RULES)
    assert response.status_code == 302
    open_round.refresh_from_db()
    assert (open_round.cohort_size, open_round.province_cap, open_round.reserved_places) == (
        3,
        1,
        1,
    )
    assert open_round.eastern_provinces == "91,94"
    assert open_round.extra_excluded() == {"35.78"}
    entry = AuditEntry.objects.get(action="assessments.rules_edited")
    assert entry.reason == "Kuota tambahan dari Kemendagri"
    assert entry.changes["cohort_size"] == [2, 3]


def test_changing_the_rules_of_a_computed_round_proposes_the_selection_again(
    client, computed_round, national_admin
):
    client.force_login(national_admin)
    client.post(_url(computed_round), {**RULES, "province_cap": "", "reserved_places": "0"})
    computed_round.refresh_from_db()
    proposal = computed_round.selection
    decisions = {d["code"]: d for d in proposal.decisions}
    assert decisions["35.78"]["reason"] == "earlier_cohort"
    assert len(proposal.proposed_codes()) == 3
    assert proposal.rules["size"] == 3


def test_a_minimum_per_dimension_and_a_province_cap_reach_the_sensitivity(
    client, computed_round, national_admin
):
    client.force_login(national_admin)
    data = {**RULES, "excluded_codes": "", "reserved_places": "0", "minimum_dimension_score": "100"}
    client.post(_url(computed_round), data)
    # Nobody reaches 100 points in every dimension: no draw can seat anybody.
    shares = computed_round.participants.values_list("inside_share", flat=True)
    assert set(shares) == {0.0}


def test_bad_rules_are_refused_and_what_was_typed_stays(client, open_round, national_admin):
    client.force_login(national_admin)
    data = {
        **RULES,
        "reserved_places": "5",
        "eastern_provinces": ["91", "99"],
        "excluded_codes": "35.78\nKupang\nKota Atlantis",
    }
    response = client.post(_url(open_round), data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Tempat yang dicadangkan lebih banyak daripada jumlah tempat dalam angkatan." in body
    assert "99 bukan salah satu" in body
    # An ambiguous name is offered to pick; an unknown one is sent back to correct.
    assert 'name="excluded_codes_pick_1" value="53.71"' in body
    assert "Tidak ada wilayah bernama “Kota Atlantis”" in body
    assert "Kuota tambahan dari Kemendagri" in body
    open_round.refresh_from_db()
    assert open_round.cohort_size == 2
    assert not AuditEntry.objects.filter(action="assessments.rules_edited").exists()


def test_eastern_provinces_are_ticked_and_excluded_regions_picked_by_name(
    client, open_round, national_admin
):
    client.force_login(national_admin)
    page = client.get(_url(open_round)).content.decode()
    # Every province is offered as a box to tick; the default eastern ones are ticked.
    assert 'type="checkbox" name="eastern_provinces" value="91"' in page
    assert page.count('name="eastern_provinces"') == 38
    data = {**RULES, "excluded_codes": "Kupang", "excluded_codes_pick_0": "53.71"}
    assert client.post(_url(open_round), data).status_code == 302
    open_round.refresh_from_db()
    assert open_round.extra_excluded() == {"53.71"}
    # Shown again as names with their codes, which resolve to the same regions.
    assert "Kota Kupang (53.71)" in client.get(_url(open_round)).content.decode()


def test_the_rules_of_a_final_selection_no_longer_change(client, computed_round, national_admin):
    computing.finalise_selection(
        round_id=computed_round.pk,
        region_codes=["35.22"],
        reason="ok",
        user=national_admin,
        confirmed=True,
        override_reason="Uji: data sengaja tidak lengkap",
    )
    client.force_login(national_admin)
    response = client.post(_url(computed_round), RULES, follow=True)
    assert "Seleksi sudah final: aturannya tidak dapat diubah lagi." in response.content.decode()
    computed_round.refresh_from_db()
    assert computed_round.cohort_size == 2

import pytest
from django.core.exceptions import ValidationError

from cerdas.assessments import computing, services
from cerdas.core.models import AuditEntry


def test_computing_ranks_every_invited_region_and_explains_its_score(computed_round):
    participants = {p.region_id: p for p in computed_round.participants.all()}
    assert participants["35.22"].rank == 1
    by_rank = sorted(participants.values(), key=lambda p: p.rank)
    assert [p.score for p in by_rank] == sorted((p.score for p in by_rank), reverse=True)
    assert sorted(p.rank for p in participants.values()) == [1, 2, 3, 4, 5]
    best = participants["35.22"]
    assert 0 <= best.score <= 100
    contributions = sum(i["contribution"] for i in best.explanation["indicators"])
    assert contributions == pytest.approx(best.score)
    assert set(best.dimension_scores) == {"infrastructure", "sdm", "governance", "innovation"}


def test_computing_proposes_the_top_of_the_ranking_with_reasons(computed_round):
    proposal = computed_round.selection
    top = computed_round.participants.order_by("rank").values_list("region_id", flat=True)
    assert proposal.proposed_codes() == list(top[:2])
    assert {d["outcome"] for d in proposal.decisions} >= {"selected", "waiting"}


def test_the_round_must_be_closed_before_computing(open_round, national_admin):
    with pytest.raises(ValidationError):
        computing.compute_round(round_id=open_round.pk, user=national_admin)


def test_a_closed_round_freezes_its_framework(computed_round):
    assert computed_round.framework.is_frozen()


def test_finalising_records_the_cohort_and_writes_the_reason_to_the_audit_log(
    computed_round, national_admin
):
    computing.finalise_selection(
        round_id=computed_round.pk,
        region_codes=["35.22", "35.78"],
        reason="Kota Bandung withdrew",
        user=national_admin,
        name="Uji 2030",
    )
    entry = AuditEntry.objects.get(action="assessments.selection_finalised")
    assert entry.reason == "Kota Bandung withdrew"
    assert "35.78" in entry.changes["changed_from_proposal"] or (
        computed_round.selection.proposed_codes() == ["35.22", "35.78"]
    )
    from cerdas.cohorts.models import Membership

    members = Membership.objects.filter(cohort__year=2030)
    assert sorted(members.values_list("region_id", flat=True)) == ["35.22", "35.78"]


def test_finalising_needs_a_reason_and_scored_regions(computed_round, national_admin):
    with pytest.raises(ValidationError):
        computing.finalise_selection(
            round_id=computed_round.pk, region_codes=["35.22"], reason=" ", user=national_admin
        )
    with pytest.raises(ValidationError):
        computing.finalise_selection(
            round_id=computed_round.pk, region_codes=["11.01"], reason="x", user=national_admin
        )


def test_publishing_needs_a_final_selection(computed_round, national_admin):
    with pytest.raises(ValidationError):
        services.publish_round(round_id=computed_round.pk, user=national_admin)
    computing.finalise_selection(
        round_id=computed_round.pk, region_codes=["35.22"], reason="ok", user=national_admin
    )
    assert services.publish_round(round_id=computed_round.pk, user=national_admin).is_published


def test_an_earlier_cohort_member_is_excluded_from_the_proposal(
    open_round, national_admin, round_assessor
):
    from cerdas.cohorts.services import record_selection

    record_selection(
        year=2020, name="Lama", region_codes=["35.22"], user=national_admin, reason="x"
    )
    services.close_round(round_id=open_round.pk, user=national_admin)
    computing.compute_round(round_id=open_round.pk, user=national_admin)
    decisions = {d["code"]: d for d in open_round.participants.first().round.selection.decisions}
    assert decisions["35.22"]["reason"] == "earlier_cohort"

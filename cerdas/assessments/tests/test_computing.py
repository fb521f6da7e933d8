import pytest
from django.core.exceptions import ValidationError

from cerdas.assessments import computing, services, signals
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


def test_finalising_announces_the_selection_and_writes_the_reason_to_the_audit_log(
    computed_round, national_admin
):
    heard = []

    def receiver(sender, **kwargs):
        heard.append(kwargs)
        return True

    signals.selection_finalised.connect(receiver, dispatch_uid="test-heard")
    try:
        selection = computing.finalise_selection(
            round_id=computed_round.pk,
            region_codes=["35.22", "35.78"],
            reason="Kota Bandung withdrew",
            user=national_admin,
            name="Uji 2030",
            confirmed=True,
            override_reason="Uji: data sengaja tidak lengkap",
        )
    finally:
        signals.selection_finalised.disconnect(dispatch_uid="test-heard")
    entry = AuditEntry.objects.get(action="assessments.selection_finalised")
    assert entry.reason == "Kota Bandung withdrew"
    assert "35.78" in entry.changes["changed_from_proposal"] or (
        computed_round.selection.proposed_codes() == ["35.22", "35.78"]
    )
    [announced] = heard
    assert announced["year"] == 2030 and announced["name"] == "Uji 2030"
    assert announced["region_codes"] == ["35.22", "35.78"]
    assert announced["reason"] == "Kota Bandung withdrew" and announced["user"] == national_admin
    assert selection.cohort_year == 2030


def test_finalising_needs_a_reason_and_scored_regions(computed_round, national_admin):
    with pytest.raises(ValidationError):
        computing.finalise_selection(
            round_id=computed_round.pk,
            region_codes=["35.22"],
            reason=" ",
            user=national_admin,
            confirmed=True,
            override_reason="Uji: data sengaja tidak lengkap",
        )
    with pytest.raises(ValidationError):
        computing.finalise_selection(
            round_id=computed_round.pk,
            region_codes=["11.01"],
            reason="x",
            user=national_admin,
            confirmed=True,
            override_reason="Uji: data sengaja tidak lengkap",
        )


def test_publishing_needs_a_final_selection(computed_round, national_admin):
    with pytest.raises(ValidationError):
        services.publish_round(round_id=computed_round.pk, user=national_admin, confirmed=True)
    computing.finalise_selection(
        round_id=computed_round.pk,
        region_codes=["35.22"],
        reason="ok",
        user=national_admin,
        confirmed=True,
        override_reason="Uji: data sengaja tidak lengkap",
    )
    assert services.publish_round(
        round_id=computed_round.pk, user=national_admin, confirmed=True
    ).is_published


def test_a_region_a_listener_excludes_is_skipped_by_the_proposal(
    open_round, national_admin, round_assessor
):
    def receiver(sender, *, year, **kwargs):
        return {"35.22"} if year == 2030 else set()

    signals.excluded_regions.connect(receiver, dispatch_uid="test-excluded")
    try:
        services.close_round(round_id=open_round.pk, user=national_admin, confirmed=True)
        computing.compute_round(round_id=open_round.pk, user=national_admin)
    finally:
        signals.excluded_regions.disconnect(dispatch_uid="test-excluded")
    decisions = {d["code"]: d for d in open_round.participants.first().round.selection.decisions}
    assert decisions["35.22"]["reason"] == "earlier_cohort"

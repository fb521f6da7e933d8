"""Scoring a round with the engine, proposing the selection and finalising it."""

import numpy as np
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cerdas.assessments import signals
from cerdas.assessments.coverage import value_matrix
from cerdas.assessments.engine import scoring, selection
from cerdas.assessments.models import Participant, Round, Selection
from cerdas.assessments.services import record_override, results_changed


def earlier_cohort_codes(year: int) -> set[str]:
    """Regions that may not be selected again: what ``excluded_regions`` receivers return."""
    codes = set()
    for _receiver, found in signals.excluded_regions.send(sender=Round, year=year):
        codes |= set(found or ())
    return codes


@transaction.atomic
def compute_round(*, round_id: int, user) -> Round:
    """Score, rank and explain every invited region; re-propose an unfinalised selection."""
    round_ = Round.objects.select_for_update().select_related("framework").get(pk=round_id)
    if round_.is_open:
        raise ValidationError(_("Close the round before computing: answers may still change."))
    if hasattr(round_, "selection") and round_.selection.is_final:
        raise ValidationError(_("The selection is final: the scores can no longer change."))
    participants = list(round_.participants.select_related("region").order_by("region_id"))
    if not participants:
        raise ValidationError(_("Invite regions before computing."))
    indicators = round_.framework.ordered_indicators()
    spec = round_.framework.spec(indicators)
    codes = [p.region_id for p in participants]
    values, spread, flagged = value_matrix(round_, participants, indicators)
    result = scoring.score(values, spec, codes)
    excluded = earlier_cohort_codes(round_.year) | round_.extra_excluded()
    eligible = np.array([code not in excluded for code in codes])
    dimensions = list(round_.framework.dimensions.order_by("order", "id"))
    floor = round_.minimum_dimension_score
    share = scoring.sensitivity(
        result.normalised,
        spec,
        codes,
        round_.cohort_size,
        draws=round_.sensitivity_draws,
        spread=round_.sensitivity_spread,
        seed=round_.pk,
        eligible=eligible,
        provinces=[p.region.province_id for p in participants],
        province_cap=round_.province_cap,
        minimum=np.full(len(dimensions), np.nan if floor is None else floor),
    )
    gains = result.gains()
    for r, participant in enumerate(participants):
        participant.score = _number(result.composite[r])
        participant.rank = int(result.rank[r])
        participant.dimension_scores = {
            d.code: _number(result.dimension_scores[r, k]) for k, d in enumerate(dimensions)
        }
        participant.inside_share = float(share[r]) if round_.purpose == "selection" else None
        participant.explanation = {
            "excluded": codes[r] in excluded,
            "indicators": [
                {
                    "code": indicator.code,
                    "value": _number(values[r, c]),
                    "points": _number(result.normalised[r, c]),
                    "weight": float(result.effective_weights[r, c]),
                    "contribution": float(result.contributions[r, c]),
                    "gain": _number(gains[r, c]),
                    "missing": bool(np.isnan(values[r, c])),
                    "spread": _number(spread[r, c]),
                    "flagged": bool(flagged[r, c]),
                }
                for c, indicator in enumerate(indicators)
            ],
        }
    Participant.objects.bulk_update(
        participants, ["score", "rank", "dimension_scores", "explanation", "inside_share"]
    )
    round_.computed_at = timezone.now()
    round_.save(update_fields=["computed_at"])
    round_.log_action("assessments.computed", user=user, changes={"regions": len(participants)})
    if round_.purpose == "selection":
        propose_selection(round_, participants, dimensions, excluded, user)
    results_changed()
    return round_


def _number(value) -> float | None:
    return None if value is None or np.isnan(value) else float(value)


def propose_selection(round_, participants, dimensions, excluded, user) -> Selection:
    minimum = (
        {d.code: round_.minimum_dimension_score for d in dimensions}
        if round_.minimum_dimension_score is not None
        else {}
    )
    rules = selection.Rules(
        size=round_.cohort_size,
        excluded=frozenset(excluded),
        province_cap=round_.province_cap,
        minimum=minimum,
        reserved=round_.reserved_places,
        eastern=round_.eastern_codes(),
        waitlist_size=round_.waitlist_size,
    )
    candidates = [
        selection.Candidate(
            code=p.region_id,
            province=p.region.province_id,
            score=p.score,
            rank=p.rank,
            dimension_scores=p.dimension_scores,
        )
        for p in sorted(participants, key=lambda p: p.rank)
    ]
    decisions = selection.propose(candidates, rules)
    proposal, _created = Selection.objects.update_or_create(
        round=round_,
        defaults={
            "decisions": [d.__dict__ for d in decisions],
            "rules": {
                "size": rules.size,
                "province_cap": rules.province_cap,
                "minimum": minimum,
                "reserved": rules.reserved,
                "eastern": sorted(rules.eastern),
                "excluded": sorted(rules.excluded),
                "waitlist_size": rules.waitlist_size,
            },
        },
    )
    proposal.log_action(
        "assessments.selection_proposed",
        user=user,
        changes={"selected": selection.selected_codes(decisions)},
    )
    return proposal


@transaction.atomic
def finalise_selection(
    *,
    round_id: int,
    region_codes: list[str],
    reason: str,
    user,
    name: str = "",
    confirmed: bool = False,
    override_reason: str = "",
) -> Selection:
    """Fix the cohort list with a written reason, and record it in the cohorts app.

    Confirmed first (a final selection becomes the year's cohort and is not undone); while
    any invited region lacks data, only with ``override_reason``, kept with the gaps.
    """
    if not confirmed:
        raise ValidationError(_("Confirm this step on its confirmation page first."))
    round_ = Round.objects.select_for_update().select_related("framework").get(pk=round_id)
    proposal = Selection.objects.select_for_update().filter(round=round_).first()
    if proposal is None:
        raise ValidationError(_("Compute the round before finalising its selection."))
    if proposal.is_final:
        raise ValidationError(_("The selection is already final."))
    if not reason.strip():
        raise ValidationError(_("Write the reason for this selection."))
    scored = set(
        round_.participants.filter(score__isnull=False).values_list("region_id", flat=True)
    )
    outside = sorted(set(region_codes) - scored)
    if outside:
        raise ValidationError(
            _("These regions have no score in this round: %(codes)s.")
            % {"codes": ", ".join(outside)}
        )
    if not region_codes:
        raise ValidationError(_("Choose at least one region."))
    gaps = record_override(round_, reason=override_reason, user=user, step="finalise")
    proposal.final_codes = sorted(set(region_codes), key=region_codes.index)
    proposal.reason = reason.strip()
    proposal.finalised_at = timezone.now()
    proposal.finalised_by = user
    proposal.cohort_year = _record_in_cohorts(round_, proposal, name, user)
    proposal.save()
    changed = sorted(set(proposal.final_codes) ^ set(proposal.proposed_codes()))
    proposal.log_action(
        "assessments.selection_finalised",
        user=user,
        reason=proposal.reason,
        changes={
            "selected": proposal.final_codes,
            "changed_from_proposal": changed,
            "missing_data": gaps,
        },
    )
    results_changed()
    return proposal


def _record_in_cohorts(round_, proposal, name, user) -> int | None:
    """Announce the final selection; the year of the cohort a receiver recorded, if any."""
    answers = signals.selection_finalised.send(
        sender=Round,
        round_id=round_.pk,
        year=round_.year,
        name=name or _("Gerakan Menuju 100 Smart City %(year)s") % {"year": round_.year},
        region_codes=proposal.final_codes,
        reason=proposal.reason,
        source=_("Assessment round “%(round)s” (#%(id)s)")
        % {"round": round_.name, "id": round_.pk},
        user=user,
    )
    return round_.year if any(recorded for _receiver, recorded in answers) else None

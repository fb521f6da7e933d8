"""What the results pages show: the ranking rows and one region's explanation."""

from django.utils.formats import localize
from django.utils.translation import gettext as _

from cerdas.assessments.engine import selection as rules
from cerdas.assessments.models import Participant

IMPROVEMENT_TIPS = 3


def decision_text(decision: dict | None, names: dict[str, str]) -> str:
    """A decision of the selection as a sentence."""
    if not decision:
        return ""
    params, reason = decision.get("params", {}), decision["reason"]
    texts = {
        rules.MERIT: _("Selected on merit: rank %(rank)s."),
        rules.RESERVED_PLACE: _(
            "Selected for a place reserved for eastern Indonesia (rank %(rank)s)."
        ),
        rules.EARLIER_COHORT: _("Not eligible: already in an earlier cohort."),
        rules.NO_SCORE: _("Not eligible: no score (no data)."),
        rules.BELOW_MINIMUM: _(
            "Not eligible: %(dimension)s is below the minimum of %(minimum)s points."
        ),
        rules.PROVINCE_CAP: _("Passed over: its province already has %(cap)s selected regions."),
        rules.RESERVED_FOR_EAST: _(
            "Waiting list position %(position)s: the remaining places were reserved for "
            "eastern Indonesia."
        ),
        rules.WAITING_LIST: _("Waiting list position %(position)s (rank %(rank)s)."),
        rules.BELOW_CUTOFF: _("Not selected: rank %(rank)s is below the cut-off."),
    }
    # Numbers in the sentence follow the page's language (40,5 in Indonesian).
    values = {key: localize(v) if isinstance(v, float) else v for key, v in params.items()}
    values["dimension"] = names.get(params.get("dimension"), params.get("dimension"))
    return texts.get(reason, reason) % values


def ranking_rows(round_) -> list[dict]:
    """One row per scored region, best first, with its selection outcome."""
    participants = round_.participants.select_related("region__province").order_by(
        "rank", "region_id"
    )
    proposal = getattr(round_, "selection", None)
    decisions = {d["code"]: d for d in proposal.decisions} if proposal else {}
    chosen = set(proposal.chosen_codes()) if proposal else set()
    dimensions = list(round_.framework.dimensions.order_by("order", "id"))
    names = {d.code: d.label for d in dimensions}
    rows = []
    for participant in participants:
        if participant.rank is None:
            continue
        code = participant.region_id
        rows.append(
            {
                "participant": participant,
                "region": participant.region,
                "score": participant.score,
                "rank": participant.rank,
                "selected": code in chosen,
                "dimensions": [participant.dimension_scores.get(d.code) for d in dimensions],
                "decision": decision_text(decisions.get(code), names),
                "share": participant.inside_share,
                "fragile": participant.is_fragile,
            }
        )
    return rows


def explanation(participant: Participant) -> dict:
    """A region's scores with each indicator's contribution, the cut-off and what to improve."""
    round_ = participant.round
    indicators = {i.code: i for i in round_.framework.ordered_indicators()}
    lines = []
    for item in participant.explanation.get("indicators", []):
        indicator = indicators.get(item["code"])
        if indicator is not None:
            lines.append({**item, "indicator": indicator, "weight_percent": item["weight"] * 100})
    dimensions = [
        {
            "dimension": d,
            "score": participant.dimension_scores.get(d.code),
            "lines": [line for line in lines if line["indicator"].dimension_id == d.pk],
        }
        for d in round_.framework.dimensions.order_by("order", "id")
    ]
    tips = sorted((line for line in lines if line["gain"]), key=lambda line: -line["gain"])
    proposal = getattr(round_, "selection", None)
    cutoff = distance = None
    decision = ""
    if proposal is not None and participant.score is not None:
        scores = dict(round_.participants.values_list("region_id", "score"))
        cutoff = proposal.cutoff(scores)
        distance = participant.score - cutoff if cutoff is not None else None
        names = {d["dimension"].code: d["dimension"].label for d in dimensions}
        decision = decision_text(
            next((d for d in proposal.decisions if d["code"] == participant.region_id), None), names
        )
    return {
        "dimensions": dimensions,
        "tips": tips[:IMPROVEMENT_TIPS],
        "missing": [line for line in lines if line["missing"]],
        "cutoff": cutoff,
        "distance": distance,
        "selected": proposal is not None and participant.region_id in proposal.chosen_codes(),
        "decision": decision,
        "policy": round_.framework.get_missing_policy_display(),
        "normalisation": round_.framework.get_normalisation_display(),
    }

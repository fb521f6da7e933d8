"""Propose a cohort from a ranking: the top N under constraints, with a reason for each.

Plain Python, no Django. The caller passes candidates in rank order (best first) and the
rules; every candidate comes back with an outcome and a reason code with its parameters,
which the app turns into a sentence. The rules, in the order they are applied:

1. A region in an earlier cohort is skipped (``earlier_cohort``).
2. A region below the minimum sub-score of any dimension is skipped (``below_minimum``).
3. A region without a score is skipped (``no_score``).
4. A region whose province already has ``province_cap`` picks is skipped (``province_cap``).
5. ``reserved`` places are a minimum for eastern Indonesia: at least that many picks come
   from the eastern provinces, as long as eligible eastern regions remain. A region from
   elsewhere is passed over when the places left are all needed for that minimum
   (``reserved_for_east``) and goes to the waiting list; an eastern region that takes such
   a place is picked with ``reserved_place``; any other pick is ``merit``.
6. Eligible regions not picked form the waiting list in rank order (``waiting``), up to
   ``waitlist_size``; the rest are ``below_cutoff``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SELECTED = "selected"
WAITING = "waiting"
SKIPPED = "skipped"

MERIT = "merit"
RESERVED_PLACE = "reserved_place"
EARLIER_COHORT = "earlier_cohort"
BELOW_MINIMUM = "below_minimum"
NO_SCORE = "no_score"
PROVINCE_CAP = "province_cap"
RESERVED_FOR_EAST = "reserved_for_east"
WAITING_LIST = "waiting"
BELOW_CUTOFF = "below_cutoff"

# Maluku, Maluku Utara, the Papua provinces and Nusa Tenggara Timur.
DEFAULT_EASTERN_PROVINCES = ("53", "81", "82", "91", "92", "93", "94", "95", "96")


@dataclass(frozen=True)
class Candidate:
    code: str
    province: str
    score: float | None
    rank: int
    dimension_scores: dict[str, float | None] = field(default_factory=dict)


@dataclass(frozen=True)
class Rules:
    size: int
    excluded: frozenset[str] = frozenset()
    province_cap: int | None = None
    minimum: dict[str, float] = field(default_factory=dict)  # dimension code -> points
    reserved: int = 0
    eastern: frozenset[str] = frozenset(DEFAULT_EASTERN_PROVINCES)
    waitlist_size: int = 10


@dataclass(frozen=True)
class Decision:
    code: str
    outcome: str
    reason: str
    params: dict = field(default_factory=dict)


def _ineligible(candidate: Candidate, rules: Rules) -> Decision | None:
    if candidate.code in rules.excluded:
        return Decision(candidate.code, SKIPPED, EARLIER_COHORT)
    if candidate.score is None:
        return Decision(candidate.code, SKIPPED, NO_SCORE)
    for dimension, minimum in rules.minimum.items():
        value = candidate.dimension_scores.get(dimension)
        if value is None or value < minimum:
            params = {"dimension": dimension, "minimum": minimum, "value": value}
            return Decision(candidate.code, SKIPPED, BELOW_MINIMUM, params)
    return None


def propose(candidates: list[Candidate], rules: Rules) -> list[Decision]:
    """One decision per candidate, in the order given (rank order)."""
    decisions: dict[str, Decision] = {}
    eligible = []
    for candidate in candidates:
        refusal = _ineligible(candidate, rules)
        if refusal:
            decisions[candidate.code] = refusal
        else:
            eligible.append(candidate)
    eastern_left = sum(c.province in rules.eastern for c in eligible)
    picked, eastern_picked, per_province, passed_over = 0, 0, {}, []
    for candidate in eligible:
        is_eastern = candidate.province in rules.eastern
        eastern_left -= is_eastern
        if picked >= rules.size:
            passed_over.append(candidate)
            continue
        if rules.province_cap is not None and (
            per_province.get(candidate.province, 0) >= rules.province_cap
        ):
            params = {"province": candidate.province, "cap": rules.province_cap}
            decisions[candidate.code] = Decision(candidate.code, SKIPPED, PROVINCE_CAP, params)
            continue
        places_left = rules.size - picked
        still_needed = max(0, rules.reserved - eastern_picked)
        if is_eastern:
            needed_here = min(still_needed, eastern_left + 1)
            reason = RESERVED_PLACE if places_left <= needed_here else MERIT
            eastern_picked += 1
        else:
            needed_here = min(still_needed, eastern_left)
            if places_left <= needed_here:
                passed_over.append(candidate)
                decisions[candidate.code] = Decision(
                    candidate.code, WAITING, RESERVED_FOR_EAST, {"reserved": rules.reserved}
                )
                continue
            reason = MERIT
        picked += 1
        per_province[candidate.province] = per_province.get(candidate.province, 0) + 1
        decisions[candidate.code] = Decision(
            candidate.code, SELECTED, reason, {"rank": candidate.rank, "position": picked}
        )
    _fill_waiting_list(passed_over, decisions, rules)
    return [decisions[c.code] for c in candidates]


def _fill_waiting_list(passed_over, decisions, rules: Rules) -> None:
    for position, candidate in enumerate(passed_over, start=1):
        previous = decisions.get(candidate.code)
        if position <= rules.waitlist_size:
            reason = previous.reason if previous else WAITING_LIST
            decisions[candidate.code] = Decision(
                candidate.code, WAITING, reason, {"position": position, "rank": candidate.rank}
            )
        else:
            decisions[candidate.code] = Decision(
                candidate.code, SKIPPED, BELOW_CUTOFF, {"rank": candidate.rank}
            )


def selected_codes(decisions: list[Decision]) -> list[str]:
    return [d.code for d in decisions if d.outcome == SELECTED]


def waiting_codes(decisions: list[Decision]) -> list[str]:
    waiting = [d for d in decisions if d.outcome == WAITING]
    return [d.code for d in sorted(waiting, key=lambda d: d.params.get("position", 0))]

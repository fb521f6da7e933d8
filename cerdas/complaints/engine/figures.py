"""The figures a region reports about its complaints: shares on time, medians, satisfaction.

Plain functions over plain numbers, so the pages, the exports and the open data all count
alike. No Django imports.
"""

from collections.abc import Iterable, Sequence

# The four answers of "Bagaimana tanggapan Anda?", best first, as the reporter rates the
# answer; the first two count as satisfied.
RATINGS = ("sangat_puas", "puas", "cukup_puas", "tidak_puas")
SATISFIED = frozenset(RATINGS[:2])


def median(values: Iterable[float]) -> float | None:
    """The middle value (the mean of the two middle ones for an even count); None if empty."""
    ordered = sorted(values)
    count = len(ordered)
    if count == 0:
        return None
    middle = count // 2
    if count % 2:
        return float(ordered[middle])
    return (ordered[middle - 1] + ordered[middle]) / 2


def share(part: int, whole: int) -> float | None:
    """``part`` of ``whole`` in percent with one decimal; None when there is nothing to count."""
    if whole <= 0:
        return None
    if part < 0 or part > whole:
        raise ValueError("the part must lie between 0 and the whole")
    return round(100 * part / whole, 1)


def share_on_time(flags: Sequence[bool]) -> float | None:
    """The percentage of steps done on time among those done."""
    return share(sum(1 for flag in flags if flag), len(flags))


def satisfaction(ratings: Sequence[str]) -> float | None:
    """The percentage of ratings that are satisfied (sangat puas or puas)."""
    for rating in ratings:
        if rating not in RATINGS:
            raise ValueError(f"unknown rating {rating!r}")
    return share(sum(1 for rating in ratings if rating in SATISFIED), len(ratings))

"""Whole-number percentages that always add up to exactly 100 (largest-remainder rounding).

Rounding each share on its own can show 33 % + 33 % + 33 % = 99 %, which readers notice and
distrust. The largest-remainder (Hamilton) method gives each share its floor, then hands the
points still missing to the shares with the largest remainders. Ties go to the earlier share,
so the same counts always give the same percentages. No Django imports: pure and fast.
"""

from collections.abc import Mapping, Sequence


def largest_remainder(counts: Sequence[int], total: int = 100) -> list[int]:
    """Split ``total`` points over ``counts`` in proportion; the parts add up to ``total``.

    All counts zero (nobody answered yet) gives all zeros: there is no share to show.
    Negative counts are a programming error and raise ``ValueError``.
    """
    if any(count < 0 for count in counts):
        raise ValueError("counts must not be negative")
    if total < 0:
        raise ValueError("total must not be negative")
    whole = sum(counts)
    if whole == 0:
        return [0] * len(counts)
    # Integer arithmetic throughout: floats would misorder remainders that differ by 1e-17.
    floors = [count * total // whole for count in counts]
    remainders = [count * total % whole for count in counts]
    missing = total - sum(floors)
    order = sorted(range(len(counts)), key=lambda index: (-remainders[index], index))
    for index in order[:missing]:
        floors[index] += 1
    return floors


def percentages(counts: Mapping[str, int]) -> dict[str, int]:
    """The same, keyed: ``{"a": 1, "b": 2}`` gives ``{"a": 33, "b": 67}``, in the given order."""
    keys = list(counts)
    return dict(zip(keys, largest_remainder([counts[key] for key in keys]), strict=True))

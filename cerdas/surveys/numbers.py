"""Figures as people read them: rounded half up, in the active language's notation.

The regulation's figures are rounded half up (3,3082 to two places is 3,31), as
``cerdas.core.numbers.show`` rounds; a figure that does not exist reads as a dash.
"""

from cerdas.core.numbers import show


def shown(value, places: int = 2, grouping: bool = True) -> str:
    """``value`` rounded half up to ``places`` decimals: 3,31 and 1.500 in Indonesian."""
    return show(value, places, grouping=grouping) or "—"

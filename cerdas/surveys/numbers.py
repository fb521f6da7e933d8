"""Figures as people read them: rounded half up, in the active language's notation.

Django's ``number_format`` cuts decimals off (3.3082 to two places gives 3.30); the
regulation's figures are rounded half up (3.31), exactly as the engine rounds them.
"""

from decimal import Decimal
from fractions import Fraction

from django.utils import formats

from cerdas.surveys.engine import ikm


def shown(value, places: int = 2, grouping: bool = True) -> str:
    """``value`` rounded half up to ``places`` decimals: 3,31 and 1.500 in Indonesian."""
    if value is None:
        return "—"
    rounded = ikm.round_half_up(Fraction(Decimal(str(value))), places)
    return formats.number_format(rounded, decimal_pos=places, force_grouping=grouping)

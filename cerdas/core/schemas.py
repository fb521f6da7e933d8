"""Bounded types for API inputs: every number and text a client sends fits what the database
and the renderers hold, or the request is answered 422 saying which field and why.

Use them in django-ninja schemas and as query-parameter annotations:

    class BudgetIn(Schema):
        year: Year
        amount: rupiah(MAX_BUDGET)
        note: text(300) = ""

    def list_things(request, limit: int = 20, offset: int = 0):
        check_page(limit, offset, max_limit=100)   # 400 with the allowed range

JSON allows ``NaN`` and ``Infinity`` in Python's reading of it and numbers of any size;
none of them passes these types. Decimal inputs are checked for their digits before and
after the point (``measure(16, 2)`` takes at most 14 and 2), so ``1e15`` in a field the
database stores in 16 digits is refused before it is saved and breaks every page after.
"""

from decimal import Decimal
from typing import Annotated

from ninja.errors import HttpError
from pydantic import Field, StringConstraints

from cerdas.core.numbers import LARGEST, SIGNIFICANT

MAX_ID = 2**63 - 1
MAX_OFFSET = 10**9

Id = Annotated[int, Field(ge=1, le=MAX_ID)]
Year = Annotated[int, Field(ge=1900, le=2100)]
Version = Annotated[int, Field(ge=1, le=2**31 - 1)]
Count = Annotated[int, Field(ge=0, le=LARGEST)]
Finite = Annotated[float, Field(allow_inf_nan=False, ge=-LARGEST, le=LARGEST)]


def rupiah(maximum: int = LARGEST):
    """Whole Rupiah from 0 to ``maximum``."""
    return Annotated[int, Field(ge=0, le=min(maximum, LARGEST))]


def measure(max_digits: int, decimal_places: int):
    """A finite decimal that a ``DecimalField(max_digits, decimal_places)`` column holds and
    gives back exactly (at most fifteen significant digits: SQLite keeps decimals as floats)."""
    return Annotated[
        Decimal,
        Field(
            max_digits=min(max_digits, SIGNIFICANT),
            decimal_places=decimal_places,
            allow_inf_nan=False,
        ),
    ]


def text(max_length: int):
    """A string of at most ``max_length`` characters, without NUL characters."""
    return Annotated[str, StringConstraints(max_length=max_length, pattern=r"^[^\x00]*$")]


def check_page(limit: int, offset: int, *, max_limit: int) -> None:
    """Refuse paging outside 1..``max_limit`` and 0..``MAX_OFFSET`` with a 400 saying so."""
    if not 1 <= limit <= max_limit or not 0 <= offset <= MAX_OFFSET:
        raise HttpError(
            400, f"limit must be 1 to {max_limit} and offset 0 to {MAX_OFFSET} (no more rows)"
        )

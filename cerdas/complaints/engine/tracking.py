"""Tracking numbers people can read out on the phone: ``35.22-2611-0042``.

The region's Kemendagri code, the year and month of the submission in the region's own time
(``2611``: November 2026), and the report's number within that region and month, at least
four digits (``0042``; the 10,000th report of a month is ``10000``). No Django imports.
"""

import re
from datetime import date

PATTERN = re.compile(r"^(?P<region>\d{2}\.\d{2})-(?P<period>\d{4})-(?P<number>\d{4,})$")


def period_of(day: date) -> str:
    """``yymm`` of a local date: 2026-11-29 gives ``2611``."""
    return f"{day.year % 100:02d}{day.month:02d}"


def tracking_number(region_code: str, day: date, number: int) -> str:
    """The tracking number of the ``number``-th report of a region in ``day``'s month."""
    if number < 1:
        raise ValueError("report numbers start at 1")
    if not re.fullmatch(r"\d{2}\.\d{2}", region_code):
        raise ValueError(f"not a kabupaten/kota code: {region_code!r}")
    return f"{region_code}-{period_of(day)}-{number:04d}"


def parse(text: str) -> tuple[str, str, int] | None:
    """(region code, period, number) of a tracking number, or None if it is not one.

    Spaces around it and lower/upper case do not matter; anything else does."""
    found = PATTERN.match(text.strip())
    if found is None:
        return None
    return found["region"], found["period"], int(found["number"])

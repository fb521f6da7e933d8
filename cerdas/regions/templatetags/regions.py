"""Times as a region's own people read them: in its zone, with the zone's name."""

import zoneinfo

from django import template
from django.utils import dateformat, timezone

from cerdas.regions.models import TimeZone, timezone_for_province

register = template.Library()


@register.filter
def region_time(value, region_code: str = "", fmt: str = "Y-m-d H:i"):
    """``when|region_time:code`` — the time in the zone of region ``code`` (``35.22``),
    followed by WIB, WITA or WIT. Without a code (national records) the time is in WIB,
    where the program office works."""
    if not value:
        return ""
    zone = timezone_for_province(region_code[:2]) if region_code else TimeZone.WIB
    local = timezone.localtime(value, zoneinfo.ZoneInfo(zone.value))
    return f"{dateformat.format(local, fmt)} {zone.abbreviation}"

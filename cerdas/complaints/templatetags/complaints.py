"""Deadlines as people read them: the last minute of the last day, in the region's zone."""

import datetime as dt

from django import template

from cerdas.regions.templatetags.regions import region_time

register = template.Library()


@register.filter
def due_time(value, region_code: str = ""):
    """``due|due_time:code`` — a deadline (the midnight that ends its last day) shown as the
    last minute of that day: ``2026-11-30 23:59 WIB`` rather than ``2026-12-01 00:00``."""
    if not value:
        return ""
    return region_time(value - dt.timedelta(minutes=1), region_code)

"""Deadlines as people read them: the last minute of the last day, in the region's zone."""

import datetime as dt
from html import escape  # as django.utils.html.escape does it, without its lazy wrapper

from django import template
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from cerdas.complaints.engine import flow
from cerdas.core.addresses import address_pattern
from cerdas.regions.templatetags.regions import region_time

register = template.Library()


@register.filter
def due_time(value, region_code: str = ""):
    """``due|due_time:code`` — a deadline (the midnight that ends its last day) shown as the
    last minute of that day: ``2026-11-30 23:59 WIB`` rather than ``2026-12-01 00:00``."""
    if not value:
        return ""
    return region_time(value - dt.timedelta(minutes=1), region_code)


def _labels(field: str) -> dict:
    """A choice field's labels, in the language of this request, looked up once per page."""
    from cerdas.complaints.models import Report

    return {value: str(label) for value, label in Report._meta.get_field(field).flatchoices}


@register.simple_tag
def queue_items(rows, now, horizon, region):
    """The queue's rows (``QUEUE_ROW_FIELDS`` of each report, as values), written in Python:
    the same markup as a template loop gave, at a fraction of its cost (25 rows of three
    choice labels, a deadline and a link each). Every text from the database or a catalogue
    goes through ``escape``."""
    statuses, kinds, privacies = _labels("status"), _labels("kind"), _labels("privacy")
    overdue, due_soon, due = escape(_("overdue")), escape(_("due soon")), escape(_("due"))
    no_deadline = f'<span class="muted">{escape(_("no running deadline"))}</span>'
    no_topic = _("No topic yet")
    demo = f' <span class="badge">{escape(_("demo"))}</span>'
    address = escape(address_pattern("complaints:manage_report"))  # one lookup for all rows
    parts = []
    for row in rows:
        status = row["status"]
        is_open = status in flow.OPEN
        due_at = row["due_at"]
        if due_at and is_open:
            if due_at <= now:
                word = f'<strong class="overdue">{overdue}</strong>'
            elif due_at <= horizon:
                word = f"<strong>{due_soon}</strong>"
            else:
                word = due
            stamp = escape(timezone.localtime(due_at).isoformat())  # |date:"c"
            shown = escape(due_time(due_at, row["region_id"]))
            when = f'{word} <time datetime="{stamp}">{shown}</time>'
        else:
            when = no_deadline
        topic = (row["category__name"] if row["category_id"] else "") or no_topic
        agency = f" · {escape(row['agency__name'])}" if row["agency_id"] else ""
        place = "" if region else f" · {escape(row['region__name'])}"
        late = " is-overdue" if due_at and due_at <= now and is_open else ""
        state = escape(flow.open311_status(status))
        parts.append(
            f'\n  <li class="queue-item{late}">\n'
            f'    <p class="queue-number"><a href="{address.format(row["pk"])}">'
            f"{escape(row['tracking_number'])}</a>{demo if row['is_demo'] else ''}</p>\n"
            f'    <p class="queue-due">{when}</p>\n'
            f'    <p class="queue-meta"><span class="status status-{state}">'
            f"{escape(statuses.get(status, status))}</span>\n"
            f" · {escape(topic)}{agency}</p>\n"
            f'    <p class="queue-meta muted">{escape(kinds.get(row["kind"], row["kind"]))}'
            f" · {escape(privacies.get(row['privacy'], row['privacy']))}{place}</p>\n"
            "  </li>\n  "
        )
    return mark_safe("".join(parts))  # every part above is escaped

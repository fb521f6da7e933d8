"""Deadlines as people read them: the last minute of the last day, in the region's zone."""

import datetime as dt
from html import escape  # as django.utils.html.escape does it, without its lazy wrapper

from django import template
from django.utils import timezone
from django.utils.html import conditional_escape
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


@register.simple_tag
def form_field(field):
    """``{% form_field field %}``: a field with its label, help and errors, as
    ``includes/field.html`` writes it (byte for byte; ``tests/test_form_field.py`` compares
    the two on every form of the app), without a template include for each field (about a
    third of a setup page's time went on the includes)."""
    if field.is_hidden:
        return mark_safe(f"{conditional_escape(field)}\n")
    label = conditional_escape(field.label)
    help_text = conditional_escape(field.help_text) if field.help_text else ""
    errors = conditional_escape(field.errors)
    kind = field.widget_type
    if kind in ("radioselect", "checkboxselectmultiple"):
        invalid = ' aria-invalid="true"' if field.errors else ""
        required = " *" if field.field.required else ""
        described = (
            f'<p class="helptext" id="{conditional_escape(field.auto_id)}_helptext">{help_text}</p>'
            if help_text
            else ""
        )
        choices = "".join(
            f'<li><label for="{conditional_escape(choice.id_for_label)}">'
            f"{conditional_escape(choice.tag())} "
            f"<span>{conditional_escape(choice.choice_label)}</span></label></li>"
            for choice in field
        )
        html = (
            f'\n<fieldset class="field choice-field"{invalid}>\n'
            f"  <legend>{label}{required}</legend>\n"
            f"  {described}\n  {errors}\n"
            f'  <ul class="choices">\n  {choices}\n  </ul>\n</fieldset>\n'
        )
    elif kind == "checkbox":
        described = f'<span class="helptext">{help_text}</span>' if help_text else ""
        html = (
            f'\n<div class="field check-field">\n'
            f'  <label for="{conditional_escape(field.id_for_label)}">'
            f"{conditional_escape(field)} <span>{label}</span></label>\n"
            f"  {described}\n  {errors}\n</div>\n"
        )
    else:
        target = conditional_escape(field.id_for_label)
        required = " *" if field.field.required else ""
        described = (
            f'<span class="helptext" id="{target}_helptext">{help_text}</span>' if help_text else ""
        )
        html = (
            f'\n<div class="field">\n  <label for="{target}">{label}{required}</label>\n'
            f"  {described}\n  {errors}\n  {conditional_escape(field)}\n</div>\n"
        )
    return mark_safe(f"{html}\n")

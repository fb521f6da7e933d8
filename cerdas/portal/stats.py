"""Readership figures for the editor dashboard: views and reactions per day and per article."""

import csv
import datetime as dt
import io
from collections import defaultdict

from django.db.models import Count, Sum
from django.db.models.functions import TruncDate
from django.utils import formats, numberformat, timezone
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from cerdas.lib.percentages import percentages
from cerdas.lib.spreadsheet import safe_cell
from cerdas.portal.models import ArticleDay, Reaction
from cerdas.portal.reactions import CHOICES

SATISFIED = ("sangat_puas", "puas")


def satisfaction_share(counts: dict[str, int]) -> int | None:
    """Share of Sangat Puas and Puas in whole percent (None without answers)."""
    satisfied = sum(counts.get(choice, 0) for choice in SATISFIED)
    other = sum(counts.values()) - satisfied
    if satisfied + other == 0:
        return None
    return percentages({"satisfied": satisfied, "other": other})["satisfied"]


def _bounds(start: dt.date, end: dt.date, zone):
    first = timezone.make_aware(dt.datetime.combine(start, dt.time.min), zone)
    after = timezone.make_aware(dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min), zone)
    return first, after


def period_stats(article_ids: list[int], start: dt.date, end: dt.date, zone) -> dict:
    """Per day and per article: views, and reactions by answer, in the period (inclusive).

    Views are counted on the day they were flushed from the buffer (minutes late at most);
    a reaction counts on the day it was last given or changed.
    """
    days = [start + dt.timedelta(days=n) for n in range((end - start).days + 1)]
    views_by_day = dict.fromkeys(days, 0)
    views_by_article = defaultdict(int)
    day_rows = (
        ArticleDay.objects.filter(article_id__in=article_ids, day__range=(start, end))
        .values("day", "article_id")
        .annotate(n=Sum("views"))
        .order_by()
    )
    for row in day_rows:
        views_by_day[row["day"]] += row["n"]
        views_by_article[row["article_id"]] += row["n"]
    first, after = _bounds(start, end, zone)
    reactions_by_day = {day: dict.fromkeys(CHOICES, 0) for day in days}
    reactions_by_article = defaultdict(lambda: dict.fromkeys(CHOICES, 0))
    reaction_rows = (
        Reaction.objects.filter(
            article_id__in=article_ids, updated_at__gte=first, updated_at__lt=after
        )
        .annotate(day=TruncDate("updated_at", tzinfo=zone))
        .values("day", "article_id", "choice")
        .annotate(n=Count("id"))
        .order_by()
    )
    for row in reaction_rows:
        if row["day"] in reactions_by_day:
            reactions_by_day[row["day"]][row["choice"]] += row["n"]
        reactions_by_article[row["article_id"]][row["choice"]] += row["n"]
    totals = dict.fromkeys(CHOICES, 0)
    for counts in reactions_by_article.values():
        for choice, n in counts.items():
            totals[choice] += n
    return {
        "days": days,
        "views_by_day": views_by_day,
        "reactions_by_day": reactions_by_day,
        "views_by_article": dict(views_by_article),
        "reactions_by_article": {k: dict(v) for k, v in reactions_by_article.items()},
        "views_total": sum(views_by_day.values()),
        "reactions_total": totals,
        "reactions_count": sum(totals.values()),
        "reaction_percentages": percentages(totals),
        "satisfaction": satisfaction_share(totals),
    }


def csv_text(header: list[str], rows: list[list]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_cell(value) for value in row])
    return out.getvalue()


def bar_chart(values: list[tuple[dt.date, int]], width: int = 640, height: int = 200) -> dict:
    """Coordinates of a bar chart, for the SVG template: one bar per day, with axis labels."""
    top = max((value for _day, value in values), default=0)
    scale_max = max(top, 1)
    left, plot_h = 40, height - 24 - 8  # room for the labels below and above
    slot = (width - left - 8) / max(len(values), 1)
    bars = []
    for index, (day, value) in enumerate(values):
        bar_h = round(plot_h * value / scale_max, 1)
        bars.append(
            {
                "x": round(left + index * slot + slot * 0.1, 1),
                "y": round(8 + plot_h - bar_h, 1),
                "w": round(max(slot * 0.8, 1), 1),
                "h": bar_h,
                "day": day,
                "value": value,
            }
        )
    step = max(1, len(values) // 6)
    labels = [{"x": round(bar["x"] + bar["w"] / 2, 1), "day": bar["day"]} for bar in bars[::step]]
    return {
        "width": width,
        "height": height,
        "bars": bars,
        "labels": labels,
        "max": top,
        "axis_y": 8 + plot_h,
        "left": left,
        "label_y": height - 6,
    }


def chart_marks(chart: dict) -> tuple[SafeString, SafeString]:
    """The chart's bars and day labels, written here rather than in a template loop (which
    looked up and localised six values a bar, a third of a readership page's time).

    Coordinates are SVG numbers, never localised (``x="42,5"`` is no number in SVG: on
    Indonesian pages the bars were not drawn); each bar's count in its tooltip is localised
    as a template does (``formats.localize``, the language's formats read once), each
    distinct count once; the days as ``date:"d-m-Y"`` and ``date:"d/m"`` write them."""
    language = get_language()
    separator, grouping, thousands = (
        formats.get_format(name, language)
        for name in ("DECIMAL_SEPARATOR", "NUMBER_GROUPING", "THOUSAND_SEPARATOR")
    )
    shown: dict[int, str] = {}

    def count(value: int) -> str:
        if value not in shown:
            text = numberformat.format(value, separator, None, grouping, thousands, use_l10n=True)
            shown[value] = conditional_escape(text)
        return shown[value]

    bars = "".join(
        f'<rect class="bar" x="{bar["x"]}" y="{bar["y"]}" width="{bar["w"]}" '
        f'height="{bar["h"]}"><title>{bar["day"]:%d-%m-%Y}: {count(bar["value"])}</title></rect>'
        for bar in chart["bars"]
    )
    labels = "".join(
        f'<text x="{label["x"]}" y="{chart["label_y"]}" text-anchor="middle">'
        f"{label['day']:%d/%m}</text>"
        for label in chart["labels"]
    )
    return mark_safe(bars), mark_safe(labels)  # counts escaped above, the rest are numbers

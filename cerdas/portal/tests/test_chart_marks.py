"""The readership charts' bars and labels are written in Python, as the template wrote them."""

import datetime as dt
import re

import pytest
from django.template import Context, Template
from django.template.loader import render_to_string
from django.utils import translation

from cerdas.portal import stats

# The loops of includes/bar_chart.html before the marks were written in Python.
TEMPLATE_LOOPS = Template(
    '{% for bar in chart.bars %}<rect class="bar" x="{{ bar.x }}" y="{{ bar.y }}" '
    'width="{{ bar.w }}" height="{{ bar.h }}"><title>{{ bar.day|date:"d-m-Y" }}: '
    "{{ bar.value }}</title></rect>{% endfor %}|"
    '{% for label in chart.labels %}<text x="{{ label.x }}" y="{{ chart.label_y }}" '
    'text-anchor="middle">{{ label.day|date:"d/m" }}</text>{% endfor %}'
)


@pytest.mark.parametrize("days", [1, 7, 30, 367])
def test_the_marks_are_what_the_template_loops_wrote_in_english(days):
    start = dt.date(2026, 11, 1) - dt.timedelta(days=days)
    values = [(start + dt.timedelta(days=n), (n * 37) % 1234) for n in range(days)]
    chart = stats.bar_chart(values)
    with translation.override("en"):
        bars, labels = stats.chart_marks(chart)
        assert f"{bars}|{labels}" == TEMPLATE_LOOPS.render(Context({"chart": chart}))


@pytest.mark.parametrize("language", ["id", "en"])
def test_coordinates_are_svg_numbers_in_every_language_and_counts_read_the_local_way(language):
    """The loops localised the coordinates too: ``x="42,5"`` on Indonesian pages, which SVG
    does not read (no bar was drawn)."""
    chart = stats.bar_chart([(dt.date(2026, 11, 1), 1500), (dt.date(2026, 11, 2), 3)])
    chart["bars"][0].update(x=42.5, y=8.0)
    with translation.override(language):
        bars, labels = stats.chart_marks(chart)
    assert bars.startswith('<rect class="bar" x="42.5" y="8.0" ')
    assert not re.search(r'(x|y|width|height)="[0-9]+,[0-9]', f"{bars}{labels}")
    assert "01-11-2026: 1500<" in bars  # a count, as the template wrote it (no grouping)


def test_the_whole_chart_is_drawn_with_svg_numbers_on_indonesian_pages():
    chart = stats.bar_chart([(dt.date(2026, 11, n), n * 7) for n in range(1, 20)])
    with translation.override("id"):
        chart["bar_marks"], chart["label_marks"] = stats.chart_marks(chart)
        svg = render_to_string(
            "portal/includes/bar_chart.html",
            {"chart": chart, "chart_id": "c", "chart_title": "Pembaca per hari"},
        )
    assert not re.search(r'(x|y|x1|y1|x2|y2|width|height)="[0-9]+,[0-9]', svg)
    assert 'viewBox="0 0 640 ' in svg

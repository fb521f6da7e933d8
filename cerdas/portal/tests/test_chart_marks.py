"""The readership charts' bars and labels are written in Python, as the template wrote them."""

import datetime as dt

import pytest
from django.template import Context, Template
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


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize("days", [1, 7, 30, 367])
def test_the_marks_are_what_the_template_loops_wrote(language, days):
    start = dt.date(2026, 11, 1) - dt.timedelta(days=days)
    values = [(start + dt.timedelta(days=n), (n * 37) % 1234) for n in range(days)]
    chart = stats.bar_chart(values)
    with translation.override(language):
        bars, labels = stats.chart_marks(chart)
        assert f"{bars}|{labels}" == TEMPLATE_LOOPS.render(Context({"chart": chart}))


def test_a_whole_number_and_the_same_float_are_each_shown_their_own_way():
    chart = stats.bar_chart([(dt.date(2026, 11, 1), 1), (dt.date(2026, 11, 2), 0)])
    chart["bars"][0].update(x=1.0, value=1)
    with translation.override("id"):
        bars, _labels = stats.chart_marks(chart)
    assert bars.startswith('<rect class="bar" x="1,0" ') and "01-11-2026: 1<" in bars

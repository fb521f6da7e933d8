"""The masterplan as PDF: the print template rendered by WeasyPrint, roadmap SVG included."""

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from cerdas.masterplans.charts import roadmap_svg


def render_html(context: dict) -> str:
    svg = roadmap_svg(context["groups"], context["years"])
    return render_to_string("masterplans/document.html", {**context, "roadmap": mark_safe(svg)})


def render_pdf(context: dict) -> bytes:
    from weasyprint import HTML

    return HTML(string=render_html(context)).write_pdf()

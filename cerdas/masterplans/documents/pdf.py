"""The masterplan as PDF: the print template laid out by WeasyPrint.

Every table is an HTML table that WeasyPrint paginates itself, repeating its header row on
each page: the roadmap is a table of bars (one row per program, a column per year) on
landscape pages, and the budget's years are split into parts that fit the page side by side.
Column widths are fixed from the widest figure a column holds (``tables``), which keeps
figures whole and spares WeasyPrint from measuring every cell twice to size the columns.
"""

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from cerdas.masterplans.charts import COLOURS, legend
from cerdas.masterplans.documents import tables
from cerdas.masterplans.engine.layout import content_width

# The page box of document.html's @page rules, in cm, and its table cells, in points.
MARGIN_SIDE = 1.8
TABLE_TEXT = 8.5
ROADMAP_TEXT = 8.0
BAR_LABEL = 7.0
# Left and right padding (4pt each), the border (0.75pt) and a point to spare.
CELL_PADDING = 9.75
# A table's outer borders are centred on its edges: half of each lies outside its width.
BORDER = 1.0
LANDSCAPE = tables.Page(
    content_width(True, MARGIN_SIDE, MARGIN_SIDE) - BORDER, TABLE_TEXT, CELL_PADDING
)
ROADMAP = tables.Page(LANDSCAPE.width, ROADMAP_TEXT, CELL_PADDING)


def print_layout(context: dict) -> dict:
    """The tables' columns and parts for A4 pages (see ``tables``)."""
    programs = [p for group in context["groups"] for p in group["programs"]]
    return {
        "program_table": _columns(
            tables.program_widths(
                LANDSCAPE,
                programs,
                [_("Program"), _("Years"), _("Agency (OPD)"), _("Indicators"), _("Budget")],
            )
        ),
        "quick_win_table": _columns(
            tables.quick_win_widths(
                LANDSCAPE,
                context["quick_wins"],
                [_("Quick win"), _("Dimension"), _("Years"), _("What citizens will notice")],
            )
        ),
        "roadmap": tables.roadmap(ROADMAP, context["groups"], context["years"], BAR_LABEL),
        "legend": legend(),
        "bar_colours": list(COLOURS.items()),
        "budget_parts": tables.budget_parts(
            LANDSCAPE, context["summary"], [_("Dimension"), _("Total"), _("Share")]
        ),
        "source_table": _columns(
            tables.source_widths(
                LANDSCAPE, context["summary"], [_("Source"), _("Total"), _("Share")]
            )
        ),
    }


def _columns(widths: list[float]) -> dict:
    return {"widths": widths, "width": sum(widths)}


def render_html(context: dict) -> str:
    return render_to_string("masterplans/document.html", {**context, **print_layout(context)})


def render_pdf(context: dict) -> bytes:
    from weasyprint import HTML

    return HTML(string=render_html(context)).write_pdf()

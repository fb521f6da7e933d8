"""The masterplan as an editable Word document (python-docx)."""
# ruff: noqa: RUF001 - en dashes in year ranges are intended typography

import io

from django.utils.translation import gettext as _
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from cerdas.core.templatetags.numbers import rupiah
from cerdas.masterplans.models import Budget, Horizon

GREEN = RGBColor(0x0B, 0x5D, 0x4B)


def _toc(document) -> None:
    """A table-of-contents field; Word fills it in when the document is opened or updated."""
    paragraph = document.add_paragraph()
    run = paragraph.add_run()
    begin, instruction, separate, end = (
        OxmlElement("w:fldChar"),
        OxmlElement("w:instrText"),
        OxmlElement("w:fldChar"),
        OxmlElement("w:fldChar"),
    )
    begin.set(qn("w:fldCharType"), "begin")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = 'TOC \\o "1-2" \\h \\z \\u'
    separate.set(qn("w:fldCharType"), "separate")
    end.set(qn("w:fldCharType"), "end")
    placeholder = OxmlElement("w:t")
    placeholder.text = _("Right-click and choose Update Field to show the table of contents.")
    for element in (begin, instruction, separate, placeholder, end):
        run._r.append(element)


def _shade(cell, colour: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), colour)
    properties.append(shading)


def _table(document, header: list[str], rows: list[list[str]]):
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = str(text)
        cell.paragraphs[0].runs[0].bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = str(text)
    return table


def _cover(document, plan: dict) -> None:
    for _index in range(6):
        document.add_paragraph()
    title = document.add_paragraph()
    run = title.add_run(plan["title"])
    run.bold, run.font.size, run.font.color.rgb = True, Pt(26), GREEN
    document.add_paragraph(plan["region_name"]).runs[0].font.size = Pt(16)
    document.add_paragraph(
        _("Smart city masterplan %(start)s–%(end)s")
        % {"start": plan["period_start"], "end": plan["period_end"]}
    )
    if plan.get("is_demo"):
        document.add_paragraph(_("Demo content: an example, not a real plan."))
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _chapter(document, chapter: dict) -> None:
    document.add_heading(str(chapter["title"]), level=1)
    for field in chapter["fields"]:
        if field["group"]:
            document.add_heading(str(field["group"]), level=2)
        document.add_paragraph().add_run(str(field["label"])).bold = True
        for paragraph in (field["text"] or "—").split("\n\n"):
            document.add_paragraph(paragraph)


def _programs(document, context: dict) -> None:
    horizons = dict(Horizon.choices)
    document.add_heading(_("Programs"), level=1)
    for group in context["groups"]:
        document.add_heading(group["dimension"].name, level=2)
        rows = [
            [
                p["name"],
                str(horizons.get(p["horizon"], p["horizon"])),
                f"{p['start_year']}–{p['end_year']}",
                p["agency"] or "—",
                "; ".join(
                    f"{i['name']}: {i['baseline']} → {i['target']} {i['unit']}"
                    for i in p["indicators"]
                )
                or "—",
                rupiah(p["budget_total"]),
            ]
            for p in group["programs"]
        ]
        if rows:
            _table(
                document,
                [
                    _("Program"),
                    _("Horizon"),
                    _("Years"),
                    _("Agency (OPD)"),
                    _("Indicators"),
                    _("Budget"),
                ],
                rows,
            )
        else:
            document.add_paragraph(_("No program in this dimension."))
    document.add_heading(_("Quick wins"), level=1)
    rows = [
        [
            p["name"],
            p["dimension_name"],
            f"{p['start_year']}–{p['end_year']}",
            p["citizen_benefit"] or "—",
        ]
        for p in context["quick_wins"]
    ]
    _table(
        document, [_("Quick win"), _("Dimension"), _("Years"), _("What citizens will notice")], rows
    )


def _roadmap(document, context: dict) -> None:
    """The roadmap as a table: one row per program, a shaded cell per year it runs."""
    document.add_heading(_("Roadmap"), level=1)
    years = context["years"]
    table = document.add_table(rows=1, cols=len(years) + 1)
    table.style = "Table Grid"
    table.rows[0].cells[0].text = _("Program")
    for cell, year in zip(table.rows[0].cells[1:], years, strict=True):
        cell.text = str(year)
    for group in context["groups"]:
        heading = table.add_row().cells
        heading[0].text = group["dimension"].name
        heading[0].paragraphs[0].runs[0].bold = True
        for program in group["programs"]:
            cells = table.add_row().cells
            cells[0].text = program["name"]
            colour = "B45309" if program["horizon"] == Horizon.QUICK_WIN else "0B5D4B"
            for cell, year in zip(cells[1:], years, strict=True):
                if program["start_year"] <= year <= program["end_year"]:
                    _shade(cell, colour)


def _budget(document, context: dict) -> None:
    summary = context["summary"]
    document.add_heading(_("Budget summary"), level=1)
    document.add_heading(_("By dimension and year"), level=2)
    rows = [
        [
            row["dimension"].name,
            *map(rupiah, row["cells"]),
            rupiah(row["total"]),
            f"{row['share']}%",
        ]
        for row in summary["rows"]
    ]
    rows.append(
        [
            _("Total"),
            *map(rupiah, summary["year_totals"]),
            rupiah(summary["total"]),
            "100%" if summary["total"] else "0%",
        ]
    )
    _table(document, [_("Dimension"), *map(str, summary["years"]), _("Total"), _("Share")], rows)
    document.add_heading(_("By source"), level=2)
    labels = dict(Budget.Source.choices)
    _table(
        document,
        [_("Source"), _("Total"), _("Share")],
        [
            [str(labels[s["code"]]), rupiah(s["total"]), f"{s['share']}%"]
            for s in summary["sources"]
        ],
    )


def render_docx(context: dict) -> bytes:
    document = Document()
    document.core_properties.title = context["plan"]["title"]
    _cover(document, context["plan"])
    document.add_heading(_("Contents"), level=1)
    _toc(document)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    for chapter in context["first_chapters"]:
        _chapter(document, chapter)
    _programs(document, context)
    landscape = document.add_section()
    landscape.orientation = WD_ORIENT.LANDSCAPE
    landscape.page_width, landscape.page_height = landscape.page_height, landscape.page_width
    _roadmap(document, context)
    _budget(document, context)
    portrait = document.add_section()
    portrait.orientation = WD_ORIENT.PORTRAIT
    portrait.page_width, portrait.page_height = portrait.page_height, portrait.page_width
    for chapter in context["later_chapters"]:
        _chapter(document, chapter)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()

"""The masterplan as an editable Word document (python-docx), ready to hand in.

A4 pages in Indonesian (the document's language is set for spelling and hyphenation), a
contents list that links to its chapters (a Word table-of-contents field would only show a
"right-click to update" note until someone updates it), the wide tables on landscape pages
with their header row repeated, column widths from the widest figure (``tables``) and
figures that never wrap. A draft says so on its cover and at the top of every page.
"""
# ruff: noqa: RUF001 - en dashes in year ranges are intended typography

import io

from django.utils.translation import get_language
from django.utils.translation import gettext as _
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor, Twips

from cerdas.masterplans.charts import COLOURS
from cerdas.masterplans.documents import tables
from cerdas.masterplans.engine.layout import POINTS_PER_CM
from cerdas.masterplans.models import Budget, Horizon

GREEN = RGBColor(0x0B, 0x5D, 0x4B)
RED = RGBColor(0xA4, 0x16, 0x1A)
FONT = "Arial"
# A4 in twentieths of a point, as Word stores it.
A4_WIDTH, A4_HEIGHT = Twips(11906), Twips(16838)
MARGIN_CM = 2.0
TABLE_TEXT = 8.0
# Word's default cell margins (0.19 cm each side), the border and a point to spare.
CELL_PADDING = 2 * 0.19 * POINTS_PER_CM + 2.0
LANGUAGES = {"id": "id-ID", "en": "en-US"}


def _page(landscape: bool) -> tables.Page:
    width = (A4_HEIGHT if landscape else A4_WIDTH).pt - 2 * MARGIN_CM * POINTS_PER_CM
    return tables.Page(width - 1.0, TABLE_TEXT, CELL_PADDING)


def _language() -> str:
    return LANGUAGES.get((get_language() or "id").split("-")[0], "id-ID")


def _set_defaults(document, language: str) -> None:
    """One font, and the document's language, in the defaults every style inherits."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    properties = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = properties.find(qn("w:rFonts"))
    for name in list(fonts.attrib):
        del fonts.attrib[name]
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), FONT)
    lang = properties.find(qn("w:lang"))
    lang.set(qn("w:val"), language)
    lang.set(qn("w:eastAsia"), language)
    theme = document.settings.element.find(qn("w:themeFontLang"))
    if theme is None:
        theme = OxmlElement("w:themeFontLang")
        document.settings.element.append(theme)
    theme.set(qn("w:val"), language)
    normal = document.styles["Normal"]
    normal.font.size = Pt(10)
    document.styles["Heading 1"].paragraph_format.page_break_before = True
    for level in (1, 2, 3):
        style = document.styles[f"Heading {level}"]
        style.font.name = FONT
        style.font.color.rgb = GREEN
        style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
        style.element.rPr.rFonts.set(qn("w:cs"), FONT)
        for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            style.element.rPr.rFonts.attrib.pop(qn(attribute), None)
    document.core_properties.language = language


def _a4(section, landscape: bool) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (
        (A4_HEIGHT, A4_WIDTH) if landscape else (A4_WIDTH, A4_HEIGHT)
    )
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(MARGIN_CM))
    section.header_distance = section.footer_distance = Cm(1)


def _field(paragraph, instruction: str) -> None:
    """A simple field Word and LibreOffice fill in themselves (the page number)."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _header_and_footer(section, is_draft: bool) -> None:
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _field(footer, "PAGE")
    if is_draft:
        header = section.header.paragraphs[0]
        header.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = header.add_run(_("DRAFT — not approved"))
        run.bold, run.font.color.rgb = True, RED


def _bookmark(paragraph, name: str, number: int) -> None:
    start, end = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), name)
    end.set(qn("w:id"), str(number))
    paragraph._p.insert(1 if paragraph._p.pPr is not None else 0, start)
    paragraph._p.append(end)


def _link(paragraph, text: str, anchor: str) -> None:
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), anchor)
    run = paragraph.add_run(text)
    run.font.color.rgb = GREEN
    link.append(run._r)
    paragraph._p.append(link)


class _Chapters:
    """Chapter headings, each with a bookmark the contents list links to."""

    def __init__(self):
        self.titles: list[tuple[str, str]] = []

    def heading(self, document, title: str) -> None:
        anchor = f"bab{len(self.titles) + 1}"
        paragraph = document.add_heading(str(title), level=1)
        _bookmark(paragraph, anchor, len(self.titles) + 1)
        self.titles.append((str(title), anchor))


def _cell_properties(cell, tag: str):
    properties = cell._tc.get_or_add_tcPr()
    element = properties.find(qn(tag))
    if element is None:
        element = OxmlElement(tag)
        properties.append(element)
    return element


def _shade(cell, colour: str) -> None:
    shading = _cell_properties(cell, "w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), colour.lstrip("#"))


def _merge(first, last):
    """One cell from ``first`` to ``last``, keeping only the first cell's paragraph."""
    cell = first.merge(last) if first._tc is not last._tc else first
    for paragraph in cell.paragraphs[1:]:
        paragraph._p.getparent().remove(paragraph._p)
    return cell


def _row_flags(row, header: bool = False) -> None:
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))
    if header:
        properties.append(OxmlElement("w:tblHeader"))


def _write(cell, text: str, bold=False, figure=False, colour=None) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.space_after = Pt(0)
    run = paragraph.add_run(text)
    run.font.size = Pt(TABLE_TEXT)
    run.bold = bold
    if colour is not None:
        run.font.color.rgb = colour
    if figure:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _cell_properties(cell, "w:noWrap")


def _table(document, widths: list[float], header: list[str], figures: set[int] = frozenset()):
    """A table of fixed column widths whose first row repeats on every page."""
    table = document.add_table(rows=1, cols=len(widths))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Pt(width)
    for index, (cell, width, text) in enumerate(
        zip(table.rows[0].cells, widths, header, strict=True)
    ):
        cell.width = Pt(width)
        _shade(cell, "F3F6F5")
        _write(cell, str(text), bold=True, figure=index in figures)
    _row_flags(table.rows[0], header=True)
    return table


def _row(table, widths, texts, figures=frozenset(), bold_first=False):
    row = table.add_row()
    _row_flags(row)
    for index, (cell, width, text) in enumerate(zip(row.cells, widths, texts, strict=True)):
        cell.width = Pt(width)
        _write(cell, str(text), bold=bold_first and index == 0, figure=index in figures)
    return row


def _cover(document, context: dict) -> None:
    plan = context["plan"]
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
    if context["is_draft"]:
        note = document.add_paragraph()
        run = note.add_run(_("DRAFT — not approved"))
        run.bold, run.font.size, run.font.color.rgb = True, Pt(16), RED
        note.add_run().add_break()
        status = note.add_run(_("Status: %(status)s") % {"status": context["status_label"]})
        status.font.color.rgb = RED
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _contents(document, paragraph_after, chapters: _Chapters) -> None:
    """The chapters, each a link to its heading, placed before ``paragraph_after``."""
    for title, anchor in chapters.titles:
        paragraph = paragraph_after.insert_paragraph_before()
        _link(paragraph, title, anchor)


def _chapter(document, chapters: _Chapters, chapter: dict) -> None:
    chapters.heading(document, chapter["title"])
    for field in chapter["fields"]:
        if field["group"]:
            document.add_heading(str(field["group"]), level=2)
        label = document.add_paragraph()
        label.paragraph_format.keep_with_next = True
        label.add_run(str(field["label"])).bold = True
        for paragraph in (field["text"] or "—").split("\n\n"):
            document.add_paragraph(paragraph)


def _programs(document, chapters: _Chapters, context: dict, page: tables.Page) -> None:
    headers = [_("Program"), _("Years"), _("Agency (OPD)"), _("Indicators"), _("Budget")]
    programs = [p for group in context["groups"] for p in group["programs"]]
    widths = tables.program_widths(page, programs, headers)
    chapters.heading(document, _("Programs"))
    for group in context["groups"]:
        document.add_heading(group["dimension"].name, level=2)
        if not group["programs"]:
            document.add_paragraph(_("No program in this dimension."))
            continue
        table = _table(document, widths, headers, figures={4})
        for p in group["programs"]:
            name = p["name"] + (f" ({_('quick win')})" if p["quick_win"] else "")
            row = _row(
                table,
                widths,
                [
                    name,
                    p["years_text"],
                    p["agency"] or "—",
                    "\n".join(p["indicator_lines"]) or "—",
                    p["budget_text"],
                ],
                figures={4},
                bold_first=True,
            )
            if p["description"]:
                row.cells[0].add_paragraph(p["description"]).runs[0].font.size = Pt(TABLE_TEXT)
    headers = [_("Quick win"), _("Dimension"), _("Years"), _("What citizens will notice")]
    widths = tables.quick_win_widths(page, context["quick_wins"], headers)
    chapters.heading(document, _("Quick wins"))
    if not context["quick_wins"]:
        document.add_paragraph(_("No quick win yet."))
        return
    table = _table(document, widths, headers)
    for p in context["quick_wins"]:
        _row(
            table,
            widths,
            [p["name"], p["dimension_name"], p["years_text"], p["citizen_benefit"] or "—"],
        )


def _roadmap(document, chapters: _Chapters, context: dict, page: tables.Page) -> None:
    """The roadmap as a table: a row per program, its years merged into one coloured bar."""
    chapters.heading(document, _("Roadmap"))
    legend = document.add_paragraph()
    for value, label in Horizon.choices:
        swatch = legend.add_run("■ ")
        swatch.font.color.rgb = RGBColor.from_string(COLOURS[value].lstrip("#").upper())
        legend.add_run(f"{label}   ").font.size = Pt(TABLE_TEXT)
    roadmap = tables.roadmap(page, context["groups"], context["years"], TABLE_TEXT - 1)
    count = len(roadmap["years"])
    widths = [roadmap["name_width"]] + [roadmap["year_width"]] * count
    table = _table(document, widths, [_("Program"), *map(str, roadmap["years"])])
    for group in roadmap["groups"]:
        row = _row(table, widths, [group["dimension"].name] + [""] * count, bold_first=True)
        _merge(row.cells[0], row.cells[-1])
        for line in group["rows"]:
            row = _row(table, widths, [line["program"]["name"]] + [""] * count)
            bar = line["bar"]
            if bar is None:
                continue
            cell = _merge(row.cells[1 + bar["start"]], row.cells[bar["start"] + bar["span"]])
            _shade(cell, COLOURS.get(bar["horizon"], "#4A5560"))
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
            if bar["label"]:
                run = cell.paragraphs[0].add_run(bar["label"])
                run.font.size = Pt(TABLE_TEXT - 1)
                run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
                _cell_properties(cell, "w:noWrap")


def _budget(document, chapters: _Chapters, context: dict, page: tables.Page) -> None:
    summary = context["summary"]
    chapters.heading(document, _("Budget summary"))
    parts = tables.budget_parts(page, summary, [_("Dimension"), _("Total"), _("Share")])
    for part in parts:
        caption = _("Budget by dimension and year")
        if part["count"] > 1:
            caption += " (" + _("part %(number)s of %(count)s") % part + ")"
        document.add_heading(caption, level=2)
        header = [_("Dimension"), *map(str, part["years"])]
        if part["last"]:
            header += [_("Total"), _("Share")]
        figures = set(range(1, len(header)))
        table = _table(document, part["widths"], header, figures=figures)
        for row in part["rows"]:
            texts = [row["dimension"].name, *row["cells"]]
            if part["last"]:
                texts += [row["total"], row["share"]]
            _row(table, part["widths"], texts, figures=figures, bold_first=True)
        texts = [_("Total"), *part["year_totals"]]
        if part["last"]:
            texts += [part["total"], part["share"]]
        _row(table, part["widths"], texts, figures=figures, bold_first=True)
    document.add_heading(_("Budget by source"), level=2)
    labels = dict(Budget.Source.choices)
    headers = [_("Source"), _("Total"), _("Share")]
    widths = tables.source_widths(page, summary, headers)
    table = _table(document, widths, headers, figures={1, 2})
    for source in summary["sources"]:
        _row(
            table,
            widths,
            [str(labels[source["code"]]), source["total_text"], f"{source['share']}%"],
            figures={1, 2},
        )


def render_docx(context: dict) -> bytes:
    document = Document()
    document.core_properties.title = context["plan"]["title"]
    _set_defaults(document, _language())
    first = document.sections[0]
    _a4(first, landscape=False)
    _header_and_footer(first, context["is_draft"])
    _cover(document, context)
    chapters = _Chapters()
    document.add_heading(_("Contents"), level=1)
    contents_end = document.add_paragraph()
    contents_end.add_run().add_break(WD_BREAK.PAGE)
    for chapter in context["first_chapters"]:
        _chapter(document, chapters, chapter)
    _a4(document.add_section(), landscape=True)
    landscape = _page(landscape=True)
    _programs(document, chapters, context, landscape)
    _roadmap(document, chapters, context, landscape)
    _budget(document, chapters, context, landscape)
    _a4(document.add_section(), landscape=False)
    for chapter in context["later_chapters"]:
        _chapter(document, chapters, chapter)
    _contents(document, contents_end, chapters)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()

# ruff: noqa: RUF001 - en dashes and multiplication signs are intended typography
"""The official-format report of a survey, ready to publish: PDF (WeasyPrint) and DOCX.

Both are A4 and in Indonesian, whatever language the visitor reads the site in: they are
the documents a unit publishes. They hold the unit, the period, the respondents and the
minimum sample, the NRR of every element, the IKM and its converted value, the grade, the
respondents' characteristics and the follow-up plan. Numbers in Indonesian notation
(88,31; 1.250).
"""

import io

from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext as _

from cerdas.surveys import charts
from cerdas.surveys.numbers import shown

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
LANGUAGE = "id"


def filename(survey, extension: str) -> str:
    return (
        f"skm-{survey.unit.region_id}-{slugify(survey.unit.name)[:60]}-"
        f"{survey.period_start:%Y%m%d}-{survey.period_end:%Y%m%d}.{extension}"
    )


def number(value, places: int = 2) -> str:
    """A figure rounded half up, in the active language's notation; — when there is none."""
    return shown(value, places)


def date_text(value) -> str:
    return formats.date_format(value, "j F Y")


def _context(survey, figures) -> dict:
    region = survey.unit.region
    published = survey.published_at or timezone.now()
    local = published.astimezone(region.tzinfo)
    return {
        "survey": survey,
        "unit": survey.unit,
        "region": region,
        "figures": figures,
        "period": f"{date_text(survey.period_start)} – {date_text(survey.period_end)}",
        "published": f"{date_text(local.date())} {local:%H.%M} {region.timezone_abbreviation}",
        "draft": not survey.is_published,
    }


def render_html(survey, figures) -> str:
    with translation.override(LANGUAGE):
        chart = charts.element_bars(
            figures.elements,
            {row.code for row in figures.weakest},
            _("Average score (NRR) of each element, from 1 to 4"),
        )
        return render_to_string(
            "surveys/report.html",
            {**_context(survey, figures), "chart": mark_safe(chart)},
        )


def render_pdf(survey, figures) -> bytes:
    from weasyprint import HTML

    return HTML(string=render_html(survey, figures)).write_pdf()


def render_docx(survey, figures) -> bytes:
    with translation.override(LANGUAGE):
        return _docx(survey, figures)


def _docx(survey, figures) -> bytes:
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt, RGBColor

    context = _context(survey, figures)
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin = section.bottom_margin = Mm(20)
    _set_language(document)
    document.core_properties.title = _("Public satisfaction survey report")
    document.core_properties.language = "id-ID"

    title = document.add_heading(_("Public satisfaction survey report"), level=0)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    sub = document.add_paragraph(_("Public satisfaction survey (SKM) — PermenPANRB 14/2017"))
    sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if context["draft"]:
        warning = document.add_paragraph().add_run(_("Draft: these results are not published."))
        warning.bold = True
        warning.font.color.rgb = RGBColor(0xA4, 0x16, 0x1A)
    if survey.is_demo or survey.unit.is_demo:
        demo = document.add_paragraph().add_run(_("Demo content: an example, not a real survey."))
        demo.bold = True

    _facts(document, context, figures)

    document.add_heading(_("Satisfaction index"), level=1)
    index = document.add_paragraph()
    run = index.add_run(
        _("%(converted)s — grade %(grade)s (%(label)s)")
        % {
            "converted": number(figures.converted),
            "grade": figures.grade or "—",
            "label": figures.grade_label or "—",
        }
    )
    run.bold, run.font.size = True, Pt(18)
    document.add_paragraph(
        _("IKM %(ikm)s on the 1–4 scale; converted value (IKM × 25) %(converted)s.")
        % {"ikm": number(figures.ikm, 4), "converted": number(figures.converted)}
    )
    if figures.missing:
        document.add_paragraph(
            _("No index: nobody answered %(codes)s.") % {"codes": ", ".join(figures.missing)}
        )

    document.add_heading(_("Average score of each element"), level=1)
    rows = [
        [
            row.code,
            row.official_name,
            number(row.answers, 0),
            number(row.nrr, 4),
            number(row.weighted, 4),
            row.grade or "—",
        ]
        for row in figures.elements
    ]
    table = _table(
        document,
        [_("Code"), _("Element"), _("Answers"), _("NRR"), _("NRR × 1/9"), _("Grade")],
        rows,
        widths=[Mm(16), Mm(66), Mm(22), Mm(20), Mm(24), Mm(16)],
    )
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _summary_row(table, _("IKM (sum of the weighted averages)"), number(figures.ikm, 4), "")
    _summary_row(
        table, _("Converted value (IKM × 25)"), number(figures.converted), figures.grade or "—"
    )
    if figures.weakest:
        document.add_paragraph(
            _("Weakest elements: %(elements)s.")
            % {
                "elements": "; ".join(
                    f"{row.code} {row.official_name} ({number(row.nrr, 2)})"
                    for row in figures.weakest
                )
            }
        )
    document.add_paragraph(
        _(
            "NRR = sum of the element's scores ÷ respondents who answered it; IKM = Σ (NRR × "
            "1/9); converted value = IKM × 25. Grades: A very good 88.31–100; B good "
            "76.61–88.30; C less than good 65.00–76.60; D not good 25.00–64.99."
        )
    ).runs[0].font.size = Pt(8)

    document.add_heading(_("Respondents"), level=1)
    for label, entries in figures.characteristics:
        document.add_heading(str(label), level=2)
        _table(
            document,
            [str(label), _("Respondents"), "%"],
            [[str(entry.label), number(entry.count, 0), f"{entry.percent}"] for entry in entries],
            widths=[Mm(90), Mm(40), Mm(20)],
        )

    document.add_heading(_("Follow-up plan"), level=1)
    for paragraph in (survey.follow_up.strip() or _("No follow-up plan was given.")).split("\n"):
        if paragraph.strip():
            document.add_paragraph(paragraph.strip())

    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def _facts(document, context, figures) -> None:
    from docx.shared import Mm

    survey, unit = context["survey"], context["unit"]
    if figures.minimum_sample is None:
        sample_text = _("not known (the number of people served is not given)")
    elif figures.sample_reached:
        sample_text = _("%(minimum)s for %(population)s people served — reached") % {
            "minimum": number(figures.minimum_sample, 0),
            "population": number(survey.population, 0),
        }
    else:
        sample_text = _(
            "%(minimum)s for %(population)s people served — not reached (%(short)s short)"
        ) % {
            "minimum": number(figures.minimum_sample, 0),
            "population": number(survey.population, 0),
            "short": number(figures.sample_short, 0),
        }
    rows = [
        [_("Service unit"), unit.name],
        [_("Agency (OPD)"), unit.agency.name if unit.agency_id else "—"],
        [_("Region"), f"{context['region'].name} ({context['region'].code})"],
        [_("Period"), context["period"]],
        [_("Respondents"), number(figures.respondents, 0)],
        [_("Minimum sample (Krejcie–Morgan)"), sample_text],
        [_("Published"), context["published"] if survey.is_published else _("not yet")],
    ]
    _table(document, None, rows, widths=[Mm(55), Mm(115)])


def _table(document, header, rows, widths):
    """A grid table with fixed column widths (Word and LibreOffice both keep them); no
    header row when ``header`` is None."""
    table = document.add_table(rows=0, cols=len(widths))
    table.style = "Table Grid"
    table.autofit = False
    if header is not None:
        cells = table.add_row().cells
        for cell, text in zip(cells, header, strict=True):
            cell.text = str(text)
            cell.paragraphs[0].runs[0].bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = str(text)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width
    return table


def _summary_row(table, label: str, value: str, grade: str) -> None:
    """A row whose label spans the first four columns (IKM, converted value)."""
    cells = table.add_row().cells
    merged = cells[0].merge(cells[3])
    merged.text = label
    cells[4].text, cells[5].text = value, grade
    for cell in (merged, cells[4], cells[5]):
        for run in cell.paragraphs[0].runs:
            run.bold = True


def _set_language(document) -> None:
    """Mark the whole document as Indonesian (id-ID), so Word checks the spelling in
    Indonesian and screen readers speak it as such."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault"))
    properties = run_defaults.find(qn("w:rPr"))
    language = properties.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        properties.append(language)
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        language.set(qn(attribute), "id-ID")

"""The masterplan as the documents people exchange: DOCX, PDF and the programs as XLSX."""

from django.utils.translation import pgettext

from cerdas.masterplans.documents.tables import indicator_line
from cerdas.masterplans.engine import figures
from cerdas.masterplans.models import PUBLIC, Dimension, Section, Status
from cerdas.masterplans.reports import budget_summary, programs_by_dimension
from cerdas.masterplans.sections import all_fields

# The document's chapters in order; programs, quick wins and the roadmap come from data.
TEXT_CHAPTERS = [
    Section.Kind.INTRODUCTION,
    Section.Kind.READINESS,
    Section.Kind.SWOT,
    Section.Kind.VISION,
    Section.Kind.STRATEGY,
]
LATER_CHAPTERS = [Section.Kind.ACTION_PLAN, Section.Kind.INSTITUTIONS, Section.Kind.MONITORING]


def document_context(snapshot: dict) -> dict:
    """Everything a document shows, computed once from a snapshot."""
    dimensions = list(Dimension.objects.all())
    fields = all_fields()
    texts = snapshot["sections"]

    def chapter(kind):
        rows, group = [], None
        for field in fields[kind]:
            value = texts.get(kind, {}).get(field.name, "")
            rows.append(
                {
                    "group": field.group if field.group != group else "",
                    "label": field.label,
                    "text": value,
                }
            )
            group = field.group
        return {"kind": kind, "title": Section.Kind(kind).label, "fields": rows}

    groups = programs_by_dimension(snapshot, dimensions)
    for group in groups:
        for program in group["programs"]:
            program["years_text"] = figures.years(program["start_year"], program["end_year"])
            program["budget_text"] = figures.money(program["budget_total"])
            program["indicator_lines"] = [indicator_line(i) for i in program["indicators"]]
    summary = budget_summary(snapshot, dimensions)
    for source in summary["sources"]:
        source["total_text"] = figures.money(source["total"])
    return {
        "plan": snapshot,
        "is_draft": is_draft(snapshot),
        "status_label": Status(snapshot["status"]).label,
        "years": list(range(snapshot["period_start"], snapshot["period_end"] + 1)),
        "first_chapters": [chapter(kind) for kind in TEXT_CHAPTERS],
        "later_chapters": [chapter(kind) for kind in LATER_CHAPTERS],
        "groups": groups,
        "quick_wins": [p for g in groups for p in g["quick_wins"]],
        "summary": summary,
    }


def is_draft(snapshot: dict) -> bool:
    """Anything not (once) approved is a draft, and its documents say so on every page."""
    return snapshot["status"] not in PUBLIC


def filename(snapshot: dict, extension: str) -> str:
    """``masterplan-3522-2018-2027.pdf``; a draft's name ends in ``-DRAF``."""
    code = snapshot["region"].replace(".", "")
    name = f"masterplan-{code}-{snapshot['period_start']}-{snapshot['period_end']}"
    if is_draft(snapshot):
        name += "-" + pgettext("suffix of a draft document's file name", "DRAFT")
    return f"{name}.{extension}"

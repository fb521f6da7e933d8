"""The masterplan as the documents people exchange: DOCX, PDF and the programs as XLSX."""

from cerdas.masterplans.models import Dimension, Section
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
    return {
        "plan": snapshot,
        "years": list(range(snapshot["period_start"], snapshot["period_end"] + 1)),
        "first_chapters": [chapter(kind) for kind in TEXT_CHAPTERS],
        "later_chapters": [chapter(kind) for kind in LATER_CHAPTERS],
        "groups": groups,
        "quick_wins": [p for g in groups for p in g["quick_wins"]],
        "summary": budget_summary(snapshot, dimensions),
    }


def filename(snapshot: dict, extension: str) -> str:
    code = snapshot["region"].replace(".", "")
    return f"masterplan-{code}-{snapshot['period_start']}-{snapshot['period_end']}.{extension}"

"""The fields of each text section; readiness and strategy follow the reference data."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from cerdas.masterplans.models import Dimension, ReadinessElement, Section

Kind = Section.Kind

# Sections whose fields do not depend on reference data: (field, label, help).
STATIC_FIELDS = {
    Kind.INTRODUCTION: [
        ("background", _("Background"), _("Why the region writes this masterplan.")),
        ("legal_basis", _("Legal basis"), _("Laws, regulations and decrees, one per line.")),
    ],
    Kind.SWOT: [
        ("strengths", _("Strengths"), ""),
        ("weaknesses", _("Weaknesses"), ""),
        ("opportunities", _("Opportunities"), ""),
        ("threats", _("Threats"), ""),
    ],
    Kind.VISION: [
        ("vision", _("Vision"), ""),
        ("mission", _("Mission"), _("One mission per line.")),
        ("goals", _("Goals (sasaran)"), _("One goal per line.")),
    ],
    Kind.ACTION_PLAN: [
        ("action_plan", _("Action plan"), _("The steps, in order, and who takes them.")),
        ("roadmap_notes", _("Roadmap notes"), _("What the roadmap chart does not say.")),
    ],
    Kind.INSTITUTIONS: [
        ("council", _("Dewan Smart City"), _("Members and role of the smart city council.")),
        ("team", _("Tim Pelaksana"), _("Members and role of the implementation team.")),
        ("governance", _("Governance"), _("How decisions are taken and coordinated.")),
    ],
    Kind.MONITORING: [
        ("monitoring", _("Monitoring"), _("What is measured, how often, by whom.")),
        ("evaluation", _("Evaluation"), _("When and how the plan is evaluated and revised.")),
    ],
}


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    help: str = ""
    group: str = ""


def fields_for(kind: str, dimensions=None, readiness=None) -> list[Field]:
    """The fields of a section, in order (reference data is read when not given)."""
    if kind == Kind.READINESS:
        readiness = readiness if readiness is not None else ReadinessElement.objects.all()
        result = []
        for element in readiness:
            group = f"{element.get_pillar_display()}: {element.label}"
            result.append(Field(f"{element.code}_current", _("Current state"), "", group))
            result.append(Field(f"{element.code}_gaps", _("Gaps"), "", group))
        return result
    if kind == Kind.STRATEGY:
        dimensions = dimensions if dimensions is not None else Dimension.objects.all()
        return [Field(d.code, d.label, _("Strategy for this dimension."), "") for d in dimensions]
    return [Field(name, label, help_text) for name, label, help_text in STATIC_FIELDS[kind]]


def all_fields() -> dict[str, list[Field]]:
    """Every section's fields, reading the reference data once."""
    dimensions = list(Dimension.objects.all())
    readiness = list(ReadinessElement.objects.all())
    return {kind: fields_for(kind, dimensions, readiness) for kind in Kind.values}


def field_names() -> dict[str, list[str]]:
    return {kind: [f.name for f in fields] for kind, fields in all_fields().items()}


def field_labels() -> dict[str, dict[str, str]]:
    """kind → field → readable label (with its group), for diffs and documents."""
    return {
        kind: {f.name: f"{f.group} — {f.label}" if f.group else str(f.label) for f in fields}
        for kind, fields in all_fields().items()
    }

"""Assessment frameworks, rounds, answers and results (one module per part)."""

from django.utils.translation import gettext_lazy as _

from cerdas.assessments.models.answers import Answer, AssessorScore, Evidence, ImportBatch
from cerdas.assessments.models.frameworks import Dimension, Framework, Indicator
from cerdas.assessments.models.rounds import Assignment, Participant, Round, Selection
from cerdas.core.models import AUDIT_ACTIONS

__all__ = [
    "Answer",
    "AssessorScore",
    "Assignment",
    "Dimension",
    "Evidence",
    "Framework",
    "ImportBatch",
    "Indicator",
    "Participant",
    "Round",
    "Selection",
]

AUDIT_ACTIONS.update(
    {
        "assessments.framework_versioned": _("made a new version of the assessment framework"),
        "assessments.framework_edited": _("changed the weights of the assessment framework"),
        "assessments.framework_settings_edited": _(
            "changed the scoring method of the assessment framework"
        ),
        "assessments.indicator_added": _("added an indicator to the assessment framework"),
        "assessments.indicator_edited": _("changed an indicator of the assessment framework"),
        "assessments.rules_edited": _("changed the selection rules of the round"),
        "assessments.round_opened": _("opened the assessment round"),
        "assessments.region_invited": _("invited the region to the assessment round"),
        "assessments.assessor_assigned": _("assigned an assessor"),
        "assessments.round_closed": _("closed the assessment round"),
        "assessments.computed": _("computed the scores and the ranking"),
        "assessments.values_imported": _("imported indicator values"),
        "assessments.self_assessment_saved": _("saved the self-assessment as a draft"),
        "assessments.self_assessment_submitted": _("submitted the self-assessment"),
        "assessments.evidence_uploaded": _("uploaded evidence"),
        "assessments.scored": _("entered assessor scores"),
        "assessments.selection_proposed": _("proposed a selection"),
        "assessments.selection_finalised": _("finalised the selection"),
        "assessments.missing_data_overridden": _("went on although data were missing"),
        "assessments.published": _("published the results"),
    }
)

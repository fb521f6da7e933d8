"""The completeness check of a plan, worded for its team."""
# ruff: noqa: RUF001 - en dashes in year ranges are intended typography

from django.utils.translation import gettext_lazy as _

from cerdas.masterplans.engine.checks import PROGRAMS, QUICK_WINS, check_completeness
from cerdas.masterplans.models import Dimension, Section
from cerdas.masterplans.sections import field_labels, field_names

SECTION_TITLES = dict(Section.Kind.choices) | {
    PROGRAMS: _("Programs"),
    QUICK_WINS: _("Quick wins"),
}

MESSAGES = {
    "empty_field": _("“%(field)s” is empty."),
    "dimension_without_program": _("%(dimension)s has no program."),
    "program_without_indicator": _("“%(program)s” has no indicator."),
    "program_without_agency": _("“%(program)s” has no responsible agency (OPD)."),
    "program_without_budget": _("“%(program)s” has no budget estimate."),
    "program_years_outside_period": _(
        "“%(program)s” runs %(start)s–%(end)s, outside the plan period."
    ),
    "budget_years_outside_program": _(
        "“%(program)s” has budget in %(years)s, outside its own years."
    ),
    "dimension_without_quick_win": _("%(dimension)s has no quick win."),
    "quick_win_too_long": _("Quick win “%(program)s” takes %(years)s years; at most two."),
    "quick_win_starts_late": _(
        "Quick win “%(program)s” starts in %(start)s, after the plan's first two years."
    ),
    "quick_win_without_benefit": _(
        "Quick win “%(program)s” does not say what citizens will notice."
    ),
}


def completeness(snapshot: dict):
    """Scores per section, each with its problems worded: (title, score, [texts])."""
    dimensions = {d.code: d.name for d in Dimension.objects.all()}
    result = check_completeness(snapshot, field_names(), list(dimensions))
    labels = field_labels()
    rows = []
    for section in result.sections:
        texts = []
        for problem in section.problems:
            params = dict(problem.params)
            if "field" in params:
                params["field"] = labels.get(section.kind, {}).get(params["field"], params["field"])
            if "dimension" in params:
                params["dimension"] = dimensions.get(params["dimension"], params["dimension"])
            texts.append(MESSAGES[problem.code] % params)
        rows.append(
            {
                "kind": section.kind,
                "title": SECTION_TITLES[section.kind],
                "score": section.score,
                "problems": texts,
            }
        )
    return {"score": result.score, "sections": rows, "problem_count": result.problem_count}

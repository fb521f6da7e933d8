"""What the surveys app announces when a record its officials' desk shows changes.

The desk (the units a person manages, each with its surveys and their respondents) is kept
per region, and the ministry's across regions (``cerdas.core.cache.desk_kinds``), and so is
a survey's management page (its results, suggestions and imported files): every save or
delete of a unit, a survey, a tally, an import or an agency announces a change of its
region's desk, and so does each response counted (``services.add_to_tally``, an UPDATE that
sends no signal).
"""

from cerdas.core.cache import desk_changed

DESK = "surveys-desk"


def unit_changed(sender, instance, **kwargs) -> None:
    """A unit or an agency was saved or deleted."""
    desk_changed("surveys", DESK, instance.region_id)


def survey_changed(sender, instance, **kwargs) -> None:
    """A survey was saved or deleted."""
    from cerdas.surveys.models import ServiceUnit

    units = ServiceUnit.objects.filter(pk=instance.unit_id)
    desk_changed("surveys", DESK, units.values_list("region_id", flat=True).first())


def tally_changed(sender, instance, **kwargs) -> None:
    """A survey's tally was saved or deleted (a deleted survey takes its tally along, and
    announces itself)."""
    from cerdas.surveys.models import Survey

    surveys = Survey.objects.filter(pk=instance.pk)
    desk_changed("surveys", DESK, surveys.values_list("unit__region_id", flat=True).first())


def batch_changed(sender, instance, **kwargs) -> None:
    """An import was saved or deleted (one whose rows were all left out counts nothing, yet
    the survey's page lists it)."""
    from cerdas.surveys.models import Survey

    surveys = Survey.objects.filter(pk=instance.survey_id)
    desk_changed("surveys", DESK, surveys.values_list("unit__region_id", flat=True).first())

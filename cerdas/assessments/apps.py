from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def region_section(region):
    """The region's published assessment results, for its public profile."""
    from cerdas.assessments.models import Participant

    participations = list(
        Participant.objects.filter(region=region, round__status="published", rank__isnull=False)
        .select_related("round__selection")
        .order_by("-round__year")
    )
    return {"participations": participations} if participations else None


class AssessmentsConfig(AppConfig):
    name = "cerdas.assessments"
    label = "assessments"
    verbose_name = _("Assessments")

    def ready(self):
        from cerdas.core.registries import ProfileSection, profile_sections

        profile_sections.register(
            ProfileSection("assessments/region_section.html", region_section, order=10)
        )

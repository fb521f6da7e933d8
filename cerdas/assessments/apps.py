from django.apps import AppConfig
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def region_section(region):
    """The region's published assessment results, for its public profile."""
    from cerdas.assessments.models import Participant, Round

    participations = list(
        Participant.objects.filter(
            region=region, round__status=Round.Status.PUBLISHED, rank__isnull=False
        )
        .select_related("round__selection")
        .order_by("-round__year")
    )
    return {"participations": participations} if participations else None


def account_links(user) -> list[tuple[str, str]]:
    """The account page's links into assessments for this user."""
    if user.is_national_admin:
        return [(_("Assessment rounds and selection"), reverse("assessments:manage"))]
    if user.role == user.Role.REGIONAL_TEAM:
        return [(_("Self-assessments and results"), reverse("assessments:index"))]
    if user.role == user.Role.ASSESSOR:
        return [(_("Assessments to score"), reverse("assessments:index"))]
    return []


class AssessmentsConfig(AppConfig):
    name = "cerdas.assessments"
    label = "assessments"
    verbose_name = _("Assessments")

    def ready(self):
        from . import datasets

        datasets.register()
        from cerdas.core.registries import ProfileSection, WorkLink, profile_sections, work_links

        profile_sections.register(
            ProfileSection("assessments/region_section.html", region_section, order=10)
        )
        work_links.register(WorkLink("assessments", account_links, order=10))
        from cerdas.assessments import receivers
        from cerdas.core.signals import on_every_write

        on_every_write(receivers.record_changed, *self.get_models(), uid=receivers.DESK)

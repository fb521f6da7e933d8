from django.apps import AppConfig
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def region_surveys(region):
    """The latest published index of each of the region's units, or None if none has one."""
    from cerdas.surveys.models import Survey

    latest = {}
    for survey in (
        Survey.objects.published()
        .filter(unit__region=region)
        .select_related("unit")
        .order_by("unit__name", "-period_start")
    ):
        latest.setdefault(survey.unit_id, survey)
    if not latest:
        return None
    return {"rows": [(survey, survey.published_result()) for survey in latest.values()]}


def account_links(user) -> list[tuple[str, str]]:
    """The account page's link to the surveys of the units this person manages."""
    if user.is_national_admin or (
        user.region_id and user.role in (user.Role.REGIONAL_TEAM, user.Role.AGENCY_OFFICER)
    ):
        return [(_("Satisfaction surveys of your service units"), reverse("surveys:manage"))]
    return []


class SurveysConfig(AppConfig):
    name = "cerdas.surveys"
    label = "surveys"
    verbose_name = _("Satisfaction surveys")

    def ready(self):
        from . import datasets

        datasets.register()
        from cerdas.core.registries import ProfileSection, WorkLink, profile_sections, work_links

        profile_sections.register(
            ProfileSection("surveys/region_section.html", region_surveys, order=60)
        )
        work_links.register(WorkLink("surveys", account_links, order=50))
        from cerdas.core.signals import on_every_write
        from cerdas.regions.models import Agency
        from cerdas.surveys import receivers
        from cerdas.surveys.models import ImportBatch, ServiceUnit, Survey, Tally

        on_every_write(receivers.unit_changed, ServiceUnit, Agency, uid="surveys-desk")
        on_every_write(receivers.survey_changed, Survey, uid="surveys-desk")
        on_every_write(receivers.tally_changed, Tally, uid="surveys-desk")
        on_every_write(receivers.batch_changed, ImportBatch, uid="surveys-desk")

from django.apps import AppConfig
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def account_links(user) -> list[tuple[str, str]]:
    """The account page's links into masterplans for this user."""
    if user.is_national_admin or user.role == user.Role.ASSESSOR:
        return [(_("Masterplans to review"), reverse("masterplans:index"))]
    if user.role in (user.Role.REGIONAL_TEAM, user.Role.AGENCY_OFFICER):
        return [(_("Your region's masterplan"), reverse("masterplans:index"))]
    return []


def approved_plans(region_ids) -> dict:
    """{region_id: Fact} for the regions with an approved masterplan (its latest approval):
    what the cohort boards show for the "write the masterplan" milestone."""
    from django.utils.formats import date_format
    from django.utils.timezone import localtime

    from cerdas.core.registries import Fact
    from cerdas.masterplans.models import PUBLIC, Masterplan

    facts = {}
    plans = (
        Masterplan.objects.filter(region_id__in=region_ids, status__in=PUBLIC)
        .exclude(approved_at=None)
        .select_related("region__province")
        .order_by("region_id", "-approved_at")
        # What the fact says, and the zone its day is read in: a plan has many more columns.
        .only("title", "approved_at", "region__province__timezone")
    )
    for plan in plans:
        if plan.region_id in facts:
            continue
        day = localtime(plan.approved_at, plan.region.tzinfo).date()
        facts[plan.region_id] = Fact(
            done_on=day,
            text=_("“%(title)s” approved on %(day)s")
            % {"title": plan.title, "day": date_format(day, "j F Y")},
            url=plan.get_absolute_url(),
        )
    return facts


class MasterplansConfig(AppConfig):
    name = "cerdas.masterplans"
    label = "masterplans"
    verbose_name = _("Masterplans")

    def ready(self):
        from . import datasets

        datasets.register()
        from cerdas.core.registries import (
            MilestoneFact,
            ProfileSection,
            WorkLink,
            milestone_facts,
            profile_sections,
            work_links,
        )
        from cerdas.masterplans.services import CACHE_KIND
        from cerdas.masterplans.views.public import profile_section_context

        profile_sections.register(
            ProfileSection("masterplans/region_section.html", profile_section_context, order=40)
        )
        work_links.register(WorkLink("masterplans", account_links, order=30))
        from cerdas.core.signals import on_every_write
        from cerdas.masterplans import receivers
        from cerdas.masterplans.models import Dimension, Element, Masterplan, ReadinessElement
        from cerdas.regions.models import Agency

        on_every_write(receivers.plan_changed, Masterplan, uid=receivers.DESK)
        on_every_write(receivers.agency_changed, Agency, uid=receivers.DESK)
        on_every_write(
            receivers.reference_changed, Dimension, Element, ReadinessElement, uid=receivers.DESK
        )
        milestone_facts.register(
            MilestoneFact(
                "masterplan", _("Masterplan approved"), approved_plans, kinds=(CACHE_KIND,)
            )
        )

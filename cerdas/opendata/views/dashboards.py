"""The public dashboards: the nation's (``/dasbor/``) and each region's (``/dasbor/<code>/``)."""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from cerdas.core.cache import public_page
from cerdas.opendata import catalogue, charts, dashboards
from cerdas.regions.models import Region


def _package_name(key: str, region=None) -> str | None:
    """The dataset page the figures come from (the region's own, when it has one)."""
    if region is not None:
        for package in catalogue.packages(catalogue.region_slug(region)):
            if package.dataset.key == key:
                return package.name
    if dashboards.dataset_named(key) is None:
        return None
    return key


def _context(region=None) -> dict:
    region_ids = None if region is None else [region.code]
    steps = dashboards.funnel(region_ids)
    ikm = dashboards.ikm_by_region() if region is None else dashboards.ikm_by_unit(region_ids)
    deadlines = dashboards.deadlines(region_ids)
    return {
        "region": region,
        "steps": steps,
        "funnel_chart": charts.bars(
            [(step.label, step.count) for step in steps],
            title=_("Regions at each step of the program"),
        )
        if region is None
        else "",
        "ikm": ikm,
        "ikm_chart": charts.bars(
            [(item["label"], item["value"]) for item in ikm],
            title=_("Satisfaction index (IKM, 25-100)"),
            maximum=100,
            places=2,
        )
        if ikm
        else "",
        "deadlines": deadlines,
        "deadline_chart": charts.bars(
            [(item["label"], item["answered"]) for item in deadlines],
            title=_("Follow-ups written within the deadline (%)"),
            maximum=100,
            places=1,
            suffix=" %",
        )
        if deadlines
        else "",
        "sources": {
            "funnel": _package_name("cohort-memberships", region),
            "rankings": _package_name("assessment-rankings"),
            "masterplans": _package_name("masterplan-programs", region),
            "ikm": _package_name("survey-results", region),
            "deadlines": _package_name("complaint-deadlines", region),
        },
    }


def national(request):
    @public_page(*dashboards.kinds())
    def page(request):
        return render(request, "opendata/dashboard.html", _context())

    return page(request)


def region(request, code):
    @public_page(*dashboards.kinds())
    def page(request, code):
        found = Region.objects.filter(pk=code).select_related("province").first()
        if found is None:
            raise Http404
        return render(request, "opendata/dashboard.html", _context(found))

    return page(request, code)

"""The public dashboards: the nation's (``/dasbor/``) and each region's (``/dasbor/<code>/``)."""

from django.http import Http404
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from cerdas.core.cache import public_page
from cerdas.core.registries import datasets
from cerdas.opendata import catalogue, charts, dashboards
from cerdas.regions.models import Region


def _package_names(region=None) -> dict[str, str]:
    """{dataset key: the dataset page its figures come from}: the region's own package where
    it has one, else the national one."""
    names = {dataset.key: dataset.key for dataset in datasets}
    if region is not None:
        names.update(
            (package.dataset.key, package.name)
            for package in catalogue.packages(catalogue.region_slug(region))
        )
    return names


def _context(region=None) -> dict:
    region_ids = None if region is None else [region.code]
    names = _package_names(region)
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
            "funnel": names.get("cohort-memberships"),
            "rankings": _package_names().get("assessment-rankings"),
            "masterplans": names.get("masterplan-programs"),
            "ikm": names.get("survey-results"),
            "deadlines": names.get("complaint-deadlines"),
        },
    }


def _render(request, region=None):
    """The same for every reader: kept for signed-in ones too (``{% shared %}``), its figures
    read only when the kept copy is drawn again."""
    context = {
        "region": region,
        "dashboard": SimpleLazyObject(lambda: _context(region)),
        "kinds": " ".join(dashboards.kinds()),
    }
    return render(request, "opendata/dashboard.html", context)


def national(request):
    @public_page(*dashboards.kinds())
    def page(request):
        return _render(request)

    return page(request)


def region(request, code):
    @public_page(*dashboards.kinds())
    def page(request, code):
        found = Region.objects.filter(pk=code).select_related("province").first()
        if found is None:
            raise Http404
        return _render(request, found)

    return page(request, code)

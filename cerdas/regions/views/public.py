import functools

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from cerdas.core.cache import public_page
from cerdas.core.registries import PROFILE, sections_for
from cerdas.regions.forms import DirectoryFilterForm
from cerdas.regions.models import Region
from cerdas.regions.services import get_resolver

PAGE_SIZE = 50


@public_page("regions")
def directory(request):
    """Every kabupaten/kota, filtered by province and kind and searched by name."""
    form = DirectoryFilterForm(request.GET or None)
    regions = Region.objects.select_related("province")
    suggestions = []
    if form.is_valid():
        data = form.cleaned_data
        if data["province"]:
            regions = regions.filter(province=data["province"])
        if data["kind"]:
            regions = regions.filter(kind=data["kind"])
        if data["q"]:
            found = regions.search(data["q"])
            if not found.exists():
                # No name contains the text: offer what the resolver thinks was meant.
                result = get_resolver().resolve(data["q"])
                codes = [candidate.code for candidate in result.candidates]
                suggestions = sorted(
                    regions.filter(code__in=codes), key=lambda r: codes.index(r.code)
                )
            regions = found
    page = Paginator(regions, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "regions/directory.html",
        {"form": form, "page": page, "suggestions": suggestions, "query": query.urlencode()},
    )


@public_page("regions", PROFILE)
def detail(request, code):
    """A region's public profile."""
    region = get_object_or_404(Region.objects.select_related("province"), code=code)
    siblings_count = Region.objects.filter(province_id=region.province_id).count()
    return render(
        request,
        "regions/detail.html",
        {
            "region": region,
            "siblings_count": siblings_count,
            # Read only when the shared copy of the sections is missing (they are the same
            # for every reader: the public page cache keeps them under the same versions).
            "sections": functools.partial(sections_for, region),
            "can_view_audit": request.user.is_authenticated
            and request.user.can("view_audit", region),
        },
    )

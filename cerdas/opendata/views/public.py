"""What anyone sees of the open data: the catalogue, a dataset's page, its downloads."""

from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_safe

from cerdas.core.cache import public_page
from cerdas.core.registries import datasets
from cerdas.opendata import catalogue, downloads, metadata

PAGE_SIZE = 30


def _package_or_404(name: str):
    package = catalogue.find(name)
    if package is None:
        raise Http404
    return package


def _kinds() -> tuple[str, ...]:
    """Every dataset's content kinds: a change to any of them retires the cached pages."""
    return tuple(sorted({kind for dataset in datasets for kind in dataset.kinds}))


@require_safe
def catalogue_page(request):
    return public_page(*_kinds())(_catalogue)(request)


def _catalogue(request):
    """The catalogue, the same for every reader of the same address: a signed-in one gets it
    kept too (``{% shared %}``), and the datasets are read only when it is drawn again."""
    return render(
        request,
        "opendata/catalogue.html",
        {
            "found": SimpleLazyObject(lambda: _found(request.GET)),
            "kinds": " ".join(_kinds()),
            "licence": catalogue.LICENCE,
        },
    )


def _found(asked) -> dict:
    text = " ".join(asked.get("q", "").split())[:200]
    publisher = asked.get("publisher", "")[:100]
    every = catalogue.packages()
    publishers = catalogue.publishers(every)
    if publisher and publisher not in {p.name for p, _count in publishers}:
        publisher = ""
    found = catalogue.search(text, publisher, among=every)
    page = Paginator(found, PAGE_SIZE).get_page(asked.get("page"))
    query = asked.copy()
    query.pop("page", None)
    return {
        "packages": page.object_list,
        "count": len(found),
        "page": page,
        "query": query.urlencode(),
        "text": text,
        "publisher": publisher,
        "publishers": publishers,
    }


@require_safe
def dataset_page(request, name):
    return public_page(*_kinds())(_dataset_page)(request, name)


def _dataset_page(request, name):
    package = _package_or_404(name)
    resources = [
        (res, metadata.download_path(package, res.format), catalogue.FORMAT_TITLES[res.format])
        for res in package.resources()
    ]
    return render(
        request,
        "opendata/dataset.html",
        {
            "package": package,
            "resources": resources,
            "fields": package.dataset.fields,
            "licence": catalogue.LICENCE,
        },
    )


@require_safe
def download(request, name, fmt):
    if fmt not in catalogue.FORMATS:
        raise Http404
    return downloads.serve(request, _package_or_404(name), fmt)


def _json(data):
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
def data_package(request, name):
    return public_page(*_kinds())(_data_package)(request, name)


def _data_package(request, name):
    package = _package_or_404(name)
    return _json(metadata.data_package(package, request.build_absolute_uri))


@require_safe
def catalog_jsonld(request):
    return public_page(*_kinds())(_catalog_jsonld)(request)


def _catalog_jsonld(request):
    data = metadata.dcat_catalogue(catalogue.packages(), request.build_absolute_uri)
    response = _json(data)
    response["Content-Type"] = "application/ld+json"
    return response

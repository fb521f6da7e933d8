"""A CKAN-compatible action API (read-only), so CKAN clients and harvesters read Cerdas.

Served at ``/api/3/action/<action>`` and ``/api/action/<action>``, by GET (parameters in the
query string) or POST (a JSON object as the body), as CKAN serves its actions. Every answer
is CKAN's envelope: ``{"help": ..., "success": true, "result": ...}``; a failure is
``{"success": false, "error": {"__type": ..., "message": ...}}`` with CKAN's status codes:
404 ``Not Found Error``, 409 ``Validation Error`` (a bad parameter), 400 for an unknown
action or a body that is not a JSON object. Organizations are the publishers
(``cerdas.opendata.catalogue``). Nothing here writes, and nothing needs an account, so a
POST needs no CSRF token.
"""

import json
import re

from django.http import JsonResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from cerdas.opendata import catalogue, metadata

CKAN_VERSION = "2.10.4"
MAX_ROWS = 1000


class NotFound(Exception):
    pass


class Invalid(Exception):
    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


def _number(data, field, default, maximum=None):
    value = data.get(field, default)
    if value in (None, ""):
        return default
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise Invalid(field, "Invalid integer") from None
    if number < 0:
        raise Invalid(field, "Must be a natural number")
    return min(number, maximum) if maximum is not None else number


def _text(data, field, required=False) -> str:
    value = data.get(field, "")
    if value is None:
        value = ""
    if not isinstance(value, str | int):
        raise Invalid(field, "Must be a string")
    value = str(value)
    if required and not value:
        raise Invalid(field, "Missing value")
    return value


def status_show(request, data):
    """Return a dictionary with information about the site's configuration."""
    return {
        "site_title": "Cerdas",
        "site_description": str(metadata.CATALOGUE_DESCRIPTION),
        "site_url": request.build_absolute_uri("/").rstrip("/"),
        "ckan_version": CKAN_VERSION,
        "error_emails_to": None,
        "locale_default": "id",
        "extensions": [],
    }


def package_list(request, data):
    """Return a list of the names of the site's datasets (``limit``, ``offset``)."""
    names = [package.name for package in catalogue.packages()]
    offset = _number(data, "offset", 0)
    limit = _number(data, "limit", None)
    return names[offset : None if limit is None else offset + limit]


def package_show(request, data):
    """Return the metadata of a dataset and its resources (``id``: its name or id)."""
    package = catalogue.find(_text(data, "id", required=True))
    if package is None:
        raise NotFound
    return metadata.package_dict(package, request.build_absolute_uri)


_ORGANIZATION = re.compile(r'^\s*(?:owner_org|organization)\s*:\s*"?([\w.-]+)"?\s*$')


def _organization_filter(fq: str) -> str:
    """The organization named in ``fq`` (``organization:kab-bojonegoro``), the one filter
    this catalogue knows; anything else is refused rather than ignored."""
    if not fq.strip():
        return ""
    match = _ORGANIZATION.match(fq)
    if not match:
        raise Invalid("fq", "Only organization:<name> or owner_org:<id> filters are supported")
    found = catalogue.find_publisher(match.group(1))
    if found is None:
        return "-"  # no such publisher: nothing matches
    return found[0].name


def package_search(request, data):
    """Search datasets: ``q`` (words), ``fq`` (``organization:<name>``), ``rows``, ``start``."""
    text = _text(data, "q")
    if text.strip() in ("*:*", "*"):
        text = ""
    publisher = _organization_filter(_text(data, "fq"))
    rows = _number(data, "rows", 10, MAX_ROWS)
    start = _number(data, "start", 0)
    found = [] if publisher == "-" else catalogue.search(text, publisher)
    absolute = request.build_absolute_uri
    return {
        "count": len(found),
        "sort": "score desc, metadata_modified desc",
        "facets": {},
        "search_facets": {},
        "results": [metadata.package_dict(p, absolute) for p in found[start : start + rows]],
    }


def organization_list(request, data):
    """Return the names of the publishers (``all_fields``: their dictionaries)."""
    all_fields = str(data.get("all_fields", "")).lower() in ("true", "1")
    publishers = catalogue.publishers()
    if all_fields:
        absolute = request.build_absolute_uri
        return [metadata.organization(p, absolute, count) for p, count in publishers]
    return [publisher.name for publisher, _count in publishers]


def organization_show(request, data):
    """Return a publisher (``id``: its name or id; ``include_datasets``)."""
    found = catalogue.find_publisher(_text(data, "id", required=True))
    if found is None:
        raise NotFound
    publisher, count = found
    absolute = request.build_absolute_uri
    result = metadata.organization(publisher, absolute, count)
    include = str(data.get("include_datasets", "")).lower() in ("true", "1")
    if include:
        result["packages"] = [
            metadata.package_dict(package, absolute)
            for package in catalogue.packages(publisher.name)
        ]
    return result


def resource_show(request, data):
    """Return the metadata of a resource (``id``)."""
    found = catalogue.find_resource(_text(data, "id", required=True))
    if found is None:
        raise NotFound
    return metadata.resource(found.package, found, request.build_absolute_uri)


def help_show(request, data):
    """Return the help string of an action (``name``)."""
    function = ACTIONS.get(_text(data, "name", required=True))
    if function is None:
        raise NotFound
    return function.__doc__


ACTIONS = {
    function.__name__: function
    for function in (
        help_show,
        status_show,
        package_list,
        package_show,
        package_search,
        organization_list,
        organization_show,
        resource_show,
    )
}


def _finish(status: int, body) -> JsonResponse:
    response = JsonResponse(
        body, status=status, safe=False, json_dumps_params={"ensure_ascii": False}
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _request_data(request) -> dict:
    if request.method == "POST":
        if not request.body.strip():
            return {}
        data = json.loads(request.body)
    else:
        data = request.GET.dict()
    if not isinstance(data, dict):
        raise ValueError("Request data is not a dictionary")
    return data


@csrf_exempt
@require_http_methods(["GET", "POST"])
def action(request, name):
    function = ACTIONS.get(name)
    if function is None:
        return _finish(400, f"Bad request - Action name not known: {name}")
    body = {
        "help": request.build_absolute_uri(
            reverse("opendata:ckan_action", args=["help_show"]) + f"?name={name}"
        )
    }
    try:
        data = _request_data(request)
    except (ValueError, UnicodeDecodeError) as error:
        return _finish(400, f"Bad request - JSON Error: {error}")
    try:
        result = function(request, data)
    except NotFound:
        body.update(success=False, error={"__type": "Not Found Error", "message": "Not found"})
        return _finish(404, body)
    except Invalid as error:
        body.update(
            success=False,
            error={"__type": "Validation Error", error.field: [error.message]},
        )
        return _finish(409, body)
    body.update(success=True, result=result)
    return _finish(200, body)

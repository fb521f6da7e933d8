"""Open311 GeoReport v2 at ``/open311/v2/``: the open standard civic apps speak.

Plain Django views; the format comes from the extension (``.json`` or ``.xml``). Field names,
nesting and errors follow the spec (wiki.open311.org/GeoReport_v2): XML is the spec's
elements without a namespace, JSON the same fields by the Spark convention (a list where XML
has a container of repeated elements). Jurisdiction is the region's Kemendagri code.

Privacy: only public and anonymous reports are listed or readable; a confidential report is
never visible here, not even by its id; nobody's identity is ever returned. A request is
readable as soon as it is created; where the region checks reports before publishing, its
description, address, point and pictures wait for that check, its status and expected time
do not.
"""

import json
import xml.etree.ElementTree as ET
from datetime import timedelta
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from cerdas.complaints import keys, services
from cerdas.complaints.engine import flow
from cerdas.complaints.forms import LATITUDES, LONGITUDES, MAX_TEXT
from cerdas.complaints.models import Category, Kind, Privacy, Report
from cerdas.regions.models import Region

SPEC = "http://wiki.open311.org/GeoReport_v2"
CHANGESET = "2026-11-29 00:00"
CONTENT_TYPES = {"json": "application/json; charset=utf-8", "xml": "text/xml; charset=utf-8"}
ITEMS = {
    "services": "service",
    "service_requests": "request",
    "errors": "error",
    "endpoints": "endpoint",
    "formats": "format",
    "attributes": "attribute",
    "values": "value",
}
MAX_REQUESTS = 1000
MAX_SPAN = timedelta(days=90)
# How the reporter's choice travels in ``attribute[code]``: the service definition lists them.
ATTRIBUTES = {"kind": Kind, "privacy": Privacy}


class Open311Error(Exception):
    def __init__(self, status: int, description: str):
        super().__init__(description)
        self.status = status
        self.description = description


# Rendering ---------------------------------------------------------------------------------


def _text(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _element(parent, name: str, value) -> None:
    node = ET.SubElement(parent, name)
    _fill(node, name, value)


def _fill(node, name: str, value) -> None:
    if isinstance(value, list):
        for item in value:
            _element(node, ITEMS[name], item)
    elif isinstance(value, dict):
        for key, item in value.items():
            _element(node, key, item)
    elif value is not None:
        node.text = _text(value)


def render(fmt: str, root: str, data, status: int = 200) -> HttpResponse:
    """``data`` as the spec's JSON, or as XML under ``root`` (lists: one element per item)."""
    if fmt == "json":
        body = json.dumps(data, ensure_ascii=False)
    else:
        node = ET.Element(root)
        _fill(node, root, data)
        ET.indent(node)
        body = '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(node, encoding="unicode")
    response = HttpResponse(body, content_type=CONTENT_TYPES[fmt], status=status)
    response["Access-Control-Allow-Origin"] = "*"
    return response


def error(fmt: str, status: int, description: str) -> HttpResponse:
    return render(fmt, "errors", [{"code": status, "description": description}], status)


def endpoint(view):
    """Answer an ``Open311Error`` as the spec's list of errors, with its HTTP status."""

    def wrapped(request, *args, fmt, **kwargs):
        if fmt not in CONTENT_TYPES:
            return error("xml", 404, _("Unknown format: use .xml or .json."))
        try:
            return view(request, *args, fmt=fmt, **kwargs)
        except Open311Error as problem:
            return error(fmt, problem.status, problem.description)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


# Arguments ---------------------------------------------------------------------------------


def _arg(params, name: str) -> str:
    """An argument's value; an empty argument is the same as a missing one (the spec)."""
    return (params.get(name) or "").strip()


def _jurisdiction(params, required: bool = True) -> Region | None:
    code = _arg(params, "jurisdiction_id")
    if not code:
        if required:
            raise Open311Error(400, _("jurisdiction_id was not provided: use a region code."))
        return None
    region = Region.objects.select_related("province").filter(pk=code).first()
    if region is None:
        raise Open311Error(404, _("jurisdiction_id %(code)s was not found.") % {"code": code})
    return region


def _when(params, name: str):
    text = _arg(params, name)
    if not text:
        return None
    value = parse_datetime(text.replace(" ", "+"))
    if value is None or value.utcoffset() is None:
        raise Open311Error(
            400,
            _("%(name)s must be a w3 date and time with a zone, e.g. 2026-11-01T00:00:00Z.")
            % {"name": name},
        )
    return value


def _list(params, name: str) -> list[str]:
    return [part.strip() for part in _arg(params, name).split(",") if part.strip()]


# Output ------------------------------------------------------------------------------------


def _iso(value, zone):
    return timezone.localtime(value, zone).isoformat(timespec="seconds") if value else None


def _absolute(request, path: str) -> str:
    return request.build_absolute_uri(path)


def service_notice(report) -> str:
    return _(
        "Handled under the SP4N-LAPOR! working-day rules: verified within 3 working days, "
        "answered by the agency within 5 (longer for disputes and field checks); "
        "expected_datetime is the deadline that applies now."
    )


def status_notes(report) -> str:
    """The status in words and, once the report has ended, the public reason given."""
    label = str(report.get_status_display())
    if report.status in flow.FINAL and report.outcome_reason:
        return f"{label}: {report.outcome_reason}"
    return label


def request_data(request, report, photos) -> dict:
    """One service request as the spec lists it; nothing that identifies the reporter."""
    zone = report.region.tzinfo
    shown = report.text_public
    media = None
    if shown:
        first = photos.get(report.pk)
        if first:
            media = _absolute(request, reverse("complaints:photo", args=[first, "besar"]))
        elif report.media_url:
            media = report.media_url
    return {
        "service_request_id": report.tracking_number,
        "status": flow.open311_status(report.status),
        "status_notes": status_notes(report),
        "service_name": report.category.name if report.category_id else None,
        "service_code": report.category.code if report.category_id else None,
        "description": report.public_description if shown else None,
        "agency_responsible": report.agency.name if report.agency_id else None,
        "service_notice": service_notice(report),
        "requested_datetime": _iso(report.submitted_at, zone),
        "updated_datetime": _iso(report.updated_at, zone),
        "expected_datetime": _iso(report.answer_due_at, zone),
        "address": (report.address or None) if shown else None,
        "address_id": None,
        "zipcode": None,
        "lat": float(report.latitude) if shown and report.latitude is not None else None,
        "long": float(report.longitude) if shown and report.longitude is not None else None,
        "media_url": media,
    }


def _first_photos(reports) -> dict[int, int]:
    from cerdas.complaints.models import Photo

    found = {}
    rows = Photo.objects.filter(report__in=reports, hidden=False).order_by("created_at", "pk")
    for report_id, photo_id in rows.values_list("report_id", "pk"):
        found.setdefault(report_id, photo_id)
    return found


def _requests_data(request, reports) -> list[dict]:
    reports = list(reports.select_related("region__province", "category", "agency"))
    photos = _first_photos([r.pk for r in reports])
    return [request_data(request, report, photos) for report in reports]


# Views -------------------------------------------------------------------------------------


@endpoint
def discovery(request, fmt):
    """Where the endpoint is, which formats it speaks, and how to get a key."""
    base = getattr(settings, "SITE_URL", "").rstrip("/") or request.build_absolute_uri("/")[:-1]
    data = {
        "changeset": CHANGESET,
        "contact": _("Questions about a region's reports: its Diskominfo. This site: %(url)s")
        % {"url": base + "/"},
        "key_service": _(
            "A region's complaint coordinator issues API keys for client applications in "
            "Cerdas (Complaints, then Open311 keys)."
        ),
        "endpoints": [
            {
                "specification": SPEC,
                "url": base + "/open311/v2",
                "changeset": CHANGESET,
                "type": "production",
                "formats": ["text/xml", "application/json"],
            }
        ],
    }
    return render(fmt, "discovery", data)


def _service(category) -> dict:
    return {
        "service_code": category.code,
        "service_name": category.name,
        "description": category.description or None,
        "metadata": True,
        "type": "realtime",
        "keywords": category.keywords or None,
        "group": category.group or None,
    }


@endpoint
def services_list(request, fmt):
    """The region's topics (services) that take reports."""
    region = _jurisdiction(request.GET)
    categories = Category.objects.active().filter(region=region).order_by("name")
    return render(fmt, "services", [_service(c) for c in categories])


def _values(choices) -> list[dict]:
    return [{"key": value, "name": str(label)} for value, label in choices.choices]


@endpoint
def service_definition(request, fmt, code):
    """The attributes a report of this service may carry: its kind and its privacy."""
    region = _jurisdiction(request.GET)
    category = services.intake_categories(region).filter(code=code).first()
    if category is None:
        raise Open311Error(404, _("service_code %(code)s was not found.") % {"code": code})
    attributes = [
        {
            "variable": True,
            "code": "kind",
            "datatype": "singlevaluelist",
            "required": False,
            "datatype_description": _("complaint (default), aspiration or information"),
            "order": 1,
            "description": _(
                "What the report is: a complaint, an aspiration or a request for information."
            ),
            "values": _values(Kind),
        },
        {
            "variable": True,
            "code": "privacy",
            "datatype": "singlevaluelist",
            "required": False,
            "datatype_description": _("public (default), anonymous or confidential"),
            "order": 2,
            "description": _(
                "Who may see the report. anonymous: public, but nobody sees who sent it; "
                "confidential: never public."
            ),
            "values": _values(Privacy),
        },
    ]
    return render(
        fmt, "service_definition", {"service_code": category.code, "attributes": attributes}
    )


@csrf_exempt
@endpoint
def requests_view(request, fmt):
    """GET: public service requests, filtered as the spec says. POST: create one (api_key)."""
    if request.method == "POST":
        return _create(request, fmt)
    if request.method not in ("GET", "HEAD"):
        raise Open311Error(400, _("Use GET to read requests and POST to create one."))
    params = request.GET
    ids = _list(params, "service_request_id")
    region = _jurisdiction(params, required=not ids)
    reports = Report.objects.public()
    if region is not None:
        reports = reports.filter(region=region)
    if ids:  # the spec: this overrides every other argument
        reports = reports.filter(tracking_number__in=ids[:MAX_REQUESTS])
    else:
        start, end = _when(params, "start_date"), _when(params, "end_date")
        if start and end and end < start:
            raise Open311Error(400, _("end_date is before start_date."))
        if start and end and end - start > MAX_SPAN:
            raise Open311Error(400, _("start_date and end_date may span at most 90 days."))
        if start is None and end is None:
            start = timezone.now() - MAX_SPAN
        elif start is None:
            start = end - MAX_SPAN
        elif end is None:
            end = start + MAX_SPAN
        reports = reports.filter(submitted_at__gte=start)
        if end is not None:
            reports = reports.filter(submitted_at__lte=end)
        codes = _list(params, "service_code")
        if codes:
            reports = reports.filter(category__code__in=codes)
        statuses = set(_list(params, "status"))
        if statuses - {"open", "closed"}:
            raise Open311Error(400, _("status is open or closed (or both, comma separated)."))
        if statuses == {"open"}:
            reports = reports.filter(status__in=list(flow.OPEN))
        elif statuses == {"closed"}:
            reports = reports.filter(status__in=list(flow.FINAL))
    reports = reports.order_by("-submitted_at", "-pk")[:MAX_REQUESTS]
    return render(fmt, "service_requests", _requests_data(request, reports))


@endpoint
def request_detail(request, fmt, number):
    """One public service request by its service_request_id (its tracking number)."""
    region = _jurisdiction(request.GET, required=False)
    reports = Report.objects.public().filter(tracking_number=number)
    if region is not None:
        reports = reports.filter(region=region)
    if not reports.exists():
        raise Open311Error(404, _("service_request_id %(id)s was not found.") % {"id": number})
    return render(fmt, "service_requests", _requests_data(request, reports))


def _point(params):
    lat, lng = _arg(params, "lat"), _arg(params, "long")
    if not lat and not lng:
        return None, None
    try:
        point = Decimal(lat), Decimal(lng)
    except InvalidOperation:
        point = None
    if point is None or not (
        LATITUDES[0] <= point[0] <= LATITUDES[1] and LONGITUDES[0] <= point[1] <= LONGITUDES[1]
    ):
        raise Open311Error(
            400, _("lat and long must both be given, as WGS84 degrees of a place in Indonesia.")
        )
    return round(point[0], 6), round(point[1], 6)


def _attributes(params) -> dict:
    found = {}
    for key, value in params.items():
        if key.startswith("attribute[") and key.endswith("]"):
            found[key[len("attribute[") : -1]] = value.strip()
    for code, choices in ATTRIBUTES.items():
        if found.get(code) and found[code] not in choices.values:
            raise Open311Error(
                400,
                _("attribute[%(code)s] must be one of: %(values)s.")
                % {"code": code, "values": ", ".join(choices.values)},
            )
    return found


def _valid(value: str, validator, name: str) -> None:
    if not value:
        return
    try:
        validator(value)
    except ValidationError as problem:
        raise Open311Error(400, _("%(name)s is not valid.") % {"name": name}) from problem


def _create(request, fmt):
    params = request.POST
    key = keys.find(_arg(params, "api_key"))
    region = _jurisdiction(params)
    if key is None or key.region_id != region.pk:
        raise Open311Error(
            403, _("Invalid api_key received: it is missing, revoked or not for this jurisdiction.")
        )
    code = _arg(params, "service_code")
    if not code:
        raise Open311Error(400, _("service_code was not provided."))
    category = services.intake_categories(region).filter(code=code).first()
    if category is None:
        raise Open311Error(404, _("service_code %(code)s was not found.") % {"code": code})
    lat, lng = _point(params)
    address = _arg(params, "address_string") or _arg(params, "address_id")
    if lat is None and not address:
        raise Open311Error(400, _("A location is required: lat and long, or address_string."))
    description = _arg(params, "description")
    if not description:
        raise Open311Error(400, _("description is required: say what the problem is."))
    if len(description) > MAX_TEXT:
        raise Open311Error(400, _("description is longer than 4,000 characters."))
    email = _arg(params, "email")
    media_url = _arg(params, "media_url")
    _valid(email, validate_email, "email")
    _valid(media_url, URLValidator(schemes=["http", "https"]), "media_url")
    attributes = _attributes(params)
    privacy = attributes.get("privacy") or Privacy.PUBLIC
    name = " ".join(filter(None, [_arg(params, "first_name"), _arg(params, "last_name")]))
    try:
        report = services.submit_report(
            services.NewReport(
                region_code=region.pk,
                category_id=category.pk,
                kind=attributes.get("kind") or Kind.COMPLAINT,
                privacy=privacy,
                description=description,
                address=address[:300],
                latitude=lat,
                longitude=lng,
                name="" if privacy == Privacy.ANONYMOUS else name[:150],
                email=email,
                phone=_arg(params, "phone")[:30],
                media_url=media_url[:500],
                attributes=attributes,
            ),
            source="open311",
            api_key=key,
            category=category,
            limit=keys.post_limit(),
            sender=str(key.pk),
        )
    except services.IntakeLimited as limited:
        raise Open311Error(
            429, _("Too many requests with this api_key: wait a minute and try again.")
        ) from limited
    data = [
        {
            "service_request_id": report.tracking_number,
            "service_notice": service_notice(report),
            "account_id": None,
        }
    ]
    return render(fmt, "service_requests", data)


@endpoint
def unknown(request, fmt, rest=""):
    raise Open311Error(404, _("There is no such Open311 resource here."))

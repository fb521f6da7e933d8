"""A package described for machines: CKAN's dictionaries, a Frictionless Data Package, DCAT.

Each function takes the package and ``absolute(path)``, which turns a path into a full
address (the request's ``build_absolute_uri``), and returns plain JSON-ready data. Titles
and descriptions are written in the active language; DCAT carries both languages.
"""

import datetime

from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from cerdas.opendata.catalogue import FORMAT_TITLES, LICENCE, Package, Publisher

# Frictionless Table Schema: a datetime written as ISO 8601 with its offset.
_SCHEMA_FORMATS = {"datetime": "any", "date": "default"}

CATALOGUE_TITLE = _("Cerdas open data")
CATALOGUE_DESCRIPTION = _(
    "Public figures of Gerakan Menuju 100 Smart City and of its regions' smart government: "
    "regions, assessment rankings, cohorts, masterplans, news, surveys and complaints."
)

# Dublin Core's frequency vocabulary, for DCAT's accrualPeriodicity.
FREQUENCY_URIS = {
    "continual": "http://purl.org/cld/freq/continuous",
    "daily": "http://purl.org/cld/freq/daily",
    "monthly": "http://purl.org/cld/freq/monthly",
    "annual": "http://purl.org/cld/freq/annual",
    "irregular": "http://purl.org/cld/freq/irregular",
}


def _ckan_time(value: datetime.datetime | None) -> str | None:
    """CKAN writes times in UTC without a zone: ``2017-11-16T08:00:00.000000``."""
    if value is None:
        return None
    return (
        timezone.localtime(value, datetime.UTC)
        .replace(tzinfo=None)
        .isoformat(timespec="microseconds")
    )


def download_path(package: Package, fmt: str) -> str:
    return reverse("opendata:download", args=[package.name, fmt])


def organization(publisher: Publisher, absolute, package_count: int | None = None) -> dict:
    result = {
        "id": publisher.id,
        "name": publisher.name,
        "title": publisher.title,
        "display_name": publisher.title,
        "description": "",
        "image_url": "",
        "created": None,
        "is_organization": True,
        "approval_status": "approved",
        "state": "active",
        "type": "organization",
    }
    if publisher.region is not None:
        result["image_url"] = ""
        result["description"] = f"{publisher.region.name} ({publisher.region.code})"
    if package_count is not None:
        result["package_count"] = package_count
    return result


def resource(package: Package, res, absolute) -> dict:
    modified = _ckan_time(package.modified)
    return {
        "id": res.id,
        "package_id": package.id,
        "name": f"{package.title} ({FORMAT_TITLES[res.format]})",
        "description": package.description,
        "format": FORMAT_TITLES[res.format],
        "mimetype": res.media_type,
        "url": absolute(download_path(package, res.format)),
        "url_type": None,
        "created": modified,
        "last_modified": modified,
        "metadata_modified": modified,
        "position": res.position,
        "state": "active",
        "datastore_active": False,
    }


def package_dict(package: Package, absolute) -> dict:
    """The package as CKAN's ``package_show`` returns one."""
    modified = _ckan_time(package.modified)
    temporal = package.temporal
    resources = [resource(package, res, absolute) for res in package.resources()]
    extras = [
        {"key": "spatial_text", "value": package.spatial},
        {"key": "frequency", "value": package.dataset.frequency},
        {"key": "region_code", "value": package.publisher.region_code},
    ]
    if temporal:
        extras += [
            {"key": "temporal_start", "value": temporal[0].isoformat()},
            {"key": "temporal_end", "value": temporal[1].isoformat()},
        ]
    return {
        "id": package.id,
        "name": package.name,
        "title": package.title,
        "notes": package.description,
        "type": "dataset",
        "state": "active",
        "private": False,
        "isopen": True,
        "license_id": LICENCE["id"],
        "license_title": LICENCE["title"],
        "license_url": LICENCE["url"],
        "metadata_created": modified,
        "metadata_modified": modified,
        "owner_org": package.publisher.id,
        "organization": organization(package.publisher, absolute),
        "url": absolute(reverse("opendata:dataset", args=[package.name])),
        "version": None,
        "author": None,
        "author_email": None,
        "maintainer": None,
        "maintainer_email": None,
        "extras": extras,
        "tags": [],
        "groups": [],
        "relationships_as_object": [],
        "relationships_as_subject": [],
        "num_tags": 0,
        "num_resources": len(resources),
        "resources": resources,
    }


def table_schema(package: Package) -> dict:
    fields = []
    for column in package.dataset.fields:
        field = {"name": column.name, "type": column.type, "title": str(column.title)}
        if column.type in _SCHEMA_FORMATS:
            field["format"] = _SCHEMA_FORMATS[column.type]
        fields.append(field)
    return {"fields": fields, "missingValues": [""]}


def data_package(package: Package, absolute) -> dict:
    """The package as a Frictionless Tabular Data Package (its CSV with a Table Schema)."""
    result = {
        "profile": "tabular-data-package",
        "name": package.name,
        "id": package.id,
        "title": package.title,
        "description": package.description,
        "homepage": absolute(reverse("opendata:dataset", args=[package.name])),
        "licenses": [{"name": LICENCE["id"], "title": LICENCE["title"], "path": LICENCE["url"]}],
        "sources": [{"title": package.publisher.title, "path": absolute("/")}],
        "contributors": [{"title": package.publisher.title, "role": "publisher"}],
        "keywords": ["smart city", "Gerakan Menuju 100 Smart City", package.spatial],
        "resources": [
            {
                "name": package.name,
                "path": absolute(download_path(package, "csv")),
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "dialect": {"delimiter": ",", "header": True},
                "schema": table_schema(package),
            }
        ],
    }
    if package.modified:
        result["created"] = package.modified.isoformat()
    return result


def _both_languages(text) -> list[dict]:
    values = []
    for language in ("id", "en"):
        with translation.override(language):
            values.append({"@value": str(text), "@language": language})
    return values


def _dcat_dataset(package: Package, absolute) -> dict:
    page = absolute(reverse("opendata:dataset", args=[package.name]))
    dataset = package.dataset
    title = _both_languages(dataset.title)
    if package.region is not None:
        title = [{**t, "@value": f"{t['@value']} — {package.region.name}"} for t in title]
    result = {
        "@id": page,
        "@type": "dcat:Dataset",
        "dct:identifier": package.name,
        "dct:title": title,
        "dct:description": _both_languages(dataset.description),
        "dct:publisher": {
            "@id": absolute(reverse("opendata:catalogue") + f"?publisher={package.publisher.name}"),
            "@type": "foaf:Organization",
            "foaf:name": package.publisher.title,
        },
        "dct:license": {"@id": LICENCE["url"]},
        "dct:accrualPeriodicity": {"@id": FREQUENCY_URIS.get(dataset.frequency, "")},
        "dct:spatial": {"@type": "dct:Location", "locn:geographicName": package.spatial},
        "dcat:landingPage": {"@id": page},
        "dcat:distribution": [
            {
                "@id": absolute(download_path(package, res.format)),
                "@type": "dcat:Distribution",
                "dct:title": f"{package.name}.{res.format}",
                "dcat:downloadURL": {"@id": absolute(download_path(package, res.format))},
                "dcat:mediaType": res.media_type,
                "dct:format": FORMAT_TITLES[res.format],
                "dct:license": {"@id": LICENCE["url"]},
            }
            for res in package.resources()
        ],
    }
    if package.modified:
        result["dct:modified"] = {
            "@value": package.modified.isoformat(),
            "@type": "xsd:dateTime",
        }
    if package.temporal:
        start, end = package.temporal
        result["dct:temporal"] = {
            "@type": "dct:PeriodOfTime",
            "dcat:startDate": {"@value": start.isoformat(), "@type": "xsd:date"},
            "dcat:endDate": {"@value": end.isoformat(), "@type": "xsd:date"},
        }
    return result


def dcat_catalogue(packages, absolute) -> dict:
    """The whole catalogue as a DCAT ``dcat:Catalog`` in JSON-LD."""
    return {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "locn": "http://www.w3.org/ns/locn#",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        },
        "@id": absolute(reverse("opendata:catalog_jsonld")),
        "@type": "dcat:Catalog",
        "dct:title": _both_languages(CATALOGUE_TITLE),
        "dct:description": _both_languages(CATALOGUE_DESCRIPTION),
        "dct:license": {"@id": LICENCE["url"]},
        "foaf:homepage": {"@id": absolute(reverse("opendata:catalogue"))},
        "dcat:dataset": [_dcat_dataset(package, absolute) for package in packages],
    }

"""The catalogue: the registered datasets as packages, each with its publisher.

A dataset of scope ``NATIONAL`` is one package published by the ministry; one of scope
``REGION`` is a national package (every region's rows, published by the ministry) plus one
package per region that has rows, published by that region. A package's name is the
dataset's key (``survey-results``), with the publisher's name after it for a region's own
(``survey-results-kab-bojonegoro``). Publishers are named as CKAN names organizations:
``kominfo`` for the ministry, ``kab-bojonegoro`` or ``kota-bandung`` for a region.

Everything here is read from the registry (``cerdas.core.registries.datasets``) and the
regions; nothing is stored. Every dataset is published under one open licence, ``LICENCE``
(docs/open-data.md says why).
"""

import datetime
import uuid
from dataclasses import dataclass
from functools import cached_property

from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from cerdas.core.registries import REGION, Dataset, datasets
from cerdas.regions.models import Region

MINISTRY = "kominfo"
MINISTRY_TITLE = "Kementerian Komunikasi dan Informatika (Ditjen Aptika)"
INDONESIA = "Indonesia"

LICENCE = {
    "id": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0 International",
    "url": "https://creativecommons.org/licenses/by/4.0/",
}

FORMATS = ("csv", "json", "xlsx")
FORMAT_TITLES = {"csv": "CSV", "json": "JSON", "xlsx": "XLSX"}
MEDIA_TYPES = {
    "csv": "text/csv",
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

# Stable identifiers for CKAN clients, derived from names (nothing to store).
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://cerdas.id/data/")

FREQUENCIES = {
    "continual": _("continually"),
    "daily": _("daily"),
    "monthly": _("monthly"),
    "annual": _("yearly"),
    "irregular": _("irregularly"),
}


def region_slug(region) -> str:
    """``kab-bojonegoro`` for Kabupaten Bojonegoro, ``kota-bandung`` for Kota Bandung."""
    slug = slugify(region.name)
    if slug.startswith("kabupaten-"):
        return "kab-" + slug.removeprefix("kabupaten-")
    if slug.startswith(("kab-", "kota-")):
        return slug
    return ("kab-" if region.kind == Region.Kind.KABUPATEN else "kota-") + slug


def identifier(*parts: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, "/".join(parts)))


@dataclass(frozen=True)
class Publisher:
    """The ministry (``region`` None) or a region, as a CKAN organization."""

    region: Region | None = None

    @property
    def name(self) -> str:
        return MINISTRY if self.region is None else region_slug(self.region)

    @property
    def title(self) -> str:
        return MINISTRY_TITLE if self.region is None else self.region.name

    @property
    def id(self) -> str:
        return identifier("organization", self.name)

    @property
    def region_code(self) -> str:
        return "" if self.region is None else self.region.code


@dataclass(frozen=True)
class Package:
    """One dataset as published: all regions' rows (``region`` None) or one region's."""

    dataset: Dataset
    region: Region | None = None

    @property
    def name(self) -> str:
        if self.region is None:
            return self.dataset.key
        return f"{self.dataset.key}-{region_slug(self.region)}"

    @property
    def id(self) -> str:
        return identifier("package", self.name)

    @property
    def publisher(self) -> Publisher:
        return Publisher(self.region)

    @property
    def region_ids(self) -> list[str] | None:
        return None if self.region is None else [self.region.code]

    @property
    def title(self) -> str:
        if self.region is None:
            return str(self.dataset.title)
        return f"{self.dataset.title} — {self.region.name}"

    @property
    def description(self) -> str:
        return str(self.dataset.description)

    @property
    def spatial(self) -> str:
        if self.region is None:
            return INDONESIA
        return f"{self.region.name} ({self.region.code}), {INDONESIA}"

    @cached_property
    def modified(self) -> datetime.datetime | None:
        return self.dataset.modified(self.region_ids)

    @cached_property
    def temporal(self) -> tuple[datetime.date, datetime.date] | None:
        if self.dataset.temporal is None:
            return None
        return self.dataset.temporal(self.region_ids)

    @property
    def frequency_label(self) -> str:
        return str(FREQUENCIES.get(self.dataset.frequency, self.dataset.frequency))

    def rows(self):
        return self.dataset.rows(self.region_ids)

    def resources(self) -> list["Resource"]:
        return [Resource(self, fmt, position) for position, fmt in enumerate(FORMATS)]

    def matches(self, words: list[str]) -> bool:
        """Whether every word is in the name, publisher, or title or description in either
        language (an English word finds a dataset on an Indonesian page, and back)."""
        if not words:
            return True
        texts = [self.name, self.publisher.title, self.spatial]
        for language in ("id", "en"):
            with translation.override(language):
                texts += [str(self.dataset.title), str(self.dataset.description)]
        text = " ".join(texts).lower()
        return all(word in text for word in words)


@dataclass(frozen=True)
class Resource:
    package: Package
    format: str
    position: int

    @property
    def id(self) -> str:
        return identifier("resource", self.package.name, self.format)

    @property
    def name(self) -> str:
        return f"{self.package.name}.{self.format}"

    @property
    def media_type(self) -> str:
        return MEDIA_TYPES[self.format]


def packages(publisher: str = "") -> list[Package]:
    """Every package, national ones first, each region's after (by region name): one query
    per regional dataset for the regions it has rows for, and one for those regions."""
    national, regional = [], []
    for dataset in datasets:
        if publisher in ("", MINISTRY):
            national.append(Package(dataset))
        if publisher != MINISTRY and dataset.scope == REGION and dataset.regions is not None:
            regional.append((dataset, list(dataset.regions())))
    found = Region.objects.in_bulk({code for _dataset, codes in regional for code in codes})
    regional = [
        Package(dataset, found[code])
        for dataset, codes in regional
        for code in codes
        if code in found and (not publisher or region_slug(found[code]) == publisher)
    ]
    regional.sort(key=lambda package: (package.region.name, package.dataset.order))
    return national + regional


def find(name: str) -> Package | None:
    """The package of this name (or CKAN id), or None."""
    for dataset in datasets:
        if name in (dataset.key, identifier("package", dataset.key)):
            return Package(dataset)
    return next((p for p in packages() if name in (p.name, p.id)), None)


def find_resource(resource_id: str) -> Resource | None:
    for package in packages():
        for resource in package.resources():
            if resource.id == resource_id:
                return resource
    return None


def search(text: str = "", publisher: str = "", among=None) -> list[Package]:
    """The packages (of ``among``, default every one) matching every word and the publisher."""
    words = [word.lower() for word in text.split()]
    if among is None:
        among = packages(publisher)
    elif publisher:
        among = [package for package in among if package.publisher.name == publisher]
    return [package for package in among if package.matches(words)]


def publishers(among=None) -> list[tuple[Publisher, int]]:
    """Every publisher with data (of ``among``, default every package), with its number of
    packages: the ministry first, then the regions by name."""
    counts: dict[str, int] = {}
    regions: dict[str, Region] = {}
    for package in packages() if among is None else among:
        key = package.publisher.name
        counts[key] = counts.get(key, 0) + 1
        if package.region is not None:
            regions[key] = package.region
    result = [(Publisher(), counts.get(MINISTRY, 0))]
    for key in sorted(regions, key=lambda key: regions[key].name):
        result.append((Publisher(regions[key]), counts[key]))
    return result


def find_publisher(name: str) -> tuple[Publisher, int] | None:
    for publisher, count in publishers():
        if name in (publisher.name, publisher.id):
            return publisher, count
    return None

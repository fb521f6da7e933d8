"""Registries: the places where apps plug into pages that belong to another app.

An app adds its entries in its ``AppConfig.ready()``; the page that shows them reads the
registry and never imports the app. docs/architecture.md lists every registry and who uses
it.

``profile_sections`` — sections of a region's public profile (``/wilayah/<code>/``)::

    profile_sections.register(
        ProfileSection("cohorts/region_section.html", participation_section, order=20)
    )

``context(region)`` returns the template's context, or None to leave the section out.
Profile pages are cached for anonymous visitors under the kind ``PROFILE``: announce a
change with ``content_changed(app_label, PROFILE)`` (``cerdas.core.signals``).

``work_links`` — what a signed-in person can do in each app, listed on their account page
(``/akun/``)::

    work_links.register(WorkLink("masterplans", masterplan_links, order=30))

``links(user)`` returns ``[(label, url), ...]`` for this user (an empty list when the app
has nothing for them). The account page keeps each person's links until a change of that
person (``people``) or of one of the entry's ``kinds``, the content kinds besides the person
their links follow from (``WorkLink("cohorts", links, kinds=("cohorts",))``: a region's
cohorts).

``milestone_facts`` — what Cerdas already knows about a region's progress in the program,
so a cohort's board shows it instead of asking the team to tick it off again::

    milestone_facts.register(
        MilestoneFact("masterplan", _("Masterplan approved"), approved, kinds=("masterplans",))
    )

``key`` names the milestone the fact answers, as the cohort's MoU obligations name theirs
(``masterplan``); ``facts(region_ids)`` returns ``{region_id: Fact(done_on, text, url)}`` for
the regions where it is known to be done (one query for them all); ``kinds`` are the public
content kinds whose change can change the facts (``cerdas.core.signals.content_changed``),
so cached boards are rendered again.

``datasets`` — every public figure as an open dataset (the catalogue at ``/data/`` and its
CKAN, DCAT and Data Package views, the dashboards)::

    datasets.register(
        Dataset(
            "implementation", _("Masterplan implementation"), _("..."),
            fields=(Column("region_code", "string", _("Region code")), ...),
            rows=implementation_rows, scope=REGION, frequency="daily",
            modified=last_update, order=60,
        )
    )

``key`` is the dataset's name in the catalogue (lower case, digits and ``-``).
``rows(region_ids)`` yields one tuple per row, in ``fields`` order, for the given regions
(None: every region); it must iterate the database lazily (``.iterator()``), so a download
of any size streams. ``scope`` ``NATIONAL`` makes one dataset published by the ministry;
``REGION`` makes one per region that has rows (published by that region; ``regions()``
returns their ids), as well as the national one. ``modified(region_ids)`` returns when the
rows last changed (a datetime, or None); ``kinds`` are the public content kinds whose change
(``cerdas.core.signals.content_changed``) can change the rows, so a download's ETag changes
with them even where no timestamp moves (a view count). ``temporal(region_ids)``, when
given, returns the (first, last) dates the rows cover, or None. ``frequency`` is how often
the rows change: ``continual``, ``daily``, ``monthly``, ``annual`` or ``irregular``.
The dashboards (``/dasbor/``) read some datasets by their column names: a region's quick
wins count as done from the ``implementation`` rows with ``region_code``, ``item_kind`` (or
``horizon``) ``quick_win`` (or ``quick_win`` true) and ``status`` ``done`` (or ``done``
true). Only published content and aggregate figures: nothing private or personal may be in a
dataset, and ``cerdas.opendata``'s tests walk the registry and refuse a field named like
personal data (a person's name, e-mail, phone, NIK, reporter, user, IP address, token, ...).

``indicator_sources`` — where a round's indicator values can come from instead of being
typed again: the assessments import page offers every source beside the CSV upload and
previews its rows as it previews a file's::

    indicator_sources.register(
        IndicatorSource("implementation", _("Implementation records"), figures, values)
    )

``figures()`` returns ``[(code, label), ...]``: the region-level figures the source offers
(the import page lets the program office say which indicator of the round each one fills);
``values(region_ids, codes)`` returns ``{region_id: {code: number}}`` for the regions where
the source knows the figures (a region or figure left out is reported as having no value).
"""

import datetime
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

PROFILE = "profile"


class Registry:
    """Entries with a unique key, read in their ``order`` (then in the order they came)."""

    def __init__(self, name: str):
        self.name = name
        self._entries: dict[str, Any] = {}

    def register(self, entry) -> None:
        """Add an entry; registering the same key again (a second ``ready()``) keeps one."""
        self._entries[entry.key] = entry

    def unregister(self, key: str) -> None:
        """Take an entry out (a test's own entry, once the test is done)."""
        self._entries.pop(key, None)

    def __iter__(self) -> Iterator:
        return iter(sorted(self._entries.values(), key=lambda entry: entry.order))

    def __len__(self) -> int:
        return len(self._entries)


@dataclass(frozen=True)
class ProfileSection:
    template: str
    context: Callable
    order: int = 100

    @property
    def key(self) -> str:
        return self.template


profile_sections = Registry("profile sections")


def sections_for(region) -> list[tuple[str, dict]]:
    """The (template, context) of every profile section that has something to show."""
    result = []
    for section in profile_sections:
        context = section.context(region)
        if context is not None:
            result.append((section.template, context))
    return result


@dataclass(frozen=True)
class WorkLink:
    key: str
    links: Callable
    order: int = 100
    kinds: tuple[str, ...] = ()


work_links = Registry("work links")


def work_for(user) -> list[tuple[str, str]]:
    """Every app's links for this user, in the registry's order."""
    return [link for entry in work_links for link in entry.links(user)]


def work_kinds() -> list[str]:
    """The content kinds every app's links follow from, besides the person."""
    return sorted({kind for entry in work_links for kind in entry.kinds})


@dataclass(frozen=True)
class MediaRule:
    """Who may fetch the uploaded files under ``prefix`` at ``/media/<name>``.

    ``access(request, name)`` returns a ``cerdas.core.media.Access`` saying how to send the
    file, or None (the visitor gets a 404, as if the file did not exist). Files under a
    prefix no app registered are never served there.
    """

    prefix: str
    access: Callable
    order: int = 100

    @property
    def key(self) -> str:
        return self.prefix


media_rules = Registry("media rules")


@dataclass(frozen=True)
class Fact:
    """A milestone a region has reached, as another app knows it."""

    done_on: datetime.date
    text: str
    url: str = ""


@dataclass(frozen=True)
class MilestoneFact:
    key: str
    label: str
    facts: Callable
    kinds: tuple[str, ...] = ()
    order: int = 100


milestone_facts = Registry("milestone facts")


def known_milestones(region_ids) -> dict[str, dict[str, Fact]]:
    """{milestone key: {region_id: Fact}} from every registered app, for these regions."""
    region_ids = list(region_ids)
    return {entry.key: entry.facts(region_ids) for entry in milestone_facts}


def milestone_kinds() -> list[str]:
    """The content kinds whose changes can change any milestone fact."""
    return sorted({kind for entry in milestone_facts for kind in entry.kinds})


NATIONAL = "national"
REGION = "region"


@dataclass(frozen=True)
class Column:
    """A dataset's column: its name, its Table Schema type and its title."""

    name: str
    type: str  # string, integer, number, date, datetime, boolean (Frictionless Table Schema)
    title: str


@dataclass(frozen=True)
class Dataset:
    key: str
    title: str
    description: str
    fields: tuple[Column, ...]
    rows: Callable
    modified: Callable
    scope: str = NATIONAL
    regions: Callable | None = None
    temporal: Callable | None = None
    frequency: str = "daily"
    kinds: tuple[str, ...] = ()
    order: int = 100


datasets = Registry("datasets")


@dataclass(frozen=True)
class IndicatorSource:
    key: str
    label: str
    figures: Callable
    values: Callable
    order: int = 100


indicator_sources = Registry("indicator sources")

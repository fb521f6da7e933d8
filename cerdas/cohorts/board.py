"""The progress board: member regions by milestones, in a fixed number of queries."""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cerdas.core.registries import known_milestones, milestone_facts

from .models import Cohort, Institution, Mou
from .reviews import STATUS_LABELS, ItemStatus, item_status, latest_submissions

FILTERS = {
    "overdue": _("overdue"),
    "awaiting_review": _("awaiting review"),
}


@dataclass
class Column:
    key: str
    label: str
    due_on: datetime.date | None = None
    deliverable_id: int | None = None


@dataclass
class Row:
    membership: object
    cells: list[ItemStatus] = field(default_factory=list)

    @property
    def region(self):
        return self.membership.region

    def has(self, code: str) -> bool:
        return any(cell.code == code for cell in self.cells)


@dataclass
class Board:
    cohort: Cohort
    day: datetime.date
    columns: list[Column]
    rows: list[Row]


def _done(flag: bool) -> ItemStatus:
    code = "done" if flag else "missing"
    return ItemStatus(code, STATUS_LABELS[code])


def _columns(deliverables) -> list[Column]:
    return [
        Column("mou", _("MoU signed")),
        Column("council", _("Dewan Smart City")),
        Column("team", _("Tim Pelaksana")),
        # What other apps already know (an approved masterplan): shown, never asked for.
        *(Column(entry.key, entry.label) for entry in milestone_facts),
        *(Column(f"deliverable-{d.pk}", d.title, d.due_on, d.pk) for d in deliverables),
    ]


def _cells(cohort: Cohort, memberships, deliverables, now) -> dict[str, list[ItemStatus]]:
    """{region_id: a status per column} for these memberships, in a fixed number of queries."""
    members = [m.region_id for m in memberships]
    latest = latest_submissions(cohort, members)
    signed = set(
        cohort.mous.filter(status=Mou.Status.SIGNED, region_id__in=members).values_list(
            "region_id", flat=True
        )
    )
    formed = {
        (i.region_id, i.kind)
        for i in cohort.institutions.filter(region_id__in=members).exclude(decree_number="")
        if i.decree_date
    }
    known = known_milestones(members)
    # Deadlines differ only by time zone: three per deliverable at most, not one per region.
    deadlines = {}
    for region in {m.region.province.timezone: m.region for m in memberships}.values():
        zone = region.province.timezone
        # In UTC: comparing datetimes in one fixed zone is far cheaper than across zones.
        deadlines.update(
            {(d.pk, zone): d.deadline_for(region).astimezone(datetime.UTC) for d in deliverables}
        )
    cells = {}
    for membership in memberships:
        region = membership.region
        zone = region.province.timezone
        cells[region.pk] = [
            _done(region.pk in signed),
            _done((region.pk, Institution.Kind.COUNCIL) in formed),
            _done((region.pk, Institution.Kind.TEAM) in formed),
            *(_done(region.pk in facts) for facts in known.values()),
            *(
                item_status(d, region, latest.get((d.pk, region.pk)), now, deadlines[(d.pk, zone)])
                for d in deliverables
            ),
        ]
    return cells


def build_board(cohort: Cohort, *, day=None, now=None, region_ids=None, only=None) -> Board:
    """Every member on ``day`` (default today) with the status of each milestone.

    ``only`` keeps the rows that have at least one cell with that status code.
    """
    now = now or timezone.now()
    day = day or timezone.localdate(now)
    memberships = cohort.members_on(day).select_related("region__province")
    if region_ids is not None:
        memberships = memberships.filter(region_id__in=region_ids)
    memberships = list(memberships.order_by("region__name"))
    deliverables = list(cohort.deliverables.all())
    cells = _cells(cohort, memberships, deliverables, now)
    rows = [Row(m, cells[m.region_id]) for m in memberships]
    if only is not None:
        rows = [row for row in rows if row.has(only)]
    return Board(cohort, day, _columns(deliverables), rows)


def region_deliverables(cohort: Cohort, region, now=None) -> list[tuple[object, ItemStatus]]:
    """Each deliverable of the cohort with this region's status, in two queries: the
    deliverable columns of the region's row on the board, without the rest of the board."""
    now = now or timezone.now()
    latest = latest_submissions(cohort, [region.pk])
    return [
        (d, item_status(d, region, latest.get((d.pk, region.pk)), now))
        for d in cohort.deliverables.order_by("due_on", "id")  # no join to sort by the cohort
    ]


def member_statuses(
    cohort: Cohort, memberships, now=None
) -> dict[str, list[tuple[str, ItemStatus]]]:
    """{region_id: [(milestone key, status)]} for any memberships, current or ended."""
    now = now or timezone.now()
    deliverables = list(cohort.deliverables.all())
    columns = _columns(deliverables)
    cells = _cells(cohort, memberships, deliverables, now)
    return {
        region_id: [(c.key, cell) for c, cell in zip(columns, row, strict=True)]
        for region_id, row in cells.items()
    }

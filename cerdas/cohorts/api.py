"""Read-only API: cohorts, their memberships over time and their milestones."""

import datetime

from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from .board import member_statuses
from .models import Cohort, Membership

router = Router(tags=["cohorts"])


class CohortOut(Schema):
    id: int
    year: int
    name: str
    member_count: int  # members today
    target_count: int
    is_demo: bool


class MemberMilestoneOut(Schema):
    key: str  # mou, council, team, or deliverable-<id> as in the cohort's milestones
    status: str  # done, missing, accepted, awaiting_review, returned, overdue, due_soon, pending
    late: bool  # the latest version was handed in after the region's deadline


class MemberOut(Schema):
    region_code: str
    region_name: str
    status: str  # active, withdrawn or replaced
    joined: datetime.date
    left: datetime.date | None
    dates_approximate: bool
    reason: str
    source: str
    replaces: str | None  # region code of the member this one replaced
    is_demo: bool
    milestones: list[MemberMilestoneOut]


class MilestoneOut(Schema):
    key: str
    label: str
    start: datetime.date
    end: datetime.date | None
    kind: str  # calendar, bimtek or deliverable


class CohortDetailOut(CohortOut):
    members: list[MemberOut]
    milestones: list[MilestoneOut]


def _member(m: Membership, statuses) -> dict:
    return {
        "region_code": m.region_id,
        "region_name": m.region.name,
        "status": Membership.Status.ACTIVE if m.left_on is None else m.status,
        "joined": m.joined_on,
        "left": m.left_on,
        "dates_approximate": m.dates_approximate,
        "reason": m.reason if m.left_on is None else m.left_reason or m.reason,
        "source": m.source if m.left_on is None else m.left_source or m.source,
        "replaces": m.replaces.region_id if m.replaces_id else None,
        "is_demo": m.is_demo,
        "milestones": [
            {"key": key, "status": cell.code, "late": cell.is_late}
            for key, cell in statuses.get(m.region_id, [])
        ],
    }


_CALENDAR_KEYS = ("assessment", "mou", "masterplan_deadline", "seminar", "award_night")


def _milestones(cohort: Cohort) -> list[dict]:
    rows = []
    for key, (label, start, end) in zip(_CALENDAR_KEYS, _all_calendar(cohort), strict=True):
        if start:
            rows.append(
                {"key": key, "label": str(label), "start": start, "end": end, "kind": "calendar"}
            )
    for s in cohort.sessions.all():
        rows.append(
            {
                "key": f"bimtek-{s.stage}",
                "label": s.get_stage_display(),
                "start": s.starts_on,
                "end": s.ends_on,
                "kind": "bimtek",
            }
        )
    for d in cohort.deliverables.all():
        rows.append(
            {
                "key": f"deliverable-{d.pk}",
                "label": d.title,
                "start": d.due_on,
                "end": None,
                "kind": "deliverable",
            }
        )
    return sorted(rows, key=lambda row: row["start"])


def _all_calendar(cohort: Cohort):
    from django.utils.translation import gettext_lazy as _

    return [
        (_("Assessment"), cohort.assessment_start, cohort.assessment_end),
        (_("Launch and MoU signing"), cohort.mou_start, cohort.mou_end),
        (_("Masterplan deadline"), cohort.masterplan_deadline, None),
        (_("Seminar"), cohort.seminar_date, None),
        (_("Award night"), cohort.award_night_date, None),
    ]


@router.get("", response=list[CohortOut])
def list_cohorts(request):
    """Every cohort, newest first, with its number of members today."""
    return list(Cohort.objects.with_member_count().order_by("-year"))


@router.get("/{cohort_id}", response=CohortDetailOut)
def get_cohort(request, cohort_id: int):
    """One cohort with every membership (history included) and its milestones."""
    cohort = get_object_or_404(Cohort.objects.with_member_count(), pk=cohort_id)
    memberships = list(
        cohort.memberships.select_related("region__province", "replaces").order_by(
            "region__name", "joined_on"
        )
    )
    statuses = member_statuses(cohort, memberships)
    return {
        "id": cohort.pk,
        "year": cohort.year,
        "name": cohort.name,
        "member_count": cohort.member_count,
        "target_count": cohort.target_count,
        "is_demo": cohort.is_demo,
        "members": [_member(m, statuses) for m in memberships],
        "milestones": _milestones(cohort),
    }

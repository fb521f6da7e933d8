"""The complaints app's open API: a region's public figures and public reports (read only).

Open311 GeoReport v2 (``/open311/v2/``) is the standard way to read and post reports; this
API adds the figures. Nothing here identifies a reporter, and confidential reports are never
listed.
"""

from datetime import datetime

from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from cerdas.complaints.engine import flow
from cerdas.complaints.models import Report
from cerdas.complaints.stats import region_figures
from cerdas.regions.models import Region

router = Router(tags=["complaints"])

MAX_LIMIT = 100


class FiguresOut(Schema):
    region: str  # Kemendagri code
    reports: int
    open: int
    closed: int
    verified_on_time_percent: float | None
    answered_on_time_percent: float | None
    median_working_days_to_verify: float | None
    median_working_days_to_answer: float | None
    ratings: int
    satisfied_percent: float | None


class ReportOut(Schema):
    tracking_number: str
    url: str  # the public page
    status: str  # open or closed
    status_detail: str  # the step in Cerdas (submitted, dispatched, …)
    kind: str
    category: str | None
    agency: str | None
    submitted_at: datetime
    answer_expected_by: datetime | None
    description: str | None  # null until the region has checked the text


@router.get("/regions/{code}/figures", response=FiguresOut)
def figures(request, code: str):
    """A region's figures: volume, shares on time, median working days, satisfaction."""
    region = get_object_or_404(Region.objects.select_related("province"), code=code)
    total, _by_agency = region_figures(region)
    row = total.row()
    return {
        "region": region.code,
        **{key: row[key] for key in FiguresOut.model_fields if key != "region"},
    }


@router.get("/regions/{code}/reports", response=list[ReportOut])
def reports(request, code: str, status: str = "", limit: int = 50, offset: int = 0):
    """A region's public reports, newest first (``status``: open or closed)."""
    region = get_object_or_404(Region, code=code)
    found = Report.objects.public().filter(region=region).select_related("category", "agency")
    if status == "open":
        found = found.filter(status__in=list(flow.OPEN))
    elif status == "closed":
        found = found.filter(status__in=list(flow.FINAL))
    limit = max(1, min(limit, MAX_LIMIT))
    offset = max(0, offset)
    return [
        {
            "tracking_number": r.tracking_number,
            "url": r.get_absolute_url(),
            "status": flow.open311_status(r.status),
            "status_detail": r.status,
            "kind": r.kind,
            "category": r.category.name if r.category_id else None,
            "agency": r.agency.name if r.agency_id else None,
            "submitted_at": r.submitted_at,
            "answer_expected_by": r.answer_due_at,
            "description": r.public_description if r.text_public else None,
        }
        for r in found[offset : offset + limit]
    ]

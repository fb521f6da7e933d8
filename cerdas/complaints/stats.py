"""The figures of a region's complaint service, per region and per agency (OPD).

Counted alike on the officials' report page, in its CSV/XLSX export, on the region's profile
and in the open data: volume, the share of steps done within their deadline, the median
working days each step took, and the reporters' satisfaction with the answers. Counts only:
no text a person wrote, no personal data.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import timezone

from cerdas.complaints.engine import figures, flow
from cerdas.complaints.models import Report
from cerdas.core.calendar import working_calendar

FIELDS = (
    "pk",
    "region_id",
    "agency_id",
    "status",
    "submitted_at",
    "verify_due_at",
    "verified_at",
    "dispatched_at",
    "followup_due_at",
    "followed_up_at",
    "closed_at",
    "rating",
)


@dataclass
class Figures:
    """The figures of one group of reports (a region, or one agency of it)."""

    reports: int = 0
    open: int = 0
    closed: int = 0
    verified_on_time: list = field(default_factory=list)
    answered_on_time: list = field(default_factory=list)
    days_to_verify: list = field(default_factory=list)
    days_to_answer: list = field(default_factory=list)
    days_to_close: list = field(default_factory=list)
    ratings: list = field(default_factory=list)

    @property
    def verified_on_time_percent(self):
        return figures.share_on_time(self.verified_on_time)

    @property
    def answered_on_time_percent(self):
        return figures.share_on_time(self.answered_on_time)

    @property
    def median_days_to_verify(self):
        return figures.median(self.days_to_verify)

    @property
    def median_days_to_answer(self):
        return figures.median(self.days_to_answer)

    @property
    def median_days_to_close(self):
        return figures.median(self.days_to_close)

    @property
    def satisfied_percent(self):
        return figures.satisfaction(self.ratings)

    def rating_counts(self) -> dict[str, int]:
        return {rating: self.ratings.count(rating) for rating in figures.RATINGS}

    def row(self) -> dict:
        """The figures as one row of a table (CSV, XLSX, open data)."""
        return {
            "reports": self.reports,
            "open": self.open,
            "closed": self.closed,
            "verified_on_time_percent": self.verified_on_time_percent,
            "answered_on_time_percent": self.answered_on_time_percent,
            "answered_on_time_count": sum(self.answered_on_time),
            "answers_due": len(self.answered_on_time),
            "median_working_days_to_verify": self.median_days_to_verify,
            "median_working_days_to_answer": self.median_days_to_answer,
            "median_working_days_to_close": self.median_days_to_close,
            "ratings": len(self.ratings),
            "satisfied_percent": self.satisfied_percent,
            **{f"rating_{rating}": count for rating, count in self.rating_counts().items()},
        }


def _local_date(value, tz):
    return timezone.localtime(value, tz).date()


def _add(group: Figures, row: dict, tz, calendar, now) -> None:
    group.reports += 1
    if row["status"] in flow.FINAL:
        group.closed += 1
    else:
        group.open += 1
    if row["verified_at"]:
        group.verified_on_time.append(
            row["verify_due_at"] is None or row["verified_at"] < row["verify_due_at"]
        )
        group.days_to_verify.append(
            calendar.working_days_between(
                _local_date(row["submitted_at"], tz), _local_date(row["verified_at"], tz)
            )
        )
    due = row["followup_due_at"]
    if row["followed_up_at"]:
        group.answered_on_time.append(due is None or row["followed_up_at"] < due)
        if row["dispatched_at"]:
            group.days_to_answer.append(
                calendar.working_days_between(
                    _local_date(row["dispatched_at"], tz), _local_date(row["followed_up_at"], tz)
                )
            )
    elif due is not None and due <= now and row["status"] in flow.WITH_AGENCY:
        group.answered_on_time.append(False)  # still unanswered and already late
    if row["followed_up_at"] and row["closed_at"] and row["status"] == flow.CLOSED:
        group.days_to_close.append(
            calendar.working_days_between(
                _local_date(row["followed_up_at"], tz), _local_date(row["closed_at"], tz)
            )
        )
    if row["rating"]:
        group.ratings.append(row["rating"])


def figures_for(reports, tz, now=None) -> tuple[Figures, dict[int | None, Figures]]:
    """The figures of these reports as a whole and per agency id, counted in zone ``tz``."""
    now = now or timezone.now()
    rows = list(reports.values(*FIELDS))
    years = {r["submitted_at"].year for r in rows} | {now.year}
    calendar = working_calendar(range(min(years) - 1, max(years) + 2))
    total = Figures()
    by_agency: dict[int | None, Figures] = defaultdict(Figures)
    for row in rows:
        _add(total, row, tz, calendar, now)
        if row["agency_id"]:
            _add(by_agency[row["agency_id"]], row, tz, calendar, now)
    return total, dict(by_agency)


def region_figures(region, start=None, end=None, now=None) -> tuple[Figures, dict]:
    """A region's figures over reports submitted from ``start`` up to ``end`` (aware)."""
    reports = Report.objects.filter(region=region)
    if start is not None:
        reports = reports.filter(submitted_at__gte=start)
    if end is not None:
        reports = reports.filter(submitted_at__lt=end)
    return figures_for(reports, region.tzinfo, now)


def profile_summary(region) -> dict | None:
    """The line on a region's profile: reports and share answered on time; None if none."""
    rows = Report.objects.filter(region=region)
    if not rows.exists():
        return None
    total, _by_agency = figures_for(rows, region.tzinfo)
    return {"figures": total}

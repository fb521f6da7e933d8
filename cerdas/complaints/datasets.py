"""Complaint statistics as open datasets: counts, and how often deadlines were met.

Counts and shares only (the figures of ``cerdas.complaints.stats``, and the counts below):
never a reporter, the text of a report, its place or its tracking number. Every report
counts, confidential ones too: a count reveals nothing of them.
"""

from django.db.models import Count, Max, Min
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cerdas.complaints.models import COMPLAINTS, Report
from cerdas.complaints.stats import figures_for
from cerdas.core.registries import REGION, Column, Dataset, datasets
from cerdas.regions.models import Agency, Region

REGION_COLUMNS = (
    Column("region_code", "string", _("Kemendagri code of the kabupaten/kota")),
    Column("region_name", "string", _("Name of the kabupaten/kota")),
)

COUNT_FIELDS = (
    *REGION_COLUMNS,
    Column("month", "string", _("Month submitted (YYYY-MM, the region's time)")),
    Column("category", "string", _("Category")),
    Column("agency", "string", _("Agency (OPD) handling it")),
    Column("kind", "string", _("Kind: complaint, aspiration or information")),
    Column("status", "string", _("Status now")),
    Column("reports", "integer", _("Reports")),
)

FIGURES = (
    ("reports", "integer", _("Reports received")),
    ("open", "integer", _("Still open")),
    ("closed", "integer", _("Ended")),
    ("verified_on_time_percent", "number", _("Verified within 3 working days (%)")),
    ("answered_on_time_percent", "number", _("Followed up within the deadline (%)")),
    ("answered_on_time_count", "integer", _("Followed up within the deadline")),
    ("answers_due", "integer", _("Follow-ups due")),
    ("median_working_days_to_verify", "number", _("Median working days to verify")),
    ("median_working_days_to_answer", "number", _("Median working days to follow up")),
    ("median_working_days_to_close", "number", _("Median working days to close")),
    ("ratings", "integer", _("Answers rated by reporters")),
    ("satisfied_percent", "number", _("Rated very satisfied or satisfied (%)")),
    ("rating_sangat_puas", "integer", _("Rated very satisfied")),
    ("rating_puas", "integer", _("Rated satisfied")),
    ("rating_cukup_puas", "integer", _("Rated fairly satisfied")),
    ("rating_tidak_puas", "integer", _("Rated not satisfied")),
)

DEADLINE_FIELDS = (
    *REGION_COLUMNS,
    Column("agency", "string", _("Agency (OPD); empty: the whole region")),
    *(Column(name, kind, title) for name, kind, title in FIGURES),
)


def _regions(region_ids):
    regions = Region.objects.filter(
        pk__in=Report.objects.values("region_id").distinct()
    ).select_related("province")
    if region_ids is not None:
        regions = regions.filter(pk__in=region_ids)
    return regions.order_by("code")


def count_rows(region_ids=None):
    for region in _regions(region_ids):
        groups = (
            Report.objects.filter(region=region)
            .annotate(month=TruncMonth("submitted_at", tzinfo=region.tzinfo))
            .values("month", "category__name", "agency__name", "kind", "status")
            .annotate(reports=Count("pk"))
            .order_by("month", "category__name", "agency__name", "kind", "status")
        )
        for group in groups.iterator():
            yield (
                region.code,
                region.name,
                group["month"].strftime("%Y-%m"),
                group["category__name"] or "",
                group["agency__name"] or "",
                group["kind"],
                group["status"],
                group["reports"],
            )


def deadline_rows(region_ids=None):
    """The region's figures (agency empty), then each agency's, for each region asked for."""
    names = [name for name, _kind, _title in FIGURES]
    for region in _regions(region_ids):
        total, by_agency = figures_for(Report.objects.filter(region=region), region.tzinfo)
        yield (region.code, region.name, "", *(total.row()[name] for name in names))
        agencies = dict(Agency.objects.filter(pk__in=by_agency).values_list("pk", "name"))
        for agency_id, figures in sorted(by_agency.items(), key=lambda i: agencies.get(i[0], "")):
            row = figures.row()
            yield (
                region.code,
                region.name,
                agencies.get(agency_id, ""),
                *(row[name] for name in names),
            )


def regions():
    return set(Report.objects.values_list("region_id", flat=True).distinct())


def modified(region_ids=None):
    """The last change to a report, or the start of today: a report left unanswered past
    its deadline turns late as days pass, with no write at all."""
    reports = Report.objects.all()
    if region_ids is not None:
        reports = reports.filter(region_id__in=region_ids)
    last = reports.aggregate(last=Max("updated_at"))["last"]
    if last is None:
        return None
    today = timezone.now().replace(hour=0, minute=0, second=0, microsecond=0)
    return max(last, today)


def temporal(region_ids=None):
    reports = Report.objects.all()
    if region_ids is not None:
        reports = reports.filter(region_id__in=region_ids)
    span = reports.aggregate(first=Min("submitted_at"), last=Max("submitted_at"))
    if span["first"] is None:
        return None
    return span["first"].date(), span["last"].date()


def register() -> None:
    common = {
        "modified": modified,
        "regions": regions,
        "temporal": temporal,
        "scope": REGION,
        "frequency": "daily",
        "kinds": (COMPLAINTS,),
    }
    datasets.register(
        Dataset(
            "complaint-counts",
            _("Citizen complaints: counts"),
            _(
                "How many reports citizens filed each month, per category, agency (OPD), "
                "kind and current status. Counts only: no reporter, no text of a report."
            ),
            fields=COUNT_FIELDS,
            rows=count_rows,
            order=70,
            **common,
        )
    )
    datasets.register(
        Dataset(
            "complaint-deadlines",
            _("Citizen complaints: deadlines met"),
            _(
                "For each region and each of its agencies (OPD): reports received, open and "
                "ended, the share verified and followed up within the working-day "
                "deadlines, median working days per step, and reporters' ratings."
            ),
            fields=DEADLINE_FIELDS,
            rows=deadline_rows,
            order=71,
            **common,
        )
    )

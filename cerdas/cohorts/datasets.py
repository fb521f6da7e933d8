"""The cohorts as open datasets: who was in each year's cohort, its calendar, its awards.

What a cohort's public page shows (``/angkatan/<year>/``), and the day each member signed its
MoU (a public ceremony): nothing of the boards, bimtek attendance, reviews or jurors' scores,
no person (the signatories, who accepted an award).
"""

import datetime

from django.db.models import Max, Min
from django.utils.translation import gettext_lazy as _

from cerdas.cohorts.models import AwardRecord, Cohort, Membership, Mou
from cerdas.core.models import AuditEntry
from cerdas.core.registries import NATIONAL, REGION, Column, Dataset, datasets

KINDS = ("cohorts",)

MEMBERSHIP_FIELDS = (
    Column("cohort_year", "integer", _("Cohort year")),
    Column("cohort_name", "string", _("Cohort")),
    Column("region_code", "string", _("Kemendagri code of the kabupaten/kota")),
    Column("region_name", "string", _("Name of the kabupaten/kota")),
    Column("joined_on", "date", _("Joined the cohort on")),
    Column("left_on", "date", _("Left the cohort on (empty: still a member)")),
    Column("status", "string", _("Membership: active, withdrawn or replaced")),
    Column("dates_approximate", "boolean", _("Dates known only approximately")),
    Column("replaces_region_code", "string", _("Region this member replaced")),
    Column("mou_signed_on", "date", _("MoU signed on")),
    Column("is_demo", "boolean", _("Demo content")),
)

MILESTONE_FIELDS = (
    Column("cohort_year", "integer", _("Cohort year")),
    Column("cohort_name", "string", _("Cohort")),
    Column("milestone", "string", _("Milestone")),
    Column("starts_on", "date", _("Starts on")),
    Column("ends_on", "date", _("Ends on")),
    Column("place", "string", _("Place")),
    Column("is_demo", "boolean", _("Demo content")),
)

AWARD_FIELDS = (
    Column("cohort_year", "integer", _("Cohort year")),
    Column("region_code", "string", _("Kemendagri code of the kabupaten/kota")),
    Column("region_name", "string", _("Name of the kabupaten/kota")),
    Column("award_night", "date", _("Award night")),
    Column("category", "string", _("Award category (empty: not recorded)")),
    Column("source", "string", _("Source of the record")),
    Column("source_url", "string", _("Address of the source")),
)


def _day(value):
    return value.isoformat() if value else None


def membership_rows(region_ids=None):
    memberships = Membership.objects.select_related("cohort", "region", "replaces").order_by(
        "cohort__year", "region_id", "joined_on"
    )
    if region_ids is not None:
        memberships = memberships.filter(region_id__in=region_ids)
    signed = {
        (cohort_id, region_id): day
        for cohort_id, region_id, day in Mou.objects.filter(status=Mou.Status.SIGNED)
        .exclude(signed_on=None)
        .values_list("cohort_id", "region_id", "signed_on")
    }
    for membership in memberships.iterator(chunk_size=1000):
        yield (
            membership.cohort.year,
            membership.cohort.name,
            membership.region_id,
            membership.region.name,
            _day(membership.joined_on),
            _day(membership.left_on),
            membership.status,
            membership.dates_approximate,
            membership.replaces.region_id if membership.replaces_id else "",
            _day(signed.get((membership.cohort_id, membership.region_id))),
            membership.is_demo,
        )


def membership_regions():
    return set(Membership.objects.values_list("region_id", flat=True).distinct())


def milestone_rows(region_ids=None):
    places = {"mou": "mou_place", "seminar": "seminar_place", "award_night": "award_night_place"}
    for cohort in Cohort.objects.order_by("year").iterator():
        calendar = (
            ("assessment", cohort.assessment_start, cohort.assessment_end),
            ("mou", cohort.mou_start, cohort.mou_end),
            ("masterplan_deadline", cohort.masterplan_deadline, None),
            ("seminar", cohort.seminar_date, None),
            ("award_night", cohort.award_night_date, None),
        )
        for key, start, end in calendar:
            if start:
                place = getattr(cohort, places[key]) if key in places else ""
                yield (cohort.year, cohort.name, key, _day(start), _day(end), place, cohort.is_demo)


def award_rows(region_ids=None):
    records = AwardRecord.objects.select_related("cohort", "region").order_by(
        "cohort__year", "region_id", "category"
    )
    if region_ids is not None:
        records = records.filter(region_id__in=region_ids)
    for record in records.iterator(chunk_size=1000):
        yield (
            record.cohort.year,
            record.region_id,
            record.region.name,
            _day(record.cohort.award_night_date),
            record.category,
            record.source,
            record.source_url,
        )


def award_regions():
    return set(AwardRecord.objects.values_list("region_id", flat=True).distinct())


def modified(region_ids=None):
    """The last change the audit log holds for a cohort (every cohort write is audited)."""
    entries = AuditEntry.objects.filter(action__startswith="cohort.")
    if region_ids is not None:
        entries = entries.filter(region_code__in=[*region_ids, ""])
    return entries.aggregate(last=Max("created_at"))["last"]


def temporal(region_ids=None):
    years = Cohort.objects.aggregate(first=Min("year"), last=Max("year"))
    if years["first"] is None:
        return None
    return datetime.date(years["first"], 1, 1), datetime.date(years["last"], 12, 31)


def register() -> None:
    datasets.register(
        Dataset(
            "cohort-memberships",
            _("Cohort members"),
            _(
                "The kabupaten/kota in each year's cohort of Gerakan Menuju 100 Smart City: "
                "when each joined and left, whom it replaced, and when it signed its MoU."
            ),
            fields=MEMBERSHIP_FIELDS,
            rows=membership_rows,
            modified=modified,
            regions=membership_regions,
            temporal=temporal,
            scope=REGION,
            frequency="irregular",
            kinds=KINDS,
            order=30,
        )
    )
    datasets.register(
        Dataset(
            "cohort-milestones",
            _("Cohort calendars"),
            _(
                "The milestones of each year's cohort: assessment, launch and MoU signing, "
                "masterplan deadline, seminar and award night, with their dates and places."
            ),
            fields=MILESTONE_FIELDS,
            rows=milestone_rows,
            modified=modified,
            temporal=temporal,
            scope=NATIONAL,
            frequency="irregular",
            kinds=KINDS,
            order=31,
        )
    )
    datasets.register(
        Dataset(
            "cohort-awards",
            _("Awards recorded at the award nights"),
            _(
                "The awards the public record shows each region received at a cohort's "
                "award night, each with its source."
            ),
            fields=AWARD_FIELDS,
            rows=award_rows,
            modified=modified,
            regions=award_regions,
            temporal=temporal,
            scope=REGION,
            frequency="annual",
            kinds=KINDS,
            order=32,
        )
    )

"""Changes to implementation records: each one a transaction, taking ids and plain values."""

import uuid
from dataclasses import dataclass, field, replace
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from cerdas.core.registries import PROFILE
from cerdas.core.signals import content_changed
from cerdas.lib.plain_text import to_plain_text

from . import permissions
from .figures import approved_plan, item_for
from .models import (
    MAX_PERIOD_MONTHS,
    MAX_SPENDING,
    MEASURE_DIGITS,
    MEASURE_PLACES,
    Evidence,
    Measurement,
    Record,
    ReportingPeriod,
    Spending,
    Status,
    Update,
)

CACHE_KIND = "implementation"


class UpdateError(Exception):
    """An update the rules refuse; the message says what to change."""


@dataclass
class EvidenceFile:
    upload: object  # a checked uploaded file
    content_type: str
    caption: str = ""
    is_public: bool = True


@dataclass
class Report:
    """What the team reports about a program today."""

    status: str
    progress: int
    reason: str = ""
    note: str = ""
    # {(year, source): realised Rupiah}; a pair left out has nothing realised yet.
    spending: dict = field(default_factory=dict)
    # {indicator name: value}; an indicator left out has no value reported.
    values: dict = field(default_factory=dict)
    evidence: list[EvidenceFile] = field(default_factory=list)


def _check(report: Report, item) -> None:
    if report.status not in Status.values:
        raise UpdateError(_("Choose one of the statuses."))
    if not 0 <= report.progress <= 100:
        raise UpdateError(_("Progress is a percentage from 0 to 100."))
    if report.status == Status.DROPPED and not to_plain_text(report.reason).strip():
        raise UpdateError(_("Say why the program is dropped."))
    if report.status == Status.NOT_STARTED and report.progress:
        raise UpdateError(_("A program that has not started is at 0%: choose “In progress”."))
    planned = {(row.year, row.source) for row in item.budget_rows}
    for pair, amount in report.spending.items():
        if pair not in planned:
            raise UpdateError(_("Spending can only be reported against the plan's budget lines."))
        if not 0 <= amount <= MAX_SPENDING:
            raise UpdateError(_("A realised amount is between Rp 0 and Rp 10.000.000.000.000."))
    known = {row.name for row in item.indicators}
    if set(report.values) - known:
        raise UpdateError(_("Values can only be reported for the program's indicators."))
    largest = Decimal(10) ** (MEASURE_DIGITS - MEASURE_PLACES)
    for value in report.values.values():
        if not Decimal(value).is_finite() or abs(Decimal(value)) >= largest:
            raise UpdateError(_("An indicator value is too large: check the number."))


@transaction.atomic
def record_update(
    region_id: str, program_key: uuid.UUID, report: Report, user, *, is_demo: bool = False
) -> Update:
    """Keep a dated update of one program of the region's approved plan; audited.

    A finished program is at 100%: ``done`` sets the progress to 100.
    """
    plan = approved_plan(region_id)
    item = item_for(plan, program_key) if plan else None
    if item is None:
        raise UpdateError(_("This program is not part of the region's approved masterplan."))
    if user is not None and not permissions.can_update(user, region_id, item.program):
        raise PermissionDenied
    if report.status == Status.DONE:
        report = replace(report, progress=100)
    _check(report, item)
    record, _created = Record.objects.select_for_update().get_or_create(
        region_id=region_id,
        program_key=program_key,
        defaults={"name": item.program.name, "is_demo": is_demo},
    )
    before = {
        "status": record.status,
        "progress": record.progress,
        "realised": record.realised_total,
    }
    realised = sum(report.spending.values())
    update = Update.objects.create(
        record=record,
        author=user,
        status=report.status,
        progress=report.progress,
        reason=to_plain_text(report.reason) if report.status == Status.DROPPED else "",
        note=to_plain_text(report.note),
        realised_total=realised,
    )
    Spending.objects.bulk_create(
        Spending(update=update, year=year, source=source, amount=amount)
        for (year, source), amount in sorted(report.spending.items())
    )
    targets = {row.name: row for row in item.indicators}
    Measurement.objects.bulk_create(
        Measurement(
            update=update,
            indicator=name,
            unit=targets[name].unit,
            value=Decimal(value),
            target=targets[name].target,
        )
        for name, value in report.values.items()
    )
    for evidence in report.evidence:
        Evidence.objects.create(
            update=update,
            file=evidence.upload,
            caption=to_plain_text(evidence.caption, 250),
            content_type=evidence.content_type,
            is_public=evidence.is_public,
        )
    record.name = item.program.name
    record.status, record.progress = update.status, update.progress
    record.realised_total, record.last_update_at = realised, update.created_at
    record.save()
    record.log_action(
        "implementation.updated",
        user=user,
        reason=update.reason,
        changes={
            "update": update.pk,
            "status": [before["status"], update.status],
            "progress": [before["progress"], update.progress],
            "realised": [before["realised"], realised],
            "evidence": len(report.evidence),
        },
    )
    content_changed("implementation", CACHE_KIND, PROFILE)
    return update


@transaction.atomic
def set_reporting_period(region_id: str, months: int, user) -> ReportingPeriod:
    """How often the region's programs are due an update; audited."""
    if not permissions.can_set_period(user, region_id):
        raise PermissionDenied
    if not 1 <= months <= MAX_PERIOD_MONTHS:
        raise UpdateError(_("The reporting period is from 1 to 24 months."))
    period, _created = ReportingPeriod.objects.select_for_update().get_or_create(
        region_id=region_id
    )
    before = None if _created else period.months
    period.months = months
    period.save()
    period.log_action("implementation.period_set", user=user, changes={"months": [before, months]})
    content_changed("implementation", CACHE_KIND, PROFILE)  # when programs fall due changes
    return period


@transaction.atomic
def hide_evidence(evidence_id: int, user) -> Evidence:
    """Take a piece of evidence off the public timeline (it stays for the team); audited."""
    evidence = (
        Evidence.objects.select_for_update().select_related("update__record").get(pk=evidence_id)
    )
    record = evidence.update.record
    plan = approved_plan(record.region_id)
    item = item_for(plan, record.program_key) if plan else None
    program_ok = item is not None and permissions.can_update(user, record.region_id, item.program)
    if not (program_ok or permissions.can_set_period(user, record.region_id)):
        raise PermissionDenied
    if evidence.is_public:
        evidence.is_public = False
        evidence.save(update_fields=["is_public"])
        record.log_action(
            "implementation.evidence_hidden",
            user=user,
            changes={"evidence": evidence.pk, "file": evidence.file.name},
        )
        content_changed("implementation", CACHE_KIND, PROFILE)
    return evidence

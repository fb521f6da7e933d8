"""Cohort operations that touch several objects, each in one transaction."""

import datetime

from django.db import transaction
from django.utils import timezone

from cerdas.regions.models import Region

from .models import AwardRecord, Cohort, Membership


def get_or_create_cohort(*, year: int, name: str, user=None, is_demo: bool = False) -> Cohort:
    cohort, created = Cohort.objects.get_or_create(
        year=year, defaults={"name": name, "created_by": user, "is_demo": is_demo}
    )
    if created:
        cohort.log_action("cohort.created", user=user, changes={"year": year, "name": name})
    return cohort


def _regions_by_code(region_codes) -> dict[str, Region]:
    codes = list(dict.fromkeys(region_codes))
    found = Region.objects.in_bulk(codes)
    unknown = [code for code in codes if code not in found]
    if unknown:
        raise ValueError(f"Unknown region codes: {', '.join(unknown)}")
    return {code: found[code] for code in codes}


@transaction.atomic
def add_members(
    *,
    cohort_id: int,
    region_codes: list[str],
    user,
    reason: str,
    source: str = "",
    joined_on: datetime.date | None = None,
    dates_approximate: bool = False,
    replaces_id: int | None = None,
    is_demo: bool = False,
) -> list[Membership]:
    """Make these regions members from ``joined_on`` (default today); returns the new rows.

    A region that is already a current member is left as it is. A reason is required.
    """
    if not reason.strip():
        raise ValueError("A membership change needs a reason.")
    regions = _regions_by_code(region_codes)
    cohort = Cohort.objects.select_for_update().get(pk=cohort_id)
    current = set(cohort.memberships.current().values_list("region_id", flat=True))
    created = []
    for code, region in regions.items():
        if code in current:
            continue
        membership = Membership.objects.create(
            cohort=cohort,
            region=region,
            joined_on=joined_on or datetime.date.today(),
            reason=reason.strip(),
            source=source.strip(),
            dates_approximate=dates_approximate,
            replaces_id=replaces_id,
            created_by=user if getattr(user, "is_authenticated", False) else None,
            is_demo=is_demo,
        )
        membership.log_action(
            "cohort.member_joined",
            user=user,
            reason=reason,
            changes={"cohort": cohort.year, "joined_on": str(membership.joined_on)},
        )
        created.append(membership)
    return created


@transaction.atomic
def record_selection(
    *, year: int, name: str, region_codes: list[str], user, reason: str, source: str = ""
) -> Cohort:
    """Create the year's cohort if missing and make these regions members from today.

    Idempotent: a region that is, or ever was, a member of the cohort is left as it is (its
    history already says when it joined and left). Audit-logged. Raises ValueError naming
    unknown region codes.
    """
    _regions_by_code(region_codes)  # before creating anything
    cohort = get_or_create_cohort(year=year, name=name, user=user)
    known = set(cohort.memberships.values_list("region_id", flat=True))
    add_members(
        cohort_id=cohort.pk,
        region_codes=[code for code in region_codes if code not in known],
        user=user,
        reason=reason or "Selection finalised",
        source=source,
    )
    return cohort


@transaction.atomic
def end_membership(
    *,
    membership_id: int,
    user,
    left_on: datetime.date,
    reason: str,
    source: str = "",
    status: str = Membership.Status.WITHDRAWN,
    dates_approximate: bool | None = None,
    confirmed: bool = False,
) -> Membership:
    """Record a current member leaving on ``left_on``; the row keeps its joining history.

    A leaving is not undone (the history would lie), so it is confirmed first."""
    if not confirmed:
        raise ValueError("Ending a membership needs its confirmation page.")
    if not reason.strip():
        raise ValueError("A membership change needs a reason.")
    membership = Membership.objects.select_for_update().get(pk=membership_id)
    if membership.left_on is not None:
        raise ValueError("This membership has already ended.")
    if left_on < membership.joined_on:
        raise ValueError("A region cannot leave before it joined.")
    membership.left_on = left_on
    membership.status = status
    membership.left_reason = reason.strip()
    membership.left_source = source.strip()
    if dates_approximate is not None:
        membership.dates_approximate = membership.dates_approximate or dates_approximate
    membership.save()
    membership.log_action(
        "cohort.member_left",
        user=user,
        reason=reason,
        changes={"cohort": membership.cohort.year, "left_on": str(left_on), "status": status},
    )
    return membership


@transaction.atomic
def replace_member(
    *,
    membership_id: int,
    region_code: str,
    user,
    on: datetime.date,
    reason: str,
    source: str = "",
    dates_approximate: bool = False,
    is_demo: bool = False,
    confirmed: bool = False,
) -> Membership:
    """End one member's time and make another region a member from the same day."""
    old = end_membership(
        confirmed=confirmed,
        membership_id=membership_id,
        user=user,
        left_on=on,
        reason=reason,
        source=source,
        status=Membership.Status.REPLACED,
        dates_approximate=dates_approximate,
    )
    created = add_members(
        cohort_id=old.cohort_id,
        region_codes=[region_code],
        user=user,
        reason=reason,
        source=source,
        joined_on=on,
        dates_approximate=dates_approximate,
        replaces_id=old.pk,
        is_demo=is_demo,
    )
    if not created:
        raise ValueError("The replacing region is already a member.")
    return created[0]


def earlier_members(*, year: int) -> set[str]:
    """Regions that were ever members of a cohort before ``year``."""
    return set(Membership.objects.filter(cohort__year__lt=year).values_list("region_id", flat=True))


@transaction.atomic
def save_record(
    form, *related, user, action: str, changes=None, prepare=None, after=None, about=None
):
    """Save a validated form (and its related formsets) as one audited change.

    The cohort's records — MoU, institutions, sessions, deliverables, award categories — are
    edited through model forms; this is the one place they are written. ``prepare(obj)``
    fills what the form does not (the cohort) before saving; each related formset is saved
    against the saved object; ``after(obj)`` does what follows from the change (an MoU's
    obligations, a category's nominees); ``changes`` (a dict or ``changes(obj)``) is what
    the audit log records, by default the names of the fields that changed; ``about(obj)``
    names the audited object the entry belongs to, by default the record itself.
    """
    record = form.save(commit=False)
    if prepare is not None:
        prepare(record)
    record.save()
    form.save_m2m()
    for formset in related:
        formset.instance = record
        formset.save()
    if after is not None:
        after(record)
    logged = changes(record) if callable(changes) else changes
    subject = about(record) if about is not None else record
    subject.log_action(action, user=user, changes={"fields": form.changed_data} | (logged or {}))
    return record


@transaction.atomic
def save_obligations(formset, *, user) -> int:
    """Save the obligations a team ticked off, one audit entry each; returns how many."""
    saved = 0
    for form in formset.forms:
        if not form.has_changed():
            continue
        obligation = form.save()
        obligation.log_action(
            "cohort.obligation_updated",
            user=user,
            changes={
                "obligation": obligation.kind,
                "done_on": str(obligation.done_on or ""),
                "fields": form.changed_data,
            },
        )
        saved += 1
    return saved


@transaction.atomic
def set_jury(*, cohort_id: int, juror_ids: list[int], results_publish_at, user) -> Cohort:
    """The cohort's jurors and the moment its award results go public."""
    cohort = Cohort.objects.select_for_update().get(pk=cohort_id)
    cohort.jurors.set(juror_ids)
    cohort.results_publish_at = results_publish_at
    cohort.save(update_fields=["results_publish_at"])
    cohort.log_action(
        "cohort.jury_changed",
        user=user,
        changes={
            "jurors": sorted(cohort.jurors.values_list("username", flat=True)),
            "results_publish_at": str(results_publish_at or ""),
        },
    )
    return cohort


@transaction.atomic
def publish_results_now(*, cohort_id: int, user, confirmed: bool = False) -> Cohort:
    """Make the cohort's award results public from this moment; confirmed first, since
    results once read cannot be taken back."""
    if not confirmed:
        raise ValueError("Publishing the award results needs its confirmation page.")
    cohort = Cohort.objects.select_for_update().get(pk=cohort_id)
    cohort.results_publish_at = timezone.now()
    cohort.save(update_fields=["results_publish_at"])
    cohort.log_action(
        "cohort.jury_changed",
        user=user,
        changes={"results_publish_at": str(cohort.results_publish_at)},
    )
    return cohort


@transaction.atomic
def record_award(
    *,
    cohort_id: int,
    region_code: str,
    category: str,
    accepted_by: str,
    source: str,
    source_url: str = "",
    user=None,
) -> tuple[AwardRecord, bool]:
    """Record an award the public record shows, once; returns it and whether it is new."""
    if not source.strip():
        raise ValueError("A recorded award needs its source.")
    record, created = AwardRecord.objects.get_or_create(
        cohort_id=cohort_id,
        region_id=region_code,
        category=category.strip(),
        defaults={
            "accepted_by": accepted_by.strip(),
            "source": source.strip(),
            "source_url": source_url.strip(),
        },
    )
    if created:
        record.log_action(
            "cohort.award_recorded",
            user=user,
            reason=source,
            changes={"category": record.category, "accepted_by": record.accepted_by},
        )
    return record, created


@transaction.atomic
def set_calendar(*, cohort_id: int, user=None, reason: str = "", **dates_and_places) -> list[str]:
    """Fill the cohort's calendar fields that are still empty; returns the fields filled.

    A record never overwrites what an official has since entered.
    """
    cohort = Cohort.objects.select_for_update().get(pk=cohort_id)
    filled = [name for name, value in dates_and_places.items() if not getattr(cohort, name)]
    for name in filled:
        setattr(cohort, name, dates_and_places[name])
    if filled:
        cohort.save(update_fields=filled)
        cohort.log_action(
            "cohort.updated",
            user=user,
            reason=reason,
            changes={name: str(dates_and_places[name]) for name in filled},
        )
    return filled

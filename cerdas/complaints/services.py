"""Everything that changes a report, each in one transaction that writes the audit log.

Intake (web form and Open311), the coordinator's steps, the agency's, the reporter's, and the
system's (closing reports whose reply window ended). Every step is checked against the flow
(``engine.flow``) and the actor's part (``permissions.actor_for``); deadlines are counted on
the working-day calendar (``engine.deadlines``) and stored, so queues sort and filter in the
database.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.db import connection, transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cerdas.complaints import notify
from cerdas.complaints.engine import deadlines, flow, tracking
from cerdas.complaints.models import (
    COMPLAINTS,
    ArchiveReason,
    Category,
    ComplaintSettings,
    Event,
    Photo,
    Privacy,
    Report,
    Status,
    TrackingCounter,
)
from cerdas.complaints.permissions import actor_for
from cerdas.core.calendar import calendar_around
from cerdas.core.registries import PROFILE
from cerdas.core.signals import content_changed
from cerdas.regions.models import Agency, Region

Visibility = Event.Visibility
Actor = Event.Actor


class ReportError(ValueError):
    """A step that cannot be taken as asked; the message tells a person what to change."""


class IntakeLimited(Exception):
    """The sender has used up its rate limit (per address, or per Open311 key)."""


MOVED_ON = _("This step cannot be taken now: the report has moved on. Reload the page.")
CATEGORY_CLOSED = _("This category no longer takes new reports; choose another.")
SAME_REGION = _("Choose the region to forward the report to (not this one).")
NO_ARCHIVE_REASON = _("Say whether the report is a duplicate or spam.")
NO_ORIGINAL = _("There is no other report with this tracking number in the region.")
NO_REGION = _("Choose a region from the list.")
BAD_EXTENSION = _("An extension is 1 to %(max)s working days in all.")


@dataclass
class NewReport:
    """What a citizen (or an Open311 client on their behalf) sends."""

    region_code: str
    category_id: int
    kind: str
    privacy: str
    description: str
    address: str = ""
    latitude: object = None
    longitude: object = None
    name: str = ""
    email: str = ""
    phone: str = ""
    media_url: str = ""
    attributes: dict = field(default_factory=dict)
    # (large, thumbnail) JPEGs already checked and re-encoded by core.images.process_upload
    pictures: list = field(default_factory=list)


def _changed() -> None:
    content_changed("complaints", COMPLAINTS, PROFILE)


def _moderation_of(region_ref):
    return ComplaintSettings.objects.filter(region_id=region_ref).values("moderate_first")[:1]


def intake_categories(region):
    """The region's open topics, read as intake needs them: with the region (no query of its
    own) and whether the region checks texts first; ``submit_report(category=...)`` takes one."""
    return region.complaint_categories.active().annotate(
        moderated=Subquery(_moderation_of(OuterRef("region_id")))
    )


def settings_for(region_code: str) -> ComplaintSettings:
    found = ComplaintSettings.objects.filter(region_id=region_code).first()
    return found or ComplaintSettings(region_id=region_code)


def _next_number(region_code: str, local_day) -> str:
    """Allocate the region's next number for the month, atomically in the database.

    ``INSERT … ON CONFLICT … DO UPDATE … RETURNING`` is one statement on SQLite and
    PostgreSQL: two intakes at the same instant get two numbers, never the same one."""
    period = tracking.period_of(local_day)
    table = connection.ops.quote_name(TrackingCounter._meta.db_table)
    statement = (
        f"INSERT INTO {table} (region_id, period, last) VALUES (%s, %s, 1) "  # noqa: S608 - our own table
        f"ON CONFLICT (region_id, period) DO UPDATE SET last = {table}.last + 1 RETURNING last"
    )
    with connection.cursor() as cursor:
        cursor.execute(statement, [region_code, period])
        number = cursor.fetchone()[0]
    return tracking.tracking_number(region_code, local_day, number)


def _event(report, action, actor_role, visibility, *, user=None, label="", text="", when=None):
    return Event.objects.create(
        report=report,
        created_at=when or timezone.now(),
        action=action,
        status=report.status,
        actor_role=actor_role,
        actor=user if user is not None and user.is_authenticated else None,
        actor_label=label,
        text=text,
        visibility=visibility,
    )


def _label_for(user, report) -> str:
    """How an official appears in the timeline: the agency's name, or the coordinator."""
    if actor_for(user, report) == flow.OFFICER and report.agency_id:
        return report.agency.name
    return ""


def _set_clock(report, status: str, now: datetime) -> None:
    """Enter ``status`` at ``now``: the running step's deadline and the expected answer."""
    report.status = status
    tz = report.region.tzinfo
    calendar = calendar_around(timezone.localtime(now, tz).date())
    report.step_started_at = now
    report.due_at = deadlines.due(calendar, status, now, tz, report.handling, report.extension_days)
    expected = deadlines.expected_answer(
        calendar, status, now, tz, report.handling, report.extension_days
    )
    if expected is not None:
        report.answer_due_at = expected
    if status == flow.SUBMITTED:
        report.verify_due_at = report.due_at
    elif status in flow.WITH_AGENCY and report.followed_up_at is None:
        # The first follow-up's deadline is what "answered on time" is measured against.
        report.followup_due_at = report.due_at


# Intake ------------------------------------------------------------------------------------


def submit_report(
    new: NewReport,
    *,
    source: str = "web",
    api_key=None,
    limit=None,
    sender: str = "",
    now=None,
    is_demo=False,
    category=None,
) -> Report:
    """Receive a report: a tracking number, the coordinator's deadline, the first event.

    Everything that only reads (the region, the topic, the settings, the deadlines) and the
    pictures' files are done before the write transaction, which then holds SQLite's write
    lock for a few short statements only: under many concurrent reports the other writers
    wait the least. ``limit`` (a ``cerdas.core.ratelimit.Limit``) counts the ``sender`` in
    the same transaction and raises ``IntakeLimited`` past it, storing nothing. ``category``
    is the topic as ``intake_categories`` read it, when the caller has it already (the form
    and Open311 look it up to check it): it is then not read a second time."""
    now = now or timezone.now()
    if not (
        category is not None
        and category.pk == new.category_id
        and category.region_id == new.region_code
        and hasattr(category, "moderated")
    ):
        # One query: the topic, its region (with the province, for the time zone) and whether
        # the region checks texts before they are public.
        category = (
            Category.objects.select_related("region__province")
            .annotate(moderated=Subquery(_moderation_of(OuterRef("region_id"))))
            .get(pk=new.category_id, region_id=new.region_code)
        )
    if not category.is_active:
        raise ReportError(CATEGORY_CLOSED)
    region = category.region
    local_day = timezone.localtime(now, region.tzinfo).date()
    moderated = category.moderated is not False  # no settings yet: the default, check first
    text = new.description.strip()
    report = Report(
        token_salt=Report.new_salt(),
        region=region,
        category=category,
        kind=new.kind,
        privacy=new.privacy,
        handling=category.handling,
        description=text,
        public_description="" if moderated else text,
        text_public=not moderated,
        address=new.address.strip(),
        latitude=new.latitude,
        longitude=new.longitude,
        reporter_name=new.name.strip(),
        reporter_email=new.email.strip(),
        reporter_phone=new.phone.strip(),
        media_url=new.media_url,
        attributes=new.attributes,
        source=source,
        api_key=api_key,
        submitted_at=now,
        is_demo=is_demo,
    )
    _set_clock(report, flow.SUBMITTED, now)
    pictures = [_store_picture(large, thumbnail) for large, thumbnail in new.pictures]
    # The audit log holds no personal data: who reported it stays in the report alone.
    changes = {"source": source, "kind": report.kind, "privacy": report.privacy}
    changes["category"] = category.code
    if api_key is not None:
        changes["api_key"] = api_key.name
    with transaction.atomic():
        if limit is not None and not limit.hit(sender):
            raise IntakeLimited
        if api_key is not None:
            type(api_key).objects.filter(pk=api_key.pk).update(last_used_at=now)
        report.tracking_number = _next_number(region.pk, local_day)
        report.save()
        for picture in pictures:
            picture.report = report
            picture.save()
        _event(report, "submitted", Actor.REPORTER, Visibility.PUBLIC, when=now)
        report.log_action("report.submitted", changes=changes)
        notify.reporter(report, "submitted")
        _changed()
    return report


def _store_picture(large, thumbnail) -> Photo:
    """Write a picture's files (random names) and return its unsaved row."""
    width, height = getattr(large, "size_px", (0, 0))
    photo = Photo(width=width, height=height)
    photo.image.save("p.jpg", large, save=False)
    photo.thumbnail.save("t.jpg", thumbnail, save=False)
    return photo


def _attach(report, large, thumbnail) -> Photo:
    photo = _store_picture(large, thumbnail)
    photo.report = report
    photo.save()
    return photo


# The coordinator and the agency ------------------------------------------------------------


def _locked(report_id: int) -> Report:
    return (
        Report.objects.select_for_update(of=("self",))
        .select_related("region__province", "category", "agency")
        .get(pk=report_id)
    )


def _take(user, report_id: int, action: str) -> tuple[Report, str, str]:
    """Lock the report; check that ``user`` may take ``action`` now. Returns the report, the
    user's part and the status after the action."""
    report = _locked(report_id)
    actor = actor_for(user, report)
    if actor is None:
        raise PermissionDenied
    if not flow.allowed(action, report.status, actor):
        if actor in flow.ACTIONS[action].actors:
            raise ReportError(MOVED_ON)  # the report has moved on since the page was shown
        raise PermissionDenied
    return report, actor, flow.next_status(action, report.status, actor)


def _role(actor: str) -> str:
    return Actor.OFFICER if actor == flow.OFFICER else Actor.COORDINATOR


@transaction.atomic
def dispatch(
    user,
    report_id: int,
    *,
    category_id: int,
    agency_id: int,
    handling: str,
    public_text: str,
    note: str = "",
    now=None,
) -> Report:
    """Verify the report and send it to the agency; the agency's clock starts."""
    now = now or timezone.now()
    report, actor, target = _take(user, report_id, "dispatch")
    report.category = Category.objects.get(pk=category_id, region_id=report.region_id)
    report.agency = Agency.objects.get(pk=agency_id, region_id=report.region_id)
    report.handling = handling
    report.verified_at = report.verified_at or now
    report.dispatched_at = now
    if report.privacy != Privacy.CONFIDENTIAL:
        report.public_description = public_text.strip()
        report.text_public = True
    _set_clock(report, target, now)
    report.save()
    _event(report, "dispatched", _role(actor), Visibility.PUBLIC, user=user, when=now)
    if note.strip():
        _event(report, "note", _role(actor), Visibility.INTERNAL, user=user, text=note, when=now)
    report.log_action(
        "report.dispatched",
        user=user,
        changes={
            "agency": report.agency.name,
            "category": report.category.code,
            "handling": handling,
        },
    )
    notify.reporter(report, "dispatched")
    notify.agency(report, "dispatched")
    _changed()
    return report


@transaction.atomic
def postpone(user, report_id: int, reason: str, now=None) -> Report:
    """Wait for the reporter: the reason tells them what to add; the clock stops."""
    now = now or timezone.now()
    report, actor, target = _take(user, report_id, "postpone")
    report.verified_at = report.verified_at or now
    _set_clock(report, target, now)
    report.answer_due_at = None
    report.outcome_reason = reason
    report.save()
    _event(report, "postponed", _role(actor), Visibility.PRIVATE, user=user, text=reason, when=now)
    report.log_action("report.postponed", user=user, reason=reason)
    notify.reporter(report, "postponed", text=reason)
    _changed()
    return report


@transaction.atomic
def end_report(
    user,
    report_id: int,
    outcome: str,
    reason: str,
    *,
    target_region: str | None = None,
    archive_reason: str = "",
    duplicate_of: str = "",
    now=None,
) -> Report:
    """The coordinator ends the report here: ``not_our_authority``, ``forward`` (a new report
    in the other region, same reporter) or ``archive`` (a duplicate merged into another
    report, or spam)."""
    now = now or timezone.now()
    report, actor, target = _take(user, report_id, outcome)
    if outcome == "forward":
        if not target_region or target_region == report.region_id:
            raise ReportError(SAME_REGION)
        report.forwarded_to = _forward_copy(report, target_region, now)
    elif outcome == "archive":
        if archive_reason not in ArchiveReason.values:
            raise ReportError(NO_ARCHIVE_REASON)
        report.archive_reason = archive_reason
        if archive_reason == ArchiveReason.DUPLICATE:
            report.duplicate_of = _original_for(report, duplicate_of)
    report.verified_at = report.verified_at or now
    report.closed_at = now
    report.outcome_reason = reason
    _set_clock(report, target, now)
    report.save()
    _event(report, outcome, _role(actor), Visibility.PUBLIC, user=user, text=reason, when=now)
    changes = {"status": target}
    if report.forwarded_to_id:
        changes["forwarded_to"] = report.forwarded_to.tracking_number
    if report.duplicate_of_id:
        changes["duplicate_of"] = report.duplicate_of.tracking_number
    action = {"forward": "report.forwarded"}.get(outcome, f"report.{target}")
    report.log_action(action, user=user, reason=reason, changes=changes)
    notify.reporter(report, outcome, text=reason)
    _changed()
    return report


def _original_for(report, tracking_number: str) -> Report:
    original = (
        Report.objects.filter(tracking_number=tracking_number.strip(), region_id=report.region_id)
        .exclude(pk=report.pk)
        .first()
    )
    if original is None:
        raise ReportError(NO_ORIGINAL)
    while original.duplicate_of_id:  # merge into the report the others were merged into
        original = original.duplicate_of
    if original.pk == report.pk:
        raise ReportError(NO_ORIGINAL)
    return original


def _forward_copy(report, region_code: str, now) -> Report:
    region = Region.objects.select_related("province").filter(pk=region_code).first()
    if region is None:
        raise ReportError(NO_REGION)
    local_day = timezone.localtime(now, region.tzinfo).date()
    moderated = settings_for(region.pk).moderate_first
    copy = Report(
        tracking_number=_next_number(region.pk, local_day),
        token_salt=Report.new_salt(),
        region=region,
        kind=report.kind,
        privacy=report.privacy,
        description=report.description,
        public_description="" if moderated else report.description,
        text_public=not moderated,
        address=report.address,
        latitude=report.latitude,
        longitude=report.longitude,
        reporter_name=report.reporter_name,
        reporter_email=report.reporter_email,
        reporter_phone=report.reporter_phone,
        media_url=report.media_url,
        source="forwarded",
        submitted_at=now,
        is_demo=report.is_demo,
    )
    _set_clock(copy, flow.SUBMITTED, now)
    copy.save()
    for photo in report.photos.all():
        Photo.objects.create(report=copy, image=photo.image.name, thumbnail=photo.thumbnail.name)
    _event(copy, "received_forward", Actor.SYSTEM, Visibility.PUBLIC, text=str(report), when=now)
    copy.log_action("report.submitted", changes={"source": "forwarded", "from": str(report)})
    return copy


@transaction.atomic
def reassign(user, report_id: int, agency_id: int, reason: str, now=None) -> Report:
    """Send the report to another agency, which gets its own full limit."""
    now = now or timezone.now()
    report, actor, target = _take(user, report_id, "reassign")
    before = report.agency.name if report.agency_id else ""
    report.agency = Agency.objects.get(pk=agency_id, region_id=report.region_id)
    report.dispatched_at = now
    _set_clock(report, target, now)
    report.save()
    _event(report, "reassigned", _role(actor), Visibility.PUBLIC, user=user, when=now)
    _event(report, "note", _role(actor), Visibility.INTERNAL, user=user, text=reason, when=now)
    report.log_action(
        "report.reassigned",
        user=user,
        reason=reason,
        changes={"agency": [before, report.agency.name]},
    )
    notify.agency(report, "dispatched")
    _changed()
    return report


@transaction.atomic
def extend(user, report_id: int, days: int, reason: str) -> Report:
    """Give the agency ``days`` more working days (a field check, a dispute), with a reason."""
    report, actor, _target = _take(user, report_id, "extend")
    total = report.extension_days + days
    if days < 1 or total > deadlines.MAX_EXTENSION:
        raise ReportError(BAD_EXTENSION % {"max": deadlines.MAX_EXTENSION})
    before = report.due_at
    report.extension_days = total
    tz = report.region.tzinfo
    calendar = calendar_around(timezone.localtime(report.step_started_at, tz).date())
    report.due_at = deadlines.due(
        calendar, report.status, report.step_started_at, tz, report.handling, total
    )
    report.answer_due_at = report.due_at
    if report.followed_up_at is None:
        report.followup_due_at = report.due_at
    report.save()
    _event(report, "extended", _role(actor), Visibility.PUBLIC, user=user, text=reason)
    report.log_action(
        "report.extended",
        user=user,
        reason=reason,
        changes={
            "days": days,
            "due_at": [before.isoformat() if before else None, report.due_at.isoformat()],
        },
    )
    _changed()
    return report


@transaction.atomic
def start(user, report_id: int, note: str = "") -> Report:
    """The agency has taken the report up; the deadline does not change."""
    report, actor, target = _take(user, report_id, "start")
    report.status = target
    report.save()
    _event(
        report,
        "started",
        _role(actor),
        Visibility.PUBLIC,
        user=user,
        text=note,
        label=_label_for(user, report),
    )
    report.log_action("report.started", user=user)
    notify.reporter(report, "started", text=note)
    _changed()
    return report


@transaction.atomic
def follow_up(user, report_id: int, text: str, now=None) -> Report:
    """The agency's answer; the reporter's reply window (10 working days) starts."""
    now = now or timezone.now()
    report, actor, target = _take(user, report_id, "follow_up")
    report.followed_up_at = report.followed_up_at or now
    label = _label_for(user, report) or (report.agency.name if report.agency_id else "")
    _set_clock(report, target, now)
    report.save()
    _event(
        report,
        "followed_up",
        _role(actor),
        Visibility.PUBLIC,
        user=user,
        label=label,
        text=text,
        when=now,
    )
    report.log_action("report.followed_up", user=user)
    notify.reporter(report, "followed_up", text=text)
    _changed()
    return report


@transaction.atomic
def close(user, report_id: int, reason: str, now=None) -> Report:
    """The coordinator closes a followed-up report before the reply window ends."""
    now = now or timezone.now()
    report, actor, target = _take(user, report_id, "close")
    report.closed_at = now
    _set_clock(report, target, now)
    report.save()
    _event(report, "closed", _role(actor), Visibility.PUBLIC, user=user, text=reason, when=now)
    report.log_action("report.closed", user=user, reason=reason)
    notify.reporter(report, "closed", text=reason)
    _changed()
    return report


@transaction.atomic
def add_note(user, report_id: int, text: str) -> Event:
    """An internal note: officials only, never public, never shown to the reporter."""
    report = _locked(report_id)
    actor = actor_for(user, report)
    if actor is None:
        raise PermissionDenied
    event = _event(report, "note", _role(actor), Visibility.INTERNAL, user=user, text=text)
    report.log_action("report.note_added", user=user)
    return event


@transaction.atomic
def redact(user, report_id: int, public_text: str, publish: bool, hidden_photo_ids) -> Report:
    """What the public reads of the report: the text (edited) and which pictures it sees."""
    report = _locked(report_id)
    if actor_for(user, report) != flow.COORDINATOR:
        raise PermissionDenied
    before = (report.public_description, report.text_public)
    report.public_description = public_text.strip()
    report.text_public = bool(publish) and report.privacy != Privacy.CONFIDENTIAL
    report.save(update_fields=["public_description", "text_public", "updated_at"])
    hidden = set(hidden_photo_ids)
    photos = list(report.photos.all())
    for photo in photos:
        if photo.hidden != (photo.pk in hidden):
            photo.hidden = photo.pk in hidden
            photo.save(update_fields=["hidden"])
    report.log_action(
        "report.redacted",
        user=user,
        changes={
            "text_changed": before[0] != report.public_description,
            "text_public": [before[1], report.text_public],
            "hidden_photos": sorted(hidden),
        },
    )
    _changed()
    return report


# The reporter, through the private link ----------------------------------------------------


def _reporter_target(report, action: str) -> str:
    try:
        return flow.next_status(action, report.status, flow.REPORTER)
    except flow.FlowError as error:
        raise ReportError(MOVED_ON) from error


@transaction.atomic
def add_info(report_id: int, text: str, pictures=(), now=None) -> Report:
    """The reporter adds information (and pictures); it ends a postponement."""
    now = now or timezone.now()
    report = _locked(report_id)
    target = _reporter_target(report, "add_info")
    if target != report.status:
        _set_clock(report, target, now)
    report.save()
    for large, thumbnail in pictures:
        _attach(report, large, thumbnail)
    _event(report, "info_added", Actor.REPORTER, Visibility.PRIVATE, text=text, when=now)
    report.log_action("report.info_added", changes={"pictures": len(pictures)})
    notify.officials(report, "info_added")
    _changed()
    return report


@transaction.atomic
def reply(report_id: int, text: str, satisfied: bool, now=None) -> Report:
    """The reporter's answer to the follow-up: satisfied closes the report; not satisfied
    sends it back to the agency with a fresh limit."""
    now = now or timezone.now()
    report = _locked(report_id)
    action = "accept" if satisfied else "reply"
    target = _reporter_target(report, action)
    if satisfied:
        report.closed_at = now
    _set_clock(report, target, now)
    report.save()
    _event(
        report,
        "accepted" if satisfied else "replied",
        Actor.REPORTER,
        Visibility.PRIVATE,
        text=text,
        when=now,
    )
    report.log_action("report.accepted" if satisfied else "report.replied")
    if not satisfied:
        notify.agency(report, "replied")
    _changed()
    return report


@transaction.atomic
def rate(report_id: int, rating: str, comment: str = "", now=None) -> Report:
    """The reporter rates the answer once the report is closed (and may change the rating)."""
    now = now or timezone.now()
    report = _locked(report_id)
    _reporter_target(report, "rate")
    before = report.rating
    report.rating = rating
    report.rated_at = now
    report.save(update_fields=["rating", "rated_at", "updated_at"])
    _event(report, "rated", Actor.REPORTER, Visibility.PRIVATE, text=comment, when=now)
    report.log_action("report.rated", changes={"rating": [before, rating]})
    _changed()
    return report


# The system --------------------------------------------------------------------------------


def close_expired(now=None) -> int:
    """Close the followed-up reports whose reply window has ended; returns how many.

    Each report is closed in its own transaction after locking and checking it again, so two
    workers running this at once close each report once."""
    now = now or timezone.now()
    ids = list(
        Report.objects.filter(status=Status.FOLLOWED_UP, due_at__lte=now).values_list(
            "pk", flat=True
        )
    )
    closed = 0
    for report_id in ids:
        with transaction.atomic():
            report = _locked(report_id)
            if report.status != Status.FOLLOWED_UP or report.due_at > now:
                continue
            report.closed_at = report.due_at
            _set_clock(report, flow.CLOSED, now)
            report.save()
            _event(report, "auto_closed", Actor.SYSTEM, Visibility.PUBLIC, when=now)
            report.log_action("report.auto_closed")
            notify.reporter(report, "auto_closed")
            _changed()
            closed += 1
    return closed


def recount_deadlines(dates) -> int:
    """After a change to the working-day calendar, count again the running deadlines that the
    changed dates can move: those of steps started before the latest date that are due after
    the earliest. Returns how many reports changed."""
    if not dates:
        return 0
    first, last = min(dates), max(dates)
    changed = 0
    candidates = Report.objects.filter(status__in=deadlines.STEP_OF_STATUS, due_at__isnull=False)
    for report_id in candidates.values_list("pk", flat=True):
        with transaction.atomic():
            report = _locked(report_id)
            tz = report.region.tzinfo
            started = timezone.localtime(report.step_started_at, tz).date()
            if started > last or timezone.localtime(report.due_at, tz).date() < first:
                continue
            calendar = calendar_around(started)
            new_due = deadlines.due(
                calendar,
                report.status,
                report.step_started_at,
                tz,
                report.handling,
                report.extension_days,
            )
            if new_due == report.due_at:
                continue
            before = report.due_at
            _set_clock(report, report.status, report.step_started_at)
            report.save()
            report.log_action(
                "report.deadlines_recounted",
                changes={"due_at": [before.isoformat(), report.due_at.isoformat()]},
            )
            changed += 1
    if changed:
        _changed()
    return changed

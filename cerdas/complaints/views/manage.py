"""What officials use: the queues, a report's page and its steps, figures, topics and keys."""

import datetime as dt
import zoneinfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, F, Prefetch, Q, prefetch_related_objects
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cerdas.accounts.receivers import PEOPLE
from cerdas.complaints import exports, services, timeline
from cerdas.complaints.engine import flow
from cerdas.complaints.forms import (
    ARCHIVE_OF_OUTCOME,
    DispatchForm,
    ExtendForm,
    FollowUpForm,
    NoteForm,
    OutcomeForm,
    PeriodForm,
    QueueForm,
    ReasonForm,
    ReassignForm,
    RedactForm,
    StartForm,
)
from cerdas.complaints.models import Category, Event, Report, Status
from cerdas.complaints.permissions import (
    actor_for,
    can_use_queue,
    coordinated_regions,
    get_report_for_user,
)
from cerdas.complaints.receivers import desk_kinds
from cerdas.core.cache import shared_fragment
from cerdas.core.calendar import calendar_around
from cerdas.regions.models import Region

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
PAGE_SIZE = 25
QUEUE_ROW_FIELDS = (
    "pk",
    "tracking_number",
    "kind",
    "privacy",
    "status",
    "due_at",
    "is_demo",
    "region_id",
    "region__name",
    "category_id",
    "category__name",
    "agency_id",
    "agency__name",
)


def _require_queue(user) -> None:
    if not can_use_queue(user):
        raise PermissionDenied


def _scope(request):
    """The region the page is about: the user's own, or the one a national admin picked."""
    user = request.user
    if user.is_national_admin:
        code = request.GET.get("wilayah", "").strip()
        return Region.objects.select_related("province").filter(pk=code).first()
    if user.region_id:
        return Region.objects.select_related("province").get(pk=user.region_id)
    return None


def _filtered(reports, view, now, horizon):
    open_statuses = list(flow.OPEN)
    if view == "overdue":
        return reports.filter(status__in=open_statuses, due_at__lte=now)
    if view == "due_soon":
        return reports.filter(status__in=open_statuses, due_at__gt=now, due_at__lte=horizon)
    if view == "new":
        return reports.filter(status__in=[Status.SUBMITTED, Status.POSTPONED])
    if view == "with_agency":
        return reports.filter(status__in=list(flow.WITH_AGENCY))
    if view == "followed_up":
        return reports.filter(status=Status.FOLLOWED_UP)
    if view == "closed":
        return reports.filter(status__in=list(flow.FINAL))
    return reports.filter(status__in=open_statuses)


@login_required
def queue(request):
    """The reports to work on: due soon, overdue, by topic; the most urgent first.

    Below the heading the page is kept for everyone who sees the same reports, until one of
    them (or a topic, an agency, a region, the calendar) changes (``receivers.desk_kinds``),
    and for the UTC hour: every deadline and the "due soon" horizon end at a midnight in
    WIB, WITA or WIT, which is a whole UTC hour, so the hour's copy says what is overdue."""
    user = request.user
    _require_queue(user)
    region = _scope(request)
    now = timezone.now()
    body = shared_fragment(
        desk_kinds(region.pk if region else None),
        "complaints-queue",
        # Who sees which reports (Report.objects.for_user) and may coordinate, what they
        # asked for, and the hour.
        [
            user.visibility,
            region and region.pk,
            request.GET.urlencode(),
            now.strftime("%Y-%m-%dT%H"),
        ],
        lambda: render_to_string(
            "complaints/manage/queue_body.html", _queue_context(request, region, now), request
        ),
    )
    return render(
        request, "complaints/manage/queue.html", {"region": region, "body": mark_safe(body)}
    )


def _queue_context(request, region, now) -> dict:
    user = request.user
    reports = Report.objects.for_user(user)
    if region is not None:
        reports = reports.filter(region=region)
    categories = Category.objects.filter(pk__in=reports.values("category_id")).order_by("name")
    form = QueueForm(request.GET or None, categories=categories)
    data = form.cleaned_data if form.is_valid() else {}
    view = data.get("view") or "open"
    zone = region.tzinfo if region else (user.region.tzinfo if user.region_id else WIB)
    horizon = calendar_around(timezone.localtime(now, zone).date()).deadline(now, 1, zone)
    shown = _filtered(reports, view, now, horizon)
    if data.get("category"):
        shown = shown.filter(category=data["category"])
    if data.get("q"):
        text = data["q"].strip()
        shown = shown.filter(Q(tracking_number__icontains=text) | Q(description__icontains=text))
    if view == "closed":
        shown = shown.order_by("-closed_at", "-pk")
    else:
        shown = shown.order_by(F("due_at").asc(nulls_last=True), "pk")
    # Only what a row shows (complaints/templatetags queue_items), as plain values: the rest
    # of a report (texts, personal data, a dozen timestamps) and four model objects per row
    # cost more to load than the row to write.
    rows = shown.values(*QUEUE_ROW_FIELDS)
    open_reports = reports.filter(status__in=list(flow.OPEN))
    # The figures above the queue are the sums of the table by topic: one query for both.
    by_category = list(
        open_reports.values("category__name")
        .annotate(
            total=Count("pk"),
            overdue=Count("pk", filter=Q(due_at__lte=now)),
            due_soon=Count("pk", filter=Q(due_at__gt=now, due_at__lte=horizon)),
        )
        .order_by("-total", "category__name")
    )
    counts = {
        "overdue": sum(row["overdue"] for row in by_category),
        "due_soon": sum(row["due_soon"] for row in by_category),
        "open": sum(row["total"] for row in by_category),
    }
    paginator = Paginator(rows, PAGE_SIZE)
    if view == "open" and not data.get("category") and not data.get("q"):
        paginator.count = counts["open"]  # the same reports: no second count
    page = paginator.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "form": form,
        "page": page,
        "view": view,
        "now": now,
        "horizon": horizon,
        "counts": counts,
        "by_category": by_category,
        "region": region,
        "regions": coordinated_regions(user) if user.is_national_admin else None,
        "query": query.urlencode(),
        "coordinates": region is not None and user.can("edit", region.pk),
    }


def _forms_for(report, actor, bound=None) -> dict:
    """The forms of the steps ``actor`` may take now (``bound``: one of them with errors)."""
    bound = bound or {}
    allowed = set(flow.actions_for(report.status, actor))
    found = {}

    def add(name, factory, needed):
        if needed & allowed:
            found[name] = bound.get(name) or factory()

    add(
        "dispatch",
        lambda: DispatchForm(
            report=report,
            initial={
                "category": report.category_id,
                "agency": report.agency_id
                or (report.category.agency_id if report.category_id else None),
                "handling": report.handling,
                "public_text": report.public_description or report.description,
            },
        ),
        {"dispatch"},
    )
    add(
        "outcome",
        lambda: OutcomeForm(report=report),
        {"postpone", "not_our_authority", "forward", "archive"},
    )
    add("start", StartForm, {"start"})
    add("follow_up", FollowUpForm, {"follow_up"})
    add("extend", ExtendForm, {"extend"})
    add("reassign", lambda: ReassignForm(report=report), {"reassign"})
    add("close", ReasonForm, {"close"})
    found["note"] = bound.get("note") or NoteForm()
    if actor == flow.COORDINATOR:
        found["redact"] = bound.get("redact") or RedactForm(
            report=report,
            initial={
                "public_text": report.public_description or report.description,
                "publish": report.text_public,
                "hidden_photos": [str(p.pk) for p in report.photos.all() if p.hidden],
            },
        )
    return found


def _detail(request, report, status=200, bound=None):
    actor = actor_for(request.user, report)
    now = timezone.now()

    def parts():
        # The pictures are read once for the page, the redaction form and its choices; each
        # event with the official who took it (the timeline names them).
        prefetch_related_objects(
            [report], "photos", Prefetch("events", Event.objects.select_related("actor"))
        )
        return {
            "entries": timeline.entries(report, timeline.OFFICIAL),
            "photos": list(report.photos.all()),
            "duplicates": list(report.duplicates.all()),
        }

    context = {
        "report": report,
        "actor": actor,
        # The page is kept per report, per the part its reader plays and whether the current
        # step is overdue (report.html), under its region's queue (every write of the report,
        # its events and pictures announces there) and the people the timeline names: what
        # follows is read and drawn only when that copy has retired.
        "kinds": " ".join([*desk_kinds(report.region_id), PEOPLE]),
        "overdue": report.due_at is not None and report.due_at <= now,
        "forms": SimpleLazyObject(lambda: _forms_for(report, actor, bound)),
        "parts": SimpleLazyObject(parts),
        "now": now,
        "shows_identity": report.shows_identity,
        "staff": True,
    }
    return render(request, "complaints/manage/report.html", context, status=status)


@login_required
def report_detail(request, pk):
    report = get_report_for_user(request.user, pk)
    return _detail(request, report)


FORMS = {
    "dispatch": (DispatchForm, True),
    "outcome": (OutcomeForm, True),
    "start": (StartForm, False),
    "follow_up": (FollowUpForm, True),
    "extend": (ExtendForm, True),
    "reassign": (ReassignForm, True),
    "close": (ReasonForm, True),
    "note": (NoteForm, False),
    "redact": (RedactForm, False),
}
WITH_REPORT = {"dispatch", "outcome", "reassign", "redact"}


def _perform(user, report, name, data):
    if name == "dispatch":
        return services.dispatch(
            user,
            report.pk,
            category_id=data["category"].pk,
            agency_id=data["agency"].pk,
            handling=data["handling"],
            public_text=data["public_text"],
            note=data["note"],
        )
    if name == "outcome":
        outcome = data["outcome"]
        if outcome == "postpone":
            return services.postpone(user, report.pk, data["reason"])
        if outcome in ARCHIVE_OF_OUTCOME:
            return services.end_report(
                user,
                report.pk,
                "archive",
                data["reason"],
                archive_reason=ARCHIVE_OF_OUTCOME[outcome],
                duplicate_of=data["duplicate_of"],
            )
        return services.end_report(
            user, report.pk, outcome, data["reason"], target_region=data["region"].strip()
        )
    if name == "start":
        return services.start(user, report.pk, data["note"])
    if name == "follow_up":
        return services.follow_up(user, report.pk, data["text"])
    if name == "extend":
        return services.extend(user, report.pk, data["days"], data["reason"])
    if name == "reassign":
        return services.reassign(user, report.pk, data["agency"].pk, data["reason"])
    if name == "close":
        return services.close(user, report.pk, data["reason"])
    if name == "note":
        return services.add_note(user, report.pk, data["text"])
    return services.redact(
        user,
        report.pk,
        data["public_text"],
        data["publish"],
        [int(i) for i in data["hidden_photos"]],
    )


DONE = {
    "dispatch": _("The report is verified and sent to the agency."),
    "outcome": _("The decision is recorded and the reporter is told."),
    "start": _("The report is marked as in progress."),
    "follow_up": _("The follow-up is sent to the reporter."),
    "extend": _("The deadline is extended."),
    "reassign": _("The report is sent to the other agency."),
    "close": _("The report is closed."),
    "note": _("The note is saved."),
    "redact": _("What the public sees is saved."),
}


@login_required
@require_POST
def report_action(request, pk, name):
    """One step on a report; irreversible steps show a check page before they are taken."""
    if name not in FORMS:
        raise PermissionDenied
    report = get_report_for_user(request.user, pk)
    form_class, confirm = FORMS[name]
    kwargs = {"report": report} if name in WITH_REPORT else {}
    if name == "outcome":
        actor = actor_for(request.user, report)
        kwargs["allowed"] = set(flow.actions_for(report.status, actor))
    form = form_class(request.POST, **kwargs)
    if not form.is_valid():
        return _detail(request, report, status=400, bound={name: form})
    if confirm and request.POST.get("confirmed") != "1":
        return render(
            request,
            "complaints/manage/check.html",
            {
                "report": report,
                "name": name,
                "form": form,
                "hidden": [
                    (key, value)
                    for key, values in request.POST.lists()
                    if key != "csrfmiddlewaretoken"
                    for value in values
                ],
            },
        )
    try:
        _perform(request.user, report, name, form.cleaned_data)
    except services.ReportError as error:
        messages.error(request, str(error))
        if name == "outcome":
            return _detail(request, report, status=400, bound={name: form})
    else:
        messages.success(request, str(DONE[name]))
    if name != "note" and actor_for(request.user, Report.objects.get(pk=report.pk)) is None:
        return redirect("complaints:manage")  # no longer theirs (e.g. sent to another agency)
    return redirect(report.get_manage_url())


@login_required
def statistics(request):
    """Volume, share answered on time, median working days per step, satisfaction; CSV/XLSX."""
    user = request.user
    _require_queue(user)
    region = _scope(request)
    if region is None:
        return render(
            request,
            "complaints/manage/pick_region.html",
            {"regions": coordinated_regions(user), "target": "complaints:manage_stats"},
        )
    if not (user.can("view_private", region.pk) or user.can("edit", region.pk)):
        raise PermissionDenied
    form = PeriodForm(request.GET or None)
    start = end = None
    if form.is_valid():
        zone = region.tzinfo
        if form.cleaned_data["start"]:
            start = dt.datetime.combine(form.cleaned_data["start"], dt.time(0), tzinfo=zone)
        if form.cleaned_data["end"]:
            last = form.cleaned_data["end"] + dt.timedelta(days=1)
            end = dt.datetime.combine(last, dt.time(0), tzinfo=zone)
    reports = Report.objects.for_user(user).filter(region=region)
    if start:
        reports = reports.filter(submitted_at__gte=start)
    if end:
        reports = reports.filter(submitted_at__lt=end)
    fmt = request.GET.get("format", "")
    if request.GET.get("export") == "reports" and fmt in ("csv", "xlsx"):
        return exports.reports_response(reports, region, fmt)
    if fmt in ("csv", "xlsx"):
        total, by_agency = exports.figures_of(reports, region)
        return exports.figures_response(region, total, by_agency, fmt)
    query = request.GET.copy()
    for key in ("format", "export"):
        query.pop(key, None)
    return render(
        request,
        "complaints/manage/stats.html",
        {
            "region": region,
            "form": form,
            # Counted only when the kept copy (``receivers.desk_kinds``) has retired: per
            # who sees which reports, the period, and the UTC hour (an answer still due
            # turns late at a midnight in the region's zone, a whole UTC hour).
            "figures": SimpleLazyObject(lambda: _figures(reports, region)),
            "figures_kinds": " ".join(desk_kinds(region.pk)),
            "figures_vary": [
                user.visibility,
                region.pk,
                start,
                end,
                timezone.now().strftime("%Y-%m-%dT%H"),
            ],
            "query": query.urlencode(),
        },
    )


def _figures(reports, region) -> dict:
    total, by_agency = exports.figures_of(reports, region)
    return {"total": total, "by_agency": by_agency}

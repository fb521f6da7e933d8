"""What citizens use: report without an account, follow at the private link, read public reports."""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from cerdas.complaints import maps, services, staging, timeline
from cerdas.complaints.forms import (
    MAX_PHOTOS,
    InfoForm,
    ListFilterForm,
    RateForm,
    ReplyForm,
    ReportForm,
    TrackForm,
)
from cerdas.complaints.models import COMPLAINTS, Category, Photo, Privacy, Report, Status
from cerdas.complaints.permissions import actor_for, get_public_report, get_report_for_reporter
from cerdas.core.cache import public_page
from cerdas.core.ratelimit import Limit
from cerdas.regions.models import Region

PAGE_SIZE = 20
CONFIRM_FIELDS = (
    "kind",
    "category",
    "description",
    "address",
    "latitude",
    "longitude",
    "privacy",
    "name",
    "email",
    "phone",
)


def intake_limit() -> Limit:
    return Limit("complaints-intake", settings.COMPLAINTS_INTAKE_PER_HOUR, 3600)


def _region(code) -> Region:
    return get_object_or_404(Region.objects.select_related("province"), code=code)


@public_page(COMPLAINTS)
def index(request):
    """How to report and follow a complaint; the regions that take reports."""
    regions = (
        Region.objects.filter(complaint_categories__is_active=True)
        .distinct()
        .select_related("province")
    )
    return render(
        request,
        "complaints/index.html",
        {"regions": regions, "track_form": TrackForm()},
    )


def find(request):
    """Go from a tracking number to its public page (a confidential one says where to look)."""
    form = TrackForm(request.GET or None)
    if form.is_valid():
        number = form.cleaned_data["number"]
        report = Report.objects.filter(tracking_number=number).only("privacy", "status").first()
        if report is not None and report.is_public:
            return redirect("complaints:report", number)
        form.add_error(
            "number",
            _(
                "No public report has this number. A confidential report can be followed only "
                "at its private link."
            ),
        )
    status = 400 if form.is_bound else 200
    return render(request, "complaints/find.html", {"form": form}, status=status)


@public_page(COMPLAINTS)
def region_reports(request, code):
    """A region's public reports: status, topic and age, filterable, with a map."""
    region = _region(code)
    form = ListFilterForm(request.GET or None, region=region)
    reports = Report.objects.public().filter(region=region)
    if form.is_valid():
        data = form.cleaned_data
        if data["status"] == "open":
            reports = reports.open()
        elif data["status"] == "closed":
            reports = reports.closed()
        if data["category"]:
            reports = reports.filter(category=data["category"])
        if data["kind"]:
            reports = reports.filter(kind=data["kind"])
    reports = reports.select_related("category", "agency")
    page = Paginator(reports, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = reports.filter(text_public=True).values_list(
        "latitude", "longitude", "tracking_number", "category__name", "status"
    )[: maps.MAX_POINTS]
    points = maps.layout(
        (
            lat,
            lng,
            reverse("complaints:report", args=[number]),
            f"{number} {name or ''}",
            status not in CLOSED,
        )
        for lat, lng, number, name, status in rows
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "complaints/region_reports.html",
        {
            "region": region,
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "points": points,
            "map_size": (maps.WIDTH, maps.HEIGHT),
            "now": timezone.now(),
            "takes_reports": Category.objects.active().filter(region=region).exists(),
        },
    )


CLOSED = {Status.CLOSED, Status.NOT_OUR_AUTHORITY, Status.FORWARDED, Status.ARCHIVED}


def _form_context(region, form, **extra) -> dict:
    return {
        "region": region,
        "form": form,
        "tiles_url": settings.COMPLAINTS_MAP_TILES_URL,
        "max_photos": MAX_PHOTOS,
        **extra,
    }


def _hidden_values(form) -> list[tuple[str, str]]:
    return [(name, form.data.get(name, "")) for name in CONFIRM_FIELDS]


def report_form(request, code):
    """Report a problem: the form, the check-your-answers page, then the tracking number."""
    region = _region(code)
    if request.method != "POST":
        if not Category.objects.active().filter(region=region).exists():
            return render(request, "complaints/not_taking.html", {"region": region}, status=404)
        form = ReportForm(region=region)
        return render(request, "complaints/report_form.html", _form_context(region, form))
    step = request.POST.get("step", "check")
    if step == "edit":  # back from the check page, everything as it was typed
        form = ReportForm(initial=request.POST.dict(), region=region)
        staged = request.POST.get("staged", "")
        return render(
            request,
            "complaints/report_form.html",
            _form_context(region, form, staged_count=staging.count(staged, MAX_PHOTOS)),
        )
    form = ReportForm(request.POST, request.FILES, region=region)
    if not form.is_valid():
        staged = request.POST.get("staged", "")
        context = _form_context(region, form, staged_count=staging.count(staged, MAX_PHOTOS))
        return render(request, "complaints/report_form.html", context, status=400)
    data = form.cleaned_data
    pictures = staging.unstage(data["staged"], MAX_PHOTOS) + data["photos"]
    pictures = pictures[:MAX_PHOTOS]
    if step != "send":
        key = staging.stage(pictures)
        return render(
            request,
            "complaints/report_check.html",
            {
                "region": region,
                "form": form,
                "data": data,
                "hidden": _hidden_values(form),
                "staged": key,
                "photo_count": len(pictures),
            },
        )
    try:
        report = services.submit_report(
            services.NewReport(
                region_code=region.pk,
                category_id=data["category"].pk,
                kind=data["kind"],
                privacy=data["privacy"],
                description=data["description"],
                address=data["address"],
                latitude=data["latitude"],
                longitude=data["longitude"],
                name="" if data["privacy"] == Privacy.ANONYMOUS else data["name"],
                email=data["email"],
                phone=data["phone"],
                pictures=pictures,
            ),
            limit=intake_limit(),
            sender=request.META.get("REMOTE_ADDR", ""),
            category=data["category"],
        )
    except services.IntakeLimited:
        key = staging.stage(pictures)
        messages.error(
            request,
            _("Many reports came from your connection in the last hour. Please try again later."),
        )
        return render(
            request,
            "complaints/report_check.html",
            {
                "region": region,
                "form": form,
                "data": data,
                "hidden": _hidden_values(form),
                "staged": key,
                "photo_count": len(pictures),
            },
            status=429,
        )
    messages.success(
        request,
        _(
            "Your report is received. Its tracking number is %(number)s. Keep the address of "
            "this page: it is your private link to follow the report."
        )
        % {"number": report.tracking_number},
    )
    return redirect(report.get_private_url())


@public_page(COMPLAINTS)
def report(request, number):
    """A public report and its timeline; nothing that identifies the reporter."""
    item = get_public_report(number)
    context = {
        "report": item,
        "entries": timeline.entries(item, timeline.PUBLIC),
        "photos": list(item.photos.filter(hidden=False)) if item.text_public else [],
        "now": timezone.now(),
        "original": item.duplicate_of if item.duplicate_of_id else None,
        "forwarded": (
            item.forwarded_to if item.forwarded_to_id and item.forwarded_to.is_public else None
        ),
        "staff": False,
    }
    return render(request, "complaints/report.html", context)


def _private(response):
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    # The address holds the token: it may go as a referrer to this site only (never to
    # another). "no-referrer" would also make browsers send "Origin: null" with the page's
    # own forms, which the CSRF check rightly refuses.
    response["Referrer-Policy"] = "same-origin"
    return response


def _track_context(item, token, **forms) -> dict:
    followed = item.forwarded_to if item.forwarded_to_id else None
    return {
        "report": item,
        "token": token,
        "entries": timeline.entries(item, timeline.REPORTER),
        "photos": list(item.photos.all()),
        "now": timezone.now(),
        "original": item.duplicate_of if item.duplicate_of_id else None,
        "forwarded": followed,
        "forwarded_url": followed.get_private_url() if followed else "",
        "can_add": item.is_open,
        "can_reply": item.status == Status.FOLLOWED_UP,
        "can_rate": item.status == Status.CLOSED,
        "info_form": forms.get("info_form") or InfoForm(),
        "reply_form": forms.get("reply_form") or ReplyForm(),
        "rate_form": forms.get("rate_form") or RateForm(initial={"rating": item.rating or None}),
        "max_photos": MAX_PHOTOS,
    }


@never_cache
def track(request, number, token):
    """The reporter's private page: every step, and what they may do now."""
    item = get_report_for_reporter(number, token)
    return _private(render(request, "complaints/track.html", _track_context(item, token)))


@never_cache
@require_POST
def track_info(request, number, token):
    item = get_report_for_reporter(number, token)
    form = InfoForm(request.POST, request.FILES)
    if form.is_valid():
        pictures = form.cleaned_data["photos"][:MAX_PHOTOS]
        try:
            services.add_info(item.pk, form.cleaned_data["text"], pictures)
        except services.ReportError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Your information is added to the report."))
        return redirect(item.get_private_url(token))
    context = _track_context(item, token, info_form=form)
    return _private(render(request, "complaints/track.html", context, status=400))


@never_cache
@require_POST
def track_reply(request, number, token):
    """Answer the follow-up; a check page first, since closing cannot be undone."""
    item = get_report_for_reporter(number, token)
    form = ReplyForm(request.POST)
    if not form.is_valid():
        context = _track_context(item, token, reply_form=form)
        return _private(render(request, "complaints/track.html", context, status=400))
    data = form.cleaned_data
    if request.POST.get("confirmed") != "1":
        context = {"report": item, "token": token, "data": data, "hidden": request.POST}
        return _private(render(request, "complaints/track_reply_check.html", context))
    try:
        services.reply(item.pk, data["text"], data["satisfied"])
    except services.ReportError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Your report is closed. You can now rate the answer.")
            if data["satisfied"]
            else _("Your answer is sent: the report goes back to the agency."),
        )
    return redirect(item.get_private_url(token))


@never_cache
@require_POST
def track_rate(request, number, token):
    item = get_report_for_reporter(number, token)
    form = RateForm(request.POST)
    if form.is_valid():
        try:
            services.rate(item.pk, form.cleaned_data["rating"], form.cleaned_data["comment"])
        except services.ReportError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Thank you: your rating is recorded."))
        return redirect(item.get_private_url(token))
    context = _track_context(item, token, rate_form=form)
    return _private(render(request, "complaints/track.html", context, status=400))


def _picture(photo: Photo, size: str, public: bool):
    field = photo.thumbnail if size == "kecil" else photo.image
    try:
        handle = field.open("rb")
    except (FileNotFoundError, ValueError) as error:
        raise Http404 from error
    response = FileResponse(handle, content_type="image/jpeg")
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'"
    response["Cache-Control"] = "public, max-age=3600" if public else "private, no-store"
    return response


def photo(request, pk, size):
    """A report's picture: for anyone when the report and its text are public and the picture
    is not hidden; otherwise for the officials handling it; 404 for everyone else."""
    if size not in ("besar", "kecil"):
        raise Http404
    item = get_object_or_404(Photo.objects.select_related("report"), pk=pk)
    report = item.report
    public = report.is_public and report.text_public and not item.hidden
    if not public and not (request.user.is_authenticated and actor_for(request.user, report)):
        raise Http404
    return _picture(item, size, public and not request.user.is_authenticated)


def track_photo(request, number, token, pk, size):
    """The reporter's own pictures, at the private link, whatever the public sees."""
    if size not in ("besar", "kecil"):
        raise Http404
    report = get_report_for_reporter(number, token)
    item = get_object_or_404(Photo, pk=pk, report=report)
    return _picture(item, size, public=False)

# ruff: noqa: RUF001 - en dashes in period labels are intended typography
"""What citizens see: the questionnaire, published results, trends and region overviews."""

import secrets

from django.contrib import messages
from django.core import signing
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from cerdas.core.cache import public_page
from cerdas.regions.models import Region
from cerdas.surveys import charts, documents, results, services
from cerdas.surveys.forms import ResponseForm
from cerdas.surveys.models import ServiceUnit, Survey
from cerdas.surveys.permissions import (
    can_manage_survey,
    get_answerable_survey,
    get_results_for_user,
)
from cerdas.surveys.services import SURVEYS

PAGE_SIZE = 20
VISIT_SALT = "cerdas.surveys.visit"
VISIT_MAX_AGE = 24 * 3600  # a form left open on a phone for a day still sends


def _published():
    return Survey.objects.published().select_related("unit__region__province", "unit__agency")


@public_page(SURVEYS)
def index(request):
    """Every published result, newest first; how to rate a service."""
    surveys = _published().order_by("-published_at", "-pk")
    region = None
    code = request.GET.get("wilayah", "").strip()
    if code:
        region = Region.objects.filter(pk=code).first()
        surveys = surveys.filter(unit__region_id=code) if region else surveys.none()
    page = Paginator(surveys, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [(survey, survey.published_result()) for survey in page.object_list]
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "surveys/index.html",
        {"page": page, "rows": rows, "region": region, "code": code, "query": query.urlencode()},
    )


@public_page(SURVEYS)
def region_overview(request, code):
    """All the region's units: the latest published index of each, and the surveys taking
    answers now (a citizen who was served can answer from here too)."""
    region = get_object_or_404(Region.objects.select_related("province"), code=code)
    units = list(region.service_units.select_related("agency").order_by("name"))
    latest = {}
    for survey in _published().filter(unit__region=region).order_by("unit_id", "-period_start"):
        latest.setdefault(survey.unit_id, survey)
    open_now = [
        survey
        for survey in Survey.objects.filter(unit__region=region, status=Survey.Status.OPEN)
        .select_related("unit__region__province")
        .order_by("unit__name")
        if survey.accepts_answers()
    ]
    rows = [
        (unit, latest.get(unit.pk), latest[unit.pk].published_result())
        if unit.pk in latest
        else (unit, None, None)
        for unit in units
    ]
    return render(
        request,
        "surveys/region.html",
        {"region": region, "rows": rows, "open_now": open_now},
    )


@public_page(SURVEYS)
def unit_trend(request, pk):
    """One unit's published results across periods."""
    unit = get_object_or_404(
        ServiceUnit.objects.select_related("region__province", "agency"), pk=pk
    )
    surveys = list(_published().filter(unit=unit).order_by("period_start"))
    rows = [(survey, survey.published_result()) for survey in surveys]
    points = [
        (f"{s.period_start:%m/%y}–{s.period_end:%m/%y}", r.converted, r.grade.letter)
        for s, r in rows
        if r.converted is not None
    ]
    chart = charts.trend(points, _("Satisfaction index by period")) if points else ""
    return render(
        request,
        "surveys/unit.html",
        {"unit": unit, "rows": list(reversed(rows)), "chart": mark_safe(chart)},
    )


def results_context(survey, figures) -> dict:
    return {
        "survey": survey,
        "unit": survey.unit,
        "region": survey.unit.region,
        "figures": figures,
        "chart": mark_safe(  # built by charts.py, every text escaped
            charts.element_bars(
                figures.elements,
                {row.code for row in figures.weakest},
                _("Average score (NRR) of each element, from 1 to 4"),
            )
        ),
    }


@public_page(SURVEYS)
def survey_results(request, pk):
    """A survey's results: public once published; its managers see them before."""
    survey = get_results_for_user(request.user, pk)
    figures = results.figures(survey)
    context = results_context(survey, figures)
    context["preview"] = not survey.is_published
    context["can_manage"] = can_manage_survey(request.user, survey)
    return render(request, "surveys/results.html", context)


@public_page(SURVEYS)
def report_pdf(request, pk):
    survey = get_results_for_user(request.user, pk)
    content = documents.render_pdf(survey, results.figures(survey))
    return _download(content, "application/pdf", documents.filename(survey, "pdf"))


@public_page(SURVEYS)
def report_docx(request, pk):
    survey = get_results_for_user(request.user, pk)
    content = documents.render_docx(survey, results.figures(survey))
    return _download(content, documents.DOCX_TYPE, documents.filename(survey, "docx"))


def _download(content: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def new_visit_token(survey_id: int) -> str:
    """A signed, random, single-use token for one visit to the form."""
    return signing.dumps({"s": survey_id, "n": secrets.token_urlsafe(18)}, salt=VISIT_SALT)


def read_visit_token(token: str, survey_id: int) -> str | None:
    """The token's random part if it is ours, for this survey and recent enough; else None."""
    try:
        data = signing.loads(token, salt=VISIT_SALT, max_age=VISIT_MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("s") != survey_id or not data.get("n"):
        return None
    return str(data["n"])


def _client_address(request) -> str:
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def answer(request, pk):
    """The questionnaire, for anyone, without an account or JavaScript.

    Never served from the page cache: the form carries the visitor's own CSRF token and a
    single-use visit token, so one visit counts once however often it is sent.
    """
    survey = get_answerable_survey(pk)
    state = survey.answering_state()
    if state != "open":
        return render(request, "surveys/answer_closed.html", {"survey": survey, "state": state})
    if request.method != "POST":
        form = ResponseForm(initial={"visit": new_visit_token(survey.pk)})
        return render(request, "surveys/answer.html", {"survey": survey, "form": form})
    form = ResponseForm(request.POST)
    status = 400
    if form.is_valid():
        nonce = read_visit_token(form.cleaned_data["visit"], survey.pk)
        if nonce is None:
            messages.error(
                request,
                _(
                    "This form was opened too long ago. Your answers are kept below: send "
                    "them again."
                ),
            )
        else:
            status, problem = _record(request, survey, form, nonce)
            if problem is None:
                return redirect("surveys:thanks", survey.pk)
            messages.error(request, problem)
    # Keep everything typed; a fresh visit token lets the corrected form be sent.
    data = request.POST.copy()
    data["visit"] = new_visit_token(survey.pk)
    form.data = data
    return render(request, "surveys/answer.html", {"survey": survey, "form": form}, status=status)


def _record(request, survey, form, nonce) -> tuple[int, str | None]:
    """Record the answer: (status, None) when done or already done, else the status and
    the message to show."""
    try:
        services.check_address(survey.pk, _client_address(request))
        services.submit_response(
            survey.pk,
            form.answers(),
            form.characteristics(),
            form.cleaned_data["suggestion"],
            nonce,
        )
    except services.TooManyAnswers:
        return 429, _(
            "Too many answers were sent from your connection in the last hour. Your answers "
            "are kept below: please send again later."
        )
    except services.AlreadyAnswered:
        return 200, None  # the same visit sent twice (a weak signal): counted once
    except services.NotTakingAnswers:
        return 409, _(
            "This survey stopped taking answers while you were answering. Thank you for your time."
        )
    return 200, None


@public_page(SURVEYS)
def thanks(request, pk):
    survey = get_answerable_survey(pk)
    return render(request, "surveys/thanks.html", {"survey": survey})

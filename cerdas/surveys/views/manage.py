"""What teams and OPD officers use: units, surveys, QR codes, paper imports, publication."""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import F, Value
from django.db.models.functions import Coalesce
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cerdas.core.addresses import address_pattern
from cerdas.core.cache import desk_kinds, shared_fragment
from cerdas.lib.spreadsheet import safe_cell
from cerdas.surveys import importing, qr, results, services
from cerdas.surveys.engine import ikm
from cerdas.surveys.forms import PublishForm, SurveyForm, UnitForm, UnpublishForm, UploadForm
from cerdas.surveys.models import CHARACTERISTICS, ELEMENT_FIELDS, ServiceUnit, Survey
from cerdas.surveys.permissions import (
    get_batch_for_user,
    get_survey_for_user,
    get_unit_for_user,
    require_dashboard,
)
from cerdas.surveys.receivers import DESK
from cerdas.surveys.views.public import results_context

SUGGESTIONS_SHOWN = 50


def _errors(error: ValidationError) -> str:
    return " ".join(error.messages)


def _form_errors(form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form fields it names (or on the form)."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


@login_required
def dashboard(request):
    """The units this person manages, each with its surveys.

    The list is kept for everyone who sees the same units (``User.visibility``) until one of
    them, their surveys, respondents or agencies changes (``receivers``)."""
    user = request.user
    require_dashboard(user)
    units = shared_fragment(
        _desk_kinds(user),
        "surveys-desk",
        user.visibility,
        lambda: render_to_string(
            "surveys/manage/dashboard_units.html", {"rows": _dashboard_rows(user)}, request
        ),
    )
    return render(request, "surveys/manage/dashboard.html", {"units": mark_safe(units)})


def _desk_kinds(user) -> list[str]:
    """The kinds the units ``user`` manages are kept under: their region's desk, or every
    region's for the ministry."""
    return desk_kinds(DESK, None if user.is_national_admin else user.region_id)


def _dashboard_rows(user) -> list:
    units = list(
        ServiceUnit.objects.for_user(user)
        .select_related("region", "agency")
        .only("name", "is_demo", "region__name", "agency__name")  # what the list shows
        .order_by("region__name", "name")
    )
    surveys = {}
    # Each survey's respondents from its running tally, in the same query.
    listed = (
        Survey.objects.filter(unit__in=units)
        .only("unit", "period_start", "period_end", "status", "published_at")
        .annotate(respondents=Coalesce(F("tally__respondents"), Value(0)))
        .order_by("-period_start")
    )
    # Each row's addresses: looked up once for the list, the number filled in.
    manage = address_pattern("surveys:survey_manage")
    edit, open_one = address_pattern("surveys:unit_edit"), address_pattern("surveys:survey_create")
    for survey in listed:
        survey.manage_url = manage.format(survey.pk)
        surveys.setdefault(survey.unit_id, []).append(survey)
    for unit in units:
        unit.edit_url, unit.new_survey_url = edit.format(unit.pk), open_one.format(unit.pk)
    return [(unit, surveys.get(unit.pk, [])) for unit in units]


@login_required
def unit_create(request):
    require_dashboard(request.user)
    form = UnitForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            unit = services.create_unit(
                request.user, form.region_id(), form.cleaned_data["name"], form.agency_id()
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("The unit is added. Now open its first survey."))
            return redirect("surveys:survey_create", unit.pk)
    return _unit_page(request, form, None)


def _unit_page(request, form, unit):
    """The unit's form, kept blank (unit_form.html) per who fills it in and the unit, under
    the desk of the regions it offers (every save of a unit or an agency announces there)."""
    return render(
        request,
        "surveys/manage/unit_form.html",
        {"form": form, "unit": unit, "kinds": " ".join(_desk_kinds(request.user))},
        status=400 if form.errors else 200,
    )


@login_required
def unit_edit(request, pk):
    unit = get_unit_for_user(request.user, pk)
    form = UnitForm(request.POST or None, instance=unit, user=request.user)
    if request.method == "POST" and form.is_valid():
        agency_id = form.agency_id() if "agency" in form.fields else unit.agency_id
        try:
            services.update_unit(request.user, unit.pk, form.cleaned_data["name"], agency_id)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Your changes are saved."))
            return redirect("surveys:manage")
    return _unit_page(request, form, unit)


@login_required
def survey_create(request, unit_pk):
    unit = get_unit_for_user(request.user, unit_pk)
    form = SurveyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.service_fields()
        try:
            survey = services.open_survey(
                request.user,
                unit.pk,
                data["period_start"],
                data["period_end"],
                data["population"],
                data["follow_up"],
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(
                request, _("The survey is open. Print the QR code and put it at the counter.")
            )
            return redirect("surveys:survey_manage", survey.pk)
    return render(
        request,
        "surveys/manage/survey_form.html",
        {"form": form, "unit": unit, "survey": None},
        status=400 if form.errors else 200,
    )


@login_required
def survey_edit(request, pk):
    survey = get_survey_for_user(request.user, pk)
    form = SurveyForm(request.POST or None, instance=survey)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_survey(request.user, survey.pk, form.service_fields())
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Your changes are saved."))
            return redirect("surveys:survey_manage", survey.pk)
    return render(
        request,
        "surveys/manage/survey_form.html",
        {"form": form, "unit": survey.unit, "survey": survey},
        status=400 if form.errors else 200,
    )


@login_required
def survey_manage(request, pk):
    """One survey for its managers: how answering goes, the link and QR code, the results
    so far, the suggestions, imports and publication."""
    survey = get_survey_for_user(request.user, pk)
    context = {
        "survey": survey,
        "unit": survey.unit,
        "region": survey.unit.region,
        "form_url": request.build_absolute_uri(survey_answer_path(survey)),
        "state": survey.answering_state(),
        # The results, suggestions and imports are kept under the region's desk
        # (``receivers``): read only when the kept copy has retired.
        "desk": SimpleLazyObject(lambda: _survey_desk(survey)),
        "desk_kinds": " ".join(desk_kinds(DESK, survey.unit.region_id)),
    }
    return render(request, "surveys/manage/survey.html", context)


def _survey_desk(survey) -> dict:
    return {
        **results_context(survey, results.figures(survey)),
        # With the survey's own key: a related list sets each row's survey from it,
        # which would otherwise read the key back for each row (50 more queries).
        "suggestions": survey.responses.exclude(suggestion="").only(
            "survey", "suggestion", "created_at", "source"
        )[:SUGGESTIONS_SHOWN],
        "batches": survey.import_batches.filter(confirmed_at__isnull=False),
    }


def survey_answer_path(survey) -> str:
    from django.urls import reverse

    return reverse("surveys:answer", args=[survey.pk])


@login_required
@require_POST
def survey_answering(request, pk):
    """Stop taking answers, or take them again."""
    survey = get_survey_for_user(request.user, pk)
    taking = request.POST.get("answering") == "open"
    try:
        services.set_answering(request.user, survey.pk, taking)
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        messages.success(
            request,
            _("The survey takes answers again.")
            if taking
            else _("The survey takes no more answers."),
        )
    return redirect("surveys:survey_manage", survey.pk)


@login_required
def publish(request, pk):
    """Check your answers before publishing: the figures as they will appear, what stops
    publication and what the team should know. Publishing happens only on the POST."""
    survey = get_survey_for_user(request.user, pk)
    if survey.is_published:
        messages.info(request, _("The results are already published."))
        return redirect("surveys:survey_manage", survey.pk)
    figures = results.figures(survey, live=True)
    form = PublishForm(request.POST or None)
    problems = services.publication_problems(survey, figures)
    if request.method == "POST" and form.is_valid() and not problems:
        try:
            services.publish(request.user, survey.pk, form.cleaned_data["reason"])
        except ValidationError as error:
            messages.error(request, _errors(error))
        else:
            messages.success(request, _("The results are published."))
            return redirect("surveys:results", survey.pk)
    context = results_context(survey, figures)
    context.update(
        {
            "form": form,
            "problems": problems,
            "warnings": services.publication_warnings(survey, figures),
        }
    )
    return render(
        request,
        "surveys/manage/publish.html",
        context,
        status=400 if request.method == "POST" else 200,
    )


@login_required
def unpublish(request, pk):
    survey = get_survey_for_user(request.user, pk)
    form = UnpublishForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.unpublish(request.user, survey.pk, form.cleaned_data["reason"])
        messages.success(request, _("The results are withdrawn: they are hidden again."))
        return redirect("surveys:survey_manage", survey.pk)
    return render(
        request,
        "surveys/manage/unpublish.html",
        {"survey": survey, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
def import_upload(request, pk):
    """Upload a file of paper questionnaires; every row is shown before anything is written."""
    survey = get_survey_for_user(request.user, pk)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > importing.MAX_BYTES:
            form.add_error("file", _("The file is larger than 5 MB: split it into smaller files."))
        else:
            try:
                batch, unknown = services.preview_import(
                    request.user, survey.pk, upload.name, upload.read()
                )
            except ValidationError as error:
                form.add_error("file", error)
            else:
                request.session[f"survey-import-unknown-{batch.pk}"] = unknown
                return redirect("surveys:import_preview", survey.pk, batch.pk)
    return render(
        request,
        "surveys/manage/import.html",
        {"survey": survey, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
def import_preview(request, pk, batch_pk):
    """Every row with its verdict; confirming writes the valid rows of the stored preview."""
    survey = get_survey_for_user(request.user, pk)
    batch = get_batch_for_user(request.user, survey, batch_pk)
    if request.method == "POST":
        if request.POST.get("batch") != str(batch.pk):
            messages.error(
                request, _("The confirmation does not match this preview: nothing was imported.")
            )
            return redirect("surveys:import_preview", survey.pk, batch.pk)
        try:
            batch = services.confirm_import(request.user, survey.pk, batch.pk)
        except ValidationError as error:
            messages.error(request, _errors(error))
            return redirect("surveys:import_preview", survey.pk, batch.pk)
        messages.success(
            request,
            _("%(imported)s questionnaires imported, %(left)s left out.")
            % {"imported": batch.imported, "left": batch.invalid_count},
        )
        return redirect("surveys:import_preview", survey.pk, batch.pk)
    return render(
        request,
        "surveys/manage/import_preview.html",
        {
            "survey": survey,
            "batch": batch,
            "unknown": request.session.get(f"survey-import-unknown-{batch.pk}", []),
        },
    )


@login_required
def import_template(request):
    require_dashboard(request.user)
    response = HttpResponse(importing.template_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="skm-kuesioner.csv"'
    return response


@login_required
def qr_svg(request, pk):
    survey = get_survey_for_user(request.user, pk)
    content = qr.qr_svg(request.build_absolute_uri(survey_answer_path(survey)))
    response = HttpResponse(content, content_type="image/svg+xml")
    if request.GET.get("unduh"):
        response["Content-Disposition"] = f'attachment; filename="qr-survei-{survey.pk}.svg"'
    return response


@login_required
def qr_pdf(request, pk):
    survey = get_survey_for_user(request.user, pk)
    content = qr.qr_pdf(survey, request.build_absolute_uri(survey_answer_path(survey)))
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="qr-survei-{survey.pk}.pdf"'
    return response


@login_required
def export_csv(request, pk):
    """Every response of the survey, one row each, as the import reads them back."""
    survey = get_survey_for_user(request.user, pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="skm-jawaban-{survey.pk}.csv"'
    response.write("\ufeff")  # spreadsheets then read the file as UTF-8
    writer = csv.writer(response)
    names = [name for name, _label, _choices in CHARACTERISTICS]
    writer.writerow(
        [*ikm.CODES, "jenis_kelamin", "umur", "pendidikan", "pekerjaan", "saran", "sumber", "waktu"]
    )
    rows = survey.responses.order_by("created_at", "pk").values_list(
        *ELEMENT_FIELDS, *names, "suggestion", "source", "created_at"
    )
    zone = survey.unit.region.tzinfo
    for row in rows.iterator(chunk_size=2000):
        *values, suggestion, source, created = row
        writer.writerow(
            [
                *("" if value is None else value for value in values),
                safe_cell(suggestion),
                source,
                created.astimezone(zone).strftime("%Y-%m-%d %H:%M"),
            ]
        )
    return response

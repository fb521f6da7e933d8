"""National admins edit frameworks: weights, scoring method and indicators.

Each edit of a framework that a finished round uses is saved as a new version (see
``editing``); the page then moves to that version and says so.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from cerdas.accounts.permissions import require_manager
from cerdas.assessments import editing
from cerdas.assessments.forms import FrameworkMethodForm, IndicatorForm, WeightsForm
from cerdas.assessments.models import Framework, Indicator
from cerdas.assessments.receivers import DESK
from cerdas.core.cache import desk_kinds


def _get_framework_for_manager(request, pk) -> Framework:
    require_manager(request.user)
    return get_object_or_404(Framework, pk=pk)


def _saved(request, framework, saved, done) -> None:
    """Say where the change went: this version, or a new one when this one is frozen."""
    if saved.pk != framework.pk:
        messages.success(
            request,
            _(
                "The framework is in use by a finished round, so "
                "the change was saved as version %(version)s."
            )
            % {"version": saved.version},
        )
    else:
        messages.success(request, done)


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, problems in error.message_dict.items():
            for problem in problems:
                form.add_error(field if field in form.fields else None, problem)
    else:
        for problem in error.messages:
            form.add_error(None, problem)


@login_required
def framework(request, pk):
    """A framework's weights, method and indicators; a frozen one changes into a new version."""
    framework_ = _get_framework_for_manager(request, pk)
    if request.method == "POST":
        form = WeightsForm(request.POST, framework=framework_)
    else:
        # Kept with the rest of the page (``receivers``): read only when drawn again.
        form = SimpleLazyObject(lambda: WeightsForm(framework=framework_))
    if request.method == "POST" and form.is_valid():
        weights = {}
        for dimension, key, keys in form.groups:
            weights[("d", dimension.code)] = form.cleaned_data[key]
            for indicator, field in zip(dimension.indicators.all(), keys, strict=True):
                weights[("i", dimension.code, indicator.code)] = form.cleaned_data[field]
        try:
            saved = editing.update_weights(
                framework_id=framework_.pk,
                weights=weights,
                normalise=form.cleaned_data["normalise"],
                user=request.user,
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            _saved(request, framework_, saved, _("The weights are saved."))
            return redirect("assessments:framework", saved.pk)
    return render(
        request,
        "assessments/manage/framework.html",
        {
            "framework": framework_,
            "form": form,
            "problems": SimpleLazyObject(framework_.weight_problems),
            "frozen": SimpleLazyObject(framework_.is_frozen),
            "indicators": SimpleLazyObject(framework_.ordered_indicators),
            "versions": Framework.objects.filter(family=framework_.family),
            "rounds": framework_.rounds.all(),
            "kinds": " ".join(desk_kinds(DESK, None)),
        },
    )


def _render_form(request, framework_, form, title, submit):
    return render(
        request,
        "assessments/manage/framework_form.html",
        {
            "framework": framework_,
            "form": form,
            "title": title,
            "submit": submit,
            "frozen": framework_.is_frozen(),
        },
    )


@login_required
def framework_method(request, pk):
    """Name, normalisation, missing-data policy and the aggregation of assessor scores."""
    framework_ = _get_framework_for_manager(request, pk)
    form = FrameworkMethodForm(request.POST or None, instance=Framework.objects.get(pk=pk))
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in editing.METHOD_FIELDS}
        saved = editing.update_method(framework_id=framework_.pk, fields=fields, user=request.user)
        _saved(request, framework_, saved, _("The scoring method is saved."))
        return redirect("assessments:framework", saved.pk)
    return _render_form(request, framework_, form, _("Scoring method"), _("Save the method"))


@login_required
def indicator_add(request, pk):
    framework_ = _get_framework_for_manager(request, pk)
    return _indicator(request, framework_, Indicator(), _("Add an indicator"))


@login_required
def indicator_edit(request, pk, indicator_pk):
    framework_ = _get_framework_for_manager(request, pk)
    indicator = get_object_or_404(
        Indicator.objects.select_related("dimension"),
        pk=indicator_pk,
        dimension__framework=framework_,
    )
    return _indicator(request, framework_, indicator, indicator.label)


def _indicator(request, framework_, indicator, title):
    form = IndicatorForm(request.POST or None, instance=indicator, framework=framework_)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in editing.INDICATOR_FIELDS}
        try:
            saved = editing.save_indicator(
                framework_id=framework_.pk,
                indicator_id=indicator.pk,
                dimension_code=form.cleaned_data["dimension"],
                fields=fields,
                user=request.user,
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            framework_id = saved.dimension.framework_id
            version = Framework.objects.get(pk=framework_id)
            _saved(request, framework_, version, _("The indicator is saved."))
            return redirect(reverse("assessments:framework", args=[framework_id]) + "#indicators")
    return _render_form(request, framework_, form, title, _("Save the indicator"))

"""The program office sets up the award night: categories, rubrics, nominees, the jury and
the moment the results go public. National admins only."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cerdas.accounts.permissions import require_manager

from .. import planning, services
from ..forms import AwardCategoryForm, CriterionFormSet, JuryForm
from ..models import AwardCategory
from ..permissions import get_cohort


def _get_category_for_user(request, year: int, category_id: int):
    require_manager(request.user)
    cohort = get_cohort(year)
    return cohort, get_object_or_404(AwardCategory, cohort=cohort, pk=category_id)


@login_required
def awards(request, year):
    """The categories with their rubrics and nominees, the jury and the publish time."""
    require_manager(request.user)
    cohort = get_cohort(year)
    jury_form = JuryForm(
        request.POST or None,
        initial={"jurors": cohort.jurors.all(), "results_publish_at": cohort.results_publish_at},
    )
    if request.method == "POST" and jury_form.is_valid():
        data = jury_form.cleaned_data
        services.set_jury(
            cohort_id=cohort.pk,
            juror_ids=[juror.pk for juror in data["jurors"]],
            results_publish_at=data["results_publish_at"],
            user=request.user,
        )
        messages.success(request, _("The jury and the publish time were saved."))
        return redirect("cohorts:awards", year)
    return render(
        request,
        "cohorts/awards_manage.html",
        {
            "cohort": cohort,
            "categories": cohort.award_categories.prefetch_related("criteria", "nominees__region"),
            "jury_form": jury_form,
            "published": cohort.results_published(),
        },
    )


@login_required
@require_POST
def publish_now(request, year):
    """Make the results public from this moment."""
    require_manager(request.user)
    services.publish_results_now(cohort_id=get_cohort(year).pk, user=request.user)
    messages.success(request, _("The results are public now."))
    return redirect("cohorts:awards", year)


def _save_category(request, cohort, category):
    form = AwardCategoryForm(request.POST or None, instance=category, cohort=cohort)
    criteria = CriterionFormSet(request.POST or None, instance=category, prefix="criteria")
    if request.method == "POST" and form.is_valid() and criteria.is_valid():
        services.save_record(
            form,
            criteria,
            user=request.user,
            action="cohort.award_category_saved",
            prepare=lambda category: setattr(category, "cohort", cohort),
            about=lambda category: category.cohort,
            after=lambda category: planning.set_nominees(
                category_id=category.pk,
                user=request.user,
                region_ids=[r.pk for r in form.cleaned_data["nominees"]],
            ),
            changes=lambda category: {
                "category": category.name,
                "criteria": [(c.name, c.max_score, c.weight) for c in category.criteria.all()],
            },
        )
        messages.success(request, _("The award category was saved."))
        return redirect("cohorts:awards", cohort.year)
    return render(
        request,
        "cohorts/category_form.html",
        {
            "cohort": cohort,
            "form": form,
            "criteria": criteria,
            "category": category if category.pk else None,
        },
    )


@login_required
def new_category(request, year):
    require_manager(request.user)
    cohort = get_cohort(year)
    return _save_category(request, cohort, AwardCategory(cohort=cohort))


@login_required
def edit_category(request, year, category_id):
    cohort, category = _get_category_for_user(request, year, category_id)
    return _save_category(request, cohort, category)

"""The program office sets up the award night: categories, rubrics, nominees, the jury and
the moment the results go public. National admins only."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from cerdas.accounts.permissions import require_manager
from cerdas.accounts.receivers import PEOPLE
from cerdas.core.confirm import confirm_page, is_confirmed

from .. import awards as awards_service
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

    def jury_form(data=None):
        initial = {"jurors": cohort.jurors.all(), "results_publish_at": cohort.results_publish_at}
        return JuryForm(data, initial=initial)

    if request.method == "POST":
        form = jury_form(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            services.set_jury(
                cohort_id=cohort.pk,
                juror_ids=[juror.pk for juror in data["jurors"]],
                results_publish_at=data["results_publish_at"],
                user=request.user,
            )
            messages.success(request, _("The jury and the publish time were saved."))
            return redirect("cohorts:awards", year)
    else:
        # The categories and the blank form (the jury as it stands) are kept: read when drawn.
        form = SimpleLazyObject(jury_form)
    return render(
        request,
        "cohorts/awards_manage.html",
        {
            "cohort": cohort,
            "categories": cohort.award_categories.prefetch_related("criteria", "nominees__region"),
            "jury_form": form,
            "published": cohort.results_published(),
            "kinds": f"cohorts regions {PEOPLE}",
        },
    )


@login_required
def publish_now(request, year):
    """Make the results public from this moment, after a page that says what that does and
    what the jury has still not done."""
    require_manager(request.user)
    cohort = get_cohort(year)
    back = reverse("cohorts:awards", args=[year])
    if cohort.results_published():
        messages.info(request, _("The results are already public."))
        return redirect(back)
    if is_confirmed(request):
        services.publish_results_now(cohort_id=cohort.pk, user=request.user, confirmed=True)
        messages.success(request, _("The results are public now."))
        return redirect(back)
    effects = [
        _(
            "Everyone can read the winners and the ranking of every category, and download the "
            "certificates."
        ),
        _("Results once read cannot be taken back: there is no unpublishing."),
    ]
    if cohort.results_publish_at:
        effects.append(
            _("This replaces the publish time set for %(when)s.")
            % {"when": date_format(timezone.localtime(cohort.results_publish_at), "j F Y H:i")}
        )
    missing = awards_service.missing_scores(cohort)
    if not cohort.jury_closed:
        missing.insert(0, _("The jury is not closed: jurors can still change their scores."))
    return confirm_page(
        request,
        title=_("Publish the award results now?"),
        effects=effects,
        missing=missing,
        button=_("Publish the results now"),
        back_url=back,
    )


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

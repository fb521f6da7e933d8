"""A member region's own records: its institutions, its MoU obligations and its seminar
presentation. The region's team edits them (so may the program office); its mentor and
the office read them on the region's board; everyone else is refused."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from cerdas.core.registries import known_milestones

from .. import board_cache, planning, services
from ..forms import InstitutionForm, InstitutionMemberFormSet, ObligationFormSet, PresentationForm
from ..models import Institution, Mou, Presentation
from ..permissions import get_member_for_user


@login_required
def institution(request, year, code, kind):
    """The Dewan Smart City or the Tim Pelaksana: its decree (SK) and its members."""
    cohort, region = get_member_for_user(request.user, year, code, act=True)
    if kind not in Institution.Kind.values:
        raise Http404
    instance = Institution.objects.filter(cohort=cohort, region=region, kind=kind).first()
    instance = instance or Institution(cohort=cohort, region=region, kind=kind)
    form = InstitutionForm(request.POST or None, request.FILES or None, instance=instance)
    people = InstitutionMemberFormSet(request.POST or None, instance=instance, prefix="people")
    if request.method == "POST" and form.is_valid() and people.is_valid():
        services.save_record(
            form,
            people,
            user=request.user,
            action="cohort.institution_saved",
            changes=lambda saved: {
                "members": [f"{p.name} ({p.role})" for p in saved.members.all()]
            },
        )
        messages.success(request, _("The institution was saved."))
        return redirect("cohorts:region_board", year, code)
    return render(
        request,
        "cohorts/institution_form.html",
        {
            "cohort": cohort,
            "region": region,
            "kind_label": Institution.Kind(kind).label,
            "form": form,
            "people": people,
            "institution": instance if instance.pk else None,
        },
    )


@login_required
def obligations(request, year, code):
    """Tick off what the MoU obliges the region to do, with the date and the evidence."""
    cohort, region = get_member_for_user(request.user, year, code, act=True)
    mou = Mou.objects.filter(cohort=cohort, region=region).first()
    if mou is None:
        messages.info(request, _("Record the MoU first; its obligations come with it."))
        return redirect("cohorts:mou", year, code)

    def obligations_formset(data=None, files=None):
        planning.ensure_obligations(mou)
        return ObligationFormSet(data, files, queryset=mou.obligations.all())

    def with_known(formset):
        """Each obligation with what Cerdas already knows of it, to draw."""
        known = {key: facts.get(code) for key, facts in known_milestones([code]).items()}
        for form in formset.forms:
            form.known = known.get(form.instance.kind)
        return formset

    if request.method == "POST":
        formset = obligations_formset(request.POST or None, request.FILES or None)
        if formset.is_valid():
            services.save_obligations(formset, user=request.user)
            messages.success(request, _("The obligations were saved."))
            return redirect("cohorts:region_board", year, code)
        formset = with_known(formset)
    else:
        # The blank formset is kept (obligations_form.html): read when drawn.
        formset = SimpleLazyObject(lambda: with_known(obligations_formset()))
    return render(
        request,
        "cohorts/obligations_form.html",
        {
            "cohort": cohort,
            "region": region,
            "mou": mou,
            "formset": formset,
            "kinds": " ".join(["regions", *board_cache.kinds()]),
        },
    )


@login_required
def presentation(request, year, code):
    """The region's seminar presentation: summary, quick wins and slides."""
    cohort, region = get_member_for_user(request.user, year, code, act=True)
    instance = Presentation.objects.filter(cohort=cohort, region=region).first()
    instance = instance or Presentation(cohort=cohort, region=region)
    form = PresentationForm(request.POST or None, request.FILES or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        services.save_record(form, user=request.user, action="cohort.presentation_saved")
        messages.success(request, _("The presentation was saved."))
        return redirect("cohorts:region_board", year, code)
    return render(
        request,
        "cohorts/presentation_form.html",
        {"cohort": cohort, "region": region, "form": form},
    )

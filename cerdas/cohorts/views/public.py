"""Pages anyone can read: the cohorts, their members over time, the showcase and results."""

import datetime
import functools

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from cerdas.core import media
from cerdas.core.cache import public_page
from cerdas.core.forms import DateField

from .. import awards
from ..models import AwardCategory, Cohort, Membership, Presentation
from ..permissions import can_manage, get_cohort, is_juror

KIND = "cohorts"


def _day_from(request) -> datetime.date:
    """The day asked for in ``?on=``; today when there is none or it is no date we hold."""
    try:
        return DateField(required=False).clean(request.GET.get("on")) or timezone.localdate()
    except ValidationError:
        return timezone.localdate()


@public_page(KIND)
def cohort_list(request):
    """Every cohort with its members today."""
    cohorts = Cohort.objects.with_member_count().order_by("-year")
    return render(request, "cohorts/list.html", {"cohorts": cohorts})


@public_page(KIND)
def cohort_detail(request, year):
    """A cohort's calendar, its members on a chosen day and every membership change."""
    cohort = get_cohort(year)
    day = _day_from(request)

    @functools.cache
    def history():
        return list(
            cohort.memberships.select_related("region", "replaces__region").order_by(
                "joined_on", "region__name"
            )
        )

    def changes():
        first = _first_day(history())
        return sorted(
            [m for m in history() if m.left_on or m.replaces_id or m.joined_on != first],
            key=lambda m: m.left_on or m.joined_on,
        )

    # Everything below the heading is the same for every reader of the day, so the template
    # shares it ({% shared %}); these are read only when that copy is missing.
    return render(
        request,
        "cohorts/detail.html",
        {
            "cohort": cohort,
            "day": day,
            "members": SimpleLazyObject(
                lambda: list(cohort.members_on(day).select_related("region__province"))
            ),
            "history": SimpleLazyObject(history),
            "changes": SimpleLazyObject(changes),
            "calendar": SimpleLazyObject(lambda: _calendar(cohort)),
            "award_records": cohort.award_records.select_related("region"),
            "results_published": SimpleLazyObject(cohort.results_published),
            "has_showcase": SimpleLazyObject(cohort.presentations.filter(is_published=True).exists),
            "can_manage": request.user.is_authenticated and can_manage(request.user),
        },
    )


def _calendar(cohort) -> list[dict]:
    """The cohort's milestones and bimtek sessions together, in date order."""
    rows = [
        {"label": label, "start": start, "end": end, "session": None}
        for label, start, end in cohort.calendar()
    ]
    rows += [
        {
            "label": _("Bimtek stage %(stage)s") % {"stage": session.stage},
            "start": session.starts_on,
            "end": session.ends_on,
            "session": session,
        }
        for session in cohort.sessions.all()
    ]
    return sorted(rows, key=lambda row: row["start"])


def _first_day(history: list[Membership]):
    return min((m.joined_on for m in history), default=None)


@public_page(KIND)
def showcase(request, year):
    """The seminar showcase: each member's presentation, for regions to learn from each other."""
    cohort = get_cohort(year)
    presentations = cohort.presentations.filter(is_published=True).select_related("region")
    return render(
        request, "cohorts/showcase.html", {"cohort": cohort, "presentations": presentations}
    )


def slides(request, year, code):
    presentation = get_object_or_404(
        Presentation, cohort__year=year, region_id=code, is_published=True
    )
    if not presentation.slides:
        raise Http404
    return media.serve(
        request, presentation.slides.name, public=True, filename=f"slides-{year}-{code}.pdf"
    )


def _may_see_results(request, cohort: Cohort) -> bool:
    """The public from the publish time on; admins always; jurors once the jury is closed."""
    if cohort.results_published():
        return True
    user = request.user
    if not user.is_authenticated:
        return False
    return can_manage(user) or (cohort.jury_closed and is_juror(user, cohort))


def results(request, year):
    """The award night's winners; a 404 to the public before the publish time."""
    cohort = get_cohort(year)
    if not _may_see_results(request, cohort):
        raise Http404
    return render(
        request,
        "cohorts/results.html",
        {
            "cohort": cohort,
            "results": awards.results(cohort),
            "published": cohort.results_published(),
        },
    )


def certificate(request, year, category_id, code):
    """A winner's certificate as PDF, once the results may be seen."""
    cohort = get_cohort(year)
    if not _may_see_results(request, cohort):
        raise Http404
    category = get_object_or_404(AwardCategory, cohort=cohort, pk=category_id)
    result = next(r for r in awards.results(cohort) if r.category.pk == category.pk)
    winner = result.winner
    if winner is None or winner.region_id != code:
        raise Http404
    pdf = awards.certificate_pdf(cohort=cohort, category=category, region=winner.region)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="sertifikat-{year}-{code}.pdf"'
    return response

"""The program office runs a cohort: calendar, bimtek sessions, attendance, deliverables,
mentors. Every page here is for national admins only (403 for everyone else)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from cerdas.accounts.permissions import require_manager
from cerdas.accounts.receivers import PEOPLE

from .. import planning, services
from ..forms import (
    AttendanceForm,
    CohortCalendarForm,
    DeliverableForm,
    MentorsForm,
    SessionForm,
)
from ..models import BimtekSession, Deliverable
from ..permissions import get_cohort, session_scope


def _get_session_for_user(request, year: int, stage: int):
    """The cohort's session of this stage and how much of it the user sees; else 404/403."""
    cohort = get_cohort(year)
    session = get_object_or_404(
        BimtekSession.objects.select_related("cohort"),
        cohort=cohort,
        stage=stage,
    )
    scope = session_scope(request.user, session)
    if scope is None:
        raise PermissionDenied
    return cohort, session, scope


def _current_regions(cohort):
    return [
        m.region
        for m in cohort.memberships.current()
        .select_related("region__province")
        .order_by("region__name")
    ]


@login_required
def manage_cohort(request, year):
    """The program office's starting point for one cohort: what is set up and what is not."""
    require_manager(request.user)
    cohort = get_cohort(year)
    return render(
        request,
        "cohorts/manage.html",
        {
            "cohort": cohort,
            # The page shows how many deliverables each session has, not which: a count.
            "sessions": cohort.sessions.annotate(deliverable_count=Count("deliverables")),
            "deliverables": cohort.deliverables.select_related("session"),
            # Counted only when the page's kept copy has retired (a callable: the template
            # calls it; the querysets above are lazy likewise).
            "unassigned": lambda: (
                cohort.memberships.current()
                .exclude(region_id__in=cohort.mentor_assignments.values("region_id"))
                .count()
            ),
            "categories": cohort.award_categories.all(),
        },
    )


@login_required
def edit_cohort(request, year):
    require_manager(request.user)
    cohort = get_cohort(year)
    form = CohortCalendarForm(request.POST or None, instance=cohort)
    if request.method == "POST" and form.is_valid():
        services.save_record(
            form,
            user=request.user,
            action="cohort.updated",
            changes={name: str(form.cleaned_data[name]) for name in form.changed_data},
        )
        messages.success(request, _("The cohort's calendar was saved."))
        return redirect("cohorts:manage", year)
    return render(request, "cohorts/cohort_edit.html", {"cohort": cohort, "form": form})


def _save_session(request, cohort, instance):
    form = SessionForm(request.POST or None, instance=instance, cohort=cohort)
    if request.method == "POST" and form.is_valid():
        session = services.save_record(
            form,
            user=request.user,
            action="cohort.session_saved",
            prepare=lambda session: setattr(session, "cohort", cohort),
        )
        messages.success(request, _("The bimtek session was saved."))
        return redirect("cohorts:session", cohort.year, session.stage)
    return render(
        request,
        "cohorts/session_form.html",
        {"cohort": cohort, "form": form, "session": instance if instance.pk else None},
    )


@login_required
def new_session(request, year):
    require_manager(request.user)
    cohort = get_cohort(year)
    return _save_session(request, cohort, BimtekSession(cohort=cohort))


@login_required
def edit_session(request, year, stage):
    require_manager(request.user)
    cohort, session, _scope = _get_session_for_user(request, year, stage)
    return _save_session(request, cohort, session)


@login_required
def session_detail(request, year, stage):
    """A session's agenda, mentors, deliverables and who came from each region."""
    cohort, session, scope = _get_session_for_user(request, year, stage)
    # A member region's people see their own region's row only.
    own = request.user.region_id if scope == "own" else None

    def table():
        attendance = {a.region_id: a for a in session.attendance.all()}
        regions = _current_regions(cohort)
        if own is not None:
            regions = [r for r in regions if r.pk == own]
        return {
            "rows": [(region, attendance.get(region.pk)) for region in regions],
            "came": sum(1 for a in attendance.values() if a.attended),
        }

    # The session's facts, deliverables and attendance are kept (session.html), per what
    # the reader sees: read when drawn.
    return render(
        request,
        "cohorts/session.html",
        {
            "cohort": cohort,
            "session": session,
            "table": SimpleLazyObject(table),
            "deliverables": session.deliverables.all(),
            "can_manage": scope == "all" and request.user.can("manage_program"),
            "sees": f"{scope}:{own or ''}",
            "kinds": f"cohorts regions {PEOPLE}",
        },
    )


@login_required
def attendance(request, year, stage):
    """Record who came from each current member region."""
    require_manager(request.user)
    cohort, session, _scope = _get_session_for_user(request, year, stage)

    def attendance_form(data=None):
        regions = _current_regions(cohort)
        existing = {a.region_id: a for a in session.attendance.all()}
        return AttendanceForm(data, regions=regions, existing=existing)

    if request.method == "POST":
        form = attendance_form(request.POST or None)
        if form.is_valid():
            data = form.cleaned_data
            rows = {
                r.pk: (data[f"attended_{r.pk}"], data[f"attendees_{r.pk}"]) for r in form.regions
            }
            planning.record_attendance(session_id=session.pk, user=request.user, rows=rows)
            messages.success(request, _("The attendance was saved."))
            return redirect("cohorts:session", year, stage)
    else:
        # The blank form (what is recorded so far) is kept: read when drawn.
        form = SimpleLazyObject(attendance_form)
    return render(
        request,
        "cohorts/attendance_form.html",
        {"cohort": cohort, "session": session, "form": form},
    )


def _save_deliverable(request, cohort, instance):
    initial = {}
    stage = request.GET.get("sesi", "")
    if not instance.pk and stage.isdigit():
        initial["session"] = cohort.sessions.filter(stage=int(stage)).first()
    form = DeliverableForm(request.POST or None, instance=instance, cohort=cohort, initial=initial)
    if request.method == "POST" and form.is_valid():
        item = services.save_record(
            form,
            user=request.user,
            action="cohort.deliverable_saved",
            prepare=lambda item: setattr(item, "cohort", cohort),
            changes=lambda item: {"title": item.title, "due_on": str(item.due_on)},
        )
        messages.success(request, _("The deliverable was saved."))
        if item.session_id:
            return redirect("cohorts:session", cohort.year, item.session.stage)
        return redirect("cohorts:manage", cohort.year)
    return render(
        request,
        "cohorts/deliverable_form.html",
        {"cohort": cohort, "form": form, "item": instance if instance.pk else None},
    )


@login_required
def new_deliverable(request, year):
    require_manager(request.user)
    cohort = get_cohort(year)
    return _save_deliverable(request, cohort, Deliverable(cohort=cohort))


@login_required
def edit_deliverable(request, year, deliverable_id):
    require_manager(request.user)
    cohort = get_cohort(year)
    item = get_object_or_404(Deliverable, cohort=cohort, pk=deliverable_id)
    return _save_deliverable(request, cohort, item)


@login_required
def mentors(request, year):
    """Assign each current member region the mentor who reviews its deliverables."""
    require_manager(request.user)
    cohort = get_cohort(year)

    def mentors_form(data=None):
        regions = _current_regions(cohort)
        current = {m.region_id: m.mentor_id for m in cohort.mentor_assignments.all()}
        return MentorsForm(data, regions=regions, current=current)

    if request.method == "POST":
        form = mentors_form(request.POST)
        if form.is_valid():
            changed = planning.assign_mentors(
                cohort_id=cohort.pk, user=request.user, chosen=form.chosen()
            )
            messages.success(
                request, _("%(count)s mentor assignment(s) changed.") % {"count": changed}
            )
            return redirect("cohorts:mentors", year)
    else:
        # The blank form (each region's mentor as it stands) is kept: read when drawn.
        form = SimpleLazyObject(mentors_form)
    context = {"cohort": cohort, "form": form, "kinds": f"cohorts regions {PEOPLE}"}
    return render(request, "cohorts/mentors.html", context)

"""Pages for the program office, the member regions' teams, their mentors and the jury."""

import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from cerdas.accounts.permissions import require_manager
from cerdas.accounts.receivers import PEOPLE
from cerdas.core import media
from cerdas.core.confirm import confirm_page, is_confirmed
from cerdas.core.registries import known_milestones, milestone_facts

from .. import awards, board_cache, planning, reviews, services
from ..board import build_board, region_deliverables
from ..forms import (
    BoardFilterForm,
    CohortForm,
    JuryScoreForm,
    MouForm,
    ReviewForm,
    SubmissionForm,
)
from ..models import (
    Attendance,
    Deliverable,
    Institution,
    InstitutionMember,
    Mou,
    Nominee,
    Obligation,
    Presentation,
    Score,
    Submission,
)
from ..permissions import (
    can_act_for_member,
    can_manage,
    can_review,
    get_cohort,
    get_member_for_user,
    is_juror,
)


@login_required
def new_cohort(request):
    require_manager(request.user)
    form = CohortForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        cohort = services.save_record(
            form,
            user=request.user,
            action="cohort.created",
            prepare=lambda cohort: setattr(cohort, "created_by", request.user),
        )
        messages.success(request, _("The cohort was created."))
        return redirect("cohorts:members", cohort.year)
    return render(request, "cohorts/cohort_form.html", {"form": form})


@login_required
def board(request, year):
    """The national progress board: members by milestones, filtered.

    The whole page comes from the cache while the boards' data, the hour and the user's
    session stay the same, and the table alone while only the user differs (see
    ``board_cache``); the permission check runs on every request, the cohort is looked up
    only to render.
    """
    require_manager(request.user)
    return board_cache.cached_page(
        request, year, render=lambda: _render_board(request, get_cohort(year))
    )


def _render_board(request, cohort):
    form = BoardFilterForm(request.GET or None)
    only, day = None, None
    if form.is_valid():
        only = form.cleaned_data["only"] or None
        day = form.cleaned_data["on"]

    def render_table():
        context = {
            "cohort": cohort,
            "board": build_board(cohort, day=day, only=only),
            "late_label": _("late"),
        }
        return render_to_string("cohorts/includes/board_table.html", context, request=request)

    body = board_cache.cached_body(cohort.pk, only=only, day=day, render=render_table)
    return render(
        request,
        "cohorts/board.html",
        {"cohort": cohort, "form": form, "body": mark_safe(body)},
    )


@login_required
def region_board(request, year, code):
    """One member region's own board: MoU, institutions, deliverables and their reviews."""
    cohort, region = get_member_for_user(request.user, year, code)

    # Every query below is of one cohort and one region: ordered by its own columns, not by
    # the models' default orderings, which join the cohort and the region only to sort by them.
    @functools.cache
    def memberships():
        return list(cohort.memberships.filter(region=region).order_by("joined_on"))

    @functools.cache
    def mou():
        return cohort.mous.filter(region=region).prefetch_related("obligations").first()

    @functools.cache
    def known():
        return {key: facts.get(code) for key, facts in known_milestones([code]).items()}

    def deliverables():
        today = timezone.localdate()
        if not any(m.was_member_on(today) for m in memberships()):
            return []  # a region that has left the cohort has nothing more to hand in
        return region_deliverables(cohort, region)

    # Below the heading the board is the same for whoever may see it, but for what they may
    # do (can_act), so the template shares it ({% shared %}) as the national board's table is
    # kept (board_cache): under the version of cohorts content and of the milestone facts, and
    # the UTC hour, on which every deadline turns. These are read only when that copy is missing.
    return render(
        request,
        "cohorts/region_board.html",
        {
            "cohort": cohort,
            "region": region,
            "shared_kinds": " ".join(board_cache.kinds()),
            "hour": board_cache.utc_hour(),
            "can_act": can_act_for_member(request.user, region) or can_manage(request.user),
            "memberships": SimpleLazyObject(memberships),
            "mou": SimpleLazyObject(mou),
            "obligations": SimpleLazyObject(lambda: _obligations(mou(), known())),
            "known": SimpleLazyObject(
                lambda: [(e.label, known()[e.key]) for e in milestone_facts if known()[e.key]]
            ),
            "institutions": SimpleLazyObject(lambda: _institutions(cohort, region)),
            "attendance": SimpleLazyObject(lambda: _attendance(cohort, region)),
            "presentation": SimpleLazyObject(
                lambda: cohort.presentations.filter(region=region).order_by("pk").first()
            ),
            "deliverables": SimpleLazyObject(deliverables),
        },
    )


def _obligations(mou, known) -> list[tuple]:
    """Each MoU obligation with what Cerdas already knows about it (an approved masterplan
    answers "write the masterplan"), so the board never says "not yet done" against it."""
    if mou is None:
        return []
    return [(o, None if o.done_on else known.get(o.kind)) for o in mou.obligations.all()]


def _institutions(cohort, region) -> list:
    """Both institutions, recorded or not, so the team sees what is still to be formed."""
    members = Prefetch("members", InstitutionMember.objects.order_by("id"))
    found = {i.kind: i for i in cohort.institutions.filter(region=region).prefetch_related(members)}
    return [(kind, label, found.get(kind)) for kind, label in Institution.Kind.choices]


def _attendance(cohort, region) -> list:
    """Each bimtek session of the cohort with this region's attendance row (or None)."""
    rows = {
        a.session_id: a for a in Attendance.objects.filter(session__cohort=cohort, region=region)
    }
    return [(session, rows.get(session.pk)) for session in cohort.sessions.order_by("stage")]


@login_required
def mou(request, year, code):
    cohort, region = get_member_for_user(request.user, year, code, act=True)
    instance = Mou.objects.filter(cohort=cohort, region=region).first() or Mou(
        cohort=cohort, region=region
    )
    form = MouForm(request.POST or None, request.FILES or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        services.save_record(
            form, user=request.user, action="cohort.mou_saved", after=planning.ensure_obligations
        )
        messages.success(request, _("The MoU was saved."))
        return redirect("cohorts:region_board", year, code)
    return render(
        request, "cohorts/mou_form.html", {"cohort": cohort, "region": region, "form": form}
    )


@login_required
def deliverable(request, year, code, deliverable_id):
    """A deliverable's versions for one region, with the submit and review forms."""
    cohort, region = get_member_for_user(request.user, year, code)
    item = get_object_or_404(Deliverable, cohort=cohort, pk=deliverable_id)
    versions = list(
        Submission.objects.filter(deliverable=item, region=region).select_related(
            "submitted_by", "reviewer"
        )
    )
    may_submit = can_act_for_member(request.user, region)
    may_review = can_review(request.user, cohort, region)
    submit_form = SubmissionForm()
    review_form = ReviewForm()
    if request.method == "POST" and request.POST.get("action") == "submit":
        if not may_submit:
            raise PermissionDenied
        submit_form = SubmissionForm(request.POST, request.FILES)
        if submit_form.is_valid():
            data = submit_form.cleaned_data
            try:
                reviews.submit(
                    deliverable_id=item.pk,
                    region_code=code,
                    user=request.user,
                    document=data["document"],
                    url=data["url"],
                    note=data["note"],
                )
            except reviews.SubmissionError as error:
                submit_form.add_error(None, str(error))
            else:
                messages.success(request, _("Your deliverable was submitted."))
                return redirect(request.path)
    elif request.method == "POST" and request.POST.get("action") == "review":
        if not may_review or not versions:
            raise PermissionDenied
        review_form = ReviewForm(request.POST)
        if review_form.is_valid():
            accept = review_form.cleaned_data["decision"] == "accept"
            if accept and not is_confirmed(request):
                return _confirm_acceptance(request, item, region, versions[0], review_form)
            try:
                reviews.review(
                    submission_id=versions[0].pk,
                    user=request.user,
                    accept=accept,
                    comment=review_form.cleaned_data["comment"],
                    confirmed=is_confirmed(request),
                )
            except reviews.SubmissionError as error:
                review_form.add_error(None, str(error))
            else:
                messages.success(request, _("Your review was saved."))
                return redirect(request.path)
    latest = versions[0] if versions else None
    return render(
        request,
        "cohorts/deliverable.html",
        {
            "cohort": cohort,
            "region": region,
            "item": item,
            "deadline": item.deadline_for(region),
            "status": reviews.item_status(item, region, latest),
            "versions": versions,
            "submit_form": submit_form if may_submit else None,
            "review_form": review_form
            if may_review and latest and latest.status == Submission.Status.SUBMITTED
            else None,
        },
    )


def _confirm_acceptance(request, item, region, submission, form):
    """Accepting makes the version final: the team hands in no other. Ask first."""
    return confirm_page(
        request,
        title=_("Accept version %(version)s of “%(title)s”?")
        % {"version": submission.version, "title": item.title},
        effects=[
            _("Version %(version)s becomes the accepted %(title)s of %(region)s.")
            % {"version": submission.version, "title": item.title, "region": region.name},
            _("The team can no longer hand in another version of this deliverable."),
        ],
        missing=[_("The version was handed in late.")] if submission.is_late else [],
        answers=[(form.fields["comment"].label, form.cleaned_data["comment"])],
        button=_("Accept this version"),
        back_url=request.path,
    )


# kind in the address: (model, file field, how the model reaches the cohort and region).
_DOCUMENTS = {
    "mou": (Mou, "document", "cohort", "region"),
    "submission": (Submission, "document", "deliverable__cohort", "region"),
    "decree": (Institution, "decree_file", "cohort", "region"),
    "evidence": (Obligation, "evidence_file", "mou__cohort", "mou__region"),
    "slides": (Presentation, "slides", "cohort", "region"),
}


@login_required
def document(request, year, code, kind, pk):
    """An uploaded document, served only to those who may see the member's records."""
    cohort, region = get_member_for_user(request.user, year, code)
    if kind not in _DOCUMENTS:
        raise Http404
    model, field, cohort_path, region_path = _DOCUMENTS[kind]
    obj = get_object_or_404(model, **{"pk": pk, cohort_path: cohort, region_path: region})
    upload = getattr(obj, field)
    if not upload:
        raise Http404
    return media.serve(request, upload.name)


@login_required
def jury(request, year):
    """A juror's own scores; other jurors' scores stay hidden until the jury closes."""
    cohort = get_cohort(year)
    juror = is_juror(request.user, cohort)
    if not (juror or can_manage(request.user)):
        raise PermissionDenied
    errors, typed = {}, {}
    if request.method == "POST":
        form = JuryScoreForm(request.POST)
        if not form.is_valid():
            raise Http404
        nominee = get_object_or_404(
            Nominee, pk=form.cleaned_data["nominee"], category__cohort=cohort
        )
        values = {}
        for criterion in nominee.category.criteria.all():
            values[criterion.pk] = form.score(f"c{criterion.pk}")
        try:
            if any(v < 0 for v in values.values()):
                raise awards.ScoringError(_("Give every criterion a whole-number score."))
            awards.score_nominee(nominee_id=nominee.pk, juror=request.user, values=values)
        except awards.ScoringError as error:
            errors[nominee.pk] = str(error)
            typed = {(nominee.pk, k): v for k, v in values.items() if v >= 0}
        else:
            messages.success(request, _("Your scores were saved."))
            return redirect("cohorts:jury", year)
    return render(
        request,
        "cohorts/jury.html",
        {
            "cohort": cohort,
            # A juror's scoring forms are kept per juror (jury.html) under the cohorts, the
            # regions and the people (their own region is not theirs to score): read and
            # drawn only when that copy has retired, or when a score comes back refused.
            "categories": SimpleLazyObject(lambda: _ballots(cohort, request.user, typed, errors)),
            "kinds": f"cohorts regions {PEOPLE}",
            "is_juror": juror,
            "show_all": cohort.jury_closed or can_manage(request.user),
            # Every juror's scores are kept (jury.html): ranked when drawn.
            "results": SimpleLazyObject(lambda: awards.results(cohort)),
        },
    )


def _ballots(cohort, user, typed, errors) -> list:
    """The award categories, each nominee with ``user``'s scores (``typed`` over them)."""
    # The nominees are ordered by their region's name: the join is there already.
    nominees = Prefetch("nominees", Nominee.objects.select_related("region"))
    categories = list(cohort.award_categories.prefetch_related("criteria", nominees))
    mine = {
        (s.nominee_id, s.criterion_id): s.value
        for s in Score.objects.filter(juror=user, nominee__category__cohort=cohort)
    }
    mine.update(typed)
    for category in categories:
        for nominee in category.nominees.all():
            nominee.my_scores = [(c, mine.get((nominee.pk, c.pk))) for c in category.criteria.all()]
            nominee.error = errors.get(nominee.pk)
            nominee.own_region = user.region_id == nominee.region_id
    return categories


@login_required
def close_jury(request, year):
    """Close the jury after a page that says what closing does and who has not scored."""
    require_manager(request.user)
    cohort = get_cohort(year)
    back = reverse("cohorts:jury", args=[year])
    if cohort.jury_closed:
        messages.info(request, _("The jury is closed."))
        return redirect(back)
    if is_confirmed(request):
        awards.close_jury(cohort_id=cohort.pk, user=request.user, confirmed=True)
        messages.success(request, _("The jury is closed."))
        return redirect(back)
    return confirm_page(
        request,
        title=_("Close the jury?"),
        effects=[
            _("No juror can change a score after this; the jury is not reopened."),
            _("Every juror sees all the jury's scores, and the ranking of each category is fixed."),
            _(
                "The results go public at the publish time set on the awards page, or when you "
                "publish them."
            ),
        ],
        missing=awards.missing_scores(cohort),
        button=_("Close the jury"),
        back_url=back,
    )

"""The program office records a cohort's membership by hand, with dates and reasons."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cerdas.accounts.permissions import require_manager
from cerdas.regions.services import get_resolver, reason_text, resolve_pasted

from .. import services
from ..forms import AddMembersForm, EndMembershipForm
from ..models import Membership
from ..permissions import get_cohort


def _resolve_lines(text: str, post) -> tuple[list[str], list[dict], list[str]]:
    """Codes taken, lines needing a pick (with candidates), and lines not found."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    pasted = resolve_pasted(lines, pick=lambda index: post.get(f"pick_{index}", ""))
    to_pick = [
        {
            "index": index,
            "line": result.query,
            "candidates": [(c, reason_text(c.reason)) for c in result.candidates],
        }
        for index, result in pasted.to_pick
    ]
    return pasted.codes, to_pick, [result.query for _index, result in pasted.unknown]


@login_required
def members(request, year):
    """Add members from pasted names; ambiguous names are shown to pick, unknown ones listed."""
    require_manager(request.user)
    cohort = get_cohort(year)
    form = AddMembersForm(request.POST or None)
    to_pick, unknown = [], []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        codes, to_pick, unknown = _resolve_lines(data["names"], request.POST)
        if not to_pick and not unknown:
            created = services.add_members(
                cohort_id=cohort.pk,
                region_codes=codes,
                user=request.user,
                reason=data["reason"],
                source=data["source"],
                joined_on=data["joined_on"],
                dates_approximate=data["dates_approximate"],
            )
            messages.success(
                request,
                _("%(count)s region(s) added; %(skipped)s already members.")
                % {"count": len(created), "skipped": len(set(codes)) - len(created)},
            )
            return redirect("cohorts:members", year)
    history = cohort.memberships.select_related("region", "created_by").order_by(
        "region__name", "joined_on"
    )
    return render(
        request,
        "cohorts/members.html",
        {
            "cohort": cohort,
            "form": form,
            "to_pick": to_pick,
            "unknown": unknown,
            "history": history,
            "end_form": EndMembershipForm(),
        },
    )


@login_required
@require_POST
def end_membership(request, year, membership_id):
    """Record a member withdrawing or being replaced; its history row stays."""
    require_manager(request.user)
    cohort = get_cohort(year)
    membership = get_object_or_404(Membership, cohort=cohort, pk=membership_id)
    form = EndMembershipForm(request.POST)
    error = None
    if form.is_valid():
        data = form.cleaned_data
        try:
            if data["status"] == Membership.Status.REPLACED:
                result = get_resolver().resolve(data["replacement"])
                if result.best is None:
                    raise ValueError(
                        _("“%(name)s” does not name exactly one region; write its code.")
                        % {"name": data["replacement"]}
                    )
                services.replace_member(
                    membership_id=membership.pk,
                    region_code=result.best.code,
                    user=request.user,
                    on=data["left_on"],
                    reason=data["reason"],
                    source=data["source"],
                    dates_approximate=data["dates_approximate"],
                )
            else:
                services.end_membership(
                    membership_id=membership.pk,
                    user=request.user,
                    left_on=data["left_on"],
                    reason=data["reason"],
                    source=data["source"],
                    dates_approximate=data["dates_approximate"],
                )
        except ValueError as exc:
            error = str(exc)
        else:
            messages.success(request, _("The membership change was recorded."))
            return redirect("cohorts:members", year)
    return render(
        request,
        "cohorts/end_membership.html",
        {"cohort": cohort, "membership": membership, "form": form, "error": error},
        status=400,
    )

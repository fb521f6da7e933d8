"""The program office records a cohort's membership by hand, with dates and reasons."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from cerdas.accounts.permissions import require_manager
from cerdas.core.confirm import confirm_page, is_confirmed
from cerdas.regions.models import Region

from .. import services
from ..forms import AddMembersForm, EndMembershipForm
from ..models import Membership
from ..permissions import get_cohort


@login_required
def members(request, year):
    """Add members from pasted names: an ambiguous name is offered to pick, an unknown one
    sent back, and nothing is saved until every name is settled (the region picker)."""
    require_manager(request.user)
    cohort = get_cohort(year)
    # The blank form and the history are kept (members.html): built or read when drawn.
    form = (
        AddMembersForm(request.POST or None)
        if request.method == "POST"
        else SimpleLazyObject(AddMembersForm)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        codes = data["names"]
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
        {"cohort": cohort, "form": form, "history": history},
    )


@login_required
def end_membership(request, year, membership_id):
    """Record a member withdrawing or being replaced, after a page that repeats the answers
    and says what will happen; the history row stays."""
    require_manager(request.user)
    cohort = get_cohort(year)
    membership = get_object_or_404(
        Membership.objects.select_related("region"), cohort=cohort, pk=membership_id
    )
    form = EndMembershipForm(request.POST or None)
    error = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        replacement = data["replacement"][0] if data["replacement"] else None
        if not is_confirmed(request):
            return _confirm_leaving(request, cohort, membership, form, replacement)
        try:
            if data["status"] == Membership.Status.REPLACED:
                services.replace_member(
                    membership_id=membership.pk,
                    region_code=replacement,
                    user=request.user,
                    on=data["left_on"],
                    reason=data["reason"],
                    source=data["source"],
                    dates_approximate=data["dates_approximate"],
                    confirmed=True,
                )
            else:
                services.end_membership(
                    membership_id=membership.pk,
                    user=request.user,
                    left_on=data["left_on"],
                    reason=data["reason"],
                    source=data["source"],
                    dates_approximate=data["dates_approximate"],
                    confirmed=True,
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
        status=400 if request.method == "POST" else 200,
    )


def _confirm_leaving(request, cohort, membership, form, replacement):
    data = form.cleaned_data
    region, day = membership.region.name, date_format(data["left_on"], "j F Y")
    replaced = data["status"] == Membership.Status.REPLACED
    new = Region.objects.get(pk=replacement).name if replaced else ""
    effects = [
        _(
            "%(region)s stops being a member of %(cohort)s on %(day)s; the history keeps when it "
            "joined and when it left."
        )
        % {"region": region, "cohort": cohort.name, "day": day},
        _(
            "A leaving is not undone: a mistake is corrected by recording another change, which "
            "stays visible."
        ),
    ]
    if replaced:
        effects.append(
            _("%(new)s becomes a member from the same day, recorded as replacing %(region)s.")
            % {"new": new, "region": region}
        )
    missing = [] if data["source"] else [_("No source is given for this change.")]
    return confirm_page(
        request,
        title=_("Record that %(region)s leaves?") % {"region": region},
        effects=effects,
        missing=missing,
        answers=[
            (form.fields["left_on"].label, day),
            (form.fields["status"].label, dict(form.fields["status"].choices)[data["status"]]),
            (form.fields["replacement"].label, new),
            (form.fields["reason"].label, data["reason"]),
            (form.fields["source"].label, data["source"]),
        ],
        button=_("Record the leaving"),
        back_url=reverse("cohorts:members", args=[cohort.year]),
    )

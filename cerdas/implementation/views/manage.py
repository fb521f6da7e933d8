"""What a region's team and its agencies use: updating a program, the reporting period."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import figures, permissions, services
from ..forms import PeriodForm, UpdateForm
from ..models import Evidence


@login_required
def update(request, code, key):
    """Report where a program stands today; kept as a dated entry of its timeline."""
    item = permissions.get_item_for_user(request.user, code, key, need="update")
    form = UpdateForm(request.POST or None, request.FILES or None, item=item)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_update(item.plan.region_id, item.key, form.report(), request.user)
        except services.UpdateError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The update is saved and shown on the timeline."))
            return redirect("implementation:program", code, item.key)
    return render(
        request,
        "implementation/update.html",
        {"item": item, "region": item.plan.region, "form": form},
    )


@login_required
def reporting_period(request, code):
    """How often the region's programs are due an update."""
    region = permissions.get_region(code)
    if not permissions.can_set_period(request.user, region.pk):
        raise PermissionDenied
    form = PeriodForm(request.POST or None, initial={"months": figures.period_months(region.pk)})
    if request.method == "POST" and form.is_valid():
        services.set_reporting_period(region.pk, form.cleaned_data["months"], request.user)
        messages.success(request, _("The reporting period is saved."))
        return redirect("implementation:region", region.pk)
    return render(request, "implementation/period.html", {"region": region, "form": form})


@require_POST
@login_required
def hide_evidence(request, code, pk):
    """Take a piece of evidence off the public timeline; the team still sees it."""
    evidence = get_object_or_404(
        Evidence.objects.select_related("update__record"), pk=pk, update__record__region_id=code
    )
    services.hide_evidence(evidence.pk, request.user)
    messages.success(request, _("The evidence is no longer public."))
    record = evidence.update.record
    return redirect("implementation:program", record.region_id, record.program_key)

"""Import programs from XLSX: upload, preview and resolve, then confirm."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from cerdas.masterplans import importing, services
from cerdas.masterplans.forms import ImportForm
from cerdas.masterplans.permissions import get_masterplan_for_user
from cerdas.masterplans.views.manage import refuse_if_locked
from cerdas.regions.models import Agency


def _session_key(masterplan) -> str:
    return f"masterplan-import:{masterplan.pk}"


@login_required
def upload(request, pk):
    """Read the workbook into a preview kept in the session; nothing is written yet."""
    plan = get_masterplan_for_user(request.user, pk, "write")
    locked = refuse_if_locked(request, plan)
    if locked:
        return locked
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            preview = importing.read_workbook(form.cleaned_data["file"], plan)
        except importing.WorkbookError as error:
            form.add_error("file", str(error))
        else:
            preview["file_name"] = form.cleaned_data["file"].name[:200]
            request.session[_session_key(plan)] = preview
            return redirect("masterplans:import_preview", pk=plan.pk)
    return render(request, "masterplans/manage/import.html", {"plan": plan, "form": form})


@login_required
def preview(request, pk):
    """Every row and what will happen to it; unknown OPD names to resolve; then confirm."""
    plan = get_masterplan_for_user(request.user, pk, "write")
    locked = refuse_if_locked(request, plan)
    if locked:
        return locked
    data = request.session.get(_session_key(plan))
    if data is None:
        messages.error(request, _("Upload the workbook first."))
        return redirect("masterplans:import", pk=plan.pk)
    resolutions = {
        name: request.POST.get(f"agency-{index}", "")
        for index, name in enumerate(data["unknown_agencies"])
    }
    missing = []
    if request.method == "POST":
        missing = importing.unresolved(data, resolutions)
        if not missing:
            try:
                counts = importing.apply_import(plan, data, resolutions, request.user)
            except services.NotEditable as error:
                messages.error(request, str(error))
                return redirect(plan.get_manage_url())
            del request.session[_session_key(plan)]
            messages.success(
                request,
                _(
                    "Import done: %(created)s programs created, %(updated)s updated, "
                    "%(reported)s rows reported and not imported."
                )
                % counts,
            )
            return redirect(plan.get_manage_url() + "#programs")
        messages.error(request, _("Choose what to do with every unknown agency (OPD)."))
    rows = {key: data[key] for key in ("programs", "budgets", "indicators")}
    return render(
        request,
        "masterplans/manage/import_preview.html",
        {
            "plan": plan,
            "data": data,
            "rows": rows,
            "reported": [
                (key, row) for key, items in rows.items() for row in items if row["errors"]
            ],
            "unknown": [
                (index, name, resolutions.get(name, ""), name in missing)
                for index, name in enumerate(data["unknown_agencies"])
            ],
            "agencies": Agency.objects.filter(region_id=plan.region_id),
        },
    )

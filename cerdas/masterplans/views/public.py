"""What everyone sees: approved masterplans, their documents, and the regions compared."""

from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from cerdas.core.cache import public_page, shared_fragment
from cerdas.masterplans import permissions
from cerdas.masterplans.charts import legend, roadmap_svg
from cerdas.masterplans.documents import document_context, filename
from cerdas.masterplans.documents.docx import render_docx
from cerdas.masterplans.documents.pdf import render_pdf
from cerdas.masterplans.documents.xlsx import render_xlsx
from cerdas.masterplans.models import Dimension, Horizon, Masterplan, Status
from cerdas.masterplans.receivers import REFERENCE
from cerdas.masterplans.reports import budget_summary, programs_by_dimension
from cerdas.masterplans.snapshot import build_snapshot
from cerdas.regions.models import Region

CACHE_KIND = "masterplans"
DOCUMENT_TIMEOUT = 24 * 3600
# Part of the cache key of approved plans' documents: raise it when the documents change.
DOCUMENT_LAYOUT = 2
FORMATS = {
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        lambda snapshot: render_docx(document_context(snapshot)),
    ),
    "pdf": ("application/pdf", lambda snapshot: render_pdf(document_context(snapshot))),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", render_xlsx),
}


def _get_visible_masterplan(request, pk) -> Masterplan:
    """The plan if it is public or the user may read it privately; else login, 403 or 404."""
    masterplan = get_object_or_404(Masterplan.objects.select_related("region", "cohort"), pk=pk)
    if permissions.can_view(request.user, masterplan):
        return masterplan
    if not request.user.is_authenticated:
        raise _LoginNeeded
    raise PermissionDenied


class _LoginNeeded(Exception):
    pass


def _login_or(view):
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except _LoginNeeded:
            return redirect_to_login(request.get_full_path())

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


@public_page(CACHE_KIND)
def plan_list(request):
    """Every approved masterplan, newest period first."""
    plans = (
        Masterplan.objects.filter(status=Status.APPROVED)
        .select_related("region__province")
        .order_by("region__name")
    )
    return render(request, "masterplans/list.html", {"plans": plans})


@public_page(CACHE_KIND)
@_login_or
def detail(request, pk):
    """The public page of an approved plan: vision, programs by dimension, roadmap, budget."""
    plan = _get_visible_masterplan(request, pk)
    if not plan.is_public:
        return redirect(plan.get_manage_url())
    # The page is the same for every reader (the public page cache keeps it under the same
    # version): signed-in readers get it rendered once too, their own header around it.
    body = shared_fragment(
        [CACHE_KIND],
        "masterplan-detail",
        plan.pk,
        lambda: render_to_string("masterplans/_detail_body.html", _detail_context(plan), request),
    )
    return render(request, "masterplans/detail.html", {"plan": plan, "body": mark_safe(body)})


def _detail_context(plan) -> dict:
    snapshot = build_snapshot(plan)
    dimensions = list(Dimension.objects.all())
    groups = programs_by_dimension(snapshot, dimensions)
    return {
        "plan": plan,
        "snapshot": snapshot,
        "vision": snapshot["sections"].get("vision", {}),
        "groups": groups,
        "quick_win_count": sum(len(g["quick_wins"]) for g in groups),
        "summary": budget_summary(snapshot, dimensions),
        "roadmap": mark_safe(roadmap_svg(groups, plan.years)),
        "legend": legend(),
        "newer": plan.revisions.filter(status=Status.APPROVED).first(),
    }


def document_bytes(plan: Masterplan, fmt: str) -> bytes:
    """The document's bytes; an approved plan never changes, so its documents are cached."""
    render_document = FORMATS[fmt][1]
    if plan.status != Status.APPROVED:
        return render_document(build_snapshot(plan))
    key = (
        f"masterplan-doc:{DOCUMENT_LAYOUT}:{plan.pk}:{plan.approved_at.timestamp()}:{fmt}:"
        f"{get_language()}"
    )
    content = cache.get(key)
    if content is None:
        content = render_document(build_snapshot(plan))
        cache.set(key, content, DOCUMENT_TIMEOUT)
    return content


@_login_or
def download(request, pk, fmt):
    """DOCX, PDF or XLSX of the plan: without login once approved."""
    if fmt not in FORMATS:
        raise Http404
    plan = _get_visible_masterplan(request, pk)
    content_type = FORMATS[fmt][0]
    response = HttpResponse(document_bytes(plan, fmt), content_type=content_type)
    name = filename(
        {
            "region": plan.region_id,
            "period_start": plan.period_start,
            "period_end": plan.period_end,
            "status": plan.status,
        },
        fmt,
    )
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@public_page(CACHE_KIND)
def compare_regions(request):
    """Approved plans side by side: programs per dimension, quick wins, budgets.

    The same for every reader: kept for signed-in ones too (``{% shared %}``), per address,
    and read only when the kept copy is drawn again."""
    chosen = request.GET.getlist("region")
    return render(
        request,
        "masterplans/compare.html",
        {
            "compared": SimpleLazyObject(lambda: _compared(chosen)),
            "kinds": f"{CACHE_KIND} regions {REFERENCE}",
        },
    )


def _compared(chosen: list[str]) -> dict:
    plans = list(
        Masterplan.objects.filter(status=Status.APPROVED)
        .select_related("region")
        .order_by("region__name")
    )
    shown = [p for p in plans if p.region_id in chosen] if chosen else plans
    dimensions = list(Dimension.objects.all())
    rows = []
    for plan in shown:
        snapshot = build_snapshot(plan)
        summary = budget_summary(snapshot, dimensions)
        programs = snapshot["programs"]
        rows.append(
            {
                "plan": plan,
                "per_dimension": [
                    sum(1 for p in programs if p["dimension"] == d.code) for d in dimensions
                ],
                "programs": len(programs),
                "quick_wins": [p for p in programs if p["horizon"] == Horizon.QUICK_WIN],
                "budget_total": summary["total"],
                "budget_shares": [row["share"] for row in summary["rows"]],
            }
        )
    return {"plans": plans, "chosen": chosen, "rows": rows, "dimensions": dimensions}


def profile_section_context(region: Region):
    """The region profile's masterplan section: its approved plan, or nothing."""
    plan = (
        Masterplan.objects.filter(region=region, status=Status.APPROVED)
        .order_by("-approved_at")
        .first()
    )
    if plan is None:
        return None
    return {
        "plan": plan,
        "program_count": plan.programs.count(),
        "quick_win_count": plan.programs.filter(horizon=Horizon.QUICK_WIN).count(),
    }

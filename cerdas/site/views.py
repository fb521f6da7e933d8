from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render

from cerdas.core.cache import public_page
from cerdas.core.models import AuditEntry
from cerdas.regions.models import Province, Region


@public_page("regions")
def home(request):
    """What Cerdas is, and the way into the region directory."""
    context = {
        "province_count": Province.objects.count(),
        "region_count": Region.objects.count(),
        "kota_count": Region.objects.filter(kind=Region.Kind.KOTA).count(),
    }
    return render(request, "site/home.html", context)


@login_required
def audit_log(request):
    """The whole audit log, for national admins; filter by region code or action."""
    if not request.user.can("manage_program"):
        raise PermissionDenied
    entries = AuditEntry.objects.for_user(request.user)
    region = request.GET.get("region", "").strip()
    action = request.GET.get("action", "").strip()
    if region:
        entries = entries.filter(region_code=region)
    if action:
        entries = entries.filter(action=action)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "site/audit_log.html",
        {"page": page, "region": region, "action": action, "query": query.urlencode()},
    )

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from cerdas.core.models import AuditEntry
from cerdas.regions.models import Region


def _get_region_for_user(request, code: str, permission: str) -> Region:
    """The region, if the signed-in user holds ``permission`` on it; else 404 or 403."""
    region = get_object_or_404(Region.objects.select_related("province"), code=code)
    if not request.user.can(permission, region):
        raise PermissionDenied
    return region


@login_required
def audit_log(request, code):
    """The audit log of one region, for national admins and the region's own team."""
    region = _get_region_for_user(request, code, "view_audit")
    entries = AuditEntry.objects.filter(region_code=region.code)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(request, "regions/audit_log.html", {"region": region, "page": page})

import logging

from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from cerdas.regions.models import Province, Region

logger = logging.getLogger(__name__)


def home(request):
    """What Cerdas is, and the way into the region directory."""
    context = {
        "province_count": Province.objects.count(),
        "region_count": Region.objects.count(),
        "kota_count": Region.objects.filter(kind=Region.Kind.KOTA).count(),
    }
    return render(request, "core/home.html", context)


@never_cache
def healthz(request):
    """200 when the database answers and every migration is applied, else 503."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError:
        logger.exception("health check: database unreachable")
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    if pending:
        return JsonResponse(
            {"status": "error", "database": "ok", "pending_migrations": len(pending)}, status=503
        )
    return JsonResponse({"status": "ok", "database": "ok", "pending_migrations": 0})


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)

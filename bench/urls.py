"""The real URLconf plus ``/bench/baseline``, the ceiling the real pages are compared against."""

from django.http import HttpResponse
from django.urls import path

from cerdas.urls import handler403, handler404
from cerdas.urls import urlpatterns as cerdas_urlpatterns

__all__ = ["handler403", "handler404", "urlpatterns"]


def baseline(request):
    """A trivial view: it runs through the same middleware stack as every real page, so its
    throughput is what the server and middleware alone allow."""
    return HttpResponse("ok")


urlpatterns = [*cerdas_urlpatterns, path("bench/baseline", baseline)]

"""Open311 GeoReport v2, mounted at /open311/v2/: the format is the extension."""

from django.urls import re_path

from cerdas.complaints.views import open311

FMT = r"\.(?P<fmt>[a-z]+)$"

urlpatterns = [
    re_path(r"^discovery" + FMT, open311.discovery, name="open311_discovery"),
    re_path(r"^services" + FMT, open311.services_list, name="open311_services"),
    re_path(
        r"^services/(?P<code>[^/]+?)" + FMT, open311.service_definition, name="open311_service"
    ),
    re_path(r"^requests" + FMT, open311.requests_view, name="open311_requests"),
    re_path(r"^requests/(?P<number>[^/]+)" + FMT, open311.request_detail, name="open311_request"),
    re_path(r"^(?P<rest>.*?)" + FMT, open311.unknown),
]

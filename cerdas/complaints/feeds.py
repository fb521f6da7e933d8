"""An Atom feed of a region's public reports: number, topic, status and public text only."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from cerdas.complaints.models import Report
from cerdas.regions.models import Region


class RegionReportsFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, code):
        return get_object_or_404(Region, code=code)

    def title(self, region):
        return _("Citizen reports in %(region)s") % {"region": region.name}

    def link(self, region):
        return reverse("complaints:region", args=[region.code])

    def subtitle(self, region):
        return _("Public reports and their status. The reporters' identities are never shown.")

    def items(self, region):
        return (
            Report.objects.public()
            .filter(region=region)
            .select_related("category")
            .order_by("-submitted_at")[:50]
        )

    def item_title(self, item):
        topic = item.category.name if item.category_id else _("Report")
        return f"{item.tracking_number} · {topic} · {item.get_status_display()}"

    def item_description(self, item):
        return item.shown_text() or _("The text is shown once the coordinator has checked it.")

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.submitted_at

    def item_updateddate(self, item):
        return item.updated_at

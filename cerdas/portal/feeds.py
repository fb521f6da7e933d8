"""Atom feeds of the news: everything, national news only, and one per region."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from cerdas.portal.models import Article
from cerdas.regions.models import Region

FEED_SIZE = 30


class AllNewsFeed(Feed):
    feed_type = Atom1Feed
    title = _("Cerdas news: national and regional")
    subtitle = _("News of Gerakan Menuju 100 Smart City from the ministry and the regions.")

    def link(self):
        return reverse("portal:home")

    def articles(self, obj):
        return Article.objects.published()

    def items(self, obj=None):
        return self.articles(obj).select_related("region")[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.byline

    def item_categories(self, item):
        return item.tag_list


class NationalNewsFeed(AllNewsFeed):
    title = _("Cerdas news: national")

    def link(self):
        return reverse("portal:national")

    def articles(self, obj):
        return Article.objects.published().filter(region=None)


class RegionNewsFeed(AllNewsFeed):
    def get_object(self, request, code):
        return get_object_or_404(Region, code=code)

    def title(self, obj):
        return _("Cerdas news: %(region)s") % {"region": obj.name}

    def link(self, obj):
        return reverse("portal:region", args=[obj.code])

    def articles(self, obj):
        return Article.objects.published().filter(region=obj)

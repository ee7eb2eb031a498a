"""RSS and Atom feeds of newly published public resources (Django's syndication)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from common.feeds import PortalFeed, absolute
from resources.models import Resource

FEED_SIZE = 30


class LatestResourcesFeed(PortalFeed):
    title = _("New knowledge resources")
    description = _("Guides, reports and tools on social innovation, newly published.")

    def link(self):
        return absolute(reverse("resources:index"))

    def items(self):
        return (
            Resource.objects.public()
            .only("title", "slug", "summary", "published_at", "published_on", "updated_at")
            .order_by("-published_at", "-pk")[:FEED_SIZE]
        )

    def item_title(self, item: Resource) -> str:
        return item.title

    def item_description(self, item: Resource) -> str:
        return item.summary

    def item_pubdate(self, item: Resource):
        return item.published_at

    def item_updateddate(self, item: Resource):
        return item.updated_at


class LatestResourcesAtomFeed(LatestResourcesFeed):
    feed_type = Atom1Feed
    subtitle = LatestResourcesFeed.description

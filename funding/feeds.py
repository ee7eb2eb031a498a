"""RSS and Atom feeds of newly published funding calls (Django's syndication), served
from the page cache like the pages."""

from __future__ import annotations

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from common.feeds import PortalFeed, absolute
from common.opendata import public_data
from common.pagecache import public_page
from funding.facets import GENERATION
from funding.models import FundingOpportunity

FEED_SIZE = 30
FEED_TITLE = _("New funding opportunities")


class NewCallsRssFeed(PortalFeed):
    description = _(
        "New calls for funding for social innovation: grants, loans, investment and prizes."
    )

    def title(self) -> str:
        return f"{settings.PORTAL_NAME}: {FEED_TITLE}"

    def link(self) -> str:
        return absolute(reverse("funding:index"))

    def items(self):
        return (
            FundingOpportunity.objects.published()
            .select_related("funder")
            .only(
                "title_da", "title_en", "slug", "description_da", "description_en",
                "funder_name", "funder__name", "published_at", "updated_at",
            )
            .order_by("-published_at", "-pk")[:FEED_SIZE]
        )  # fmt: skip

    def item_title(self, item: FundingOpportunity) -> str:
        return item.title

    def item_description(self, item: FundingOpportunity) -> str:
        return f"{item.funder_display}: {item.description}"[:600]

    def item_author_name(self, item: FundingOpportunity) -> str:
        return item.funder_display

    def item_pubdate(self, item: FundingOpportunity):
        return item.published_at

    def item_updateddate(self, item: FundingOpportunity):
        return item.updated_at


class NewCallsAtomFeed(NewCallsRssFeed):
    feed_type = Atom1Feed
    subtitle = NewCallsRssFeed.description


def page_cached(feed: Feed):
    return require_safe(public_data(public_page(GENERATION)(feed)))

"""RSS and Atom feeds of the news, served from the page cache like the pages."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from common.feeds import PortalFeed, absolute
from common.opendata import public_data
from common.pagecache import public_page
from pages.models import GENERATION, NewsArticle

FEED_SIZE = 20


class NewsRssFeed(PortalFeed):
    description = _("News from Denmark's national competence centre for social innovation.")

    def title(self) -> str:
        return f"{settings.PORTAL_NAME}: {_('News')}"

    def link(self) -> str:
        return absolute(reverse("pages:news_list"))

    def items(self):
        return NewsArticle.objects.published()[:FEED_SIZE]

    def item_title(self, item: NewsArticle) -> str:
        return item.title

    def item_description(self, item: NewsArticle) -> str:
        return item.summary

    def item_pubdate(self, item: NewsArticle):
        return item.published_at

    def item_updateddate(self, item: NewsArticle):
        return item.updated_at


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    subtitle = NewsRssFeed.description


def page_cached(feed: Feed):
    return require_safe(public_data(public_page(GENERATION)(feed)))

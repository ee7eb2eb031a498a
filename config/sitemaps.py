"""What search engines are told: robots.txt names the sitemap index; the index lists one
sitemap per kind of public page, each page in Danish and English with its `xhtml:link`
alternates (and x-default, the Danish address) and a `lastmod` from the data."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Max, QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

from ecosystem.models import Actor
from funding.models import FundingOpportunity
from pages.models import NewsArticle
from policy.models import Event
from resources.models import Resource
from validation.models import CaseApplication


class _Bilingual(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    limit = 5000  # addresses per sitemap page: each item counts once per language


class Pages(_Bilingual):
    """The site's own pages and the lists (without filters)."""

    changefreq = "daily"
    NAMES = (
        "home",
        "about",
        "contact",
        "privacy",
        "accessibility",
        "pages:news_list",
        "ecosystem:index",
        "ecosystem:map",
        "validation:index",
        "policy:index",
        "resources:index",
        "funding:index",
        "matching:find_partner",
    )

    def items(self) -> list[str]:
        return list(self.NAMES)

    def location(self, item: str) -> str:
        return reverse(item)


class _Rows(_Bilingual):
    """The public detail pages of one model, newest change first, lastmod from the row."""

    def rows(self) -> QuerySet:
        raise NotImplementedError

    def items(self) -> QuerySet:
        return self.rows().order_by("pk")

    def lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self):
        return self.rows().aggregate(latest=Max("updated_at"))["latest"]


class Actors(_Rows):
    def rows(self) -> QuerySet:
        return Actor.objects.published().only("slug", "updated_at")


class Cases(_Rows):
    def rows(self) -> QuerySet:
        return CaseApplication.objects.public().only("slug", "updated_at")


class Events(_Rows):
    def rows(self) -> QuerySet:
        return Event.objects.public().only("slug", "updated_at")


class Resources(_Rows):
    def rows(self) -> QuerySet:
        published = Resource.objects.published().exclude(access=Resource.Access.STAFF)
        return published.only("slug", "updated_at")


class Funding(_Rows):
    def rows(self) -> QuerySet:
        return FundingOpportunity.objects.public().only("slug", "updated_at")


class News(_Rows):
    def rows(self) -> QuerySet:
        return NewsArticle.objects.published().only("slug", "updated_at")


SITEMAPS = {
    "pages": Pages,
    "actors": Actors,
    "cases": Cases,
    "events": Events,
    "resources": Resources,
    "funding": Funding,
    "news": News,
}


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    """The sitemap index, naming only the sitemaps that hold a page (an empty urlset is
    not valid)."""
    found = {name: sitemap for name, sitemap in SITEMAPS.items() if _has_items(sitemap())}
    return sitemap_views.index(request, found, sitemap_url_name="sitemap_section")


def _has_items(sitemap: Sitemap) -> bool:
    items = sitemap.items()
    return items.exists() if isinstance(items, QuerySet) else bool(items)


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    sitemap = request.build_absolute_uri(reverse("sitemap_index"))
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /en/admin/",
        "Disallow: /accounts/",
        "Disallow: /en/accounts/",
        f"Sitemap: {sitemap}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")

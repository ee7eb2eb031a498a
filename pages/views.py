from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from common import jsonld
from common.lists import render_list
from common.markdown import render as render_markdown
from common.pagecache import public_page
from pages.models import GENERATION, NewsArticle, Page

NEWS_PAGE_SIZE = 10


def page_context(key: str) -> dict:
    """A trust page (about, contact, privacy, accessibility), its body as sanitised HTML,
    and the four pages in their menu order for the side navigation."""
    page = get_object_or_404(Page, key=key)
    return {
        "page": page,
        "body": render_markdown(page.body),
        "section": list(Page.objects.order_by("position", "key")),
    }


@require_safe
@public_page(GENERATION)
def news_list(request: HttpRequest) -> HttpResponse:
    paginator = Paginator(NewsArticle.objects.published(), NEWS_PAGE_SIZE)
    page_obj = paginator.get_page(request.GET.get("page"))
    context = {
        "page_obj": page_obj,
        "result_count": paginator.count,
        "section": list(Page.objects.order_by("position", "key")),
        "current_news": True,
    }
    return render_list(request, "pages/news_list.html", context, list_id="news")


@require_safe
@public_page(GENERATION)
def news_detail(request: HttpRequest, slug: str) -> HttpResponse:
    article = get_object_or_404(NewsArticle.objects.published(), slug=slug)
    context = {
        "article": article,
        "body": render_markdown(article.body),
        "json_ld": jsonld.json_ld(_news_article_data(request, article)),
    }
    return render(request, "pages/news_detail.html", context)


def _news_article_data(request: HttpRequest, article: NewsArticle) -> dict:
    """schema.org NewsArticle, built from the public fields only."""
    publisher = jsonld.site_organisation(request)
    del publisher["@context"]
    return {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "description": article.summary,
        "url": request.build_absolute_uri(article.get_absolute_url()),
        "datePublished": article.published_at.isoformat(),
        "dateModified": article.updated_at.isoformat(),
        "inLanguage": request.LANGUAGE_CODE,
        "image": [jsonld.default_image(request)],
        "author": publisher,
        "publisher": publisher,
    }

"""The trust pages and the news: edited in the admin, sanitised, cached but never stale,
with feeds and schema.org data."""

import json
import re
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from common.markdown import render
from pages.models import NewsArticle, Page

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return NewsArticle.objects.create(
        slug="fem-sager",
        title_da="Fem sager valideret",
        title_en="Five cases validated",
        summary_da="Kort om sagerne.",
        summary_en="In short.",
        body_da="## Baggrund\n\nTekst.",
        body_en="## Background\n\nText.",
        published_at=timezone.now() - timedelta(days=1),
    )


@pytest.mark.parametrize(
    ("url", "texts"),
    [
        ("/om/", ["CVR-nummer: 34567808", "Irland", "Tjekkiet", "Polen", "ESF+"]),
        ("/en/about/", ["CVR number: 34567808", "Ireland", "Czech Republic", "Poland"]),
        ("/privatlivspolitik/", ["Dataansvarlig", "Datatilsynet", "art. 6", "30 dage"]),
        ("/en/privacy/", ["Data protection officer", "Datatilsynet", "Retention"]),
        ("/tilgaengelighedserklaering/", ["WCAG 2.1", "Digitaliseringsstyrelsen", "2026"]),
        ("/en/accessibility/", ["partially", "Digitaliseringsstyrelsen"]),
        ("/kontakt/", ["Islands Brygge 43", "Validering af EU-cases", "Send henvendelse"]),
    ],
)
def test_trust_pages_hold_what_danish_public_bodies_publish(client, url, texts):
    html = client.get(url).content.decode()
    for text in texts:
        assert text in html, text


def test_an_edit_in_the_admin_shows_at_once_though_the_page_is_cached(client):
    first = client.get("/om/")
    assert "Om kompetencecentret" in first.content.decode()
    assert client.get("/om/")["X-Page-Cache"] == "hit"
    page = Page.objects.get(key="about")
    page.title_da = "Om centret, redigeret"
    page.save()
    response = client.get("/om/")
    assert response["X-Page-Cache"] == "miss"
    assert "Om centret, redigeret" in response.content.decode()


def _breadcrumbs(html: str) -> str:
    return html.split('<ol class="breadcrumbs__list">')[1].split("</ol>")[0]


def test_the_page_says_where_it_sits_in_the_menu(client):
    page = Page.objects.get(key="privacy")
    assert page.menu == Page.Menu.FOOTER
    assert 'href="/om/"' not in _breadcrumbs(client.get("/privatlivspolitik/").content.decode())
    page.menu = Page.Menu.ABOUT
    page.save()
    assert 'href="/om/"' in _breadcrumbs(client.get("/privatlivspolitik/").content.decode())


def test_markdown_is_sanitised():
    html = render(
        "## Title\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) "
        '<img src=x onerror="alert(1)"> **bold**'
    )
    assert "<h2>Title</h2>" in html and "<strong>bold</strong>" in html
    # Raw HTML and a javascript: link show as inert text: no element, no link, no handler.
    assert "<script" not in html and 'href="javascript:' not in html and "<img" not in html


def test_news_list_and_article_in_both_languages_with_json_ld(client, article):
    draft = NewsArticle.objects.create(
        slug="kladde", title_da="Kladde", summary_da="k", body_da="k", published_at=None
    )
    html = client.get("/nyheder/").content.decode()
    assert "Fem sager valideret" in html and "Kladde" not in html
    assert "Five cases validated" in client.get("/en/news/").content.decode()
    assert client.get(f"/nyheder/{draft.slug}/").status_code == 404
    html = client.get("/en/news/fem-sager/").content.decode()
    data = json.loads(re.search(r'application/ld\+json">(.*?)</script>', html).group(1))
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Five cases validated"
    assert data["inLanguage"] == "en"
    assert data["url"].endswith("/en/news/fem-sager/")


def test_a_published_article_shows_at_once_in_the_cached_list(client, article):
    client.get("/nyheder/")
    NewsArticle.objects.create(
        slug="ny", title_da="Helt ny nyhed", summary_da="s", body_da="b",
        published_at=timezone.now(),
    )  # fmt: skip
    assert "Helt ny nyhed" in client.get("/nyheder/").content.decode()


def test_news_list_query_count_is_bounded(client, article, django_assert_max_num_queries):
    for n in range(15):
        NewsArticle.objects.create(
            slug=f"n{n}", title_da=f"N{n}", summary_da="s", body_da="b",
            published_at=timezone.now() - timedelta(hours=n + 2),
        )  # fmt: skip
    with django_assert_max_num_queries(10):
        assert client.get("/nyheder/?page=2").status_code == 200


@pytest.mark.parametrize("name", ["pages:news_rss", "pages:news_atom"])
def test_the_feeds_parse_and_list_published_news(client, article, name):
    with translation.override("en"):
        url = reverse(name)
    response = client.get(url)
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    text = ET.tostring(root, encoding="unicode")
    assert "Five cases validated" in text
    assert "/en/news/fem-sager/" in text

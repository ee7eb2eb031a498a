"""Every public page type names itself in both languages (hreflang, x-default), its
canonical address without query parameters, and its Open Graph card (title, description,
type, absolute address, image and locale with its alternate), in Danish and in English."""

import pytest
from django.urls import reverse
from django.utils import translation
from lxml import html

from ecosystem.models import Actor
from tests.factories import (
    ActorFactory,
    CaseApplicationFactory,
    EventFactory,
    ResourceFactory,
    published_article,
)
from tests.funding.factories import FundingOpportunityFactory

pytestmark = pytest.mark.django_db

SITE = "http://testserver"
DEFAULT_IMAGE = SITE + "/static/img/og-default.png"
LOCALES = {"da": ("da_DK", "en_GB"), "en": ("en_GB", "da_DK")}


def _actor_with_logo() -> Actor:
    actor = ActorFactory(name="Seniorhuset")
    Actor.objects.filter(pk=actor.pk).update(logo="actors/logos/seniorhuset.png")
    return actor


# (page type, how to reach it in Danish, the og:type, the og:image when not the default)
PAGES = [
    ("home", lambda: "/", "website", None),
    ("search", lambda: reverse("search") + "?q=ældre", "website", None),
    ("directory", lambda: reverse("ecosystem:index") + "?theme=active-inclusion", "website", None),
    ("map", lambda: reverse("ecosystem:map"), "website", None),
    ("actors' open data", lambda: reverse("ecosystem:open_data"), "website", None),
    (
        "actor",
        lambda: _actor_with_logo().get_absolute_url(),
        "website",
        SITE + "/media/actors/logos/seniorhuset.png",
    ),
    ("case gallery", lambda: reverse("validation:index"), "website", None),
    ("case", lambda: CaseApplicationFactory(published=True).get_absolute_url(), "article", None),
    ("events", lambda: reverse("policy:index"), "website", None),
    ("event", lambda: EventFactory().get_absolute_url(), "website", None),
    ("library", lambda: reverse("resources:index") + "?kind=guide&page=1", "website", None),
    ("collections", lambda: reverse("resources:collections"), "website", None),
    ("resource", lambda: ResourceFactory(title="Vejledning A").get_absolute_url(), "article", None),
    ("funding", lambda: reverse("funding:index"), "website", None),
    ("funding archive", lambda: reverse("funding:archive"), "website", None),
    ("funding call", lambda: FundingOpportunityFactory().get_absolute_url(), "website", None),
    ("find a partner", lambda: reverse("matching:find_partner"), "website", None),
    ("news", lambda: reverse("pages:news_list"), "website", None),
    ("news article", lambda: published_article().get_absolute_url(), "article", None),
    ("about", lambda: reverse("about"), "website", None),
    ("contact", lambda: reverse("contact"), "website", None),
    ("privacy", lambda: reverse("privacy"), "website", None),
    ("accessibility", lambda: reverse("accessibility"), "website", None),
    ("impact", lambda: reverse("impact:impact_page"), "website", None),
    ("partners", lambda: reverse("partners:index"), "website", None),
]


def head(client, url: str):
    response = client.get(url, follow=True)
    assert response.status_code == 200, url
    return response, html.fromstring(response.content).find("head")


def links(page_head) -> dict[str, str]:
    found = {
        link.get("hreflang"): link.get("href")
        for link in page_head.iterfind("link[@rel='alternate'][@hreflang]")
    }
    canonical = page_head.findall("link[@rel='canonical']")
    assert len(canonical) == 1
    found["canonical"] = canonical[0].get("href")
    return found


def card(page_head) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for meta in page_head.iterfind("meta"):
        name = meta.get("property") or meta.get("name") or ""
        if name.startswith(("og:", "twitter:")):
            found.setdefault(name, []).append(meta.get("content"))
    return found


def check_card(page_head, *, language: str, canonical: str, og_type: str, image: str | None):
    found = card(page_head)
    assert found["og:title"][0].strip()
    if canonical.removeprefix(SITE) not in ("/", "/en/"):  # home names the portal instead
        assert page_head.findtext("title").startswith(found["og:title"][0] + " · ")
    assert found["og:description"][0].strip()
    assert found["og:type"] == [og_type]
    assert found["og:url"] == [canonical]
    assert found["og:image"] == [image or DEFAULT_IMAGE]
    locale, alternate = LOCALES[language]
    assert found["og:locale"] == [locale]
    assert found["og:locale:alternate"] == [alternate]
    assert found["twitter:card"] == ["summary_large_image"]
    return found


@pytest.mark.parametrize(("kind", "make", "og_type", "image"), PAGES, ids=[p[0] for p in PAGES])
def test_every_page_type_names_its_languages_canonical_address_and_card(
    client, kind, make, og_type, image
):
    with translation.override("da"):
        url = make()
    danish, danish_head = head(client, url)
    found = links(danish_head)
    path = danish.request["PATH_INFO"]
    assert found["canonical"] == SITE + path
    assert "?" not in found["canonical"]
    assert found["da"] == found["x-default"] == found["canonical"]
    assert found["en"].startswith(SITE + "/en/")
    danish_card = check_card(
        danish_head, language="da", canonical=found["canonical"], og_type=og_type, image=image
    )

    english, english_head = head(client, found["en"].removeprefix(SITE))
    back = links(english_head)
    assert back["canonical"] == found["en"]
    assert back["da"] == found["da"]
    english_card = check_card(
        english_head, language="en", canonical=found["en"], og_type=og_type, image=image
    )
    if kind not in ("case", "resource"):  # written in one language, shared as written
        assert english_card["og:description"] != danish_card["og:description"], kind


def test_the_card_says_what_the_page_title_says(client):
    event = EventFactory(title_da="Rundbordssamtale om ældre", title_en="Roundtable on ageing")
    _response, danish = head(client, event.get_absolute_url())
    assert card(danish)["og:title"] == ["Rundbordssamtale om ældre"]
    with translation.override("en"):
        english_url = event.get_absolute_url()
    _response, english = head(client, english_url)
    assert card(english)["og:title"] == ["Roundtable on ageing"]
    _response, home = head(client, "/")
    assert card(home)["og:title"] == ["Social innovation i Danmark"]


def test_the_default_image_is_a_1200_by_630_png(client):
    from django.contrib.staticfiles import finders
    from PIL import Image

    with Image.open(finders.find("img/og-default.png")) as image:
        assert (image.format, image.size) == ("PNG", (1200, 630))

"""Search engines: robots.txt names the sitemap index; every public page is in a sitemap in
both languages with its alternates and a lastmod from the data, valid against the
sitemaps.org schema (its structure, in tests/config/schemas/sitemap.xsd)."""

from pathlib import Path

import pytest
from lxml import etree

from tests.factories import (
    ActorFactory,
    CaseApplicationFactory,
    EventFactory,
    ResourceFactory,
)
from tests.funding.factories import FundingOpportunityFactory

pytestmark = pytest.mark.django_db

SCHEMA = etree.XMLSchema(etree.parse(str(Path(__file__).parent / "schemas" / "sitemap.xsd")))
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def xml(client, url):
    response = client.get(url)
    assert response.status_code == 200
    document = etree.fromstring(response.content)
    SCHEMA.assertValid(document)
    return document


def test_robots_txt_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()


def test_every_public_page_is_in_the_sitemap_in_both_languages(client):
    ActorFactory(name="Seniorhuset")
    ActorFactory(name="Kladdehuset", draft=True)
    CaseApplicationFactory(published=True, slug="digital-buddies")
    CaseApplicationFactory(submitted=True, slug="not-yet")
    EventFactory(slug="dialogmoede")
    ResourceFactory(title="Vejledning A")
    ResourceFactory(title="Intern note", staff_only=True)
    FundingOpportunityFactory(slug="familiepuljen")
    index = xml(client, "/sitemap.xml")
    sections = index.xpath("//s:sitemap/s:loc/text()", namespaces=NS)
    assert len(sections) == 6  # no news yet: an empty sitemap is not listed
    locations, alternates = set(), []
    for section in sections:
        document = xml(client, section.replace("http://testserver", ""))
        for url in document.xpath("//s:url", namespaces=NS):
            locations.add(url.findtext("s:loc", namespaces=NS))
            alternates.append(
                {
                    link.get("hreflang"): link.get("href")
                    for link in url.findall("x:link", namespaces=NS)
                }
            )
            if "/aktoerer/seniorhuset/" in url.findtext("s:loc", namespaces=NS):
                assert url.findtext("s:lastmod", namespaces=NS)
    for path in (
        "/aktoerer/seniorhuset/",
        "/en/actors/seniorhuset/",
        "/",
        "/en/",
    ):
        assert "http://testserver" + path in locations
    text = " ".join(locations)
    assert "kladdehuset" not in text and "not-yet" not in text and "intern-note" not in text
    cases = [loc for loc in locations if "digital-buddies" in loc]
    assert len(cases) == 2 and any("/en/" in loc for loc in cases)
    assert any("dialogmoede" in loc for loc in locations)
    assert any("familiepuljen" in loc for loc in locations)
    assert any("vejledning-a" in loc for loc in locations)
    for links in alternates:
        assert set(links) == {"da", "en", "x-default"}
        assert links["x-default"] == links["da"]

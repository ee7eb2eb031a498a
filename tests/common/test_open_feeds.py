"""Every RSS and Atom feed, read as a feed reader and a validator read it (feedparser plus
the RFC 4287 rules it does not enforce): an author on every entry, an id on every entry,
the licence on the feed, and ids from SITE_URL whatever the Host header says."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import feedparser
import pytest
from django.utils import timezone

from pages.models import NewsArticle
from tests.factories import ResourceFactory
from tests.funding.factories import FundingOpportunityFactory

ATOM = "{http://www.w3.org/2005/Atom}"
SITE = "https://socialinnovation.example"
ATOM_FEEDS = ["/nyheder/atom/", "/en/news/atom/", "/viden/feed/atom/", "/finansiering/atom/"]
RSS_FEEDS = ["/nyheder/rss/", "/viden/feed/", "/finansiering/rss/"]


@pytest.fixture(autouse=True)
def content(settings, db):
    settings.SITE_URL = SITE
    settings.ALLOWED_HOSTS = ["testserver", "mirror.example"]
    NewsArticle.objects.create(
        slug="fem-sager", title_da="Fem sager", title_en="Five cases",
        summary_da="Kort.", summary_en="Short.", body_da="Tekst.", body_en="Text.",
        published_at=timezone.now() - timedelta(days=1),
    )  # fmt: skip
    ResourceFactory(title="Guiden")
    FundingOpportunityFactory()


@pytest.mark.parametrize("url", ATOM_FEEDS)
def test_atom_entries_have_an_author_and_an_id_and_the_feed_its_licence(client, url):
    body = client.get(url).content
    feed = feedparser.parse(body)
    assert not feed.bozo
    assert feed.entries
    assert "CC BY 4.0" in feed.feed.rights
    root = ET.fromstring(body)
    assert root.find(f"{ATOM}author/{ATOM}name").text
    for entry in root.findall(f"{ATOM}entry"):
        # RFC 4287 §4.1.2: an entry without a feed-level author needs its own; give both.
        assert entry.find(f"{ATOM}author/{ATOM}name").text
        assert entry.find(f"{ATOM}id").text.startswith(SITE + "/")
    for entry in feed.entries:
        assert entry.author
        assert entry.link.startswith(SITE + "/")


@pytest.mark.parametrize("url", ATOM_FEEDS)
def test_a_feed_has_one_id_whatever_the_host(client, url):
    ids = set()
    for host in ("testserver", "mirror.example"):
        feed = feedparser.parse(client.get(url, HTTP_HOST=host).content)
        ids.add((feed.feed.id, feed.feed.link, tuple(e.id for e in feed.entries)))
    assert len(ids) == 1
    ((feed_id, link, _),) = ids
    assert feed_id == SITE + url
    assert link.startswith(SITE + "/")


@pytest.mark.parametrize("url", RSS_FEEDS)
def test_rss_states_the_licence_and_links_from_site_url(client, url):
    body = client.get(url, HTTP_HOST="mirror.example").content
    feed = feedparser.parse(body)
    assert not feed.bozo
    assert "CC BY 4.0" in ET.fromstring(body).find("channel/copyright").text
    assert feed.feed.link.startswith(SITE + "/")
    assert all(entry.link.startswith(SITE + "/") for entry in feed.entries)
    assert "mirror.example" not in body.decode()

"""The library's search, filters, resource page, feed, open data and bad input."""

import html
import json

import feedparser
import pytest

from common import markdown
from ecosystem.models import Theme
from resources.models import Resource
from tests.factories import ActorFactory, ResourceFactory

pytestmark = pytest.mark.django_db


def unescaped(response) -> str:
    return html.unescape(response.content.decode())


def titles(response) -> str:
    return response.content.decode()


def test_a_danish_search_finds_the_word_in_another_form(client):
    ResourceFactory(title="En finansieringsmodel for sociale investeringer")
    ResourceFactory(title="Noget helt andet om frivillighed")
    page = titles(client.get("/viden/?q=finansieringsmodeller"))
    assert "En finansieringsmodel for sociale investeringer" in page
    assert "Noget helt andet" not in page


def test_an_english_resource_is_stemmed_in_english(client):
    ResourceFactory(title="Financing models for municipalities", language="en")
    assert "Financing models" in titles(client.get("/en/resources/?q=financed+model"))


def test_a_word_only_inside_a_pdf_is_found(client):
    ResourceFactory(title="Årsrapport", with_file=["Her nævnes ordet zebrakrydsning én gang."])
    ResourceFactory(title="Uden fil")
    page = titles(client.get("/viden/?q=zebrakrydsning"))
    assert "Årsrapport" in page
    assert "Uden fil" not in page


def test_facets_count_and_filter(client):
    ResourceFactory(title="Rapport A", kind="report", language="en")
    ResourceFactory(title="Guide B", kind="guide")
    response = client.get("/en/resources/?kind=report")
    page = titles(response)
    assert "Rapport A" in page and "Guide B" not in page
    assert 'value="guide">Guide (1)</option>' in page  # counted under the other filters
    assert 'value="report" selected>Report or research (1)</option>' in page


def test_a_publisher_facet_and_the_actor_page_lists_the_resource(client):
    actor = ActorFactory(name="Fonden for Sociale Investeringer")
    resource = ResourceFactory(title="Fondens guide")
    resource.publishers.add(actor)
    ResourceFactory(title="Anden guide")
    page = titles(client.get(f"/viden/?publisher={actor.slug}"))
    assert "Fondens guide" in page and "Anden guide" not in page
    actor_page = titles(client.get(actor.get_absolute_url()))
    assert "Fondens guide" in actor_page


@pytest.mark.parametrize(
    ("query", "said"),
    [
        ("q=" + "a" * 10_000, "at most 200"),
        ("kind=nope", "not recognised"),
        ("year=abc", "not recognised"),
        ("theme=findes-ikke", "not recognised"),
        ("sort=sideways", "not recognised"),
        ("page=x", None),  # a page out of range shows the first page, as paginators do
    ],
)
def test_bad_input_in_the_address_is_a_clear_error_not_a_crash(client, query, said):
    ResourceFactory(title="Stadig her")
    response = client.get(f"/en/resources/?{query}")
    assert response.status_code == 200
    assert "Stadig her" in titles(response)
    if said:
        assert said in titles(response)
    else:
        assert "not recognised" not in titles(response)


def test_the_markdown_body_is_rendered_inert():
    html = markdown.render(
        "# Hej\n\n<script>alert(1)</script>\n\n[klik](javascript:alert(1)) "
        '<img src=x onerror="alert(1)"> [ok](https://example.dk)'
    )
    assert "<script" not in html
    assert 'href="javascript:' not in html  # shown as text, never a link
    assert "<img" not in html  # the event handler stays text: &lt;img ... onerror&gt;
    assert '<a href="https://example.dk" rel="noopener noreferrer nofollow">ok</a>' in html
    assert "<h2>Hej</h2>" in html


def test_the_resource_page_has_json_ld_open_graph_files_and_related(client):
    actor = ActorFactory(name="Udgiveren")
    resource = ResourceFactory(title="Rapporten", kind="report", with_file=True)
    resource.publishers.add(actor)
    resource.themes.add(Theme.objects.first())
    related = ResourceFactory(title="Søsteren")
    related.themes.add(*resource.themes.all())
    page = titles(client.get(f"/en/resources/{resource.slug}/"))
    data = json.loads(page.split('<script type="application/ld+json">')[1].split("</script>")[0])
    assert data["@type"] == "Report"
    assert data["publisher"][0]["name"] == "Udgiveren"
    assert 'property="og:title" content="Rapporten"' in page
    assert "(PDF," in page and "Download" in page
    assert "Søsteren" in page
    assert actor.get_absolute_url() in page


def test_the_feeds_parse_and_hold_only_public_published_resources(client):
    ResourceFactory(title="Offentlig nyhed")
    ResourceFactory(title="Kun for partnere", partners=True)
    ResourceFactory(title="Kladde", draft=True)
    for url in ("/viden/feed/", "/viden/feed/atom/"):
        feed = feedparser.parse(client.get(url).content)
        assert not feed.bozo
        assert [entry.title for entry in feed.entries] == ["Offentlig nyhed"]


def test_open_data_holds_only_public_resources_under_the_licence(client):
    ResourceFactory(title="Offentlig")
    ResourceFactory(title="Begrænset", registered=True)
    response = client.get("/viden/export.json")
    data = json.loads(b"".join(response.streaming_content))
    assert [item["title"] for item in data["resources"]] == ["Offentlig"]
    assert data["licence"]["name"] == "CC BY 4.0"
    assert 'rel="license"' in response["Link"]
    csv_text = b"".join(client.get("/viden/export.csv").streaming_content).decode()
    assert "Offentlig" in csv_text and "Begrænset" not in csv_text


def test_collections_keep_their_order(client):
    from tests.factories import CollectionFactory, CollectionItemFactory

    collection = CollectionFactory(title_da="Finansiering af social innovation")
    CollectionItemFactory(
        collection=collection, resource=ResourceFactory(title="Anden"), position=2
    )
    CollectionItemFactory(
        collection=collection, resource=ResourceFactory(title="Første"), position=1
    )
    CollectionItemFactory(
        collection=collection, resource=ResourceFactory(title="Skjult", draft=True), position=0
    )
    page = titles(client.get(collection.get_absolute_url()))
    assert page.index("Første") < page.index("Anden")
    assert "Skjult" not in page
    assert Resource.objects.count() == 3


def test_a_restricted_resource_shows_a_lock_icon_not_an_emoji(client):
    resource = ResourceFactory(partners=True)
    page = client.get(f"/viden/{resource.slug}/").content.decode()
    assert "all-svg-icons.svg#lock" in page
    assert "&#128274;" not in page and "\U0001f512" not in page


def test_one_name_for_the_library_and_no_two_filters_called_the_same(client):
    library = unescaped(client.get("/viden/"))
    assert ">Videnressourcer</span>" in library.replace("\n", "")  # the menu
    assert "<h1>Videnressourcer</h1>" in library
    labels = [line.strip() for line in library.splitlines() if "Målgruppe" in line]
    assert "Henvender sig til" in library
    assert sum("Målgruppe<" in label for label in labels) <= 1

"""The JSON-LD of every public page type parses, uses only properties the schema.org
vocabulary gives its type (tests/config/schema_org.toml, kept from schema.org), and has
Google's required properties for the rich result of that type."""

import json
import tomllib
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation
from lxml import html

from resources.models import Resource
from tests.factories import (
    ActorFactory,
    CaseApplicationFactory,
    EventFactory,
    ResourceFactory,
    published_article,
)
from tests.funding.factories import FundingOpportunityFactory

pytestmark = pytest.mark.django_db

VOCABULARY = tomllib.loads((Path(__file__).parent / "schema_org.toml").read_text())


def allowed(kind: str) -> set[str]:
    found = {"@context", "@type", "@id"}  # JSON-LD's own keywords: the node and its address
    while kind:
        found |= set(VOCABULARY[kind]["properties"])
        kind = VOCABULARY[kind].get("inherits", "")
    return found


def check(node, path: str = "") -> None:
    """Every typed node anywhere in the data: a known type, known properties, required
    ones present and not empty."""
    if isinstance(node, list):
        for item in node:
            check(item, path)
        return
    if not isinstance(node, dict):
        return
    kind = node.get("@type")
    if kind is not None:
        assert kind in VOCABULARY, f"{path}: {kind} is not a type the portal may use"
        unknown = set(node) - allowed(kind)
        assert not unknown, f"{path}: {kind} has no {sorted(unknown)} in schema.org"
        for name in VOCABULARY[kind].get("required", []):
            assert node.get(name) not in (None, "", []), f"{path}: {kind} lacks {name}"
    for key, value in node.items():
        check(value, f"{path}.{key}")


def json_ld(client, url: str) -> dict[str, dict]:
    response = client.get(url, follow=True)
    assert response.status_code == 200, url
    scripts = html.fromstring(response.content).xpath("//script[@type='application/ld+json']")
    found = {}
    for script in scripts:
        data = json.loads(script.text)
        assert data["@context"] == "https://schema.org"
        check(data, data["@type"])
        found[data["@type"]] = data
    return found


# (page, how to reach it, the types its JSON-LD must hold)
PAGES = [
    ("home", lambda: "/", {"Organization"}),
    ("actor", lambda: ActorFactory().get_absolute_url(), {"Organization", "BreadcrumbList"}),
    ("case", lambda: CaseApplicationFactory(published=True).get_absolute_url(), {"Project"}),
    ("event", lambda: EventFactory().get_absolute_url(), {"Event", "BreadcrumbList"}),
    ("online event", lambda: EventFactory(online=True).get_absolute_url(), {"Event"}),
    ("resource", lambda: ResourceFactory().get_absolute_url(), {"CreativeWork"}),
    (
        "video",
        lambda: ResourceFactory(kind=Resource.Kind.VIDEO).get_absolute_url(),
        {"VideoObject", "BreadcrumbList"},
    ),
    ("report", lambda: ResourceFactory(kind=Resource.Kind.REPORT).get_absolute_url(), {"Report"}),
    (
        "grant",
        lambda: FundingOpportunityFactory(kind="grant").get_absolute_url(),
        {"MonetaryGrant", "BreadcrumbList"},
    ),
    (
        "news article",
        lambda: published_article().get_absolute_url(),
        {"NewsArticle", "BreadcrumbList"},
    ),
    ("actors' open data", lambda: reverse("ecosystem:open_data"), {"Dataset", "BreadcrumbList"}),
    ("resources' open data", lambda: reverse("resources:open_data"), {"Dataset"}),
]


@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize(("page", "make", "types"), PAGES, ids=[p[0] for p in PAGES])
def test_every_page_types_json_ld_is_in_the_vocabulary_with_googles_properties(
    client, language, page, make, types
):
    with translation.override(language):
        url = make()
    found = json_ld(client, url)
    assert types <= set(found), (page, sorted(found))


def test_the_site_is_an_organisation_with_a_logo(client):
    site = json_ld(client, "/")["Organization"]
    assert site["url"] == "http://testserver/"
    assert site["logo"] == "http://testserver/static/img/logo.png"


def test_a_case_is_a_project_without_a_language(client):
    case = json_ld(client, CaseApplicationFactory(published=True).get_absolute_url())["Project"]
    assert "inLanguage" not in case


def test_partner_only_resources_are_not_marked_free(client, django_user_model):
    public = json_ld(client, ResourceFactory().get_absolute_url())["CreativeWork"]
    assert public["isAccessibleForFree"] is True
    hidden = ResourceFactory(partners=True, title="Kun for partnere")
    data = json_ld(client, hidden.get_absolute_url())["CreativeWork"]
    assert data["isAccessibleForFree"] is False
    assert data["conditionsOfAccess"]


def test_a_video_has_a_thumbnail_and_an_upload_date(client):
    video = ResourceFactory(kind=Resource.Kind.VIDEO)
    data = json_ld(client, video.get_absolute_url())["VideoObject"]
    assert data["thumbnailUrl"] == "http://testserver/static/img/og-default.png"
    assert data["uploadDate"] == "2024-05-01"


def test_the_breadcrumbs_people_see_are_the_ones_search_engines_get(client):
    event = EventFactory(title_da="Rundbordssamtale om ældre")
    trail = json_ld(client, event.get_absolute_url())["BreadcrumbList"]["itemListElement"]
    assert [(i["position"], i["name"], i["item"]) for i in trail] == [
        (1, "Forside", "http://testserver/"),
        (2, "Arrangementer", "http://testserver/arrangementer/"),
        (3, "Rundbordssamtale om ældre", "http://testserver" + event.get_absolute_url()),
    ]


def test_an_event_without_a_venue_yet_still_has_a_location(client):
    event = EventFactory(venue_name="", venue_address="")
    data = json_ld(client, event.get_absolute_url())["Event"]
    assert data["location"]["address"]["addressCountry"] == "DK"
    online = EventFactory(online=True)
    data = json_ld(client, online.get_absolute_url())["Event"]
    assert data["location"]["@type"] == "VirtualLocation"

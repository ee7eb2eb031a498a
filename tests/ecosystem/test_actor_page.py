"""The public actor page: every public field, connections both ways, JSON-LD and Open
Graph, text shown as text, and drafts hidden from everyone but members and moderators."""

import html
import json
import re

import pytest

from ecosystem.models import SDG, Actor, Connection, TargetGroup, Theme
from tests.factories import ActorFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def page_text(response) -> str:
    return html.unescape(response.content.decode())


def json_ld(response) -> dict:
    match = re.search(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    assert match, "no JSON-LD on the page"
    return json.loads(match.group(1))


@pytest.fixture
def actor():
    actor = ActorFactory(
        name="Café Samvær",
        kind=Actor.Kind.SOCIAL_ENTERPRISE,
        role=Actor.Role.INTERMEDIARY,
        scale=Actor.Scale.REGIONAL,
        short_description_da="En café, hvor ensomme mødes.",
        short_description_en="A café where lonely people meet.",
        description_da="Lang dansk tekst.",
        description_en="We open our doors every day.\n\nSecond paragraph.",
        address="Nørrebrogade 1",
        postcode="2200",
        city="København N",
        website="https://samvaer.example.dk",
        email="hej@samvaer.example.dk",
        phone="+45 12 34 56 78",
        cvr="10150817",
        founded_year=2015,
        open_to_partnerships=True,
        partnership_text_en="Municipalities that want to try it.",
    )
    actor.themes.set(Theme.objects.filter(slug="active-inclusion"))
    actor.target_groups.set(TargetGroup.objects.filter(slug="older-people"))
    actor.sdgs.set(SDG.objects.filter(number=3))
    return actor


def url(actor, lang="en") -> str:
    return f"/en/actors/{actor.slug}/" if lang == "en" else f"/aktoerer/{actor.slug}/"


def test_every_public_field_is_shown(client, actor):
    response = client.get(url(actor))
    page = page_text(response)
    assert response.status_code == 200
    for text in (
        "Café Samvær",
        "A café where lonely people meet.",
        "We open our doors every day.",
        "Social enterprise",
        "Intermediary or support organisation",
        "Regional",
        "Nørrebrogade 1",
        "2200 København N",
        "Capital Region of Denmark",
        "Denmark",
        "https://samvaer.example.dk",
        "hej@samvaer.example.dk",
        "+45 12 34 56 78",
        "10150817",
        "2015",
        "Open to partnerships",
        "Municipalities that want to try it.",
        "Active inclusion",
        "Older people",
        "3. Good health and well-being",
    ):
        assert text in page, text
    assert "<p>Second paragraph.</p>" in page  # paragraphs kept
    assert "data-single-pin" in page and f'data-lat="{actor.latitude:f}"' in page


def test_the_description_falls_back_to_danish_and_says_so(client, actor):
    Actor.objects.filter(pk=actor.pk).update(description_en="", short_description_en="")
    page = client.get(url(actor)).content.decode()
    assert '<p class="font-lead" lang="da">En café, hvor ensomme mødes.</p>' in page
    assert '<div class="actor-page-description" lang="da"><p>Lang dansk tekst.</p>' in page


def test_the_danish_page(client, actor):
    response = client.get(url(actor, "da"))
    page = page_text(response)
    assert response.status_code == 200
    assert '<html lang="da">' in page
    assert "En café, hvor ensomme mødes." in page


def test_html_in_a_description_is_shown_as_text(client):
    actor = ActorFactory(
        name="<b>Bold</b> Org",
        short_description_en="<script>alert(1)</script>",
        description_en='<img src=x onerror="alert(2)">',
        partnership_text_en="<a href='javascript:alert(3)'>x</a>",
        open_to_partnerships=True,
    )
    page = client.get(url(actor)).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert '<img src=x onerror="alert(2)">' not in page
    assert "&lt;img src=x onerror=&quot;alert(2)&quot;&gt;" in page
    assert "<b>Bold</b>" not in page
    assert "<a href='javascript" not in page
    # The JSON-LD cannot be closed early by a user's text either.
    ld_block = page.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert "<" not in ld_block
    assert json_ld(client.get(url(actor)))["description"] == "<script>alert(1)</script>"


def test_json_ld_is_a_schema_org_organization(client, actor):
    data = json_ld(client.get(url(actor)))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Organization"
    assert data["name"] == "Café Samvær"
    assert data["url"] == f"http://testserver/en/actors/{actor.slug}/"
    assert data["email"] == "hej@samvaer.example.dk"
    assert data["sameAs"] == "https://samvaer.example.dk"
    assert data["address"]["postalCode"] == "2200"
    assert data["address"]["addressCountry"] == "DK"
    assert data["location"]["geo"]["latitude"] == actor.latitude
    assert data["foundingDate"] == "2015"


def test_open_graph_tags(client, actor):
    page = client.get(url(actor)).content.decode()
    assert '<meta property="og:title" content="Café Samvær">' in page
    assert '<meta property="og:description" content="A café where lonely people meet.">' in page
    assert f'<meta property="og:url" content="http://testserver/en/actors/{actor.slug}/">' in page
    assert '<meta property="og:locale" content="en_GB">' in page
    assert (
        '<meta property="og:locale" content="da_DK">'
        in client.get(url(actor, "da")).content.decode()
    )


def test_the_logo_is_shown_and_shared(client, actor):
    Actor.objects.filter(pk=actor.pk).update(logo="actors/logos/samvaer.png")
    response = client.get(url(actor))
    page = response.content.decode()
    logo = "http://testserver/media/actors/logos/samvaer.png"
    assert f'<img class="actor-page-logo" src="{logo}" alt="Logo of Café Samvær">' in page
    assert f'<meta property="og:image" content="{logo}">' in page
    assert json_ld(response)["logo"] == logo


def test_connections_show_both_ways_and_only_to_published_actors(client, actor):
    network = ActorFactory(name="Netværket", kind=Actor.Kind.NETWORK)
    fund = ActorFactory(name="Fonden", kind=Actor.Kind.FOUNDATION)
    hidden = ActorFactory(name="Hemmelig Partner", draft=True)
    Connection.objects.create(from_actor=actor, to_actor=network, kind="member_of")
    Connection.objects.create(from_actor=actor, to_actor=fund, kind="funded_by")
    Connection.objects.create(from_actor=actor, to_actor=hidden, kind="partner_of")
    page = page_text(client.get(url(actor)))
    assert 'Member of:</span> <a href="/en/actors/' in page and "Netværket" in page
    assert "Funded by:" in page and "Fonden" in page
    assert "Hemmelig Partner" not in page

    network_page = page_text(client.get(url(network)))
    assert "Has as member:" in network_page and "Café Samvær" in network_page
    fund_page = page_text(client.get(url(fund)))
    assert "Funds:" in fund_page and f'href="/en/actors/{actor.slug}/"' in fund_page


def test_an_actor_without_position_has_no_map(client):
    actor = ActorFactory(abroad=True, latitude=None, longitude=None)
    page = client.get(url(actor)).content.decode()
    assert "data-single-pin" not in page and "leaflet.js" not in page


@pytest.mark.parametrize("status", ["draft", "pending", "archived"])
def test_unpublished_actors_are_404_for_strangers(client, status):
    actor = ActorFactory(**{status: True})
    assert client.get(url(actor)).status_code == 404
    client.force_login(UserFactory())
    assert client.get(url(actor)).status_code == 404
    other = MembershipFactory(actor=ActorFactory()).user
    client.force_login(other)
    assert client.get(url(actor)).status_code == 404


def test_members_see_their_draft_with_a_notice_and_an_edit_link(client):
    membership = MembershipFactory(actor=ActorFactory(draft=True))
    client.force_login(membership.user)
    response = client.get(url(membership.actor))
    page = page_text(response)
    assert response.status_code == 200
    assert "Not public: Draft" in page
    assert f'href="/en/actors/{membership.actor.slug}/edit/"' in page


def test_strangers_get_no_edit_link(client, actor):
    assert "/edit/" not in client.get(url(actor)).content.decode()


def test_an_unknown_slug_is_404(client):
    assert client.get("/en/actors/no-such-actor/").status_code == 404

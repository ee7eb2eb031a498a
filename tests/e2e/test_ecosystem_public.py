"""The public ecosystem pages in a real browser: the map with its filters, an actor page,
the language switch, and axe on every public page type in both languages."""

import re

import pytest
from playwright.sync_api import expect

from ecosystem.models import Actor, Connection, Municipality
from tests.e2e.axe import assert_accessible
from tests.e2e.conftest import address
from tests.factories import ActorFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def actors():
    """One published actor in each of three regions, connected, plus a partner abroad."""
    cafe = ActorFactory(
        name="Café Samvær",
        municipality=Municipality.objects.get(code="101"),
        short_description_da="En café, hvor ensomme mødes.",
        short_description_en="A café where lonely people meet.",
        open_to_partnerships=True,
    )
    lab = ActorFactory(
        name="Aarhus Velfærdslab",
        kind=Actor.Kind.MUNICIPALITY,
        municipality=Municipality.objects.get(code="751"),
    )
    ngo = ActorFactory(
        name="Odense Frivillige",
        kind=Actor.Kind.NGO,
        municipality=Municipality.objects.get(code="461"),
    )
    ActorFactory(name="Brussels Social Lab", abroad=True)
    Connection.objects.create(from_actor=lab, to_actor=cafe, kind=Connection.Kind.PARTNER_OF)
    return {"cafe": cafe, "lab": lab, "ngo": ngo}


def listed_names(page) -> list[str]:
    return page.locator(".list-item-title a").all_inner_texts()


def expect_actors_on_map(page, count: int) -> None:
    """The map has loaded this many actors (close ones are clustered, far ones not drawn)."""
    expect(page.locator("#actor-map")).to_have_attribute("data-actor-count", str(count))


def test_map_filter_by_region_open_an_actor_and_switch_to_english(page, actors):
    page.goto(page.base_url + "/aktoerer/map/")
    expect(page.locator("html")).to_have_attribute("lang", "da")
    expect_actors_on_map(page, 4)
    page.evaluate("window.stillTheSamePage = true")

    page.locator("#id_region").select_option("hovedstaden")
    expect(page).to_have_url(re.compile(r"/aktoerer/map/\?region=hovedstaden$"))
    expect(page.locator(".list-item-title a")).to_have_count(1)
    assert listed_names(page) == ["Café Samvær"]
    # The map shows the same actors as the list, and the page was updated in place.
    expect_actors_on_map(page, 1)
    expect(page.locator("#actor-map .leaflet-marker-icon")).to_have_count(1)
    assert page.evaluate("window.stillTheSamePage") is True
    # The counts beside the other filters follow the region.
    expect(page.locator("#id_kind option[value=municipality]")).to_have_count(0)

    # Back and forward: the page comes from the server again and the map is redrawn.
    page.go_back()
    expect(page).to_have_url(re.compile(r"/aktoerer/map/$"))
    expect_actors_on_map(page, 4)
    expect(page.locator(".list-item-title a")).to_have_count(4)
    page.go_forward()
    expect(page).to_have_url(re.compile(r"region=hovedstaden$"))
    expect_actors_on_map(page, 1)

    # Keyboard users can skip the map.
    page.locator(".actor-map-skip").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "actor-results-heading"

    # A marker's popup links to the actor's page as well (clicked once the map has ended
    # its move to the filtered actors: a click during Leaflet's zoom animation missed it).
    page.evaluate("() => Promise.all(document.getAnimations().map(a => a.finished))")
    page.locator("#actor-map .leaflet-marker-icon").click()
    expect(page.locator(".leaflet-popup-content strong a")).to_have_text("Café Samvær")

    page.locator(".list-item-title").get_by_role("link", name="Café Samvær").click()
    expect(page).to_have_url(re.compile(rf"/aktoerer/{actors['cafe'].slug}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Café Samvær")
    expect(page.locator("#actor-pin-map .leaflet-marker-icon")).to_have_count(1)

    page.locator("footer").get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(rf"/en/actors/{actors['cafe'].slug}/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator(".font-lead")).to_have_text("A café where lonely people meet.")
    expect(page.get_by_role("heading", name="Facts")).to_be_visible()
    expect(page.get_by_role("link", name="Aarhus Velfærdslab")).to_be_visible()


def test_the_directory_updates_as_you_type_and_works_from_its_url(page, actors):
    page.goto(page.base_url + "/en/actors/")
    expect(page.get_by_role("heading", name="4 actors")).to_be_visible()
    page.get_by_label("Search for actors").fill("frivil")
    expect(page).to_have_url(re.compile(r"/en/actors/\?q=frivil$"))
    expect(page.get_by_role("heading", name="1 actor", exact=True)).to_be_visible()
    assert listed_names(page) == ["Odense Frivillige"]
    expect(page.locator("#actor-results-status")).to_have_text("1 actor found")
    # Focus stays in the search box while the results change.
    assert page.evaluate("document.activeElement.id") == "id_q"
    # Switching language keeps the search.
    page.locator("footer").get_by_role("link", name="Dansk").click()
    expect(page).to_have_url(re.compile(r"^https?://[^/]+/aktoerer/\?q=frivil$"))
    expect(page.locator("html")).to_have_attribute("lang", "da")
    assert listed_names(page) == ["Odense Frivillige"]

    # A bad value in a shared link is explained, not an error page.
    page.goto(page.base_url + "/en/actors/?region=atlantis&sort=junk")
    expect(page.get_by_role("heading", name="4 actors")).to_be_visible()
    expect(page.locator("#id_region-error")).to_contain_text("not recognised")


@pytest.mark.parametrize("prefix", ["", "/en"], ids=["da", "en"])
@pytest.mark.parametrize("kind", ["directory", "map", "actor", "open data"])
def test_public_ecosystem_pages_are_accessible(page, actors, prefix, kind):
    path = {
        "directory": "/aktoerer/?region=hovedstaden",
        "map": "/aktoerer/map/",
        "actor": f"/aktoerer/{actors['lab'].slug}/",
        "open data": "/aktoerer/open-data/",
    }[kind]
    page.goto(page.base_url + address(prefix, path))
    expect(page.locator("html")).to_have_attribute("lang", "en" if prefix else "da")
    if kind == "map":
        expect_actors_on_map(page, 4)
    if kind == "actor":
        expect(page.locator("#actor-pin-map .leaflet-marker-icon")).to_have_count(1)
    assert_accessible(page)


def test_the_embeddable_map_is_accessible_and_links_out(page, actors):
    page.goto(page.base_url + "/en/actors/map/embed/?region=midtjylland")
    expect_actors_on_map(page, 1)
    assert_accessible(page)
    page.locator("#actor-map .leaflet-marker-icon").click()
    link = page.locator(".leaflet-popup-content strong a")
    expect(link).to_have_text("Aarhus Velfærdslab")
    expect(link).to_have_attribute("target", "_blank")


@pytest.mark.parametrize("width", [390, 1280])
def test_map_text_controls_and_popup_work_by_keyboard_in_danish(page, actors, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(page.base_url + "/aktoerer/map/")
    expect_actors_on_map(page, 4)
    # The controls speak Danish.
    expect(page.locator("#actor-map .leaflet-control-zoom-in")).to_have_attribute(
        "title", "Zoom ind"
    )
    expect(page.locator("#actor-map .leaflet-control-zoom-out")).to_have_attribute(
        "title", "Zoom ud"
    )
    # Text on the map is at least the body's size (Leaflet's own 0.75rem was 7.5 px).
    body = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    attribution = page.locator("#actor-map .leaflet-control-attribution")
    assert attribution.evaluate("e => parseFloat(getComputedStyle(e).fontSize)") >= body

    # Zoomed in, the markers drawn outside the view are out of the tab order, so tabbing
    # through the map never pans it away; those in view can be reached.
    page.locator("#actor-map").scroll_into_view_if_needed()
    where_the_markers_are = """() => {
      const box = document.querySelector('#actor-map').getBoundingClientRect();
      return [...document.querySelectorAll('#actor-map .leaflet-marker-icon')].map(i => {
        const r = i.getBoundingClientRect();
        const x = r.left + r.width / 2, y = r.top + r.height / 2;
        return {inside: x >= box.left && x <= box.right && y >= box.top && y <= box.bottom,
                tabbable: i.tabIndex === 0};
      });
    }"""
    page.locator("#actor-map").focus()
    for _ in range(10):
        page.keyboard.press("ArrowRight")  # pans east: the western markers leave the view
        page.wait_for_timeout(400)
        markers = page.evaluate(where_the_markers_are)
        if any(not m["inside"] for m in markers):
            break
    assert any(not m["inside"] for m in markers), "no marker outside the view to test"
    assert any(m["inside"] for m in markers), "no marker inside the view to test"
    assert all(m["inside"] == m["tabbable"] for m in markers), markers
    marker = page.locator("#actor-map .leaflet-marker-icon[tabindex='0']").first

    # Enter on a marker opens its popup with focus on the link; its text is body size;
    # Escape closes it and focus returns to the marker.
    marker.focus()
    page.keyboard.press("Enter")
    link = page.locator(".leaflet-popup-content strong a")
    expect(link).to_have_count(1)
    expect(link).to_be_focused()
    assert link.evaluate("e => parseFloat(getComputedStyle(e).fontSize)") >= body
    expect(page.locator(".leaflet-popup-close-button")).to_have_attribute(
        "aria-label", "Luk boksen"
    )
    page.keyboard.press("Escape")
    expect(link).to_have_count(0)
    expect(marker).to_be_focused()


def test_the_location_picker_speaks_danish(page, actors):
    from tests.e2e.test_ecosystem_join import log_in_as
    from tests.factories import UserFactory

    log_in_as(page, UserFactory())
    page.goto(page.base_url + "/aktoerer/register/")
    expect(page.locator("#location-map .leaflet-control-zoom-in")).to_have_attribute(
        "title", "Zoom ind"
    )

"""The actor map's key, popups, "go to" search and "only actors in the map section", in a
real browser at a phone's and a desktop's width, with axe in both languages."""

import re

import pytest
from playwright.sync_api import expect

from ecosystem.models import Actor, Municipality, Theme
from tests.e2e.axe import assert_accessible
from tests.factories import ActorFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WIDTHS = [390, 1280]


@pytest.fixture
def actors():
    lab = ActorFactory(
        name="Aarhus Velfærdslab",
        kind=Actor.Kind.MUNICIPALITY,
        municipality=Municipality.objects.get(code="751"),
        address="Rådhuspladsen 2",
        postcode="8000",
        city="Aarhus C",
    )
    lab.themes.set(Theme.objects.filter(slug="active-inclusion"))
    ActorFactory(name="Café Samvær", municipality=Municipality.objects.get(code="101"))
    ActorFactory(
        name="Odense Frivillige",
        kind=Actor.Kind.NGO,
        municipality=Municipality.objects.get(code="461"),
    )
    ActorFactory(
        name="Aalborg Forskning",
        kind=Actor.Kind.UNIVERSITY,
        municipality=Municipality.objects.get(code="851"),
    )
    ActorFactory(name="Brussels Social Lab", abroad=True)
    return {"lab": lab}


def listed(page) -> list[str]:
    return page.locator(".list-item-title a").all_inner_texts()


def map_view(page) -> tuple[float, float, int]:
    lat, lon, zoom = page.locator("#actor-map").get_attribute("data-view").split(",")
    return float(lat), float(lon), int(zoom)


def open_map(page, path: str, width: int) -> None:
    """The map page at this width, once the map has drawn every actor and set its view."""
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(page.base_url + path)
    expect(page.locator("#actor-map")).to_have_attribute("data-actor-count", "5")
    expect(page.locator("#actor-map")).to_have_attribute("data-view", re.compile(r"."))


def wait_for_view_change(page, before) -> tuple[float, float, int]:
    expect(page.locator("#actor-map")).not_to_have_attribute(
        "data-view", ",".join(f"{part:.4f}" for part in before[:2]) + f",{before[2]}"
    )
    page.wait_for_timeout(400)  # the zoom animation ends with one more moveend
    return map_view(page)


@pytest.mark.parametrize("width", WIDTHS)
def test_key_popup_and_going_to_a_municipality(page, actors, width):
    open_map(page, "/aktoerer/map/", width)

    # The key is on the page, in Danish, each group with its letter.
    key = page.locator("[data-map-key]")
    expect(key.get_by_role("heading", name="Signaturforklaring")).to_be_visible()
    expect(key.locator("li")).to_have_count(7)
    expect(key.locator("li").first).to_contain_text("Offentlig sektor")
    expect(key.locator("li").first.locator(".actor-marker")).to_have_text("O")

    # "Go to" Aarhus: the list narrows and the map moves there.
    before = map_view(page)
    page.get_by_role("textbox", name="Gå til en kommune eller et postnummer").fill("Aarhus")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/aktoerer/map/\?place=Aarhus$"))
    expect(page.locator("#actor-place-feedback")).to_have_text("Viser Aarhus.")
    expect(page.locator(".list-item-title a")).to_have_text(["Aarhus Velfærdslab"])
    lat, lon, zoom = wait_for_view_change(page, before)
    aarhus = actors["lab"]
    assert abs(lat - aarhus.latitude) < 0.05 and abs(lon - aarhus.longitude) < 0.05
    assert zoom > before[2]

    # Its marker is the public sector's (colour, shape and letter), and its popup has the
    # address, the themes and a link to the actor's page.
    marker = page.locator("#actor-map .leaflet-marker-icon .actor-marker--public")
    expect(marker).to_have_text("O")
    marker.click()
    popup = page.locator(".leaflet-popup-content")
    expect(popup).to_contain_text("Adresse: Rådhuspladsen 2, 8000 Aarhus C")
    expect(popup).to_contain_text("Temaer: Aktiv inklusion")
    link = popup.get_by_role("link", name="Gå til aktørens side")
    expect(link).to_have_attribute("href", f"/aktoerer/{aarhus.slug}/")
    # axe reads colours as painted: wait for Leaflet's fade-in to end.
    expect(page.locator(".leaflet-popup")).to_have_css("opacity", "1")
    assert_accessible(page)
    link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Aarhus Velfærdslab")


@pytest.mark.parametrize("width", WIDTHS)
def test_only_actors_in_the_map_section_follow_the_map(page, actors, width):
    open_map(page, "/en/actors/map/", width)
    expect(page.locator(".list-item-title a")).to_have_count(5)

    page.get_by_label("Show only actors in the map section").check()
    expect(page).to_have_url(re.compile(r"bbox=[-0-9.,%C]+$"))
    page.wait_for_load_state("networkidle")
    in_view = len(listed(page))
    assert in_view >= 1

    # Zoom in twice: fewer actors are in view, and the list says so.
    page.locator("#actor-map").scroll_into_view_if_needed()
    before = map_view(page)
    page.locator("#actor-map .leaflet-control-zoom-in").click()
    page.wait_for_timeout(300)
    page.locator("#actor-map .leaflet-control-zoom-in").click()
    wait_for_view_change(page, before)
    for _ in range(50):  # the list is asked for again after the map's last move
        if len(listed(page)) < in_view:
            break
        page.wait_for_timeout(200)
    page.wait_for_load_state("networkidle")
    assert len(listed(page)) < in_view
    # The map still holds every actor: only the list follows the section.
    expect(page.locator("#actor-map")).to_have_attribute("data-actor-count", "5")

    # Unticked, the list shows every actor again.
    page.get_by_label("Show only actors in the map section").uncheck()
    expect(page.locator(".list-item-title a")).to_have_count(5)
    assert "bbox" not in page.url


@pytest.mark.parametrize("prefix", ["", "/en"], ids=["da", "en"])
@pytest.mark.parametrize("width", WIDTHS)
def test_the_map_page_with_a_bad_place_is_accessible(page, actors, prefix, width):
    path = "/en/actors/map/" if prefix else "/aktoerer/map/"
    open_map(page, path + "?place=Atlantis", width)
    expected = "We know no Danish municipality" if prefix else "Vi kender ingen dansk kommune"
    expect(page.locator("#actor-place-feedback")).to_contain_text(expected)
    expect(page.locator("#id_place")).to_have_attribute("aria-invalid", "true")
    assert_accessible(page)

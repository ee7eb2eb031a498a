"""The embeddable map in a partner's iframe: it fills the frame exactly, whatever the
frame's height, so the partner's page shows no scrollbar inside the frame; and the code
for it, which the open-data page's "Embed the map" gives with the chosen options."""

import re

import pytest
from playwright.sync_api import expect

from ecosystem.models import Municipality
from tests.factories import ActorFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PARTNER_PAGE = "/__partner-page-with-the-map__/"


def open_in_a_frame(page, width: int, height: int, query: str = "") -> object:
    """A partner's page (served by the test, same host: Chromium refuses a local frame in
    a page from elsewhere) holding the embed in an iframe of the given size."""
    html = (
        "<!DOCTYPE html><html lang='da'><head><title>Partner</title></head><body>"
        f"<iframe id='portal-map' title='Kort' src='{page.base_url}/actors/map/embed/{query}' "
        f"width='{width}' height='{height}' style='border:0'></iframe></body></html>"
    )
    page.route(
        page.base_url + PARTNER_PAGE,
        lambda route, request: route.fulfill(status=200, body=html, content_type="text/html"),
    )
    page.goto(page.base_url + PARTNER_PAGE)
    frame = page.frame_locator("#portal-map")
    expect(frame.locator("#actor-map.leaflet-container")).to_be_visible()
    return next(f for f in page.frames if "/map/embed/" in f.url)


def sizes(frame) -> dict:
    return frame.evaluate(
        """() => {
            const root = document.documentElement;
            return {scrollHeight: root.scrollHeight, clientHeight: root.clientHeight,
                    scrollWidth: root.scrollWidth, clientWidth: root.clientWidth};
        }"""
    )


@pytest.mark.parametrize(("width", "height"), [(600, 450), (390, 500), (800, 300), (1000, 700)])
def test_the_map_fills_its_frame_without_a_scrollbar(page, width, height):
    ActorFactory(name="Café Samvær", municipality=Municipality.objects.get(code="101"))
    frame = open_in_a_frame(page, width, height)
    expect(page.frame_locator("#portal-map").locator(".leaflet-marker-icon")).to_have_count(1)
    measured = sizes(frame)
    assert measured["clientHeight"] == height
    assert measured["scrollHeight"] <= measured["clientHeight"], measured
    assert measured["scrollWidth"] <= measured["clientWidth"], measured


def test_the_error_line_fits_in_the_frame_too(page):
    """When the actors cannot be loaded, the message takes room from the map, not from
    below the frame."""
    page.context.route("**/map.geojson*", lambda route: route.abort())
    frame = open_in_a_frame(page, 600, 400)
    expect(page.frame_locator("#portal-map").locator(".actor-map-error")).not_to_be_empty()
    measured = sizes(frame)
    assert measured["scrollHeight"] <= measured["clientHeight"], measured


# --- The open-data page's "Embed the map": the code a web editor copies -------------------


def test_a_web_editor_chooses_the_options_copies_the_code_and_the_map_shows_on_their_page(
    page, settings
):
    """The options change the code in place (htmx), the copy button puts it on the
    clipboard, and that very code, pasted into another page, shows the chosen actors."""
    settings.SITE_URL = page.base_url  # the code names the portal by its public address
    ActorFactory(name="Café Samvær", municipality=Municipality.objects.get(code="101"))
    ActorFactory(name="Aalborg Værested", municipality=Municipality.objects.get(code="851"))
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(page.base_url + "/aktoerer/open-data/")
    code = page.get_by_label("Kode til din hjemmeside")
    expect(code).to_have_value(re.compile(f'src="{page.base_url}/aktoerer/map/embed/"'))
    page.get_by_label("Region", exact=True).select_option(label="Region Hovedstaden")
    page.get_by_label("Kortets sprog").select_option("en")
    expect(code).to_have_value(re.compile(r"/en/actors/map/embed/\?region=hovedstaden"))
    assert page.url.endswith("/aktoerer/open-data/")  # the page stayed, only the code changed
    page.get_by_role("button", name="Kopier koden").click()
    expect(page.get_by_role("status")).to_have_text("Koden er kopieret.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == code.input_value()
    assert 'title="Map of social innovation actors in Denmark"' in copied

    page.route(
        page.base_url + PARTNER_PAGE,
        lambda route, request: route.fulfill(
            status=200,
            content_type="text/html",
            body="<!DOCTYPE html><html lang='da'><head><title>Kommunen</title></head>"
            f"<body><h1>Kommunen</h1>{copied}</body></html>",
        ),
    )
    page.goto(page.base_url + PARTNER_PAGE)
    frame = page.frame_locator("iframe")
    expect(frame.locator(".leaflet-marker-icon")).to_have_count(1)
    frame.locator(".leaflet-marker-icon").click()
    expect(frame.locator(".leaflet-popup")).to_contain_text("Café Samvær")


def test_without_javascript_the_options_reload_the_page_with_the_new_code(browser, live_server):
    context = browser.new_context(java_script_enabled=False, locale="da-DK")
    page = context.new_page()
    page.goto(live_server.url + "/en/actors/open-data/")
    expect(page.get_by_role("button", name="Copy the code")).to_be_hidden()
    page.get_by_label("Municipality").select_option(label="Aarhus")
    page.get_by_role("button", name="Update the code").click()
    expect(page.get_by_label("Code for your web page")).to_have_value(
        re.compile(r"/en/actors/map/embed/\?municipality=751")
    )
    expect(page).to_have_url(re.compile(r"municipality=751.*#embed$"))
    context.close()

"""The embeddable map in a partner's iframe: it fills the frame exactly, whatever the
frame's height, so the partner's page shows no scrollbar inside the frame."""

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

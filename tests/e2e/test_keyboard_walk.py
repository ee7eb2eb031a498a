"""A keyboard-only walk: from the top of the home page with Tab alone, every stop is
visible and shows where the focus is; the search and the contact form are used with Tab
and Enter, no mouse."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from pages.models import ContactMessage
from tests.factories import ActorFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

FOCUSED = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    const shadow = style.boxShadow && style.boxShadow !== 'none';
    return {
        tag: el.tagName,
        id: el.id,
        text: (el.innerText || el.value || el.getAttribute('aria-label') || '').trim(),
        href: el.getAttribute('href'), visible: box.width > 0 && box.height > 0,
        inside: box.right > 0 && box.left < window.innerWidth,
        indicator: outline || shadow,
    };
}"""


def tab_until(page, wanted, most: int = 80) -> list[dict]:
    """Press Tab until `wanted(stop)` holds; every stop on the way must be visible and
    show a focus indicator. Returns the stops."""
    # A key goes to the page only while its window has the focus; on a busy machine a new
    # page had not yet been given it, and the first Tab left the document (CI, stop 25).
    page.bring_to_front()
    page.wait_for_function("document.hasFocus()")
    stops = []
    for _ in range(most):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUSED)
        assert stop is not None, f"the focus left the page after {stops[-3:]}"
        stops.append(stop)
        assert stop["visible"] and stop["inside"], f"focus on something not shown: {stop}"
        assert stop["indicator"], f"no visible focus indicator on {stop}"
        if wanted(stop):
            return stops
    raise AssertionError(f"not reached in {most} Tabs; last stops: {stops[-5:]}")


@pytest.mark.parametrize("width", [390, 1280])
def test_the_home_page_by_tab_alone(page, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(page.base_url + "/")
    stops = tab_until(page, lambda s: s["href"] == "/tilgaengelighedserklaering/", most=120)
    assert stops[0]["text"] == "Gå til sidens indhold", "the skip link comes first"
    hrefs = [s["href"] for s in stops]
    for call_to_action in (
        "/aktoerer/map/",
        "/aktoerer/register/",
        "/eu-cases/",
        "/arrangementer/",
        "/viden/",
    ):
        assert call_to_action in hrefs, call_to_action
    assert "site-search-header" in [s["id"] for s in stops] or width == 390


def test_the_skip_link_moves_the_focus_past_the_header(page):
    page.goto(page.base_url + "/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    stop = tab_until(page, lambda s: True)[0]
    assert stop["href"] == "/aktoerer/map/", stop  # the first call to action, not the menu


def test_the_search_by_tab_and_enter(page):
    ActorFactory(name="Fjordbyens Værksted")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(page.base_url + "/")
    tab_until(page, lambda s: s["id"] == "site-search-header")
    page.keyboard.type("fjord")
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_contain_text("Fjordbyens Værksted")
    tab_until(page, lambda s: s["text"] == "Fjordbyens Værksted")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Fjordbyens Værksted")


def test_the_contact_form_by_tab_and_enter(page):
    page.goto(page.base_url + "/kontakt/")
    tab_until(page, lambda s: s["tag"] == "SELECT")
    page.keyboard.press("ArrowDown")  # the first topic
    for value in ("Karen Jensen", "karen@example.dk", "", "Hvordan søger vi om validering?"):
        tab_until(page, lambda s: s["tag"] in ("INPUT", "TEXTAREA"), most=2)
        page.keyboard.type(value)
    tab_until(page, lambda s: s["tag"] == "BUTTON", most=1)
    page.keyboard.press("Enter")
    expect(page.locator(".alert-success")).to_contain_text("Tak for din henvendelse")
    assert ContactMessage.objects.get().email == "karen@example.dk"
    assert "karen@example.dk" in [m.to[0] for m in mail.outbox]


def test_the_errors_of_the_contact_form_are_reached_by_tab(page):
    page.goto(page.base_url + "/kontakt/")
    tab_until(page, lambda s: s["tag"] == "BUTTON" and "Send" in s["text"])
    page.keyboard.press("Enter")
    expect(page.locator(".error-summary")).to_be_visible()
    page.locator("body").focus()  # from the top of the page that answered
    stop = tab_until(page, lambda s: (s["href"] or "").startswith("#id_"))[-1]
    assert stop["text"].startswith("Dit navn"), stop
    page.keyboard.press("Enter")
    expect(page.get_by_label("Dit navn")).to_be_focused()

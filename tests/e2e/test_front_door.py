"""The home page and the one search box, as a visitor uses them: by keyboard too."""

import pytest
from playwright.sync_api import expect

from tests.e2e.axe import assert_accessible
from tests.factories import ActorFactory, CaseApplicationFactory, EventFactory, ResourceFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def content():
    ActorFactory(name="Fjordbyens Værksted")
    CaseApplicationFactory(validated=True, title="Fjord mentoring for youth")
    EventFactory(title_da="Fjordtopmøde", title_en="Fjord summit")
    ResourceFactory(title="Fjordguide til finansiering")


@pytest.mark.parametrize(("prefix", "button"), [("", "Søg"), ("/en", "Search")])
@pytest.mark.parametrize("width", [390, 1280])
def test_search_from_the_header_by_keyboard_finds_every_kind(page, content, prefix, button, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(page.base_url + prefix + "/")
    assert_accessible(page)
    box = page.locator("#site-search-header")
    box.focus()
    page.keyboard.type("fjord")
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_contain_text("Fjordbyens Værksted")
    for found in ("Fjord mentoring for youth", "Fjordguide til finansiering"):
        expect(page.locator("main")).to_contain_text(found)
    expect(page.locator("main")).to_contain_text("Fjord" + ("topmøde" if not prefix else " summit"))
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert_accessible(page)

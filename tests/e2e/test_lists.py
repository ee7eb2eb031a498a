"""Every public list in a real browser: on a phone the results come first and the filters
open from the "Filtrer (n)" button; filtering happens as you choose and the address holds
only what was chosen."""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from tests.lists.data import FILTERED_LISTS, LISTS, make_every_list

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}

FIRST_RESULT_AND_WIDTH = """() => {
  const first = document.querySelector(".list-items > li");
  return {
    top: first.getBoundingClientRect().top + window.scrollY,
    screen: window.innerHeight,
    width: document.documentElement.scrollWidth,
  };
}"""


def url_for(name: str, lang: str) -> str:
    with translation.override(lang):
        return reverse(name)


@pytest.fixture
def every_list():
    return make_every_list()


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("name", LISTS)
def test_on_a_phone_the_first_result_is_on_the_first_screen_and_nothing_is_wider(
    page, every_list, name, lang
):
    page.set_viewport_size(PHONE)
    page.goto(page.base_url + url_for(name, lang))
    measured = page.evaluate(FIRST_RESULT_AND_WIDTH)
    assert measured["top"] < 1.25 * measured["screen"], measured
    assert measured["width"] <= PHONE["width"]


@pytest.mark.parametrize("name", FILTERED_LISTS)
def test_on_a_phone_the_filters_open_from_the_filter_button_by_keyboard(page, every_list, name):
    page.set_viewport_size(PHONE)
    page.goto(page.base_url + url_for(name, "da"))
    first_filter = page.locator(".list-facets select, .list-facets input").first
    expect(first_filter).to_be_hidden()
    button = page.locator(".list-filters-button")
    expect(button).to_have_text("Filtrer")
    button.focus()
    page.keyboard.press("Enter")
    expect(first_filter).to_be_visible()


@pytest.mark.parametrize(
    ("name", "field", "value"),
    [
        ("validation:index", "#id_q", "bridges"),
        ("policy:index", "#id_kind", None),
        ("funding:index", "#id_kind", "grant"),
        ("matching:find_partner", "#id_role", None),
    ],
)
def test_filtering_updates_the_results_and_the_address_in_place(
    page, every_list, name, field, value
):
    url = url_for(name, "en")
    page.goto(page.base_url + url)
    page.evaluate("window.stillTheSamePage = true")
    element = page.locator(field)
    if element.evaluate("e => e.tagName") == "SELECT":
        value = value or element.locator("option").nth(1).get_attribute("value")
        element.select_option(value)
    else:
        element.fill(value)
    param = field.removeprefix("#id_")
    expected = f"{param}={value}".replace(" ", "+")
    expect(page).to_have_url(re.compile(re.escape(url + "?" + expected) + "$"))
    expect(page.locator("[id$=-results-status]")).to_have_text(re.compile(r"^\d+ \w+"))
    assert page.evaluate("window.stillTheSamePage") is True
    # The filter count on the phone's button follows the choice.
    if param != "q":
        expect(page.locator(".list-filters-button")).to_have_text("Filter (1)")

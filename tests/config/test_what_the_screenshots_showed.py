"""Faults seen on the screenshots of every page type, each with the test that would have
caught it."""

import html

import pytest

from tests.factories import EventFactory, ResourceFactory

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return html.unescape(response.content.decode())


def test_the_event_page_and_list_say_how_to_attend(client):
    event = EventFactory(online_url="https://meet.example.dk/x", venue_name="")
    page = text(client.get(f"/arrangementer/{event.slug}/"))
    assert "<dt>Deltagelse</dt><dd>Online</dd>" in page.replace("\n", "")
    assert "· Online" in text(client.get("/arrangementer/"))
    assert "<dd>Online</dd>" in text(client.get(f"/en/events/{event.slug}/")).replace("\n", "")


def test_a_restricted_resource_shows_a_lock_icon_not_an_emoji(client):
    resource = ResourceFactory(partners=True)
    page = client.get(f"/viden/{resource.slug}/").content.decode()
    assert "all-svg-icons.svg#lock" in page
    assert "&#128274;" not in page and "\U0001f512" not in page


def test_one_name_for_the_library_and_no_two_filters_called_the_same(client):
    library = text(client.get("/viden/"))
    assert ">Videnressourcer</span>" in library.replace("\n", "")  # the menu
    assert "<h1>Videnressourcer</h1>" in library
    labels = [line.strip() for line in library.splitlines() if "Målgruppe" in line]
    assert "Henvender sig til" in library
    assert sum("Målgruppe<" in label for label in labels) <= 1


def test_the_language_switch_is_the_same_in_the_header_and_the_footer(client):
    page = client.get("/").content.decode()
    assert page.count('class="language-switcher language-switcher--') == 3
    assert page.count('aria-current="true">Dansk</a>') == 3

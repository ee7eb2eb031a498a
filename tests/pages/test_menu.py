"""A trust page sits where staff put it: in the header's main menu or in the footer, on
every page, cached pages included."""

import re

import pytest

from ecosystem.facets import GENERATION
from pages.models import Page

pytestmark = pytest.mark.django_db


def main_menu(html: str) -> list[tuple[str, str]]:
    block = re.search(r'<ul class="mainmenu">(.*?)</ul>', html, re.S).group(1)
    return re.findall(r'<a href="([^"]+)"[^>]*><span>([^<]+)</span>', block)


def footer_menu(html: str) -> list[tuple[str, str]]:
    footer = html[html.index("<footer") :]
    block = re.search(r'<ul class="mt-4[^"]*inline-list">(.*?)</ul>', footer, re.S)
    return re.findall(r'<a class="function-link" href="([^"]+)">([^<]+)</a>', block.group(1))


def move(key: str, place: str, position: int | None = None) -> None:
    page = Page.objects.get(key=key)
    page.menu = place
    if position is not None:
        page.position = position
    page.save()


def test_by_default_about_is_in_the_main_menu_and_the_legal_pages_in_the_footer(client):
    html = client.get("/aktoerer/").content.decode()
    assert main_menu(html)[-1] == ("/om/", "Om os")
    assert footer_menu(html) == [
        ("/privatlivspolitik/", "Privatlivspolitik"),
        ("/tilgaengelighedserklaering/", "Tilgængelighedserklæring"),
    ]
    english = client.get("/en/actors/").content.decode()
    assert main_menu(english)[-1] == ("/en/about/", "About")


def test_staff_move_a_page_into_the_main_menu_and_another_into_the_footer(client):
    client.get("/aktoerer/")  # in the page cache now
    move("privacy", Page.Menu.MAIN, position=50)
    move("contact", Page.Menu.FOOTER, position=1)
    for url in ("/aktoerer/", "/", "/om/"):
        html = client.get(url).content.decode()
        assert main_menu(html)[-2:] == [
            ("/om/", "Om os"),
            ("/privatlivspolitik/", "Privatlivspolitik"),
        ], url
        assert footer_menu(html) == [
            ("/kontakt/", "Kontakt"),
            ("/tilgaengelighedserklaering/", "Tilgængelighedserklæring"),
        ], url


def test_a_page_under_about_is_in_neither_menu(client):
    move("about", Page.Menu.ABOUT)
    html = client.get("/").content.decode()
    assert "/om/" not in [url for url, _label in main_menu(html)]
    assert "/om/" not in [url for url, _label in footer_menu(html)]


def test_an_edit_of_the_text_alone_leaves_the_cached_pages_be(client):
    before = GENERATION.current()
    page = Page.objects.get(key="about")
    page.summary = "Ny tekst"
    page.save()
    assert GENERATION.current() == before
    move("about", Page.Menu.FOOTER)
    assert GENERATION.current() != before

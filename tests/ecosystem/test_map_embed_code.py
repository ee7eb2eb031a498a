"""The open-data page's "Embed the map": a web editor chooses what the map shows and gets
a ready iframe code, without JavaScript (a GET form that renders the page again)."""

import html
import re

import pytest

pytestmark = pytest.mark.django_db


def embed_code(response) -> str:
    textarea = re.search(r'id="map-embed-code"[^>]*>(.*?)</textarea>', response.text, re.S)
    return html.unescape(textarea.group(1))


def test_the_map_page_leads_to_the_embed_code(client):
    page = client.get("/aktoerer/map/").text
    assert 'href="/aktoerer/open-data/#embed">Indlejr kortet på din egen hjemmeside</a>' in page


def test_the_code_shows_the_whole_map_in_the_pages_language(client, settings):
    settings.SITE_URL = "https://socialinnovation.dk"
    response = client.get("/aktoerer/open-data/")
    assert ">Indlejr kortet</h2>" in response.text
    assert embed_code(response) == (
        '<iframe src="https://socialinnovation.dk/aktoerer/map/embed/" '
        'title="Kort over aktører inden for social innovation i Danmark" width="100%" '
        'height="500" style="border:0" loading="lazy"></iframe>'
    )
    english = embed_code(client.get("/en/actors/open-data/"))
    assert 'src="https://socialinnovation.dk/en/actors/map/embed/"' in english
    assert 'title="Map of social innovation actors in Denmark"' in english


def test_the_chosen_options_are_in_the_code(client, settings):
    settings.SITE_URL = "https://socialinnovation.dk"
    response = client.get(
        "/aktoerer/open-data/?region=hovedstaden&municipality=101&theme=active-inclusion"
        "&language=en"
    )
    code = embed_code(response)
    assert (
        'src="https://socialinnovation.dk/en/actors/map/embed/'
        '?region=hovedstaden&amp;municipality=101&amp;theme=active-inclusion"'
    ) in code
    assert 'title="Map of social innovation actors in Denmark"' in code
    # The form shows the choices it was given.
    assert '<option value="hovedstaden" selected>' in response.text
    assert '<option value="en" selected>English</option>' in response.text


def test_the_code_opens_the_map_it_describes(client):
    """The address in the code is the embed page, framable, with the chosen filters."""
    code = embed_code(client.get("/aktoerer/open-data/?municipality=751"))
    address = re.search(r'src="https?://[^/]+([^"]+)"', code).group(1)
    assert address == "/aktoerer/map/embed/?municipality=751"
    response = client.get(html.unescape(address))
    assert response.status_code == 200
    assert "frame-ancestors *" in response["Content-Security-Policy"]


def test_a_refused_option_is_said_and_left_out_of_the_code(client):
    response = client.get("/en/actors/open-data/?theme=zzz&region=nordjylland&language=xx")
    assert response.status_code == 200
    assert 'id="id_theme_error"' in response.text
    code = embed_code(response)
    assert "/en/actors/map/embed/?region=nordjylland" in code
    assert "zzz" not in code and "xx" not in code
    # The page's language stays the map's when the chosen one is refused.
    assert 'title="Map of social innovation actors in Denmark"' in code

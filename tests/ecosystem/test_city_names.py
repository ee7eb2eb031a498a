"""A partner abroad shows its city under the name the reader's language gives it: Prag and
Warszawa on Danish pages, Prague and Warsaw on English ones; København stays København."""

import html
import re

import pytest

from ecosystem.citynames import city_name
from tests.factories import ActorFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("city", "country", "danish", "english"),
    [
        ("Praha", "CZ", "Prag", "Prague"),
        ("Prague", "CZ", "Prag", "Prague"),
        ("Warsaw", "PL", "Warszawa", "Warsaw"),
        ("Warszawa", "PL", "Warszawa", "Warsaw"),
        ("Brussels", "BE", "Bruxelles", "Brussels"),
        ("Brussel", "BE", "Bruxelles", "Brussels"),
        ("Helsingfors", "FI", "Helsinki", "Helsinki"),
        ("Dublin", "IE", "Dublin", "Dublin"),
        ("København", "DK", "København", "Copenhagen"),
        ("  praha ", "CZ", "Prag", "Prague"),
        # Not in the table, or the same name in another country: as written.
        ("Kolding", "DK", "Kolding", "Kolding"),
        ("Roma", "DK", "Roma", "Roma"),
    ],
)
def test_a_city_in_each_language(city, country, danish, english):
    assert city_name(city, country, "da") == danish
    assert city_name(city, country, "en") == english


def test_the_directory_and_the_actor_page_name_the_city_in_the_page_language(client):
    actor = ActorFactory(
        name="Centrum pro sociální inovace",
        abroad=True,
        country="CZ",
        city="Praha",
        postcode="110 00",
    )
    pages = (
        ("/aktoerer/", f"/aktoerer/{actor.slug}/", "Prag", "Prague"),
        ("/en/actors/", f"/en/actors/{actor.slug}/", "Prague", "Prag"),
    )
    for directory, actor_page, expected, other in pages:
        for url in (f"{directory}?q=Centrum", actor_page):
            text = html.unescape(client.get(url).content.decode())
            assert re.search(rf"\b{expected}\b", text), url
            assert not re.search(rf"\b{other}\b", text), url
    # The organisation's own spelling is kept: it is what it wrote.
    actor.refresh_from_db()
    assert actor.city == "Praha"

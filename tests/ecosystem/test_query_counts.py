"""Each public page runs a fixed number of queries, whatever the number of actors.

The same budget must hold with 10 and with 500 actors: a page that loads related rows
one actor at a time would pass with 10 and fail with 500.
"""

import random

import pytest
from django.utils.text import slugify

from ecosystem.models import SDG, Actor, Connection, Municipality, TargetGroup, Theme
from tests.query_budgets import fetch_within, link_at_random

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _render_every_time(settings):
    """These budgets bound the rendering of each page; the page cache would answer the
    warm requests without rendering (its own cost is tested in test_page_cache.py)."""
    settings.PAGE_CACHE = False


# Page → the most queries it may run, on a cold cache and then warm. Anonymous visitors,
# so no session queries. A listing: facet counts (1), taxonomy names (1), the page of
# results (1), one lookup per filter whose value names a row (region, theme, ...), and the
# facet cache (the database cache in tests: 1 read, and 5 per write on a cold cache).
BUDGETS = {
    "directory": ("/en/actors/", 14, 3),
    "directory filtered": ("/en/actors/?region=hovedstaden&theme=active-inclusion", 16, 5),
    "directory searched": ("/en/actors/?q=virksomheder", 15, 4),  # +1: search glossary
    "directory htmx": ("/en/actors/?q=virk&kind=ngo", 15, 4),  # +1: search glossary
    "map page": ("/en/actors/map/?region=midtjylland", 15, 4),
    # +1: the "go to" search's municipality (ecosystem.places)
    "map page placed": ("/en/actors/map/?place=Aarhus&bbox=8,55,12.5,57.5", 16, 5),
    "map page postcode": ("/en/actors/map/?place=8000", 16, 5),
    "geojson": ("/en/actors/map.geojson?region=midtjylland", 3, 3),
    "geojson placed": ("/en/actors/map.geojson?place=Aarhus&bbox=8,55,12.5,57.5", 4, 4),
    "geojson searched": ("/en/actors/map.geojson?q=social", 3, 3),  # +1: search glossary
    # The exports (common.opendata): freshness (1, also the database check before the
    # first byte, so an outage answers 503) and the rows (1); JSON also reads the theme
    # and target group names (2); the XLSX is the CSV's rows.
    "csv": ("/en/actors/export.csv?kind=ngo", 2, 2),
    "xlsx": ("/en/actors/export.xlsx?kind=ngo", 2, 2),
    "json": ("/en/actors/export.json", 4, 4),
    # The "Embed the map" options (regions, municipalities, themes)
    "open data page": ("/en/actors/open-data/", 3, 3),
}


def make_actors(count: int) -> list[Actor]:
    """`count` published actors spread over the country, bulk-created for speed, with
    themes, target groups, SDGs and connections (the search vector is made by the DB)."""
    rng = random.Random(count)
    municipalities = list(Municipality.objects.select_related("region"))
    kinds = [value for value, _label in Actor.Kind.choices]
    actors = []
    for number in range(count):
        municipality = rng.choice(municipalities)
        actors.append(
            Actor(
                name=f"Aktør {number}",
                slug=slugify(f"aktor-{number}"),
                kind=rng.choice(kinds),
                short_description_da="En social virksomhed, der skaber job.",
                short_description_en="A social enterprise that creates jobs.",
                role=Actor.Role.PRACTITIONER,
                scale=Actor.Scale.LOCAL,
                municipality=municipality,
                region=municipality.region,
                latitude=municipality.latitude,
                longitude=municipality.longitude,
                open_to_partnerships=number % 3 == 0,
                status=Actor.Status.PUBLISHED,
            )
        )
    actors = Actor.objects.bulk_create(actors)
    themes, groups, sdgs = (
        list(Theme.objects.all()),
        list(TargetGroup.objects.all()),
        list(SDG.objects.all()),
    )
    link_at_random(Actor.themes, actors, themes, 2, rng)
    link_at_random(Actor.target_groups, actors, groups, 2, rng)
    link_at_random(Actor.sdgs, actors, sdgs, 2, rng)
    # The first actor is connected to every other one, both ways.
    Connection.objects.bulk_create(
        Connection(from_actor=actors[0], to_actor=other, kind=Connection.Kind.PARTNER_OF)
        for other in actors[1:]
    )
    Connection.objects.bulk_create(
        Connection(from_actor=other, to_actor=actors[0], kind=Connection.Kind.MEMBER_OF)
        for other in actors[1:]
    )
    return actors


@pytest.fixture(params=[10, 500], ids=lambda n: f"{n}-actors")
def actors(request):
    return make_actors(request.param)


@pytest.mark.parametrize("page", list(BUDGETS))
def test_public_pages_stay_within_their_query_budget(
    client, actors, page, django_assert_max_num_queries
):
    path, cold, warm = BUDGETS[page]
    headers = {"HTTP_HX_REQUEST": "true"} if page == "directory htmx" else {}
    fetch_within(client, path, (cold, warm), django_assert_max_num_queries, **headers)


def test_the_actor_page_with_hundreds_of_connections(client, actors, django_assert_max_num_queries):
    hub = actors[0]
    # 8, plus the partner badge (1), the actor's published resources (1), its validated EU
    # cases (1) and the events it organises and co-hosts (2): reverse relations, each a
    # fixed number of queries whatever their number.
    with django_assert_max_num_queries(13):
        response = client.get(f"/en/actors/{hub.slug}/")
    assert response.status_code == 200
    assert response.content.decode().count('class="actor-page-connection-kind"') == 2 * (
        len(actors) - 1
    )


def test_exports_hold_every_actor(client, actors):
    body = b"".join(client.get("/en/actors/export.csv").streaming_content)
    assert body.count(b"\r\n") == len(actors) + 1

"""The map page, its GeoJSON (built by PostgreSQL, with conditional GET) and the
embeddable map that partners put in an iframe."""

import json
from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone
from django.utils.http import http_date

from ecosystem.models import Actor, Municipality, Theme
from tests.factories import ActorFactory

pytestmark = pytest.mark.django_db

GEOJSON = "/en/actors/map.geojson"


@pytest.fixture
def actors():
    aarhus = Municipality.objects.get(code="751")
    found = {
        "copenhagen": ActorFactory(name="Café Samvær", kind=Actor.Kind.SOCIAL_ENTERPRISE),
        "aarhus": ActorFactory(
            name="Aarhus Velfærdslab",
            municipality=aarhus,
            address="Rådhuspladsen 2",
            postcode="8000",
            city="Aarhus C",
        ),
        "brussels": ActorFactory(name="Brussels Social Lab", abroad=True, kind=Actor.Kind.NGO),
        "nowhere": ActorFactory(
            name="Uden Adresse", municipality=None, region=None, latitude=None, longitude=None
        ),
        "draft": ActorFactory(name="Kladde", draft=True),
    }
    found["aarhus"].themes.set(
        Theme.objects.filter(slug__in=["access-to-employment", "active-inclusion"])
    )
    return found


def geojson(client, **params):
    response = client.get(GEOJSON, params)
    assert response.status_code == 200
    return response, json.loads(response.content)


def test_the_geojson_is_a_valid_feature_collection(client, actors):
    response, data = geojson(client)
    assert response["Content-Type"].startswith("application/geo+json")
    assert data["type"] == "FeatureCollection"
    assert data["licence"]["name"] == "CC BY 4.0"
    names = {feature["properties"]["name"] for feature in data["features"]}
    # Published actors with a position only.
    assert names == {"Café Samvær", "Aarhus Velfærdslab", "Brussels Social Lab"}
    for feature in data["features"]:
        assert feature["type"] == "Feature"
        assert feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert isinstance(lon, float) and isinstance(lat, float)
        assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_coordinates_are_longitude_then_latitude_and_properties_are_localised(client, actors):
    _response, data = geojson(client)
    aarhus = next(f for f in data["features"] if f["properties"]["name"] == "Aarhus Velfærdslab")
    actor = actors["aarhus"]
    assert aarhus["geometry"]["coordinates"] == [actor.longitude, actor.latitude]
    assert aarhus["properties"] == {
        "name": "Aarhus Velfærdslab",
        "url": f"{settings.SITE_URL}/en/actors/{actor.slug}/",
        "kind": "social_enterprise",
        "kind_label": "Social enterprise",
        "municipality": "Aarhus",
        "country": "DK",
        "country_name": "Denmark",
        # What the popup shows besides the name: the address and the themes by name.
        "address": "Rådhuspladsen 2",
        "postcode": "8000",
        "city": "Aarhus C",
        "themes": [
            "Access to quality employment, including for young people",
            "Active inclusion",
        ],
    }
    danish = json.loads(client.get("/aktoerer/map.geojson").content)
    brussels = next(f for f in danish["features"] if f["properties"]["country"] == "BE")
    assert brussels["properties"]["url"] == (
        f"{settings.SITE_URL}/aktoerer/{actors['brussels'].slug}/"
    )
    assert brussels["properties"]["kind_label"] == "NGO eller civilsamfund"
    assert brussels["properties"]["municipality"] is None
    aarhus_da = next(f for f in danish["features"] if f["properties"]["postcode"] == "8000")
    assert aarhus_da["properties"]["themes"][0] == (
        "Adgang til kvalitetsbeskæftigelse, herunder for unge"
    )


def test_the_geojson_takes_the_directory_filters(client, actors):
    _response, data = geojson(client, region="midtjylland")
    assert [f["properties"]["name"] for f in data["features"]] == ["Aarhus Velfærdslab"]
    _response, data = geojson(client, q="brussels")
    assert [f["properties"]["name"] for f in data["features"]] == ["Brussels Social Lab"]
    # A bad value is refused, naming the valid ones, not answered with every actor.
    response = client.get(GEOJSON, {"region": "atlantis", "sdg": "abc"})
    assert response.status_code == 400
    refused = json.loads(response.content)["parameters"]
    assert set(refused) == {"region", "sdg"}
    assert "midtjylland" in refused["region"]["valid"]
    _response, data = geojson(client, kind="foundation")
    assert data["features"] == []


def test_a_repeated_request_gets_304_by_etag(client, actors):
    response, _data = geojson(client)
    etag = response["ETag"]
    assert etag.startswith('"') and response["Last-Modified"]
    again = client.get(GEOJSON, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    # Another filter or language is another answer.
    assert client.get(GEOJSON, {"kind": "ngo"}, HTTP_IF_NONE_MATCH=etag).status_code == 200
    assert client.get("/aktoerer/map.geojson", HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_a_repeated_request_gets_304_by_date(client, actors):
    response, _data = geojson(client)
    again = client.get(GEOJSON, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
    assert again.status_code == 304


def test_a_change_makes_a_new_answer(client, actors, settings):
    settings.PAGE_CACHE = False  # a bulk update() renews no generation: test the ETag alone
    response, _data = geojson(client)
    etag = response["ETag"]
    actors["aarhus"].name = "Aarhus Velfærdslab 2.0"
    actors["aarhus"].save()
    changed = client.get(GEOJSON, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert "Aarhus Velfærdslab 2.0" in changed.content.decode()
    # Unpublishing removes the actor from the map (the count changes the ETag).
    Actor.objects.filter(pk=actors["copenhagen"].pk).update(status=Actor.Status.ARCHIVED)
    third = client.get(GEOJSON, HTTP_IF_NONE_MATCH=changed["ETag"])
    assert third.status_code == 200
    assert "Café Samvær" not in third.content.decode()


def test_an_edit_committed_late_still_changes_the_etag(client, actors, settings):
    """An edit saved before the latest one but committed after it leaves max(updated_at)
    as it was; the ETag must change all the same."""
    settings.PAGE_CACHE = False  # a bulk update() renews no generation: test the ETag alone
    response, _data = geojson(client)
    on_map = Actor.objects.published().with_position().order_by("updated_at")
    oldest, latest = on_map.first(), on_map.last()
    Actor.objects.filter(pk=oldest.pk).update(
        name="Sent edit", updated_at=latest.updated_at - timedelta(microseconds=1)
    )
    assert on_map.last().updated_at == latest.updated_at  # the latest change is the same
    again = client.get(GEOJSON, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 200
    assert "Sent edit" in again.content.decode()


def test_an_old_date_is_not_fresh(client, actors):
    old = http_date(0)
    assert client.get(GEOJSON, HTTP_IF_MODIFIED_SINCE=old).status_code == 200


def test_the_geojson_names_its_licence_and_can_be_read_by_other_sites(client, actors):
    response, _data = geojson(client)
    assert '<https://creativecommons.org/licenses/by/4.0/>; rel="license"' in response["Link"]
    assert response["Access-Control-Allow-Origin"] == "*"


def test_an_empty_map_is_still_a_feature_collection(client):
    _response, data = geojson(client)
    assert data == {
        "type": "FeatureCollection",
        "licence": {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"},
        "features": [],
    }


def test_the_map_page_has_the_filters_the_list_and_the_map_settings(client, actors, settings):
    settings.TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    settings.TILE_ATTRIBUTION = "Tiles by Example"
    response = client.get("/en/actors/map/", {"region": "hovedstaden"})
    page = response.content.decode()
    assert response.status_code == 200
    assert 'data-geojson-url="/en/actors/map.geojson"' in page
    assert 'data-tile-url="https://tiles.example.org/{z}/{x}/{y}.png"' in page
    assert 'data-tile-attribution="Tiles by Example"' in page
    assert 'role="region"' in page and 'aria-label="Map of actors.' in page
    assert 'href="#actor-results-heading"' in page  # keyboard users can skip the map
    assert [a.name for a in response.context["page_obj"]] == ["Café Samvær"]
    assert 'hx-get="/en/actors/map/"' in page
    assert "<script>" not in page


def test_the_embed_may_be_framed_by_anyone_and_other_pages_may_not(client, actors):
    embed = client.get("/en/actors/map/embed/", {"region": "hovedstaden"})
    assert embed.status_code == 200
    assert "X-Frame-Options" not in embed
    assert "frame-ancestors *" in embed["Content-Security-Policy"]
    assert "script-src 'self'" in embed["Content-Security-Policy"]
    page = embed.content.decode()
    assert 'class="header"' not in page and "<footer" not in page
    assert "<script>" not in page and "style=" not in page
    assert 'href="/en/actors/?region=hovedstaden"' in page
    assert 'data-link-target="_blank"' in page

    directory = client.get("/en/actors/map/")
    assert directory["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in directory["Content-Security-Policy"]


def test_an_actor_taken_off_the_map_makes_a_date_only_cache_refetch(client, actors, settings):
    """A cache that revalidates by date alone must not keep showing an archived actor."""
    settings.PAGE_CACHE = False  # a bulk update() renews no generation: test the ETag alone
    response, _data = geojson(client)
    archived = actors["copenhagen"]
    archived.status = Actor.Status.ARCHIVED
    archived.updated_at = timezone.now() + timedelta(seconds=2)  # a later second than before
    Actor.objects.filter(pk=archived.pk).update(
        status=archived.status, updated_at=archived.updated_at
    )
    again = client.get(GEOJSON, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
    assert again.status_code == 200
    assert "Café Samvær" not in again.content.decode()

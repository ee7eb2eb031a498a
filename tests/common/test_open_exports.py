"""The actor and resource exports refuse a filter value they do not know (a 400 naming
the valid values) instead of handing a script the whole data set as if filtered; the
GeoJSON's features have an id and an absolute address, as GeoJSON readers expect."""

import json

import pytest

from ecosystem.models import SDG, Theme
from tests.factories import ActorFactory, ResourceFactory

SITE = "https://socialinnovation.example"


@pytest.fixture(autouse=True)
def data(settings, db):
    settings.SITE_URL = SITE
    ActorFactory(name="Café Samvær")
    ResourceFactory(title="Guiden")


def _body(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


@pytest.mark.parametrize(
    "url",
    [
        "/aktoerer/export.csv", "/aktoerer/export.json", "/aktoerer/export.xlsx",
        "/aktoerer/map.geojson", "/en/actors/export.csv", "/viden/export.csv",
        "/viden/export.json",
    ],
)  # fmt: skip
def test_an_unknown_theme_is_refused_with_the_valid_themes(client, url):
    response = client.get(url, {"theme": "zzz"})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    body = json.loads(_body(response))
    theme = body["parameters"]["theme"]
    assert theme["value"] == "zzz"
    assert theme["valid"] == sorted(Theme.objects.values_list("slug", flat=True))
    assert len(theme["valid"]) > 1
    assert b"Caf\xc3\xa9 Samv\xc3\xa6r" not in _body(response)


@pytest.mark.parametrize("url", ["/aktoerer/export.csv", "/aktoerer/export.json"])
def test_an_unknown_goal_is_refused_with_the_seventeen_goals(client, url):
    response = client.get(url, {"sdg": "99"})
    assert response.status_code == 400
    valid = json.loads(_body(response))["parameters"]["sdg"]["valid"]
    assert sorted(valid, key=int) == [str(n) for n in range(1, 18)]
    assert SDG.objects.count() == 17


def test_a_known_filter_value_still_filters(client):
    theme = Theme.objects.first()
    response = client.get("/aktoerer/export.json", {"theme": theme.slug})
    assert response.status_code == 200
    assert json.loads(_body(response))["actors"] == []


def test_geojson_features_have_an_id_and_an_absolute_url(client):
    data = json.loads(client.get("/en/actors/map.geojson").content)
    (feature,) = data["features"]
    assert feature["id"] == feature["properties"]["url"].rstrip("/").rsplit("/", 1)[1]
    assert feature["properties"]["url"] == f"{SITE}/en/actors/{feature['id']}/"

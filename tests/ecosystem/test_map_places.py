"""The map page's "go to" search (a municipality or a postcode), its key, and the map
section ("only actors in view"): as filters of the list beside the map and of the GeoJSON,
and bad input that says what is wrong in the visitor's language, never a 500."""

import json
import re

import pytest

from ecosystem.mapkey import MARKER_GROUPS
from ecosystem.models import Actor, Municipality
from ecosystem.places import municipality_code_for_postcode
from tests.factories import ActorFactory

pytestmark = pytest.mark.django_db

MAP = "/aktoerer/map/"
MAP_EN = "/en/actors/map/"
GEOJSON = "/en/actors/map.geojson"


@pytest.fixture
def actors():
    aarhus = Municipality.objects.get(code="751")
    odense = Municipality.objects.get(code="461")
    return {
        "aarhus": ActorFactory(name="Aarhus Velfærdslab", municipality=aarhus, postcode="8000"),
        "risskov": ActorFactory(name="Risskov Netværk", municipality=aarhus, postcode="8240"),
        "odense": ActorFactory(name="Odense Frivillige", municipality=odense, postcode="5000"),
        "copenhagen": ActorFactory(name="Café Samvær", postcode="2200"),
    }


def listed(response) -> set[str]:
    return set(re.findall(r'class="h4 list-item-title"><a href="[^"]+">([^<]+)</a>', response.text))


def feedback(response) -> str:
    match = re.search(r'<span id="actor-place-feedback"[^>]*>(.*?)</span>\n', response.text, re.S)
    assert match, "the place feedback is on the page"
    return re.sub(r"<[^>]+>", "", match.group(1))


@pytest.mark.parametrize("typed", ["Aarhus", "aarhus kommune", "Århus", "Aarhus Municipality"])
def test_a_municipality_narrows_the_list_and_tells_the_map_where(client, actors, typed):
    response = client.get(MAP, {"place": typed})
    assert response.status_code == 200
    assert listed(response) == {"Aarhus Velfærdslab", "Risskov Netværk"}
    aarhus = Municipality.objects.get(code="751")
    assert f'data-lat="{aarhus.latitude}" data-lon="{aarhus.longitude}"' in response.text
    assert "Viser Aarhus." in feedback(response)
    assert f'value="{typed}"' in response.text  # what was typed stays in the box


def test_the_only_municipality_starting_with_the_words_is_found(client, actors):
    response = client.get(MAP_EN, {"place": "Copenh"})
    assert listed(response) == {"Café Samvær"}
    assert "Showing Copenhagen." in feedback(response)


def test_a_postcode_narrows_the_list_to_it_and_centres_on_its_municipality(client, actors):
    response = client.get(MAP, {"place": "8000"})
    assert listed(response) == {"Aarhus Velfærdslab"}
    assert "Viser 8000 (Aarhus)." in feedback(response)
    assert 'data-zoom="12"' in response.text


@pytest.mark.parametrize(
    ("postcode", "municipality"),
    [(1050, "101"), (2000, "147"), (2800, "173"), (5000, "461"), (8000, "751"), (9000, "851")],
)
def test_postcodes_lie_in_the_municipality_of_their_main_town(postcode, municipality):
    assert municipality_code_for_postcode(postcode) == municipality


@pytest.mark.parametrize(
    ("typed", "danish", "english"),
    [
        ("Atlantis", "Vi kender ingen dansk kommune, der hedder »Atlantis«", "We know no Danish"),
        ("3900", "3900 er ikke et dansk postnummer", "3900 is not a Danish postcode"),
        ("0123", "0123 er ikke et dansk postnummer", "0123 is not a Danish postcode"),
        ("80", "Et postnummer har fire cifre", "A postcode has four digits"),
        ("x" * 5000, "højst have 100 tegn", "at most 100 characters"),
    ],
)
def test_bad_input_says_what_is_wrong_in_the_visitors_language(
    client, actors, typed, danish, english
):
    for address, expected in ((MAP, danish), (MAP_EN, english)):
        response = client.get(address, {"place": typed})
        assert response.status_code == 200
        assert expected in feedback(response)
        assert 'aria-invalid="true"' in response.text
        # The place is ignored, so the list shows every actor.
        assert len(listed(response)) == 4
        assert "data-lat=" not in response.text


def test_the_geojson_takes_the_place_and_refuses_a_bad_one(client, actors):
    data = json.loads(client.get(GEOJSON, {"place": "Odense"}).content)
    assert [f["properties"]["name"] for f in data["features"]] == ["Odense Frivillige"]
    response = client.get(GEOJSON, {"place": "Atlantis"})
    assert response.status_code == 400
    assert "place" in json.loads(response.content)["parameters"]


def test_htmx_gets_the_place_answer_out_of_band(client, actors):
    response = client.get(MAP_EN, {"place": "Atlantis"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert '<span id="actor-place-feedback"' in response.text
    assert 'data-hx-swap-oob="true"' in response.text
    assert "We know no Danish municipality called “Atlantis”" in response.text


# --- The map section ("only actors in view") -----------------------------------------------


def test_the_map_section_narrows_the_list_and_the_geojson(client, actors):
    # Around Aarhus only (Aarhus and Risskov share the municipality's centre here).
    section = "9.9,56.0,10.4,56.3"
    response = client.get(MAP, {"bbox": section})
    assert listed(response) == {"Aarhus Velfærdslab", "Risskov Netværk"}
    assert 'id="actor-map-in-view" data-map-in-view checked' in response.text
    data = json.loads(client.get(GEOJSON, {"bbox": section}).content)
    assert len(data["features"]) == 2


@pytest.mark.parametrize(
    "section",
    [
        "a,b,c,d",
        "1,2,3",
        "1,2,3,4,5",
        "10,56,9,57",  # west east of east
        "9,57,10,56",  # south north of north
        "-200,0,10,10",
        "nan,0,10,10",
        "inf,0,10,10",
        "1e400,0,10,10",
        "x" * 5000,
    ],
)
def test_a_bad_map_section_is_ignored_by_the_list_and_refused_by_the_geojson(
    client, actors, section
):
    response = client.get(MAP_EN, {"bbox": section})
    assert response.status_code == 200
    assert len(listed(response)) == 4
    assert "data-map-in-view checked" not in response.text
    geojson = client.get(GEOJSON, {"bbox": section})
    assert geojson.status_code == 400
    assert "bbox" in json.loads(geojson.content)["parameters"]


# --- The key ------------------------------------------------------------------------------


def test_every_actor_type_has_one_marker_group():
    kinds = [kind for group in MARKER_GROUPS for kind in group.kinds]
    assert sorted(kinds) == sorted(value for value, _label in Actor.Kind.choices)


def test_the_key_is_on_the_page_in_the_visitors_language(client, actors):
    danish = client.get(MAP).text
    english = client.get(MAP_EN).text
    assert "Signaturforklaring" in danish and "Map key" in english
    assert "Offentlig sektor" in danish and "Public sector" in english
    # One letter per group, all different, in each language.
    for page in (danish, english):
        letters = re.findall(r'data-marker-letter="([^"]+)"', page)
        assert len(letters) == len(MARKER_GROUPS) == len(set(letters))
    assert 'data-marker-group="public" data-marker-letter="O"' in danish
    assert 'data-marker-group="public" data-marker-letter="P"' in english

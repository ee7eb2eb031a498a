"""Open data: the CSV and JSON exports of published actors, and the page documenting them."""

import csv
import io
import json

import pytest

from ecosystem.models import SDG, Actor, Municipality, TargetGroup, Theme
from ecosystem.opendata import CSV_COLUMNS, GEOJSON_PROPERTIES, JSON_FIELDS
from tests.factories import ActorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def actors():
    cafe = ActorFactory(
        name="Café Samvær",
        website="https://samvaer.example.dk",
        email="hej@samvaer.example.dk",
        phone="+45 12 34 56 78",
        cvr="",
        founded_year=2015,
        description_da="Vi driver en café.",
        description_en="We run a café.",
        open_to_partnerships=True,
        partnership_text_en="Municipalities.",
    )
    cafe.themes.set(Theme.objects.filter(slug__in=["active-inclusion", "access-to-employment"]))
    cafe.target_groups.set(TargetGroup.objects.filter(slug="older-people"))
    cafe.sdgs.set(SDG.objects.filter(number__in=[1, 8]))
    danish_only = ActorFactory(
        name='=HYPERLINK("http://evil.example")',
        municipality=Municipality.objects.get(code="751"),
        short_description_en="",
        description_da="Kun på dansk.",
        description_en="",
    )
    abroad = ActorFactory(name="Brussels Social Lab", abroad=True)
    ActorFactory(name="Kladde", draft=True)
    return {"cafe": cafe, "danish_only": danish_only, "abroad": abroad}


def read_csv(response) -> list[dict]:
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(body)))


def read_json(response) -> dict:
    return json.loads(b"".join(response.streaming_content))


def test_the_csv_parses_with_the_documented_columns(client, actors):
    response = client.get("/en/actors/export.csv")
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"] == 'attachment; filename="actors.csv"'
    rows = read_csv(response)
    assert list(rows[0].keys()) == [column.name for column in CSV_COLUMNS]
    assert len(rows) == 3  # published only
    cafe = next(row for row in rows if row["name"] == "Café Samvær")
    assert cafe["url"] == f"http://127.0.0.1:8000/en/actors/{actors['cafe'].slug}/"
    assert cafe["type"] == "social_enterprise" and cafe["type_label"] == "Social enterprise"
    assert cafe["region_code"] == "DK01" and cafe["municipality_code"] == "101"
    assert cafe["themes"] == "access-to-employment;active-inclusion"
    assert cafe["target_groups"] == "older-people"
    assert cafe["sdgs"] == "1;8"
    assert cafe["phone"] == "+45 12 34 56 78"
    assert cafe["founded_year"] == "2015"
    assert cafe["open_to_partnerships"] == "true"
    assert cafe["description_da"] == "Vi driver en café."
    assert cafe["description_en"] == "We run a café."
    assert float(cafe["latitude"]) == actors["cafe"].latitude
    abroad = next(row for row in rows if row["country"] == "BE")
    assert abroad["country_name"] == "Belgium" and abroad["region_code"] == ""


def test_the_csv_follows_the_language_and_the_filters(client, actors):
    rows = read_csv(client.get("/aktoerer/export.csv", {"region": "midtjylland"}))
    assert len(rows) == 1
    assert rows[0]["type_label"] == "Socialøkonomisk virksomhed"
    assert rows[0]["url"].startswith("http://127.0.0.1:8000/aktoerer/")
    assert read_csv(client.get("/aktoerer/export.csv", {"kind": "foundation"})) == []


def test_the_csv_never_hands_a_spreadsheet_a_formula(client, actors):
    rows = read_csv(client.get("/en/actors/export.csv"))
    names = {row["name"] for row in rows}
    assert '\'=HYPERLINK("http://evil.example")' in names


def test_the_licence_is_named_without_breaking_the_csv(client, actors):
    response = client.get("/en/actors/export.csv")
    assert '<https://creativecommons.org/licenses/by/4.0/>; rel="license"' in response["Link"]
    assert 'rel="describedby"' in response["Link"]
    first_line = b"".join(response.streaming_content).split(b"\r\n")[0]
    # A byte-order mark, so that spreadsheet programs read the UTF-8 (æøå), then the header.
    assert first_line.startswith(b'\xef\xbb\xbf"slug","name","url",')


def test_a_semicolon_in_a_text_cannot_split_a_cell_in_a_danish_spreadsheet(client, actors):
    """Danish Excel splits on ";": every field is quoted, so text stays in its cell."""
    ActorFactory(name="Café; =1+1", slug="cafe-semikolon")
    body = b"".join(client.get("/en/actors/export.csv").streaming_content).decode()
    assert '"Café; =1+1"' in body


def test_the_json_has_what_the_eu_map_needs_in_english(client, actors):
    response = client.get("/aktoerer/export.json")  # English whatever the page language
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    data = read_json(response)
    assert data["licence"] == {
        "name": "CC BY 4.0",
        "url": "https://creativecommons.org/licenses/by/4.0/",
    }
    assert data["source"] == "http://127.0.0.1:8000/aktoerer/open-data/"
    assert len(data["actors"]) == 3
    cafe = next(a for a in data["actors"] if a["name"] == "Café Samvær")
    assert cafe["type"] == {"code": "social_enterprise", "label": "Social enterprise"}
    assert cafe["country"] == {"code": "DK", "name": "Denmark"}
    assert cafe["region"] == {"code": "DK01", "name": "Capital Region of Denmark"}
    assert {t["code"] for t in cafe["themes"]} == {"active-inclusion", "access-to-employment"}
    assert "Active inclusion" in {t["name"] for t in cafe["themes"]}
    assert cafe["website"] == "https://samvaer.example.dk"
    assert cafe["contact"]["email"] == "hej@samvaer.example.dk"
    assert cafe["description"] == "We run a café."
    assert cafe["description_language"] == "en"
    assert cafe["url"] == f"http://127.0.0.1:8000/en/actors/{actors['cafe'].slug}/"
    assert cafe["sdgs"] == [1, 8]


def test_the_json_falls_back_to_danish_and_takes_filters(client, actors):
    data = read_json(client.get("/en/actors/export.json", {"region": "midtjylland"}))
    [entry] = data["actors"]
    assert entry["description"] == "Kun på dansk."
    assert entry["description_language"] == "da"
    abroad = read_json(client.get("/en/actors/export.json", {"country": "BE"}))["actors"]
    assert abroad[0]["region"] is None and abroad[0]["municipality"] is None


def test_an_empty_export_is_still_valid(client):
    assert read_json(client.get("/en/actors/export.json"))["actors"] == []
    response = client.get("/en/actors/export.csv")
    assert read_csv(response) == []


def test_the_open_data_page_documents_every_field_and_the_licence(client):
    response = client.get("/en/actors/open-data/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "CC BY 4.0" in page and 'rel="license"' in page
    for field in [*CSV_COLUMNS, *JSON_FIELDS, *GEOJSON_PROPERTIES]:
        assert f"<code>{field.name}</code>" in page, field.name
    for code, _label in Actor.Kind.choices:
        assert f"<code>{code}</code>" in page
    assert client.get("/aktoerer/open-data/").status_code == 200


def test_the_xlsx_opens_in_a_spreadsheet_with_the_csv_columns_and_rows(client, actors):
    from openpyxl import load_workbook

    response = client.get("/en/actors/export.xlsx")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="actors.xlsx"'
    assert 'rel="license"' in response["Link"]
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == [column.name for column in CSV_COLUMNS]
    names = {row[1] for row in rows[1:]}
    # The formula is a text cell: shown as written, never run, and no apostrophe.
    assert names == {"Café Samvær", '=HYPERLINK("http://evil.example")', "Brussels Social Lab"}
    formula = next(row for row in sheet.iter_rows(min_row=2) if row[1].value.startswith("="))
    assert formula[1].data_type == "s"


def test_the_danish_open_data_page_speaks_danish(client):
    html = client.get("/aktoerer/open-data/").content.decode()
    assert "<h2>Hent data</h2>" in html
    assert "Downloads" not in html

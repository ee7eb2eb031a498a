"""Every dataset of the open-data registry, read by the tools its users run: frictionless
validates each CSV against the Table Schema in datapackage.json, openpyxl reads typed
cells from each XLSX, jsonschema validates each JSON export against its JSON Schema,
and rdflib reads the DCAT-AP catalogue. Every export and feed answers a conditional
request with 304, with the page cache on and off, and may be read by other sites."""

import io
import json
import time
from datetime import date, datetime, timedelta

import frictionless
import jsonschema
import pytest
import rdflib
from django.utils import timezone
from openpyxl import load_workbook

from common import opendata
from ecosystem.models import SDG, Theme
from impact import figures
from pages.models import NewsArticle
from tests.factories import ActorFactory, CaseApplicationFactory, EventFactory, ResourceFactory
from tests.funding.factories import FundingOpportunityFactory

SITE = "https://socialinnovation.example"
DATASETS = ["actors", "resources", "cases", "events", "funding-calls", "news", "impact"]
EXPORT_PATHS = {
    "actors": "/aktoerer/",
    "resources": "/viden/",
    "cases": "/eu-cases/",
    "events": "/arrangementer/",
    "funding-calls": "/finansiering/",
    "news": "/nyheder/",
    "impact": "/resultater/",
}

ENGLISH_PATHS = {
    "actors": "/en/actors/",
    "resources": "/en/resources/",
    "cases": "/en/cases/",
    "events": "/en/events/",
    "funding-calls": "/en/funding/",
    "news": "/en/news/",
    "impact": "/en/impact/",
}


@pytest.fixture(autouse=True)
def data(settings, db):
    settings.SITE_URL = SITE
    actor = ActorFactory(name='=HYPERLINK("http://evil.example")', open_to_partnerships=True)
    actor.themes.set(Theme.objects.all()[:2])
    actor.sdgs.set(SDG.objects.filter(number__in=[1, 10]))
    ResourceFactory(title="Guiden")
    case = CaseApplicationFactory(actor=actor, validated=True)
    case.sdgs.set(SDG.objects.filter(number=8))
    case.image.name = "cases/images/bro.jpg"
    case.image_description = "En mentor og en ung på værkstedet"
    case.save()
    EventFactory()
    EventFactory(past=True, cancelled=True)
    FundingOpportunityFactory()
    FundingOpportunityFactory(rolling=True, deadline_days=None)
    NewsArticle.objects.create(
        slug="fem-cases", title_da="Fem cases", title_en="Five cases",
        summary_da="Kort.", summary_en="Short.", body_da="=1+2", body_en="Text.",
        published_at=timezone.now() - timedelta(days=1),
    )  # fmt: skip
    return {"case": case}


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def _local(address: str) -> str:
    assert address.startswith(SITE), address
    return address[len(SITE) :]


def test_the_registry_holds_every_dataset(client):
    client.get("/data/")  # the URLconf (which imports every app's datasets) is loaded
    assert [dataset.name for dataset in opendata.datasets()] == DATASETS


# --- CSV against its Table Schema ------------------------------------------------------


def test_every_csv_validates_against_its_table_schema(client, tmp_path):
    package = client.get("/data/datapackage.json").json()
    assert [resource["name"] for resource in package["resources"]] == [
        name.replace("-", "_") for name in DATASETS
    ]
    for resource in package["resources"]:
        response = client.get(_local(resource["path"]))
        assert response.status_code == 200, resource["name"]
        path = tmp_path / f"{resource['name']}.csv"
        path.write_bytes(_body(response))
        checked = frictionless.Resource(
            path=path.name,
            basepath=str(tmp_path),
            encoding="utf-8-sig",
            schema=frictionless.Schema.from_descriptor(resource["schema"]),
            detector=frictionless.Detector(schema_sync=False),
        )
        report = checked.validate()
        assert report.valid, (resource["name"], report.flatten(["type", "note"]))
        assert report.tasks[0].stats["rows"] >= 1, resource["name"]


def test_csv_addresses_come_from_site_url_not_the_request_host(client, settings):
    settings.ALLOWED_HOSTS = ["testserver", "mirror.example"]
    text = _body(client.get("/arrangementer/export.csv", HTTP_HOST="mirror.example")).decode()
    assert f"{SITE}/arrangementer/rundbord-" in text
    assert "mirror.example" not in text


# --- XLSX: typed cells, frozen header, filter, title, stable bytes ---------------------


@pytest.mark.parametrize("name", DATASETS)
def test_every_xlsx_has_the_csv_columns_a_frozen_header_a_filter_and_a_title(client, name):
    response = client.get(EXPORT_PATHS[name] + "export.xlsx")
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{name}.xlsx"'
    workbook = load_workbook(io.BytesIO(_body(response)))
    sheet = workbook.active
    dataset = opendata.dataset(name)
    header = [cell.value for cell in sheet[1]]
    assert header == dataset.header()
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref.startswith("A1:")
    assert workbook.properties.title == str(dataset.title)
    assert sheet.max_row >= 2


def _column(sheet, name: str) -> list:
    header = [cell.value for cell in sheet[1]]
    index = header.index(name)
    return [row[index] for row in sheet.iter_rows(min_row=2)]


def test_xlsx_cells_are_typed_and_a_formula_is_text_without_an_apostrophe(client):
    sheet = load_workbook(io.BytesIO(_body(client.get("/en/actors/export.xlsx")))).active
    (name,) = _column(sheet, "name")
    assert name.value == '=HYPERLINK("http://evil.example")' and name.data_type == "s"
    (updated,) = _column(sheet, "updated_at")
    assert isinstance(updated.value, datetime) and updated.is_date
    (partners,) = _column(sheet, "open_to_partnerships")
    assert partners.value is True
    (latitude,) = _column(sheet, "latitude")
    assert latitude.value is None or isinstance(latitude.value, float)
    (sdgs,) = _column(sheet, "sdgs")
    assert sdgs.value == "1;10"

    events = load_workbook(io.BytesIO(_body(client.get("/en/events/export.xlsx")))).active
    assert all(isinstance(cell.value, int) for cell in _column(events, "capacity"))
    assert all(cell.value is True for cell in _column(events, "step_free"))
    assert all(isinstance(cell.value, datetime) for cell in _column(events, "start"))
    assert all(isinstance(cell.value, float) for cell in _column(events, "latitude"))

    cases = load_workbook(io.BytesIO(_body(client.get("/en/cases/export.xlsx")))).active
    (validated,) = _column(cases, "validated_on")
    assert validated.is_date and validated.value.date() == date.today()

    news = load_workbook(io.BytesIO(_body(client.get("/en/news/export.xlsx")))).active
    (body,) = _column(news, "body_da")
    assert body.value == "=1+2" and body.data_type == "s"


def test_two_downloads_of_the_same_data_are_the_same_bytes(client):
    first = _body(client.get("/en/actors/export.xlsx"))
    time.sleep(2.1)  # a zip entry's time has a two-second grain
    assert _body(client.get("/en/actors/export.xlsx")) == first


# --- JSON against its JSON Schema -------------------------------------------------------


@pytest.mark.parametrize("name", DATASETS)
def test_every_json_export_validates_against_its_json_schema(client, name):
    for path in (EXPORT_PATHS[name], ENGLISH_PATHS[name]):
        response = client.get(path + "export.json")
        assert response.status_code == 200
        document = json.loads(_body(response))
        schema = client.get(_local(document["schema"])).json()
        jsonschema.validate(
            document, schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
        )
        assert document[opendata.dataset(name).key], name


def test_a_json_that_breaks_its_schema_is_caught(client):
    """The schemas are strict enough to fail: an item with a wrong type does not pass."""
    document = json.loads(_body(client.get("/en/events/export.json")))
    schema = client.get(_local(document["schema"])).json()
    document["events"][0]["capacity"] = "twenty"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema)


# --- SIM --------------------------------------------------------------------------------


def test_sim_json_has_its_licence_sdgs_coded_taxonomies_and_the_image(client, data):
    case = data["case"]
    document = client.get(f"/en/cases/{case.slug}/sim.json").json()
    assert document["licence"] == opendata.licence()
    assert document["sdgs"] == [{"code": 8, "label": SDG.objects.get(number=8).name_en}]
    theme = case.themes.get()
    assert document["themes"] == [{"code": theme.slug, "label": theme.name_en}]
    assert document["level"] == {"code": "local", "label": "Local"}
    assert document["stage"] == {"code": "implemented", "label": "Implemented"}
    assert document["image"] == {
        "url": f"{SITE}/media/cases/images/bro.jpg",
        "description": "En mentor og en ung på værkstedet",
    }
    schema = client.get("/data/schemas/cases.schema.json").json()
    item = {key: value for key, value in document.items() if key not in ("licence", "attribution")}
    jsonschema.validate(item, schema["properties"]["cases"]["items"])


# --- DCAT-AP ----------------------------------------------------------------------------


def test_the_dcat_catalogue_describes_every_dataset_with_licence_and_distributions(client):
    from rdflib.namespace import DCAT, DCTERMS, RDF  # here: pytest trips over them at the top

    response = client.get("/data/catalog.jsonld")
    assert response["Content-Type"].startswith("application/ld+json")
    graph = rdflib.Graph().parse(data=response.content, format="json-ld")
    catalogues = list(graph.subjects(RDF.type, DCAT.Catalog))
    assert len(catalogues) == 1
    datasets = list(graph.objects(catalogues[0], DCAT.dataset))
    assert {str(graph.value(d, DCTERMS.identifier)) for d in datasets} == set(DATASETS)
    for dataset in datasets:
        assert (dataset, RDF.type, DCAT.Dataset) in graph
        assert graph.value(dataset, DCTERMS.license) is not None
        assert graph.value(dataset, DCTERMS.publisher) is not None
        assert "frequency" in str(graph.value(dataset, DCTERMS.accrualPeriodicity))
        titles = {title.language for title in graph.objects(dataset, DCTERMS.title)}
        assert titles == {"da", "en"}
        distributions = list(graph.objects(dataset, DCAT.distribution))
        media = {str(graph.value(d, DCAT.mediaType)).rsplit("/", 2)[-2] for d in distributions}
        assert media == {"text", "application"}
        for distribution in distributions:
            assert graph.value(distribution, DCTERMS.license) is not None
            download = str(graph.value(distribution, DCAT.downloadURL))
            assert client.get(_local(download)).status_code == 200, download


def test_the_open_data_page_links_the_catalogue_and_carries_dataset_json_ld(client):
    for path in ("/data/", "/en/data/"):
        html = client.get(path).content.decode()
        assert f'href="{SITE}/data/catalog.jsonld"' in html
        assert f'href="{SITE}/data/datapackage.json"' in html
        for name in DATASETS:
            assert f'href="/data/schemas/{name}.schema.json"' in html
        data = _json_ld(html)
        assert data["@type"] == "DataCatalog"
        assert [item["@type"] for item in data["dataset"]] == ["Dataset"] * len(DATASETS)
        assert all(item["license"] == opendata.LICENCE_URL for item in data["dataset"])
    assert "Åbne data" in client.get("/data/").content.decode()


def _json_ld(html: str) -> dict:
    opening = '<script type="application/ld+json">'
    start = html.index(opening) + len(opening)
    return json.loads(html[start : html.index("</script>", start)])


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/en/actors/open-data/", "actors"),
        ("/viden/open-data/", "resources"),
        ("/en/cases/open-data/", "cases"),
    ],
)
def test_each_apps_open_data_page_carries_its_dataset_json_ld(client, path, name):
    html = client.get(path).content.decode()
    data = _json_ld(html)
    assert data["@type"] == "Dataset"
    assert data["@id"] == f"{SITE}/data/catalog.jsonld#{name}"
    assert data["license"] == opendata.LICENCE_URL
    assert {item["contentUrl"].rsplit(".", 1)[-1] for item in data["distribution"]} == {
        "csv",
        "xlsx",
        "json",
    }
    assert 'href="/data/"' in html or 'href="/en/data/"' in html


def test_an_export_without_filters_refuses_a_parameter(client):
    response = client.get("/arrangementer/export.csv", {"theme": "zzz"})
    assert response.status_code == 400
    assert response["Access-Control-Allow-Origin"] == "*"
    assert json.loads(response.content)["parameters"]["theme"]["value"] == "zzz"


def test_an_unknown_schema_is_a_404(client):
    assert client.get("/data/schemas/nothing.schema.json").status_code == 404


# --- Conditional requests, with the page cache on and off -------------------------------

FEEDS = [
    "/finansiering/rss/", "/finansiering/atom/", "/nyheder/rss/", "/nyheder/atom/",
    "/viden/feed/", "/viden/feed/atom/", "/arrangementer/feed.ics",
    "/finansiering/deadlines.ics", "/aktoerer/map.geojson", "/data/catalog.jsonld",
    "/data/datapackage.json", "/data/schemas/events.schema.json",
]  # fmt: skip
EXPORTS = [
    f"{path}export.{fmt}" for path in EXPORT_PATHS.values() for fmt in ("csv", "xlsx", "json")
]


@pytest.mark.parametrize("cache", [True, False], ids=["cache-on", "cache-off"])
@pytest.mark.parametrize("url", EXPORTS + FEEDS + ["sim.json", "event.ics"])
def test_every_export_and_feed_answers_304_to_a_client_that_holds_it(
    client, settings, data, url, cache
):
    settings.PAGE_CACHE = cache
    if url == "sim.json":
        url = f"/en/cases/{data['case'].slug}/sim.json"
    elif url == "event.ics":
        url = f"/arrangementer/{EventFactory(slug='ics-event').slug}/event.ics"
    first = client.get(url)
    assert first.status_code == 200, url
    _body(first)
    assert first["Access-Control-Allow-Origin"] == "*"
    etag = first["ETag"]
    again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304, url
    assert again["ETag"] == etag
    assert again["Access-Control-Allow-Origin"] == "*"
    assert _body(again) == b""
    if first.has_header("Last-Modified"):
        since = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
        assert since.status_code == 304, url
    changed = client.get(url, HTTP_IF_NONE_MATCH='"something-else"')
    assert changed.status_code == 200


def test_an_export_changes_its_etag_when_its_data_changes(client):
    first = client.get("/en/events/export.csv")
    EventFactory(title_en="A new one")
    again = client.get("/en/events/export.csv", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert "A new one" in _body(again).decode()


# --- Fixed query counts -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "budget"),
    [
        # the page cache's one read (an anonymous GET is looked up before the stack, a
        # miss here: exports are not stored), freshness (also the database check before
        # the first byte) and the rows
        ("/en/events/export.csv", 3),
        ("/en/events/export.xlsx", 3),
        ("/en/events/export.json", 3),
        ("/en/funding/export.csv", 3),
        ("/en/funding/export.json", 3),
        ("/en/news/export.csv", 3),
        ("/en/news/export.json", 3),
        ("/en/resources/export.xlsx", 3),
        ("/en/cases/export.csv", 3),
        ("/en/cases/export.xlsx", 3),
        ("/en/cases/export.json", 3),
    ],
)
def test_exports_read_the_database_a_fixed_number_of_times(
    client, url, budget, django_assert_num_queries
):
    with django_assert_num_queries(budget):
        _body(client.get(url))
    for _ in range(20):
        EventFactory()
        FundingOpportunityFactory()
        CaseApplicationFactory(validated=True)
    with django_assert_num_queries(budget):
        _body(client.get(url))


def test_the_impact_export_holds_only_the_public_figures(client):
    rows = json.loads(_body(client.get("/en/impact/export.json")))["impact"]
    public = {figure.name for figure in figures.public_figures()}
    assert {row["figure"] for row in rows} == public
    assert "decision_days" not in public

"""The catalogue of the portal's open data, made from the datasets the apps register
(common.opendata), at stable addresses outside the language prefix:

- `/data/catalog.jsonld`: DCAT-AP 2 as JSON-LD, the form data.europa.eu and the Danish
  open-data portal harvest: the catalogue, its publisher, and each dataset with its
  licence, update frequency, landing page and one distribution per format (download
  address, media type, file type, the schema it conforms to);
- `/data/datapackage.json`: a Frictionless Data Package with a Table Schema for every CSV;
- `/data/schemas/<name>.json`: the JSON Schema of each dataset's JSON export;
- the open-data page (`/data/`, `/en/data/`): every dataset in words, its columns and
  downloads, with schema.org Dataset JSON-LD for search engines.

Texts come in Danish and English (DCAT's language-tagged literals); everything else is
the same in both. Each answer has an ETag from its content, so a harvester that asks
again gets a 304.
"""

from __future__ import annotations

import json

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from common import opendata
from common.jsonld import json_ld

LANGUAGES = ("da", "en")
PUBLISHER_NAME = _("National competence centre for social innovation")
CATALOGUE_TITLE = _("Open data from Socialinnovation.dk")
CATALOGUE_DESCRIPTION = _(
    "Actors, knowledge resources, validated EU cases, events, funding calls, news and the "
    "centre's impact figures, free to reuse under CC BY 4.0."
)
# DCAT-AP's controlled vocabularies (the EU Publications Office's authority tables).
EU_LICENCE = "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0"
EU_FREQUENCY = "http://publications.europa.eu/resource/authority/frequency/"
EU_FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
EU_LANGUAGE = "http://publications.europa.eu/resource/authority/language/"
EU_THEME = "http://publications.europa.eu/resource/authority/data-theme/SOCI"
IANA = "http://www.iana.org/assignments/media-types/"
FILE_TYPES = {opendata.CSV: "CSV", opendata.XLSX: "XLSX", opendata.JSON: "JSON"}
JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

DCAT_CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
}


def _in_languages(text) -> list[dict]:
    """A lazily translated text as DCAT's language-tagged literals, one per language."""
    values = []
    for language in LANGUAGES:
        with translation.override(language):
            values.append({"@value": str(text), "@language": language})
    return values


def _ref(address: str) -> dict:
    return {"@id": address}


def _site(path: str) -> str:
    return settings.SITE_URL + path


def catalogue_url() -> str:
    return _site(reverse("opendata_catalogue"))


def datapackage_url() -> str:
    return _site(reverse("opendata_datapackage"))


def page_url() -> str:
    return _site(reverse("open_data"))


def _publisher() -> dict:
    return {
        "@id": _site("/#centre"),
        "@type": "foaf:Agent",
        "foaf:name": _in_languages(PUBLISHER_NAME),
        "foaf:homepage": _ref(_site("/")),
    }


def _dataset_id(dataset: opendata.Dataset) -> str:
    return f"{catalogue_url()}#{dataset.name}"


def _distribution(dataset: opendata.Dataset, fmt: str) -> dict:
    address = dataset.url(fmt)
    schema = datapackage_url() if fmt == opendata.CSV else opendata.json_schema_url(dataset)
    distribution = {
        "@id": f"{_dataset_id(dataset)}-{fmt}",
        "@type": "dcat:Distribution",
        "dct:title": f"{dataset.name}.{fmt}",
        "dcat:accessURL": _ref(address),
        "dcat:downloadURL": _ref(address),
        "dcat:mediaType": _ref(IANA + opendata.FORMATS[fmt]["media_type"]),
        "dct:format": _ref(EU_FILE_TYPE + FILE_TYPES[fmt]),
        "dct:license": _ref(EU_LICENCE),
    }
    if fmt != opendata.XLSX:
        distribution["dct:conformsTo"] = _ref(schema)
    return distribution


def dcat_catalogue() -> dict:
    """The DCAT-AP description of every registered dataset, as JSON-LD."""
    publisher = _publisher()
    return {
        "@context": DCAT_CONTEXT,
        "@id": catalogue_url(),
        "@type": "dcat:Catalog",
        "dct:title": _in_languages(CATALOGUE_TITLE),
        "dct:description": _in_languages(CATALOGUE_DESCRIPTION),
        "dct:publisher": publisher,
        "dct:license": _ref(EU_LICENCE),
        "dct:language": [_ref(EU_LANGUAGE + "DAN"), _ref(EU_LANGUAGE + "ENG")],
        "foaf:homepage": _ref(page_url()),
        "dcat:dataset": [
            {
                "@id": _dataset_id(dataset),
                "@type": "dcat:Dataset",
                "dct:identifier": dataset.name,
                "dct:title": _in_languages(dataset.title),
                "dct:description": _in_languages(dataset.description),
                "dct:publisher": _ref(publisher["@id"]),
                "dct:license": _ref(EU_LICENCE),
                "dct:rights": _ref(opendata.LICENCE_URL),
                "dct:accrualPeriodicity": _ref(EU_FREQUENCY + dataset.frequency),
                "dcat:theme": _ref(EU_THEME),
                "dcat:keyword": list(dataset.keywords),
                "dcat:landingPage": _ref(dataset.docs_url()),
                "dcat:contactPoint": {
                    "@type": "vcard:Organization",
                    "vcard:fn": str(PUBLISHER_NAME),
                    "vcard:hasEmail": _ref(f"mailto:{settings.CONTACT_EMAIL}"),
                },
                "dcat:distribution": [_distribution(dataset, fmt) for fmt in dataset.formats],
            }
            for dataset in opendata.datasets()
        ],
    }


def datapackage() -> dict:
    """A Frictionless Data Package: every CSV with its Table Schema (in English)."""
    with translation.override("en"):
        resources = [
            {
                "name": dataset.key,
                "path": dataset.url(opendata.CSV),
                "title": str(dataset.title),
                "description": str(dataset.description),
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8-sig",
                "profile": "tabular-data-resource",
                "dialect": {"delimiter": ",", "quoteChar": '"', "header": True},
                "schema": {"fields": [column.table_schema() for column in dataset.columns]},
            }
            for dataset in opendata.datasets()
            if opendata.CSV in dataset.formats
        ]
        return {
            "profile": "tabular-data-package",
            "name": "socialinnovation-dk",
            "title": str(CATALOGUE_TITLE),
            "homepage": page_url(),
            "licenses": [
                {"name": "CC-BY-4.0", "path": opendata.LICENCE_URL, "title": opendata.LICENCE_NAME}
            ],
            "resources": resources,
        }


def json_schema(dataset: opendata.Dataset) -> dict:
    """The JSON Schema of the dataset's JSON export: the head and a list of items."""
    with translation.override("en"):
        return {
            "$schema": JSON_SCHEMA_DIALECT,
            "$id": opendata.json_schema_url(dataset),
            "title": str(dataset.title),
            "type": "object",
            "properties": {
                "licence": {
                    "type": "object",
                    "properties": {"name": {"type": "string"}, "url": {"type": "string"}},
                    "required": ["name", "url"],
                },
                "attribution": {"type": "string"},
                "source": {"type": "string", "format": "uri"},
                "schema": {"type": "string", "format": "uri"},
                dataset.key: {"type": "array", "items": dataset.json_item_schema()},
            },
            "required": ["licence", "attribution", "source", "schema", dataset.key],
            "additionalProperties": False,
        }


def _creator() -> dict:
    return {"@type": "Organization", "name": str(PUBLISHER_NAME), "url": _site("/")}


def schema_org_dataset(dataset: opendata.Dataset) -> dict:
    """schema.org Dataset of one dataset, with a DataDownload per format."""
    return {
        "@type": "Dataset",
        "@id": _dataset_id(dataset),
        "name": str(dataset.title),
        "description": str(dataset.description),
        "url": dataset.docs_url(),
        "license": opendata.LICENCE_URL,
        "creator": _creator(),
        "isAccessibleForFree": True,
        "keywords": list(dataset.keywords),
        "distribution": [
            {
                "@type": "DataDownload",
                "encodingFormat": opendata.FORMATS[fmt]["media_type"],
                "contentUrl": dataset.url(fmt),
            }
            for fmt in dataset.formats
        ],
    }


def dataset_json_ld(dataset: opendata.Dataset):
    """The Dataset JSON-LD block for the page that documents `dataset`."""
    return json_ld({"@context": "https://schema.org", **schema_org_dataset(dataset)})


def schema_org_catalogue() -> dict:
    """schema.org DataCatalog with a Dataset for each, for the open-data page."""
    return {
        "@context": "https://schema.org",
        "@type": "DataCatalog",
        "name": str(CATALOGUE_TITLE),
        "description": str(CATALOGUE_DESCRIPTION),
        "url": page_url(),
        "license": opendata.LICENCE_URL,
        "creator": _creator(),
        "dataset": [schema_org_dataset(dataset) for dataset in opendata.datasets()],
    }


# --- Views -------------------------------------------------------------------------------


def _json_answer(data: dict, content_type: str) -> HttpResponse:
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)
    response = HttpResponse(text, content_type=content_type)
    response["Link"] = f'<{opendata.LICENCE_URL}>; rel="license", <{page_url()}>; rel="describedby"'
    return response


@require_safe
@opendata.public_data
def catalogue_view(request: HttpRequest) -> HttpResponse:
    return _json_answer(dcat_catalogue(), "application/ld+json; charset=utf-8")


@require_safe
@opendata.public_data
def datapackage_view(request: HttpRequest) -> HttpResponse:
    return _json_answer(datapackage(), opendata.JSON_CONTENT_TYPE)


@require_safe
@opendata.public_data
def json_schema_view(request: HttpRequest, name: str) -> HttpResponse:
    dataset = opendata.dataset(name)
    if dataset is None or opendata.JSON not in dataset.formats:
        raise Http404
    return _json_answer(json_schema(dataset), "application/schema+json; charset=utf-8")


@require_safe
def open_data_page(request: HttpRequest) -> HttpResponse:
    context = {
        "datasets": opendata.datasets(),
        "licence_name": opendata.LICENCE_NAME,
        "licence_url": opendata.LICENCE_URL,
        "catalogue_url": catalogue_url(),
        "datapackage_url": datapackage_url(),
        "json_ld": json_ld(schema_org_catalogue()),
    }
    return render(request, "opendata/index.html", context)

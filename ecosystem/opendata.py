"""Open data about published actors: CSV, XLSX, JSON and GeoJSON under CC BY 4.0.

The column and field lists below are the single source for both the exports and the
open-data page that documents them, so the documentation cannot drift from the data.
Every export reads the database in a fixed number of queries, whatever the number of
actors: related names are gathered with ARRAY subqueries, and the GeoJSON is built by
PostgreSQL itself (json_build_object/json_agg) in one query. Writing the files (quoting,
formulas, byte-order mark, streaming, freshness, licence) is common.opendata's job.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from django.contrib.postgres.expressions import ArraySubquery
from django.db import connection
from django.db.models import CharField, F, OuterRef, QuerySet, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from common.opendata import (
    BOOLEAN,
    DATETIME,
    INTEGER,
    LICENCE_NAME,
    LICENCE_URL,
    LIST,
    NUMBER,
    STRING,
    Column,
    Dataset,
    Field,
    Freshness,
    freshness_from_row,
    freshness_sql,
    page_prefix,
    register,
)
from ecosystem.filters import ActorFilter
from ecosystem.models import SDG, Actor, TargetGroup, Theme

# Part of the GeoJSON's ETag: bump when its shape changes, so cached copies are not reused.
GEOJSON_VERSION = "3"


def _field(name: str, description) -> Field:
    return Field(name, description)


CSV_COLUMNS: tuple[Column, ...] = (
    Column(
        "slug",
        STRING,
        _("Stable identifier of the actor; also the last part of its page's address."),
        required=True,
    ),
    Column("name", STRING, _("Name of the organisation."), required=True),
    Column("url", STRING, _("Address of the actor's page on the portal."), required=True),
    Column(
        "type",
        STRING,
        _("Type of organisation, as a code (see the list of types below)."),
        required=True,
    ),
    Column(
        "type_label",
        STRING,
        _("Type of organisation, in the language of the download."),
        required=True,
    ),
    Column("role", STRING, _("Role in the ecosystem, as a code."), required=True),
    Column(
        "scale",
        STRING,
        _("Scale of activity: local, regional, national or international."),
        required=True,
    ),
    Column("country", STRING, _("Country, as a two-letter ISO 3166 code."), required=True),
    Column("country_name", STRING, _("Country, in the language of the download."), required=True),
    Column(
        "region_code", STRING, _("Danish region, as its NUTS 2 code (DK01 to DK05); empty abroad.")
    ),
    Column("region_name", STRING, _("Danish region, by name.")),
    Column(
        "municipality_code", STRING, _("Danish municipality, as its official three-digit code.")
    ),
    Column("municipality_name", STRING, _("Danish municipality, by name.")),
    Column("address", STRING, _("Street address.")),
    Column("postcode", STRING, _("Postcode.")),
    Column("city", STRING, _("City.")),
    Column("latitude", NUMBER, _("Latitude in decimal degrees (WGS 84); empty when unknown.")),
    Column("longitude", NUMBER, _("Longitude in decimal degrees (WGS 84); empty when unknown.")),
    Column("website", STRING, _("Website.")),
    Column("email", STRING, _("Public contact e-mail.")),
    Column("phone", STRING, _("Public phone number.")),
    Column("cvr", STRING, _("Danish CVR number (company registration number).")),
    Column("founded_year", INTEGER, _("Year the organisation was founded.")),
    Column(
        "open_to_partnerships",
        BOOLEAN,
        _("true if the actor looks for partners, else false."),
        required=True,
    ),
    Column("partnership_text_da", STRING, _("What the actor looks for in partners, in Danish.")),
    Column("partnership_text_en", STRING, _("What the actor looks for in partners, in English.")),
    Column("short_description_da", STRING, _("Short description in Danish.")),
    Column("short_description_en", STRING, _("Short description in English.")),
    Column("description_da", STRING, _("Longer description in Danish.")),
    Column("description_en", STRING, _("Longer description in English.")),
    Column("themes", LIST, _("ESF+ policy areas, as codes separated by semicolons.")),
    Column("target_groups", LIST, _("Target groups, as codes separated by semicolons.")),
    Column(
        "sdgs", LIST, _("UN Sustainable Development Goals, as numbers separated by semicolons.")
    ),
    Column(
        "updated_at",
        DATETIME,
        _("When the actor's information last changed (ISO 8601, UTC)."),
        required=True,
    ),
)

JSON_FIELDS: list[Field] = [
    _field("licence", _("The licence (name and address) the data is published under.")),
    _field("attribution", _("How to credit the source when you reuse the data.")),
    _field("source", _("Address of this documentation.")),
    _field("actors", _("The actors. Each has the fields below; texts and labels in English.")),
    _field("actors[].name", _("Name of the organisation.")),
    _field("actors[].slug", _("Stable identifier of the actor.")),
    _field("actors[].url", _("Address of the actor's page on the portal (English).")),
    _field("actors[].type", _("Type of organisation: {code, label}.")),
    _field("actors[].role", _("Role in the ecosystem: {code, label}.")),
    _field("actors[].scale", _("Scale of activity: {code, label}.")),
    _field("actors[].country", _("Country: {code (ISO 3166 alpha-2), name}.")),
    _field("actors[].region", _("Danish region: {code (NUTS 2), name}, or null abroad.")),
    _field("actors[].municipality", _("Danish municipality: {code, name}, or null.")),
    _field("actors[].city", _("City.")),
    _field("actors[].latitude", _("Latitude (WGS 84), or null.")),
    _field("actors[].longitude", _("Longitude (WGS 84), or null.")),
    _field("actors[].themes", _("ESF+ policy areas: a list of {code, name}.")),
    _field("actors[].target_groups", _("Target groups: a list of {code, name}.")),
    _field("actors[].sdgs", _("UN Sustainable Development Goals: a list of numbers.")),
    _field("actors[].website", _("Website.")),
    _field("actors[].contact", _("Public contact: {email, phone}.")),
    _field("actors[].description", _("Description in English (Danish when no English exists).")),
    _field("actors[].description_language", _("The language of the description: en or da.")),
    _field("actors[].open_to_partnerships", _("true if the actor looks for partners.")),
    _field("actors[].updated_at", _("When the actor's information last changed (ISO 8601).")),
]

GEOJSON_PROPERTIES: list[Field] = [
    _field("name", _("Name of the organisation.")),
    _field("url", _("Address of the actor's page, in the language of the request.")),
    _field("kind", _("Type of organisation, as a code.")),
    _field("kind_label", _("Type of organisation, in the language of the request.")),
    _field("municipality", _("Danish municipality, by name, or null.")),
    _field("country", _("Country, as a two-letter ISO 3166 code.")),
    _field("country_name", _("Country, in the language of the request.")),
    _field("address", _("Street address, or an empty text.")),
    _field("postcode", _("Postcode, or an empty text.")),
    _field("city", _("City, or an empty text.")),
    _field("themes", _("ESF+ policy areas, by name in the language of the request: a list.")),
]


def _language() -> str:
    return "en" if (translation.get_language() or "").startswith("en") else "da"


def _with_related_codes(queryset: QuerySet) -> QuerySet:
    return queryset.annotate(
        theme_slugs=ArraySubquery(
            Theme.objects.filter(actors=OuterRef("pk")).order_by("position").values("slug")
        ),
        target_group_slugs=ArraySubquery(
            TargetGroup.objects.filter(actors=OuterRef("pk")).order_by("position").values("slug")
        ),
        sdg_numbers=ArraySubquery(
            SDG.objects.filter(actors=OuterRef("pk")).order_by("number").values("number")
        ),
    )


def _export_rows(queryset: QuerySet, lang: str) -> Iterator[dict]:
    """Plain rows of every exported field, streamed with a server-side cursor."""
    rows = (
        _with_related_codes(queryset)
        .order_by("name", "pk")
        .values(
            "slug",
            "name",
            "kind",
            "role",
            "scale",
            "country",
            "address",
            "postcode",
            "city",
            "latitude",
            "longitude",
            "website",
            "email",
            "phone",
            "cvr",
            "founded_year",
            "open_to_partnerships",
            "partnership_text_da",
            "partnership_text_en",
            "short_description_da",
            "short_description_en",
            "description_da",
            "description_en",
            "updated_at",
            "theme_slugs",
            "target_group_slugs",
            "sdg_numbers",
            region_code=F("region__code"),
            region_name=F(f"region__name_{lang}"),
            municipality_code=F("municipality__code"),
            municipality_name=F(f"municipality__name_{lang}"),
        )
    )
    return rows.iterator(chunk_size=2000)


def rows(queryset: QuerySet) -> Iterator[dict]:
    """One dict of CSV_COLUMNS' typed values per actor, in the language of the request;
    the same rows make the CSV and the XLSX."""
    lang = _language()
    prefix = page_prefix("ecosystem:actor_detail")
    kinds = dict(Actor.Kind.choices)
    for row in _export_rows(queryset, lang):
        yield {
            **{column.name: row.get(column.name) for column in CSV_COLUMNS},
            "url": f"{prefix}{row['slug']}/",
            "type": row["kind"],
            "type_label": str(kinds.get(row["kind"], row["kind"])),
            "country_name": str(countries.name(row["country"])),
            "themes": list(row["theme_slugs"]),
            "target_groups": list(row["target_group_slugs"]),
            "sdgs": [str(number) for number in row["sdg_numbers"]],
        }


def _coded(code: str, label) -> dict:
    return {"code": code, "label": str(label)}


def json_items(queryset: QuerySet) -> Iterator[dict]:
    """The actors for the JSON export (the EU map of social-innovation actors), in
    English."""
    with translation.override("en"):
        prefix = page_prefix("ecosystem:actor_detail")
    return _json_items(queryset, prefix)


def _json_items(queryset: QuerySet, prefix: str) -> Iterator[dict]:
    theme_names = dict(Theme.objects.values_list("slug", "name_en"))
    group_names = dict(TargetGroup.objects.values_list("slug", "name_en"))
    with translation.override("en"):
        kinds, roles, scales = (
            dict(Actor.Kind.choices),
            dict(Actor.Role.choices),
            dict(Actor.Scale.choices),
        )
        for row in _export_rows(queryset, "en"):
            description = row["description_en"] or row["short_description_en"]
            language = "en"
            if not description:
                description = row["description_da"] or row["short_description_da"]
                language = "da"
            yield {
                "name": row["name"],
                "slug": row["slug"],
                "url": f"{prefix}{row['slug']}/",
                "type": _coded(row["kind"], kinds.get(row["kind"], row["kind"])),
                "role": _coded(row["role"], roles.get(row["role"], row["role"])),
                "scale": _coded(row["scale"], scales.get(row["scale"], row["scale"])),
                "country": {"code": row["country"], "name": str(countries.name(row["country"]))},
                "region": (
                    {"code": row["region_code"], "name": row["region_name"]}
                    if row["region_code"]
                    else None
                ),
                "municipality": (
                    {"code": row["municipality_code"], "name": row["municipality_name"]}
                    if row["municipality_code"]
                    else None
                ),
                "city": row["city"],
                "latitude": row["latitude"],
                "longitude": row["longitude"],
                "themes": [
                    {"code": slug, "name": theme_names.get(slug, slug)}
                    for slug in row["theme_slugs"]
                ],
                "target_groups": [
                    {"code": slug, "name": group_names.get(slug, slug)}
                    for slug in row["target_group_slugs"]
                ],
                "sdgs": list(row["sdg_numbers"]),
                "website": row["website"],
                "contact": {"email": row["email"], "phone": row["phone"]},
                "description": description,
                "description_language": language,
                "open_to_partnerships": row["open_to_partnerships"],
                "updated_at": row["updated_at"].isoformat(),
            }


# --- GeoJSON ---------------------------------------------------------------------------


def geojson_text(queryset: QuerySet, *, variant: str) -> tuple[str, Freshness]:
    """The FeatureCollection as JSON text, built by PostgreSQL in one query, and its
    freshness (common.opendata) counted in the same scan. Each feature's `id` is the
    actor's slug (stable, RFC 7946 §3.2) and its `url` absolute, from SITE_URL."""
    lang = _language()
    other = "en" if lang == "da" else "da"
    inner = (
        queryset.with_position()
        .order_by()
        .values(
            "name",
            "slug",
            "kind",
            "latitude",
            "longitude",
            "country",
            "updated_at",
            "address",
            "postcode",
            "city",
            municipality_name=F(f"municipality__name_{lang}"),
            theme_names=ArraySubquery(
                Theme.objects.filter(actors=OuterRef("pk"))
                .order_by("position")
                .annotate(
                    shown_name=Coalesce(
                        NullIf(f"name_{lang}", Value("")), f"name_{other}", output_field=CharField()
                    )
                )
                .values("shown_name")
            ),
        )
    )
    inner_sql, inner_params = inner.query.sql_with_params()
    kind_labels = {value: str(label) for value, label in Actor.Kind.choices}
    country_names = {code: str(name) for code, name in countries}
    sql = f"""
        SELECT json_build_object(
            'type', 'FeatureCollection',
            'licence', json_build_object('name', %s::text, 'url', %s::text),
            'features', COALESCE(json_agg(json_build_object(
                'type', 'Feature',
                'id', a.slug,
                'geometry', json_build_object(
                    'type', 'Point',
                    'coordinates', json_build_array(a.longitude, a.latitude)
                ),
                'properties', json_build_object(
                    'name', a.name,
                    'url', %s::text || a.slug || '/',
                    'kind', a.kind,
                    'kind_label', %s::jsonb ->> a.kind,
                    'municipality', a.municipality_name,
                    'country', a.country,
                    'country_name', %s::jsonb ->> a.country,
                    'address', a.address,
                    'postcode', a.postcode,
                    'city', a.city,
                    'themes', to_json(a.theme_names)
                )
            )), '[]'::json)
        )::text,
        {freshness_sql("a", changed="updated_at", table=Actor._meta.db_table)}
        FROM ({inner_sql}) AS a
    """  # noqa: S608 - the inner SQL is Django's own, with its parameters kept apart
    params = [
        LICENCE_NAME,
        LICENCE_URL,
        page_prefix("ecosystem:actor_detail"),
        json.dumps(kind_labels),
        json.dumps(country_names),
        *inner_params,
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        text, *stats = cursor.fetchone()
    return text, freshness_from_row(tuple(stats), variant=variant)


# --- The dataset -------------------------------------------------------------------------

_TEXT = {"type": "string"}
_OPTIONAL_TEXT = {"type": ["string", "null"]}
_NUMBER_OR_NULL = {"type": ["number", "null"]}


def _code_and(label: str, *, nullable: bool = False) -> dict:
    shape = {
        "type": "object",
        "properties": {"code": _TEXT, label: _OPTIONAL_TEXT},
        "required": ["code", label],
    }
    return {"anyOf": [shape, {"type": "null"}]} if nullable else shape


ITEM_SCHEMA = {
    "type": "object",
    "properties": {
        "name": _TEXT,
        "slug": _TEXT,
        "url": {"type": "string", "format": "uri"},
        "type": _code_and("label"),
        "role": _code_and("label"),
        "scale": _code_and("label"),
        "country": _code_and("name"),
        "region": _code_and("name", nullable=True),
        "municipality": _code_and("name", nullable=True),
        "city": _TEXT,
        "latitude": _NUMBER_OR_NULL,
        "longitude": _NUMBER_OR_NULL,
        "themes": {"type": "array", "items": _code_and("name")},
        "target_groups": {"type": "array", "items": _code_and("name")},
        "sdgs": {"type": "array", "items": {"type": "integer", "minimum": 1, "maximum": 17}},
        "website": _TEXT,
        "contact": {
            "type": "object",
            "properties": {"email": _TEXT, "phone": _TEXT},
            "required": ["email", "phone"],
        },
        "description": _TEXT,
        "description_language": {"enum": ["en", "da"]},
        "open_to_partnerships": {"type": "boolean"},
        "updated_at": {"type": "string", "format": "date-time"},
    },
    "required": [
        "name", "slug", "url", "type", "role", "scale", "country", "region", "municipality",
        "city", "latitude", "longitude", "themes", "target_groups", "sdgs", "website",
        "contact", "description", "description_language", "open_to_partnerships", "updated_at",
    ],
    "additionalProperties": False,
}  # fmt: skip


def _matching(filters):
    return filters.matching()


DATASET = register(
    Dataset(
        name="actors",
        namespace="ecosystem",
        docs="ecosystem:open_data",
        title=_("Actors in the Danish social-innovation ecosystem"),
        description=_(
            "Published organisations: type, role, place, ESF+ policy areas, target groups, "
            "UN Sustainable Development Goals and public contact details."
        ),
        columns=CSV_COLUMNS,
        select=_matching,
        rows=rows,
        filterset=ActorFilter,
        items=json_items,
        item_schema=ITEM_SCHEMA,
        keywords=("social innovation", "actors", "organisations"),
        position=10,
    )
)

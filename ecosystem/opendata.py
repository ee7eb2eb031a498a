"""Open data about published actors: CSV, JSON and GeoJSON under CC BY 4.0.

The column and field lists below are the single source for both the exports and the
open-data page that documents them, so the documentation cannot drift from the data.
Every export reads the database in a fixed number of queries, whatever the number of
actors: related names are gathered with ARRAY subqueries, and the GeoJSON is built by
PostgreSQL itself (json_build_object/json_agg) in one query.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from django.contrib.postgres.expressions import ArraySubquery
from django.db import connection
from django.db.models import Count, DateTimeField, DecimalField, F, Max, OuterRef, QuerySet, Sum
from django.db.models.expressions import RawSQL
from django.db.models.functions import Extract
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from ecosystem.models import SDG, Actor, TargetGroup, Theme

LICENCE_NAME = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
EXACT_SECONDS = DecimalField(max_digits=32, decimal_places=6)
# Bump when the shape of the GeoJSON changes, so cached copies are not reused.
GEOJSON_VERSION = "1"


@dataclass(frozen=True)
class Field:
    name: str
    description: str  # lazily translated


def _field(name: str, description) -> Field:
    return Field(name, description)


CSV_COLUMNS: list[Field] = [
    _field("slug", _("Stable identifier of the actor; also the last part of its page's address.")),
    _field("name", _("Name of the organisation.")),
    _field("url", _("Address of the actor's page on the portal.")),
    _field("type", _("Type of organisation, as a code (see the list of types below).")),
    _field("type_label", _("Type of organisation, in the language of the download.")),
    _field("role", _("Role in the ecosystem, as a code.")),
    _field("scale", _("Scale of activity: local, regional, national or international.")),
    _field("country", _("Country, as a two-letter ISO 3166 code.")),
    _field("country_name", _("Country, in the language of the download.")),
    _field("region_code", _("Danish region, as its NUTS 2 code (DK01 to DK05); empty abroad.")),
    _field("region_name", _("Danish region, by name.")),
    _field("municipality_code", _("Danish municipality, as its official three-digit code.")),
    _field("municipality_name", _("Danish municipality, by name.")),
    _field("address", _("Street address.")),
    _field("postcode", _("Postcode.")),
    _field("city", _("City.")),
    _field("latitude", _("Latitude in decimal degrees (WGS 84); empty when unknown.")),
    _field("longitude", _("Longitude in decimal degrees (WGS 84); empty when unknown.")),
    _field("website", _("Website.")),
    _field("email", _("Public contact e-mail.")),
    _field("phone", _("Public phone number.")),
    _field("cvr", _("Danish CVR number (company registration number).")),
    _field("founded_year", _("Year the organisation was founded.")),
    _field("open_to_partnerships", _("true if the actor looks for partners, else false.")),
    _field("partnership_text_da", _("What the actor looks for in partners, in Danish.")),
    _field("partnership_text_en", _("What the actor looks for in partners, in English.")),
    _field("short_description_da", _("Short description in Danish.")),
    _field("short_description_en", _("Short description in English.")),
    _field("description_da", _("Longer description in Danish.")),
    _field("description_en", _("Longer description in English.")),
    _field("themes", _("ESF+ policy areas, as codes separated by semicolons.")),
    _field("target_groups", _("Target groups, as codes separated by semicolons.")),
    _field("sdgs", _("UN Sustainable Development Goals, as numbers separated by semicolons.")),
    _field("updated_at", _("When the actor's information last changed (ISO 8601, UTC).")),
]

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
]

# Spreadsheets run a cell that begins with one of these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PHONE_OR_NUMBER = re.compile(r"^[+-]?[\d\s().\-/]+$")


def _language() -> str:
    return "en" if (translation.get_language() or "").startswith("en") else "da"


def actor_url_prefix() -> str:
    """The actor page's path without the slug, in the active language ('/en/actors/')."""
    return reverse("ecosystem:actor_detail", kwargs={"slug": "x"})[: -len("x/")]


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


def _safe_cell(value):
    """Text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        if not _PHONE_OR_NUMBER.match(value):
            return "'" + value
    return value


def _blank_if_none(value):
    return "" if value is None else value


class _Echo:
    """A file-like object whose write() hands the line back, for streaming csv.writer."""

    def write(self, value: str) -> str:
        return value


def csv_lines(queryset: QuerySet, *, site_url: str) -> Iterator[str]:
    """The CSV export, line by line: a header row of CSV_COLUMNS, then one row per actor."""
    lang = _language()
    prefix = site_url + actor_url_prefix()
    kinds = dict(Actor.Kind.choices)
    # Every field quoted: Danish spreadsheets split on ";", which appears in the text and in
    # the multi-value columns; inside quotes it is text, and no cell can start a formula.
    writer = csv.writer(_Echo(), quoting=csv.QUOTE_ALL)
    yield writer.writerow([column.name for column in CSV_COLUMNS])
    for row in _export_rows(queryset, lang):
        values = {
            **row,
            "url": f"{prefix}{row['slug']}/",
            "type": row["kind"],
            "type_label": str(kinds.get(row["kind"], row["kind"])),
            "country_name": str(countries.name(row["country"])),
            "open_to_partnerships": "true" if row["open_to_partnerships"] else "false",
            "themes": ";".join(row["theme_slugs"]),
            "target_groups": ";".join(row["target_group_slugs"]),
            "sdgs": ";".join(str(number) for number in row["sdg_numbers"]),
            "updated_at": row["updated_at"].isoformat(),
        }
        yield writer.writerow([_safe_cell(_blank_if_none(values.get(c.name))) for c in CSV_COLUMNS])


def _coded(code: str, label) -> dict:
    return {"code": code, "label": str(label)}


def json_chunks(queryset: QuerySet, *, site_url: str, source_url: str) -> Iterator[str]:
    """The JSON export for the EU map of social-innovation actors, in English, streamed."""
    with translation.override("en"):
        prefix = site_url + actor_url_prefix()
        head = {
            "licence": {"name": LICENCE_NAME, "url": LICENCE_URL},
            "attribution": "Socialinnovation.dk",
            "source": source_url,
        }
        theme_names = dict(Theme.objects.values_list("slug", "name_en"))
        group_names = dict(TargetGroup.objects.values_list("slug", "name_en"))
        kinds, roles, scales = (
            dict(Actor.Kind.choices),
            dict(Actor.Role.choices),
            dict(Actor.Scale.choices),
        )
        yield json.dumps(head, ensure_ascii=False)[:-1] + ', "actors": ['
        first = True
        for row in _export_rows(queryset, "en"):
            description = row["description_en"] or row["short_description_en"]
            language = "en"
            if not description:
                description = row["description_da"] or row["short_description_da"]
                language = "da"
            entry = {
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
            yield ("" if first else ",") + "\n" + json.dumps(entry, ensure_ascii=False)
            first = False
        yield "\n]}\n"


# --- GeoJSON ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Freshness:
    """What a conditional GET compares: changes whenever the filtered set could."""

    etag: str
    last_modified: datetime | None


def geojson_freshness(queryset: QuerySet, *, variant: str) -> Freshness:
    """One cheap aggregate query: how many actors match, and when they changed.

    The sum of all change times is there for a race the latest time alone misses: an edit
    saved at T0 but committed after another one saved at T1 > T0 leaves max() at T1.
    `variant` holds everything else that changes the body (language, the query string),
    so two different answers never share an ETag.
    """
    stats = queryset.order_by().aggregate(
        count=Count("pk"),
        last=Max("updated_at"),
        # Last-Modified must also move when an actor leaves the set (archived, unpublished,
        # edited out of a filter): its own change time counts, so take the newest of all.
        any_change=Max(
            RawSQL("SELECT max(updated_at) FROM ecosystem_actor", [], output_field=DateTimeField())
        ),
        # Exact to the microsecond: a float or an integer would round edits away.
        total=Sum(Extract("updated_at", "epoch"), output_field=EXACT_SECONDS),
    )
    last = stats["last"]
    key = (
        f"{GEOJSON_VERSION}|{variant}|{stats['count']}|{stats['total']}"
        f"|{last.isoformat() if last else ''}"
    )
    return Freshness(hashlib.sha256(key.encode()).hexdigest()[:32], stats["any_change"])


def geojson_text(queryset: QuerySet) -> str:
    """The FeatureCollection as JSON text, built by PostgreSQL in one query."""
    lang = _language()
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
            municipality_name=F(f"municipality__name_{lang}"),
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
                    'country_name', %s::jsonb ->> a.country
                )
            )), '[]'::json)
        )::text
        FROM ({inner_sql}) AS a
    """  # noqa: S608 - the inner SQL is Django's own, with its parameters kept apart
    params = [
        LICENCE_NAME,
        LICENCE_URL,
        actor_url_prefix(),
        json.dumps(kind_labels),
        json.dumps(country_names),
        *inner_params,
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


def iter_encoded(chunks: Iterable[str]) -> Iterator[bytes]:
    for chunk in chunks:
        yield chunk.encode("utf-8")

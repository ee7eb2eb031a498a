"""The export of validated cases for SIM, under CC BY 4.0: JSON shaped like a SIM case
page, and CSV. The field lists are the single source of both the export and the
open-data page that documents them. The contact person is never exported.

Every export reads the database in a fixed number of queries whatever the number of
cases: related names come from ARRAY subqueries, rows stream with a server-side cursor.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import F, OuterRef, QuerySet
from django.utils import translation
from django.utils.timezone import localdate
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from common.opendata import (
    BOOLEAN,
    DATE,
    DATETIME,
    INTEGER,
    LIST,
    STRING,
    Column,
    Dataset,
    Field,
    licence,
    page_prefix,
    register,
)
from ecosystem.models import SDG, Actor, TargetGroup, Theme
from validation.filters import CaseFilter
from validation.models import CaseApplication, FundingSource, Level, Stage

FIELDS: list[Field] = [
    Field("slug", _("Stable identifier of the case; the last part of its page's address.")),
    Field("url", _("Address of the case's page on the portal.")),
    Field("title", _("Title.")),
    Field("summary", _("Short summary.")),
    Field("problem", _("The problem addressed.")),
    Field("solution", _("The innovative solution.")),
    Field("results", _("Key results and benefits.")),
    Field("evidence", _("Evidence of the results.")),
    Field("lessons", _("Lessons learned.")),
    Field("funding", _("Funding: sources (codes) and details.")),
    Field("lead_organisation", _("The lead organisation: name and address of its page.")),
    Field("partners", _("Partners: those in the directory with their page, others by name.")),
    Field("countries", _("Countries where it runs, as ISO 3166 two-letter codes.")),
    Field(
        "level", _("Level of action: {code, label} (local, regional, national or transnational).")
    ),
    Field("themes", _("ESF+ policy areas: a list of {code, label}.")),
    Field("target_groups", _("Target groups: a list of {code, label}.")),
    Field("sdgs", _("UN Sustainable Development Goals: a list of {code (a number), label}.")),
    Field("stage", _("Stage: idea, pilot, implemented or scaled.")),
    Field("start_year", _("The year it started.")),
    Field("website", _("Website.")),
    Field("seeking_partners", _("Whether partners are sought, where and for what.")),
    Field("validated_on", _("The date it was validated.")),
    Field("image", _("The case's image: {url, description}, or null.")),
    Field("sim_url", _("Its page on Social Innovation Match, once published there.")),
]

CSV_COLUMNS: tuple[Column, ...] = (
    Column("slug", STRING, _("Stable identifier of the case."), required=True),
    Column("url", STRING, _("Address of the case's page on the portal."), required=True),
    Column("title", STRING, _("Title."), required=True),
    Column("summary", STRING, _("Short summary.")),
    Column("problem", STRING, _("The problem addressed.")),
    Column("solution", STRING, _("The innovative solution.")),
    Column("results", STRING, _("Key results and benefits.")),
    Column("evidence", STRING, _("Evidence of the results.")),
    Column("lessons", STRING, _("Lessons learned.")),
    Column("funding_sources", LIST, _("Funding sources, as codes.")),
    Column("funding_details", STRING, _("Funding details.")),
    Column("lead_organisation", STRING, _("The lead organisation, by name."), required=True),
    Column("partners", LIST, _("Partners, by name.")),
    Column("countries", LIST, _("Countries where it runs, as ISO 3166 two-letter codes.")),
    Column("level", STRING, _("Level of action, as a code.")),
    Column("themes", LIST, _("ESF+ policy areas, as codes.")),
    Column("target_groups", LIST, _("Target groups, as codes.")),
    Column("sdgs", LIST, _("UN Sustainable Development Goals, as numbers.")),
    Column("stage", STRING, _("Stage, as a code.")),
    Column("start_year", INTEGER, _("The year it started.")),
    Column("website", STRING, _("Website.")),
    Column("seeking_partners", BOOLEAN, _("true if partners are sought."), required=True),
    Column("validated_on", DATE, _("The date it was validated.")),
    Column("sim_url", STRING, _("Its page on Social Innovation Match, once published there.")),
    Column("image_url", STRING, _("Address of the case's image, if it has one.")),
    Column("updated_at", DATETIME, _("When the case last changed (ISO 8601, UTC)."), required=True),
)


def _names(model, relation: str, order: str, column: str) -> ArraySubquery:
    return ArraySubquery(
        model.objects.filter(**{relation: OuterRef("pk")}).order_by(order).values(column)
    )


def _rows(queryset: QuerySet) -> Iterator[dict]:
    rows = queryset.annotate(
        theme_codes=_names(Theme, "case_applications", "position", "slug"),
        theme_names=_names(Theme, "case_applications", "position", "name_en"),
        target_group_codes=_names(TargetGroup, "case_applications", "position", "slug"),
        target_group_names=_names(TargetGroup, "case_applications", "position", "name_en"),
        sdg_numbers=_names(SDG, "case_applications", "number", "number"),
        sdg_names=_names(SDG, "case_applications", "number", "name_en"),
        partner_slugs=ArraySubquery(
            Actor.objects.filter(partner_in_cases=OuterRef("pk"), status="published")
            .order_by("name")
            .values("slug")
        ),
        partner_names=ArraySubquery(
            Actor.objects.filter(partner_in_cases=OuterRef("pk"), status="published")
            .order_by("name")
            .values("name")
        ),
    ).order_by(F("validated_at").desc(nulls_last=True), "-pk")
    return rows.values(
        "slug",
        "title",
        "summary",
        "problem",
        "solution",
        "results",
        "evidence",
        "lessons",
        "funding_sources",
        "funding_details",
        "other_partners",
        "countries",
        "level",
        "stage",
        "start_year",
        "website",
        "seeks_partners",
        "partner_countries",
        "partner_kinds",
        "partner_text",
        "validated_at",
        "sim_url",
        "image",
        "image_description",
        "updated_at",
        "theme_codes",
        "theme_names",
        "target_group_codes",
        "target_group_names",
        "sdg_numbers",
        "sdg_names",
        "partner_slugs",
        "partner_names",
        actor_name=F("actor__name"),
        actor_slug=F("actor__slug"),
    ).iterator(chunk_size=500)


def _coded(code: str, labels: dict) -> dict | None:
    return {"code": code, "label": str(labels.get(code, code))} if code else None


def _pairs(codes: list, labels: list) -> list[dict]:
    return [{"code": code, "label": label} for code, label in zip(codes, labels, strict=False)]


def image_url(name: str) -> str | None:
    """The absolute address of a case's stored image, from SITE_URL."""
    if not name:
        return None
    address = CaseApplication._meta.get_field("image").storage.url(name)
    return address if address.startswith(("http://", "https://")) else settings.SITE_URL + address


def _prefixes() -> tuple[str, str]:
    """The case and actor page prefixes in English, as SIM's texts are."""
    with translation.override("en"):
        return page_prefix("validation:case_detail"), page_prefix("ecosystem:actor_detail")


def _item(row: dict, *, case_url: str, actor_url: str) -> dict:
    """One case as SIM's case page lays it out (texts in English, as SIM requires)."""
    with translation.override("en"):
        funding_labels = dict(FundingSource.choices)
        levels, stages = dict(Level.choices), dict(Stage.choices)
        item = {
            "slug": row["slug"],
            "url": case_url + row["slug"] + "/",
            "title": row["title"],
            "summary": row["summary"],
            "problem": row["problem"],
            "solution": row["solution"],
            "results": row["results"],
            "evidence": row["evidence"],
            "lessons": row["lessons"],
            "funding": {
                "sources": [_coded(code, funding_labels) for code in row["funding_sources"]],
                "details": row["funding_details"],
            },
            "lead_organisation": {
                "name": row["actor_name"],
                "url": actor_url + row["actor_slug"] + "/",
            },
            "partners": [
                {"name": name, "url": actor_url + slug + "/"}
                for slug, name in zip(row["partner_slugs"], row["partner_names"], strict=False)
            ]
            + [
                {"name": line.strip(), "url": None}
                for line in row["other_partners"].splitlines()
                if line.strip()
            ],
            "countries": [
                {"code": code, "name": str(countries.name(code))} for code in row["countries"]
            ],
            "level": _coded(row["level"], levels),
            "themes": _pairs(row["theme_codes"], row["theme_names"]),
            "target_groups": _pairs(row["target_group_codes"], row["target_group_names"]),
            "sdgs": _pairs(row["sdg_numbers"], row["sdg_names"]),
            "stage": _coded(row["stage"], stages),
            "start_year": row["start_year"],
            "website": row["website"],
            "seeking_partners": {
                "seeking": row["seeks_partners"],
                "countries": row["partner_countries"] if row["seeks_partners"] else [],
                "kinds": row["partner_kinds"] if row["seeks_partners"] else [],
                "text": row["partner_text"] if row["seeks_partners"] else "",
            },
            "image": (
                {"url": image_url(row["image"]), "description": row["image_description"]}
                if row["image"]
                else None
            ),
            "validated_on": (
                localdate(row["validated_at"]).isoformat() if row["validated_at"] else None
            ),
            "sim_url": row["sim_url"] or None,
        }
    return item


def json_items(queryset: QuerySet) -> Iterator[dict]:
    case_url, actor_url = _prefixes()
    for row in _rows(queryset):
        yield _item(row, case_url=case_url, actor_url=actor_url)


def rows(queryset: QuerySet) -> Iterator[dict]:
    case_url, actor_url = _prefixes()
    for row in _rows(queryset):
        item = _item(row, case_url=case_url, actor_url=actor_url)
        yield {
            **{column.name: item.get(column.name) for column in CSV_COLUMNS},
            "funding_sources": list(row["funding_sources"]),
            "funding_details": row["funding_details"],
            "lead_organisation": row["actor_name"],
            "partners": [partner["name"] for partner in item["partners"]],
            "countries": list(row["countries"]),
            "level": row["level"] or None,
            "themes": list(row["theme_codes"]),
            "target_groups": list(row["target_group_codes"]),
            "sdgs": [str(number) for number in row["sdg_numbers"]],
            "stage": row["stage"] or None,
            "seeking_partners": row["seeks_partners"],
            "validated_on": localdate(row["validated_at"]) if row["validated_at"] else None,
            "image_url": image_url(row["image"]),
            "updated_at": row["updated_at"],
        }


def sim_document(case: CaseApplication) -> dict:
    """One case's JSON for SIM, with the licence it is published under."""
    items = list(json_items(CaseApplication.objects.filter(pk=case.pk)))
    return {"licence": licence(), "attribution": settings.PORTAL_NAME, **items[0]}


# --- The JSON Schema of one case ----------------------------------------------------------

_TEXT = {"type": "string"}
_NULLABLE_TEXT = {"type": ["string", "null"]}
_CODED = {
    "type": "object",
    "properties": {"code": _TEXT, "label": _TEXT},
    "required": ["code", "label"],
}
_NUMBERED = {
    "type": "object",
    "properties": {"code": {"type": "integer", "minimum": 1, "maximum": 17}, "label": _TEXT},
    "required": ["code", "label"],
}
_NAMED = {
    "type": "object",
    "properties": {"name": _TEXT, "url": {"type": ["string", "null"]}},
    "required": ["name", "url"],
}
_TEXT_FIELDS = (
    "slug",
    "url",
    "title",
    "summary",
    "problem",
    "solution",
    "results",
    "evidence",
    "lessons",
    "website",
)
_IMAGE = {
    "type": "object",
    "properties": {"url": {"type": "string", "format": "uri"}, "description": _TEXT},
    "required": ["url", "description"],
}
ITEM_SCHEMA = {
    "type": "object",
    "properties": {
        **dict.fromkeys(_TEXT_FIELDS, _TEXT),
        "funding": {
            "type": "object",
            "properties": {"sources": {"type": "array", "items": _CODED}, "details": _TEXT},
            "required": ["sources", "details"],
        },
        "lead_organisation": _NAMED,
        "partners": {"type": "array", "items": _NAMED},
        "countries": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"code": _TEXT, "name": _TEXT},
                "required": ["code", "name"],
            },
        },
        "level": {"anyOf": [_CODED, {"type": "null"}]},
        "themes": {"type": "array", "items": _CODED},
        "target_groups": {"type": "array", "items": _CODED},
        "sdgs": {"type": "array", "items": _NUMBERED},
        "stage": {"anyOf": [_CODED, {"type": "null"}]},
        "start_year": {"type": ["integer", "null"]},
        "seeking_partners": {
            "type": "object",
            "properties": {
                "seeking": {"type": "boolean"},
                "countries": {"type": "array", "items": _TEXT},
                "kinds": {"type": "array", "items": _TEXT},
                "text": _TEXT,
            },
            "required": ["seeking", "countries", "kinds", "text"],
        },
        "image": {
            "anyOf": [
                _IMAGE,
                {"type": "null"},
            ]
        },
        "validated_on": {"type": ["string", "null"], "format": "date"},
        "sim_url": _NULLABLE_TEXT,
    },
    "additionalProperties": False,
}  # fmt: skip
ITEM_SCHEMA["required"] = list(ITEM_SCHEMA["properties"])


DATASET = register(
    Dataset(
        name="cases",
        namespace="validation",
        docs="validation:open_data",
        title=_("Validated EU social-innovation cases"),
        description=_(
            "Danish projects validated as EU social-innovation cases, shaped like a case page "
            "on Social Innovation Match (SIM): problem, solution, results, partners, ESF+ "
            "policy areas, target groups and UN Sustainable Development Goals."
        ),
        columns=CSV_COLUMNS,
        select=lambda filters: filters.matching(),
        rows=rows,
        filterset=CaseFilter,
        items=json_items,
        item_schema=ITEM_SCHEMA,
        keywords=("social innovation", "EU cases", "Social Innovation Match"),
        position=30,
    )
)

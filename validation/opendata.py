"""The export of validated cases for SIM, under CC BY 4.0: JSON shaped like a SIM case
page, and CSV. The field lists are the single source of both the export and the
open-data page that documents them. The contact person is never exported.

Every export reads the database in a fixed number of queries whatever the number of
cases: related names come from ARRAY subqueries, rows stream with a server-side cursor.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import F, OuterRef, QuerySet
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from common.opendata import Field, licence
from ecosystem.models import Actor, TargetGroup, Theme
from validation.models import FundingSource, Level, Stage

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
    Field("level", _("Level of action: local, regional, national or transnational.")),
    Field("themes", _("ESF+ policy areas.")),
    Field("target_groups", _("Target groups.")),
    Field("stage", _("Stage: idea, pilot, implemented or scaled.")),
    Field("start_year", _("The year it started.")),
    Field("website", _("Website.")),
    Field("seeking_partners", _("Whether partners are sought, where and for what.")),
    Field("validated_on", _("The date it was validated.")),
    Field("sim_url", _("Its page on Social Innovation Match, once published there.")),
]

CSV_COLUMNS = [
    "slug",
    "url",
    "title",
    "summary",
    "problem",
    "solution",
    "results",
    "evidence",
    "lessons",
    "funding_sources",
    "funding_details",
    "lead_organisation",
    "partners",
    "countries",
    "level",
    "themes",
    "target_groups",
    "stage",
    "start_year",
    "website",
    "seeking_partners",
    "validated_on",
    "sim_url",
]


def _rows(queryset: QuerySet) -> Iterator[dict]:
    rows = queryset.annotate(
        theme_names=ArraySubquery(
            Theme.objects.filter(case_applications=OuterRef("pk"))
            .order_by("position")
            .values("name_en")
        ),
        target_group_names=ArraySubquery(
            TargetGroup.objects.filter(case_applications=OuterRef("pk"))
            .order_by("position")
            .values("name_en")
        ),
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
        "theme_names",
        "target_group_names",
        "partner_slugs",
        "partner_names",
        actor_name=F("actor__name"),
        actor_slug=F("actor__slug"),
    ).iterator(chunk_size=500)


def _item(row: dict, *, case_url: str, actor_url: str) -> dict:
    """One case as SIM's case page lays it out (texts in English, as SIM requires)."""
    funding_labels = dict(FundingSource.choices)
    return {
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
            "sources": [
                {"code": code, "label": str(funding_labels.get(code, code))}
                for code in row["funding_sources"]
            ],
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
        "level": row["level"] or None,
        "themes": row["theme_names"],
        "target_groups": row["target_group_names"],
        "stage": row["stage"] or None,
        "start_year": row["start_year"],
        "website": row["website"],
        "seeking_partners": {
            "seeking": row["seeks_partners"],
            "countries": row["partner_countries"] if row["seeks_partners"] else [],
            "kinds": row["partner_kinds"] if row["seeks_partners"] else [],
            "text": row["partner_text"] if row["seeks_partners"] else "",
        },
        "validated_on": row["validated_at"].date().isoformat() if row["validated_at"] else None,
        "sim_url": row["sim_url"] or None,
    }


def json_head(*, source_url: str) -> dict:
    return {
        "licence": licence(),
        "attribution": "National competence centre for social innovation, Denmark",
        "source": source_url,
    }


def json_items(queryset: QuerySet, *, case_url: str, actor_url: str) -> Iterator[dict]:
    for row in _rows(queryset):
        yield _item(row, case_url=case_url, actor_url=actor_url)


def csv_rows(queryset: QuerySet, *, case_url: str, actor_url: str) -> Iterator[list]:
    for row in _rows(queryset):
        item = _item(row, case_url=case_url, actor_url=actor_url)
        flat = {
            **item,
            "funding_sources": ";".join(row["funding_sources"]),
            "funding_details": row["funding_details"],
            "lead_organisation": item["lead_organisation"]["name"],
            "partners": ";".join(p["name"] for p in item["partners"]),
            "countries": ";".join(row["countries"]),
            "themes": ";".join(item["themes"]),
            "target_groups": ";".join(item["target_groups"]),
            "seeking_partners": "true" if row["seeks_partners"] else "false",
        }
        yield [flat[name] for name in CSV_COLUMNS]


LEVELS = Level.choices
STAGES = Stage.choices

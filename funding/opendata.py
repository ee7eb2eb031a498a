"""Open data about funding calls (published and closed) under CC BY 4.0: CSV, XLSX and
JSON through common.opendata, in one query whatever their number."""

from __future__ import annotations

from collections.abc import Iterator

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import OuterRef, QuerySet, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import gettext_lazy as _

from common.opendata import (
    BOOLEAN,
    DATETIME,
    INTEGER,
    LIST,
    STRING,
    Column,
    Dataset,
    page_prefix,
    register,
)
from ecosystem.models import Region, TargetGroup, Theme
from funding.models import FundingOpportunity

COLUMNS: tuple[Column, ...] = (
    Column("slug", STRING, _("Stable identifier of the call."), required=True),
    Column("url", STRING, _("Address of the call's page on the portal."), required=True),
    Column("title_da", STRING, _("Title in Danish.")),
    Column("title_en", STRING, _("Title in English.")),
    Column("funder", STRING, _("The funder, by name.")),
    Column("programme", STRING, _("The funder's programme.")),
    Column("type", STRING, _("Type of funding, as a code."), required=True),
    Column("amount_min", INTEGER, _("Smallest amount, in the currency below.")),
    Column("amount_max", INTEGER, _("Largest amount, in the currency below.")),
    Column("currency", STRING, _("Currency, as an ISO 4217 code.")),
    Column("scope", STRING, _("Where it applies, as a code."), required=True),
    Column("regions", LIST, _("Danish regions, as NUTS 2 codes separated by semicolons.")),
    Column("themes", LIST, _("ESF+ policy areas, as codes separated by semicolons.")),
    Column("target_groups", LIST, _("Target groups, as codes separated by semicolons.")),
    Column("rolling", BOOLEAN, _("true if applications are taken at any time."), required=True),
    Column("next_deadline", DATETIME, _("The next deadline (ISO 8601, UTC); empty if none.")),
    Column("last_deadline", DATETIME, _("The last deadline (ISO 8601, UTC); empty if none.")),
    Column("link", STRING, _("Link to the call at the funder."), required=True),
    Column("status", STRING, _("published or closed."), required=True),
    Column("published_at", DATETIME, _("When it was first published (ISO 8601, UTC).")),
    Column("updated_at", DATETIME, _("When the call last changed (ISO 8601, UTC)."), required=True),
)


def public_calls(_filters=None) -> QuerySet:
    return FundingOpportunity.objects.public()


def _codes(model, relation: str, column: str = "slug") -> ArraySubquery:
    return ArraySubquery(
        model.objects.filter(**{relation: OuterRef("pk")}).order_by(column).values(column)
    )


def rows(calls: QuerySet) -> Iterator[dict]:
    values = (
        calls.with_deadlines()
        .annotate(
            funder_label=Coalesce("funder__name", NullIf("funder_name", Value(""))),
            region_codes=_codes(Region, "funding_opportunities", "code"),
            theme_codes=_codes(Theme, "funding_opportunities"),
            group_codes=_codes(TargetGroup, "funding_opportunities"),
        )
        .order_by("-published_at", "pk")
        .values(
            "slug",
            "title_da",
            "title_en",
            "funder_label",
            "programme",
            "kind",
            "amount_min",
            "amount_max",
            "currency",
            "scope",
            "rolling",
            "next_deadline",
            "last_deadline",
            "link",
            "status",
            "published_at",
            "updated_at",
            "region_codes",
            "theme_codes",
            "group_codes",
        )  # fmt: skip
    )
    prefix = page_prefix("funding:detail")
    for row in values.iterator(chunk_size=1000):
        yield {
            **{column.name: row.get(column.name) for column in COLUMNS},
            "url": f"{prefix}{row['slug']}/",
            "title_da": row["title_da"] or None,
            "title_en": row["title_en"] or None,
            "funder": row["funder_label"],
            "type": row["kind"],
            "regions": list(row["region_codes"]),
            "themes": list(row["theme_codes"]),
            "target_groups": list(row["group_codes"]),
        }


DATASET = register(
    Dataset(
        name="funding-calls",
        namespace="funding",
        docs="open_data",
        title=_("Funding calls for social innovation"),
        description=_(
            "Open and closed calls for grants, loans, investment and prizes: funder, "
            "amounts, deadlines, ESF+ policy areas, target groups and regions."
        ),
        columns=COLUMNS,
        select=public_calls,
        rows=rows,
        keywords=("social innovation", "funding", "grants"),
        position=50,
    )
)

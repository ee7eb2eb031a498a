"""Open data about public resources: their metadata as CSV and JSON under CC BY 4.0.

Only published resources open to everyone are published: a restricted resource's
metadata stays on the portal. The field list below is the single source of both the
exports and the open-data page that documents them. Related names are gathered with
ARRAY subqueries, so an export reads the database in one query whatever its size.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import OuterRef, QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from common.opendata import Field, licence
from ecosystem.models import Actor, TargetGroup, Theme
from resources.models import Resource

FIELDS: list[Field] = [
    Field("slug", _("Stable identifier of the resource; the last part of its page's address.")),
    Field("title", _("Title, in the resource's language.")),
    Field("url", _("Address of the resource's page on the portal.")),
    Field("type", _("Type of resource, as a code (see the list below).")),
    Field("summary", _("Short summary.")),
    Field("language", _("Language of the resource: da, en or other.")),
    Field("audience", _("Who the resource is written for, as a code (see the list below).")),
    Field("authors", _("Authors, as written by the editors.")),
    Field("publishers", _("Publishing organisations, by name, separated by semicolons.")),
    Field("themes", _("ESF+ policy areas, as codes separated by semicolons.")),
    Field("target_groups", _("Target groups, as codes separated by semicolons.")),
    Field("published_on", _("Publication date (ISO 8601).")),
    Field("external_url", _("Link to the resource elsewhere, if it has one.")),
    Field("updated_at", _("When the resource's information last changed (ISO 8601, UTC).")),
]


def published(queryset: QuerySet) -> QuerySet:
    return queryset.filter(status=Resource.Status.PUBLISHED, access=Resource.Access.PUBLIC)


def _rows(resources: QuerySet) -> Iterator[dict]:
    through = Resource.themes.through
    themes = ArraySubquery(
        Theme.objects.filter(
            pk__in=through.objects.filter(resource=OuterRef(OuterRef("pk"))).values("theme")
        ).values("slug")
    )
    groups_through = Resource.target_groups.through
    groups = ArraySubquery(
        TargetGroup.objects.filter(
            pk__in=groups_through.objects.filter(resource=OuterRef(OuterRef("pk"))).values(
                "targetgroup"
            )
        ).values("slug")
    )
    publishers_through = Resource.publishers.through
    publishers = ArraySubquery(
        Actor.objects.published()
        .filter(
            pk__in=publishers_through.objects.filter(resource=OuterRef(OuterRef("pk"))).values(
                "actor"
            )
        )
        .values("name")
    )
    values = (
        resources.annotate(theme_slugs=themes, group_slugs=groups, publisher_names=publishers)
        .order_by("-published_on", "pk")
        .values(
            "slug",
            "title",
            "kind",
            "summary",
            "language",
            "audience",
            "authors",
            "published_on",
            "external_url",
            "updated_at",
            "theme_slugs",
            "group_slugs",
            "publisher_names",
        )  # fmt: skip
    )
    yield from values.iterator(chunk_size=2000)


def _item(row: dict, site_url: str) -> dict:
    return {
        "slug": row["slug"],
        "title": row["title"],
        "url": site_url + reverse("resources:detail", kwargs={"slug": row["slug"]}),
        "type": row["kind"],
        "summary": row["summary"],
        "language": row["language"],
        "audience": row["audience"],
        "authors": row["authors"],
        "publishers": sorted(row["publisher_names"] or []),
        "themes": sorted(row["theme_slugs"] or []),
        "target_groups": sorted(row["group_slugs"] or []),
        "published_on": row["published_on"].isoformat(),
        "external_url": row["external_url"],
        "updated_at": row["updated_at"].isoformat(),
    }


def csv_rows(resources: QuerySet, *, site_url: str) -> Iterator[list]:
    for row in _rows(resources):
        item = _item(row, site_url)
        yield [
            "; ".join(value) if isinstance(value, list) else value
            for value in (item[field.name] for field in FIELDS)
        ]


def json_items(resources: QuerySet, *, site_url: str) -> Iterator[dict]:
    for row in _rows(resources):
        yield _item(row, site_url)


def json_head(*, source_url: str) -> dict:
    return {"licence": licence(), "source": source_url}

"""Open data about public resources: their metadata as CSV and JSON under CC BY 4.0.

Only published resources open to everyone are published: a restricted resource's
metadata stays on the portal. The field list below is the single source of both the
exports and the open-data page that documents them. Related names are gathered with
ARRAY subqueries, so an export reads the database in one query whatever its size.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import OuterRef, QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from common.opendata import DATE, DATETIME, LIST, STRING, Column, Dataset, register
from ecosystem.models import Actor, TargetGroup, Theme
from resources.filters import ResourceFilter
from resources.models import Resource

FIELDS: tuple[Column, ...] = (
    Column(
        "slug",
        STRING,
        _("Stable identifier of the resource; the last part of its page's address."),
        required=True,
    ),
    Column("title", STRING, _("Title, in the resource's language."), required=True),
    Column("url", STRING, _("Address of the resource's page on the portal."), required=True),
    Column("type", STRING, _("Type of resource, as a code (see the list below)."), required=True),
    Column("summary", STRING, _("Short summary.")),
    Column("language", STRING, _("Language of the resource: da, en or other."), required=True),
    Column(
        "audience",
        STRING,
        _("Who the resource is written for, as a code (see the list below)."),
        required=True,
    ),
    Column("authors", STRING, _("Authors, as written by the editors.")),
    Column("publishers", LIST, _("Publishing organisations, by name, separated by semicolons.")),
    Column("themes", LIST, _("ESF+ policy areas, as codes separated by semicolons.")),
    Column("target_groups", LIST, _("Target groups, as codes separated by semicolons.")),
    Column("published_on", DATE, _("Publication date (ISO 8601).")),
    Column("external_url", STRING, _("Link to the resource elsewhere, if it has one.")),
    Column(
        "updated_at",
        DATETIME,
        _("When the resource's information last changed (ISO 8601, UTC)."),
        required=True,
    ),
)


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


def rows(resources: QuerySet) -> Iterator[dict]:
    """One dict of FIELDS' typed values per resource: the CSV's, the XLSX's and the
    JSON's (where lists stay lists)."""
    for row in _rows(resources):
        yield {
            "slug": row["slug"],
            "title": row["title"],
            "url": settings.SITE_URL + reverse("resources:detail", kwargs={"slug": row["slug"]}),
            "type": row["kind"],
            "summary": row["summary"],
            "language": row["language"],
            "audience": row["audience"],
            "authors": row["authors"],
            "publishers": sorted(row["publisher_names"] or []),
            "themes": sorted(row["theme_slugs"] or []),
            "target_groups": sorted(row["group_slugs"] or []),
            "published_on": row["published_on"],
            "external_url": row["external_url"],
            "updated_at": row["updated_at"],
        }


DATASET = register(
    Dataset(
        name="resources",
        namespace="resources",
        docs="resources:open_data",
        title=_("Knowledge resources on social innovation"),
        description=_(
            "The metadata of the library's public resources: reports, guides, tools and "
            "financing models, with their publishers, ESF+ policy areas and target groups."
        ),
        columns=FIELDS,
        select=lambda filters: published(filters.matching()),
        rows=rows,
        filterset=ResourceFilter,
        keywords=("social innovation", "knowledge", "reports"),
        position=20,
    )
)

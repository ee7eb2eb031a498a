from __future__ import annotations

from django.db import models
from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q


class ResourceQuerySet(models.QuerySet):
    def published(self) -> ResourceQuerySet:
        """Listed in the library, and wherever the public meets resources (search, the
        home page, actor pages): every published resource for registered users and
        partners too (their files are what is restricted), but none for staff only. Those
        the public never sees, not even as a facet count; staff open them from the admin
        or by their address."""
        return self.filter(status="published").exclude(access="staff")

    def with_gaps(self) -> ResourceQuerySet:
        """What an editor must still add: `has_translation` (a resource in Danish or
        English with no translation either way; one in another language needs none) and
        `has_file` (no file to download and no link to follow). Two EXISTS subqueries, so
        a list of any length costs the same."""
        from resources.models import Resource, ResourceFile

        translated = (
            Exists(Resource.objects.filter(translation_of=OuterRef("pk")))
            | Q(translation_of__isnull=False)
            | ~Q(language__in=["da", "en"])
        )
        return self.annotate(
            has_translation=ExpressionWrapper(translated, output_field=BooleanField()),
            has_file=ExpressionWrapper(
                Exists(ResourceFile.objects.filter(resource=OuterRef("pk"))) | ~Q(external_url=""),
                output_field=BooleanField(),
            ),
        )

    def public(self) -> ResourceQuerySet:
        """Published and open to everyone: the feed and the open data."""
        return self.filter(status="published", access="public")

from __future__ import annotations

from django.db import models


class ResourceQuerySet(models.QuerySet):
    def published(self) -> ResourceQuerySet:
        """Listed in the library: every published resource, restricted ones too (their
        files are what is restricted)."""
        return self.filter(status="published")

    def public(self) -> ResourceQuerySet:
        """Published and open to everyone: the feed and the open data."""
        return self.filter(status="published", access="public")

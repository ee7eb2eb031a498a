from __future__ import annotations

from django.db import models


class ResourceQuerySet(models.QuerySet):
    def published(self) -> ResourceQuerySet:
        """Listed in the library, and wherever the public meets resources (search, the
        home page, actor pages): every published resource for registered users and
        partners too (their files are what is restricted), but none for staff only. Those
        the public never sees, not even as a facet count; staff open them from the admin
        or by their address."""
        return self.filter(status="published").exclude(access="staff")

    def public(self) -> ResourceQuerySet:
        """Published and open to everyone: the feed and the open data."""
        return self.filter(status="published", access="public")

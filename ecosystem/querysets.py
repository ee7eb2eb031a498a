from __future__ import annotations

from django.db import models


class ActorQuerySet(models.QuerySet):
    def published(self) -> ActorQuerySet:
        return self.filter(status="published")

    def with_position(self) -> ActorQuerySet:
        return self.filter(latitude__isnull=False, longitude__isnull=False)

from __future__ import annotations

from django.db import models
from django.db.models import Q


class ActorQuerySet(models.QuerySet):
    def published(self) -> ActorQuerySet:
        return self.filter(status="published")

    def with_position(self) -> ActorQuerySet:
        return self.filter(latitude__isnull=False, longitude__isnull=False)

    def editable_by(self, user) -> ActorQuerySet:
        """Actors the user may edit: their own (as owner or editor); moderators see all."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(memberships__user=user)

    def visible_to(self, user) -> ActorQuerySet:
        """Published actors for everyone, plus a member's own drafts."""
        if user.is_authenticated:
            return self.filter(Q(status="published") | Q(memberships__user=user)).distinct()
        return self.published()

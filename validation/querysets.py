from __future__ import annotations

from django.db import models

# Kept in step with validation.models.PUBLIC_STATES (imported there from here would loop).
_PUBLIC = ("validated", "published")


class CaseQuerySet(models.QuerySet):
    def public(self) -> CaseQuerySet:
        """Validated cases whose applicant consented to publication on the portal."""
        return self.filter(status__in=_PUBLIC, consent_portal=True)

    def of_user(self, user) -> CaseQuerySet:
        """The applications of every actor this user is a member of."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(actor__memberships__user=user)

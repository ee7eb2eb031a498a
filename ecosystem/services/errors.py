"""The ecosystem's domain errors: a rule was broken; the message is translatable and safe
to show."""

from __future__ import annotations

from typing import Any

from common.workflow import DomainError
from ecosystem.models import Actor


class ActorServiceError(DomainError):
    """A rule of the ecosystem was broken."""


class ActorTransitionError(ActorServiceError):
    """The workflow does not allow this step, or not for this user."""


class MembershipError(ActorServiceError):
    """An invitation, join request or removal breaks a membership rule."""


class DuplicateActorError(ActorServiceError):
    """An actor with this CVR number, or this name in this municipality, exists already."""

    def __init__(self, message: Any, *, existing: Actor | None) -> None:
        super().__init__(message)
        self.existing = existing

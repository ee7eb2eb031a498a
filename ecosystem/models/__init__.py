"""The ecosystem's models, a module per concern; everything is importable from here."""

from ecosystem.models.actors import (
    DESCRIPTION_MAX_LENGTH,
    MESSAGE_MAX_LENGTH,
    REASON_MAX_LENGTH,
    Actor,
    ActorLogEntry,
    Connection,
    Partnership,
    PartnershipQuerySet,
)
from ecosystem.models.membership import Invitation, JoinRequest, Membership
from ecosystem.models.people import User, UserManager
from ecosystem.models.reference import SDG, Municipality, Region, TargetGroup, Theme

__all__ = [
    "DESCRIPTION_MAX_LENGTH",
    "MESSAGE_MAX_LENGTH",
    "REASON_MAX_LENGTH",
    "SDG",
    "Actor",
    "ActorLogEntry",
    "Connection",
    "Invitation",
    "JoinRequest",
    "Membership",
    "Municipality",
    "Partnership",
    "PartnershipQuerySet",
    "Region",
    "TargetGroup",
    "Theme",
    "User",
    "UserManager",
]

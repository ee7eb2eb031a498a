"""Who may do what with an actor: the one place the ecosystem app decides access.

Each function answers for one user and one actor. Views fetch objects through
`get_actor_for_*` helpers, which answer 404 (never 403) to anyone who may not see the
actor, so nothing leaks about another organisation's drafts.
"""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404

from ecosystem import staff
from ecosystem.models import Actor, Membership


def is_moderator(user) -> bool:
    return user.is_authenticated and user.is_active and (
        user.is_superuser or user.groups.filter(name=staff.MODERATORS).exists()
    )


def membership_for(user, actor: Actor) -> Membership | None:
    if not user.is_authenticated:
        return None
    return actor.memberships.filter(user=user).first()


def can_view(user, actor: Actor) -> bool:
    """Published actors are public; drafts and the rest only for members and moderators."""
    return actor.is_published or is_moderator(user) or membership_for(user, actor) is not None


def can_edit(user, actor: Actor) -> bool:
    return membership_for(user, actor) is not None and actor.status != Actor.Status.ARCHIVED


def can_manage_members(user, actor: Actor) -> bool:
    membership = membership_for(user, actor)
    return membership is not None and membership.role == Membership.Role.OWNER


def get_actor_for_view(user, slug: str) -> Actor:
    actor = get_object_or_404(Actor, slug=slug)
    if not can_view(user, actor):
        raise Http404
    return actor


def get_actor_for_edit(user, slug: str) -> Actor:
    actor = get_object_or_404(Actor, slug=slug)
    if not can_edit(user, actor):
        raise Http404
    return actor


def get_actor_for_owner(user, slug: str) -> Actor:
    actor = get_object_or_404(Actor, slug=slug)
    if not can_manage_members(user, actor):
        raise Http404
    return actor

"""Who may do what with an actor: the one place the ecosystem app decides access.

Each function answers for one user and one actor. Views fetch objects through
`get_actor_for_*` helpers, which answer 404 (never 403) to anyone who may not see the
actor, so nothing leaks about another organisation's drafts.
"""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from ecosystem import staff
from ecosystem.models import Actor, Invitation, JoinRequest, Membership, Partnership

# Who may take a step of the actor workflow (see ecosystem.services.WORKFLOW).
BY_MEMBER = "member"
BY_MODERATOR = "moderator"


def is_moderator(user) -> bool:
    return (
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or staff.in_group(user, staff.MODERATORS))
    )


def is_partner(user) -> bool:
    """A member of an actor whose partnership with the centre holds today."""
    if not (user.is_authenticated and user.is_active):
        return False
    return Partnership.objects.current().filter(actor__memberships__user=user).exists()


def can_manage_partnerships(user) -> bool:
    """Moderators (who look after actors) and editors (who look after the library) mark
    actors as partners in the admin."""
    return (
        user.is_authenticated
        and user.is_active
        and user.is_staff
        and (user.is_superuser or staff.in_group(user, staff.MODERATORS, staff.EDITORS))
    )


def membership_for(user, actor: Actor) -> Membership | None:
    if not user.is_authenticated:
        return None
    return actor.memberships.filter(user=user).first()


def can_view(user, actor: Actor) -> bool:
    """Published actors are public; drafts and the rest only for members and moderators."""
    return actor.is_published or is_moderator(user) or membership_for(user, actor) is not None


def can_see_name(user, actor: Actor) -> bool:
    """An actor's name and place are for whoever may see the actor. Anyone else may learn
    that its CVR number (or name) is taken and may ask to join it, but a draft's or a
    pending actor's name stays with its members and the moderators."""
    return can_view(user, actor)


def actor_label(user, actor: Actor):
    """The actor's name where `can_see_name` allows it, otherwise a neutral phrase."""
    return actor.name if can_see_name(user, actor) else _("this organisation")


def can_edit(user, actor: Actor) -> bool:
    return membership_for(user, actor) is not None and actor.status != Actor.Status.ARCHIVED


def can_manage_members(user, actor: Actor) -> bool:
    membership = membership_for(user, actor)
    return membership is not None and membership.role == Membership.Role.OWNER


def can_invite(user, actor: Actor) -> bool:
    """Owners invite once a moderator has published the organisation: an actor waiting for
    review (or a draft) must not use the portal's address to mail anyone."""
    return can_manage_members(user, actor) and actor.status == Actor.Status.PUBLISHED


def can_take_transition(user, actor: Actor, by: str) -> bool:
    """A workflow step is taken by the organisation's members or by a moderator."""
    if by == BY_MODERATOR:
        return is_moderator(user)
    if by == BY_MEMBER:
        return membership_for(user, actor) is not None
    return False


def can_request_to_join(user, actor: Actor) -> bool:
    """Published actors, and ones waiting for review (a colleague may have just registered
    the organisation), take join requests; drafts and archived actors stay hidden."""
    return (
        user.is_authenticated
        and actor.status in (Actor.Status.PUBLISHED, Actor.Status.PENDING)
        and membership_for(user, actor) is None
    )


def can_moderate_in_admin(user) -> bool:
    """The admin's actor pages are for superusers and the moderators group only, whatever
    single model permissions a staff account may have been given by hand."""
    return user.is_active and user.is_staff and is_moderator(user)


def _get_actor(user, slug: str, allowed) -> Actor:
    """The actor by slug if `allowed(user, actor)`; otherwise 404, as if it did not exist."""
    actor = get_object_or_404(Actor, slug=slug)
    if not allowed(user, actor):
        raise Http404
    return actor


def is_member(user, actor: Actor) -> bool:
    """Any member sees their organisation's member list, whatever its status."""
    return membership_for(user, actor) is not None


def can_open_join_page(user, actor: Actor) -> bool:
    """Members are let through too (the page tells them they already belong)."""
    return can_request_to_join(user, actor) or is_member(user, actor)


def get_actor_for_view(user, slug: str) -> Actor:
    return _get_actor(user, slug, can_view)


def get_actor_for_edit(user, slug: str) -> Actor:
    return _get_actor(user, slug, can_edit)


def get_actor_for_owner(user, slug: str) -> Actor:
    return _get_actor(user, slug, can_manage_members)


def get_actor_for_member(user, slug: str) -> Actor:
    return _get_actor(user, slug, is_member)


def get_actor_for_join(user, slug: str) -> Actor:
    return _get_actor(user, slug, can_open_join_page)


def get_actor_for_join_by_id(user, actor_id: int) -> Actor:
    """The join page as the duplicate notice links to it: by number, so the link does not
    carry the name of an actor the person may not see (the slug is made from the name)."""
    actor = get_object_or_404(Actor, pk=actor_id)
    if not can_open_join_page(user, actor):
        raise Http404
    return actor


def get_actor_for_logo(user, name: str) -> Actor:
    """The actor whose stored logo file is `name`, if this user may see the actor.

    The name must equal what the database holds; it is never resolved as a path."""
    if not name:
        raise Http404
    actor = Actor.objects.filter(logo=name).first()
    if actor is None or not can_view(user, actor):
        raise Http404
    return actor


def get_membership_for_owner(user, slug: str, membership_id: int) -> Membership:
    actor = get_actor_for_owner(user, slug)
    return get_object_or_404(
        Membership.objects.select_related("user", "actor"), pk=membership_id, actor=actor
    )


def get_join_request_for_owner(user, slug: str, request_id: int) -> JoinRequest:
    actor = get_actor_for_owner(user, slug)
    return get_object_or_404(
        JoinRequest.objects.select_related("user", "actor"), pk=request_id, actor=actor
    )


def get_invitation(token: str) -> Invitation:
    """The token is the secret: whoever holds the link may see whom it invites to what."""
    return get_object_or_404(Invitation.objects.select_related("actor"), token=token)


def _crud(model: str) -> list[str]:
    return [f"{verb}_{model}" for verb in ("view", "add", "change", "delete")]


# The admin's model permissions of each staff group (synced after migrate: common.roles).
GROUP_PERMISSIONS = {
    staff.MODERATORS: [
        "view_actor", "change_actor",
        *_crud("membership"), *_crud("connection"), *_crud("partnership"),
        "view_actorlogentry", "view_joinrequest", "view_invitation",
        "view_region", "view_municipality", "view_theme", "view_targetgroup", "view_sdg",
    ],
    staff.EDITORS: _crud("partnership"),
}  # fmt: skip

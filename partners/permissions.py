"""Who may do what in the partner programme: the one place this app decides access.

An application belongs to an actor. Its owners (those who manage the actor in the
ecosystem: `ecosystem.permissions.can_manage_members`) apply, edit, send and withdraw;
its other members may read it; nobody else outside the staff who look after partnerships
learns it exists: views fetch through `get_*`, which answer 404, never 403.
"""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404

from ecosystem import permissions as ecosystem_permissions
from ecosystem import staff
from ecosystem.models import Actor, Membership
from partners.models import PartnerApplication

# Who may take a step of the partner workflow (see partners.services.TRANSITIONS).
BY_OWNER = "owner"
BY_STAFF = "staff"


def is_partner_staff(user) -> bool:
    """The staff who mark partners in the ecosystem's admin (moderators and editors)
    decide on applications too: one group of people looks after partnerships."""
    return ecosystem_permissions.can_manage_partnerships(user)


def is_owner(user, application: PartnerApplication) -> bool:
    if not user.is_authenticated:
        return False
    return Membership.objects.filter(
        user=user, actor_id=application.actor_id, role=Membership.Role.OWNER
    ).exists()


def is_member(user, application: PartnerApplication) -> bool:
    if not user.is_authenticated:
        return False
    return Membership.objects.filter(user=user, actor_id=application.actor_id).exists()


def can_edit(user, application: PartnerApplication) -> bool:
    return application.is_editable and is_owner(user, application)


def may(user, application: PartnerApplication, role: str) -> bool:
    """A workflow step is taken by the actor's owners or by partner staff."""
    if role == BY_STAFF:
        return is_partner_staff(user)
    if role == BY_OWNER:
        return is_owner(user, application)
    return False


def applicant_actors(user):
    """The actors this user may apply for: published actors they own."""
    if not user.is_authenticated:
        return Actor.objects.none()
    return Actor.objects.filter(
        status=Actor.Status.PUBLISHED,
        memberships__user=user,
        memberships__role=Membership.Role.OWNER,
    ).order_by("name")


def get_application_for_member(user, pk: int) -> PartnerApplication:
    """The application if this user is a member of its actor; otherwise 404."""
    application = get_object_or_404(
        PartnerApplication.objects.select_related("actor", "partnership"), pk=pk
    )
    if not is_member(user, application):
        raise Http404
    return application


def get_application_for_owner(user, pk: int) -> PartnerApplication:
    """The application if this user owns its actor; otherwise 404."""
    application = get_application_for_member(user, pk)
    if not is_owner(user, application):
        raise Http404
    return application


# The admin's model permissions of each staff group (synced after migrate: common.roles):
# the staff who look after partnerships (see is_partner_staff) decide on applications.
_DECIDE = ["view_partnerapplication", "change_partnerapplication", "view_partnerlogentry"]
GROUP_PERMISSIONS = {staff.MODERATORS: _DECIDE, staff.EDITORS: _DECIDE}

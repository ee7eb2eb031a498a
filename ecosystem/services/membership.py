"""Members, invitations and join requests."""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common import mail
from common.addresses import InvalidAddress, address_key, clean_address
from ecosystem import permissions
from ecosystem.models import (
    Actor,
    ActorLogEntry,
    Invitation,
    JoinRequest,
    Membership,
    User,
)
from ecosystem.services.errors import MembershipError
from ecosystem.services.workflow import moderator_recipients

Status = Actor.Status
LogAction = ActorLogEntry.Action

INVITATIONS_PER_DAY = 20  # per organisation
INVITATIONS_PER_ADDRESS_PER_DAY = 3  # to one address, from all organisations together
INVITATION_VALID_DAYS = 14


# --- Members, invitations and join requests -------------------------------------------------


def invite_member(
    *, actor: Actor, by: User, email: str, role: str = Membership.Role.EDITOR, language: str
) -> Invitation:
    """An owner invites someone by e-mail; inviting the same address again sends a new link."""
    try:
        email = clean_address(email)
    except InvalidAddress:
        raise MembershipError(_("Enter a valid e-mail address.")) from None
    if not permissions.can_manage_members(by, actor):
        raise MembershipError(_("Only an owner of the organisation can invite members."))
    if not permissions.can_invite(by, actor):
        raise MembershipError(
            _("You can invite members once a moderator has approved the organisation.")
        )
    if actor.memberships.filter(user__email_key=address_key(email)).exists():
        raise MembershipError(_("%(email)s is already a member.") % {"email": email})
    try:
        with transaction.atomic():
            # Lock the actor: invitations sent at the same moment must each see the other
            # in the count. The count is of invitations sent (the log), not of rows that
            # still exist: a new link replaces an open one, and that must not reset it.
            Actor.objects.select_for_update().filter(pk=actor.pk).first()
            sent = ActorLogEntry.objects.filter(
                action=LogAction.INVITED, created_at__gte=timezone.now() - timedelta(days=1)
            )
            # The portal's sender address must not become a way to mail strangers in bulk.
            if sent.filter(actor=actor).count() >= INVITATIONS_PER_DAY:
                raise MembershipError(
                    _("You have sent %(count)d invitations today. Try again tomorrow.")
                    % {"count": INVITATIONS_PER_DAY}
                )
            # Nor a way to flood one person's inbox.
            if sent.filter(changes__email=email.lower()).count() >= INVITATIONS_PER_ADDRESS_PER_DAY:
                raise MembershipError(
                    _("%(email)s has been invited several times today. Try again tomorrow.")
                    % {"email": email}
                )
            # A new link replaces an open one: the old mail stops working.
            # Compared as the database's one-open-invitation rule compares (lower case).
            actor.invitations.alias(lowered=Lower("email")).filter(
                lowered=email.lower(), accepted_at__isnull=True
            ).delete()
            invitation = Invitation.objects.create(
                actor=actor,
                email=email,
                role=role,
                token=secrets.token_urlsafe(32),
                invited_by=by,
            )
            ActorLogEntry.objects.create(
                actor=actor,
                user=by,
                action=LogAction.INVITED,
                changes={"email": email.lower(), "role": role},
            )
            mail.send_after_commit(
                template="ecosystem/email/invitation.txt",
                recipients=[email],
                language=language,
                context={
                    "actor": actor,
                    "by": by,
                    "invitation": invitation,
                    "valid_days": INVITATION_VALID_DAYS,
                },
            )
    except IntegrityError as error:
        # Two owners invited the same address at the same moment: the other one won.
        raise MembershipError(
            _("%(email)s has just been invited by someone else.") % {"email": email}
        ) from error
    return invitation


def invitation_problem(*, invitation: Invitation, user: User) -> Any:
    """Why this user cannot accept this invitation, or None."""
    if invitation.accepted_at is not None:
        return _("This invitation has already been used.")
    if invitation.created_at < timezone.now() - timedelta(days=INVITATION_VALID_DAYS):
        return _("This invitation has expired. Ask the organisation to invite you again.")
    # Only addresses the person has proved they own: an unverified secondary address
    # would let anyone who saw the link claim someone else's invitation.
    addresses = {
        address.lower()
        for address in user.emailaddress_set.filter(verified=True).values_list("email", flat=True)
    }
    if invitation.email.lower() not in addresses:
        return _(
            "This invitation was sent to %(email)s. Log in with that address to accept it."
        ) % {"email": invitation.email}
    return None


def accept_invitation(*, token: str, user: User) -> Membership:
    with transaction.atomic():
        # Lock the invitation: a link opened twice at once must add one membership.
        invitation = (
            Invitation.objects.select_for_update().select_related("actor").filter(token=token)
        ).first()
        if invitation is None:
            raise MembershipError(_("This invitation link is not valid."))
        problem = invitation_problem(invitation=invitation, user=user)
        if problem:
            raise MembershipError(problem)
        membership, created = Membership.objects.get_or_create(
            user=user, actor=invitation.actor, defaults={"role": invitation.role}
        )
        invitation.accepted_at = timezone.now()
        invitation.save(update_fields=["accepted_at"])
        if created:
            log_member_change(
                actor=invitation.actor,
                by=user,
                action=LogAction.MEMBER_ADDED,
                membership=membership,
                note="invitation",
            )
    return membership


def remove_member(*, membership: Membership, by: User) -> None:
    """An owner removes a member; the last owner cannot be removed."""
    with transaction.atomic():
        # Lock the actor: two owners removing each other at the same moment must not
        # leave the organisation with no owner at all.
        actor = Actor.objects.select_for_update().get(pk=membership.actor_id)
        if not permissions.can_manage_members(by, actor):
            raise MembershipError(_("Only an owner of the organisation can remove members."))
        current = actor.memberships.select_related("user").filter(pk=membership.pk).first()
        if current is None:
            raise MembershipError(_("This person is no longer a member."))
        if (
            current.role == Membership.Role.OWNER
            and actor.memberships.filter(role=Membership.Role.OWNER).count() == 1
        ):
            raise MembershipError(
                _(
                    "An organisation must keep at least one owner. Make another member an owner "
                    "first, or ask us to help."
                )
            )
        log_member_change(actor=actor, by=by, action=LogAction.MEMBER_REMOVED, membership=current)
        current.delete()


def leave_as_last_owner(*, actor: Actor, by: User, successor: User | None) -> None:
    """The last owner leaves the portal (deletes their account, GDPR art. 17): the
    organisation goes to another member, made owner, or, with `successor` None, is
    archived, taken off the portal with its history kept, so that no organisation is
    left that nobody can edit."""
    with transaction.atomic():
        # The same lock as remove_member(): an owner added meanwhile is counted.
        actor = Actor.objects.select_for_update().get(pk=actor.pk)
        owners = actor.memberships.filter(role=Membership.Role.OWNER)
        if not owners.filter(user=by).exists():
            raise MembershipError(_("Only an owner of the organisation can hand it over."))
        if owners.exclude(user=by).exists():
            return  # another owner came in meanwhile: nothing to settle
        if successor is not None:
            membership = actor.memberships.filter(user=successor).select_related("user").first()
            if membership is None:
                raise MembershipError(_("This person is no longer a member."))
            membership.role = Membership.Role.OWNER
            membership.save(update_fields=["role"])
            log_member_change(
                actor=actor, by=by, action=LogAction.EDITED, membership=membership,
                note="handed over by the last owner",
            )  # fmt: skip
            return
        old = actor.status
        actor.status = Status.ARCHIVED
        actor.save(update_fields=["status", "updated_at"])
        ActorLogEntry.objects.create(
            actor=actor,
            user=by,
            action=LogAction.ARCHIVED,
            changes={"status": [old, actor.status]},
            note="archived by the last owner, who deleted their account",
        )


def request_to_join(*, actor: Actor, by: User, message: str = "", language: str) -> JoinRequest:
    if permissions.membership_for(by, actor) is not None:
        raise MembershipError(_("You are already a member of %(name)s.") % {"name": actor.name})
    if not permissions.can_request_to_join(by, actor):
        raise MembershipError(_("You cannot ask to join this organisation."))
    try:
        with transaction.atomic():
            join_request = JoinRequest.objects.create(actor=actor, user=by, message=message.strip())
            owners = [
                mail.recipient(m.user)
                for m in actor.memberships.filter(role=Membership.Role.OWNER).select_related("user")
            ]
            # An actor nobody owns yet (added by staff) is handled by the moderators.
            mail.send_after_commit(
                template="ecosystem/email/join_request.txt",
                recipients=owners or moderator_recipients(),
                language=language,
                context={"actor": actor, "join_request": join_request, "by": by},
            )
    except IntegrityError as error:
        # The partial unique constraint allows one pending request per person and actor.
        raise MembershipError(
            _("You have already asked to join %(name)s. An owner will answer your request.")
            % {"name": permissions.actor_label(by, actor)}
        ) from error
    return join_request


def decide_join_request(
    *, join_request: JoinRequest, by: User, approve: bool, language: str
) -> JoinRequest:
    with transaction.atomic():
        # Lock the request: two owners answering at once must give one answer.
        locked = (
            JoinRequest.objects.select_for_update()
            .select_related("actor", "user")
            .get(pk=join_request.pk)
        )
        if not permissions.can_manage_members(by, locked.actor):
            raise MembershipError(_("Only an owner of the organisation can answer join requests."))
        if locked.status != JoinRequest.Status.PENDING:
            raise MembershipError(_("This request has already been answered."))
        locked.status = JoinRequest.Status.APPROVED if approve else JoinRequest.Status.DECLINED
        locked.decided_at = timezone.now()
        locked.decided_by = by
        locked.save(update_fields=["status", "decided_at", "decided_by"])
        if approve:
            membership, created = Membership.objects.get_or_create(
                user=locked.user, actor=locked.actor, defaults={"role": Membership.Role.EDITOR}
            )
            if created:
                log_member_change(
                    actor=locked.actor,
                    by=by,
                    action=LogAction.MEMBER_ADDED,
                    membership=membership,
                    note="join request",
                )
        mail.send_after_commit(
            template="ecosystem/email/join_request_decided.txt",
            recipients=[mail.recipient(locked.user)],
            language=language,
            context={
                "actor": locked.actor,
                "actor_name": permissions.actor_label(locked.user, locked.actor),
                "join_request": locked,
                "approved": approve,
            },
        )
    join_request.status = locked.status
    return locked


def log_member_change(
    *, actor: Actor, by: User, action: str, membership: Membership, note: str = ""
) -> None:
    """One log line per membership change (also used by the admin's member inline)."""
    ActorLogEntry.objects.create(
        actor=actor,
        user=by,
        action=action,
        changes={"member": membership.user.email, "role": membership.role},
        note=note,
    )

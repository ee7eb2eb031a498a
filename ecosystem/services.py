"""Operations that change actors, memberships, invitations and join requests.

Every write that users cause goes through here: each runs in one transaction, locks the
row a race could touch, writes an ActorLogEntry (the history moderators read) and sends
its mail only after the transaction commits. Views stay HTTP-only; these functions take
the acting user and plain values and raise a domain error with a message fit to show.
"""

from __future__ import annotations

import re
import secrets
from datetime import timedelta
from typing import Any

from django.core.files.base import File
from django.db import IntegrityError, transaction
from django.db.models import Q, Value
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from common import mail
from common.mail import Recipient
from common.workflow import Transition, TransitionError, Workflow, apply_transition
from ecosystem import permissions, staff
from ecosystem.models import (
    Actor,
    ActorLogEntry,
    Invitation,
    JoinRequest,
    Membership,
    User,
)

Status = Actor.Status
LogAction = ActorLogEntry.Action

INVITATIONS_PER_DAY = 20  # per organisation
INVITATIONS_PER_ADDRESS_PER_DAY = 3  # to one address, from all organisations together
INVITATION_VALID_DAYS = 14

# First path segments of ecosystem/urls.py that an actor's slug must never take.
RESERVED_SLUGS = frozenset(
    {"register", "mine", "invitations", "map", "embed", "export", "open-data", "search"}
)

# Fields that are many-to-many relations: set after the row exists, logged as name lists.
M2M_FIELDS = ("themes", "target_groups", "sdgs")


# --- Domain errors --------------------------------------------------------------------------


class ActorServiceError(Exception):
    """A rule of the domain was broken; `message` is translatable and safe to show."""

    def __init__(self, message: Any) -> None:
        super().__init__(str(message))
        self.message = message


class ActorTransitionError(ActorServiceError):
    """The workflow does not allow this step, or not for this user."""


class MembershipError(ActorServiceError):
    """An invitation, join request or removal breaks a membership rule."""


class DuplicateActorError(ActorServiceError):
    """An actor with this CVR number, or this name in this municipality, exists already."""

    def __init__(self, message: Any, *, existing: Actor | None) -> None:
        super().__init__(message)
        self.existing = existing


# --- The actor workflow: a table read top to bottom, applied by common.workflow ----------


WORKFLOW: dict[str, Transition] = {
    "submit": Transition(
        source=Status.DRAFT,
        target=Status.PENDING,
        by=permissions.BY_MEMBER,
        log=LogAction.SUBMITTED,
        label=_("Send for review"),
        not_allowed=_("only a draft can be sent for review."),
        mail="actor_submitted",
        notify="moderators",
    ),
    "approve": Transition(
        source=Status.PENDING,
        target=Status.PUBLISHED,
        by=permissions.BY_MODERATOR,
        log=LogAction.APPROVED,
        label=_("Approve and publish"),
        not_allowed=_("only an actor waiting for review can be approved."),
        mail="actor_approved",
    ),
    "reject": Transition(
        source=Status.PENDING,
        target=Status.DRAFT,
        by=permissions.BY_MODERATOR,
        log=LogAction.REJECTED,
        label=_("Reject with a reason"),
        not_allowed=_("only an actor waiting for review can be rejected."),
        mail="actor_rejected",
        needs_reason=True,
    ),
    "unpublish": Transition(
        source=Status.PUBLISHED,
        target=Status.DRAFT,
        by=permissions.BY_MODERATOR,
        log=LogAction.UNPUBLISHED,
        label=_("Unpublish"),
        not_allowed=_("only a published actor can be unpublished."),
        mail="actor_unpublished",
    ),
    "archive": Transition(
        source=Status.PUBLISHED,
        target=Status.ARCHIVED,
        by=permissions.BY_MODERATOR,
        log=LogAction.ARCHIVED,
        label=_("Archive"),
        not_allowed=_("only a published actor can be archived."),
        mail="actor_archived",
    ),
    "restore": Transition(
        source=Status.ARCHIVED,
        target=Status.PUBLISHED,
        by=permissions.BY_MODERATOR,
        log=LogAction.RESTORED,
        label=_("Publish again"),
        not_allowed=_("only an archived actor can be published again."),
        mail="actor_approved",
    ),
}


def _set_dates(actor: Actor, transition: Transition, reason: str, now) -> list[str]:
    if transition.target == Status.PENDING:
        actor.submitted_at = now
        actor.rejection_reason = ""
    if transition.log == LogAction.REJECTED:
        actor.rejection_reason = reason
    if transition.target == Status.PUBLISHED:
        actor.published_at = actor.published_at or now
        actor.rejection_reason = ""
    return ["submitted_at", "published_at", "rejection_reason"]


def _log_transition(actor: Actor, transition: Transition, by: User, old: str, reason: str):
    return ActorLogEntry.objects.create(
        actor=actor,
        user=by,
        action=transition.log,
        changes={"status": [old, actor.status]},
        note=reason,
    )


def _transition_recipients(actor: Actor, transition: Transition) -> list[Recipient]:
    if transition.notify == "moderators":
        return _moderators()
    return _members(actor)


def _wrong_state(actor: Actor, transition: Transition):
    return _("“%(name)s” is %(status)s: %(problem)s") % {
        "name": actor.name,
        "status": actor.get_status_display().lower(),
        "problem": transition.not_allowed,
    }


ACTOR_WORKFLOW = Workflow(
    model=Actor,
    transitions=WORKFLOW,
    may=permissions.can_take_transition,
    write_log=_log_transition,
    recipients=_transition_recipients,
    mail_folder="ecosystem/email",
    refusals={
        permissions.BY_MODERATOR: _("Only a moderator can do this."),
        permissions.BY_MEMBER: _("Only the organisation's members can do this."),
    },
    on_apply=_set_dates,
    wrong_state=_wrong_state,
    unknown=_("This is not a step an actor can take."),
    reason_needed=_("Give a reason: the organisation receives it by e-mail."),
)


def transition_actor(
    *,
    actor: Actor,
    action: str,
    by: User,
    reason: str = "",
    language: str | None = None,
) -> Actor:
    """Apply one step of the actor workflow, or raise ActorTransitionError.

    `language` is the language of the request that caused the step: the mail's language
    for recipients who have chosen none. The passed actor is updated in place as well as
    returned.
    """
    try:
        return apply_transition(
            ACTOR_WORKFLOW, actor, action, by=by, reason=reason, language=language or ""
        )
    except TransitionError as error:
        raise ActorTransitionError(error.message) from error


def allowed_actions(*, actor: Actor, user: User) -> list[str]:
    """The workflow steps this user may take on this actor now (for buttons and admin)."""
    return ACTOR_WORKFLOW.allowed(actor, user)


# --- Registering and editing an actor ------------------------------------------------------


def register_actor(*, by: User, values: dict[str, Any], language: str) -> Actor:
    """Create the actor as a draft with `by` as its owner, and send it for review.

    A registration sent twice (a double click, a reload) creates one actor: the database's
    unique constraints decide, and the second attempt raises DuplicateActorError.
    """
    values = dict(values)
    relations = {name: values.pop(name) for name in M2M_FIELDS if name in values}
    logo = values.pop("logo", None)
    for attempt in range(5):
        actor = Actor(**values, status=Status.DRAFT)
        actor.slug = unique_slug(actor.name, offset=attempt)
        if isinstance(logo, File):
            actor.logo = logo
        try:
            with transaction.atomic():
                actor.save()
                for name, items in relations.items():
                    getattr(actor, name).set(items)
                Membership.objects.create(user=by, actor=actor, role=Membership.Role.OWNER)
                ActorLogEntry.objects.create(actor=actor, user=by, action=LogAction.CREATED)
                transition_actor(actor=actor, action="submit", by=by, language=language)
        except IntegrityError as error:
            _delete_uploaded_logo(actor)
            if _constraint_name(error) == "ecosystem_actor_slug_key":
                continue  # another registration took the slug a moment ago: try the next
            duplicate = _duplicate_error(error, values)
            if duplicate is None:
                raise
            raise duplicate from error
        except BaseException:
            _delete_uploaded_logo(actor)
            raise
        return actor
    raise ActorServiceError(_("The organisation could not be saved. Please try again."))


def update_actor(
    *, actor: Actor, by: User, values: dict[str, Any], language: str | None = None
) -> dict[str, list[Any]]:
    """Save a member's (or moderator's) edit and log who changed which field from what to what.

    Edits of a published actor are live at once; the log is how moderators follow them.
    Returns the changes, {field: [old, new]}; nothing is logged when nothing changed.
    """
    values = dict(values)
    with transaction.atomic():
        # Lock the row: two members saving at the same moment must each log the other's
        # saved values as "old", not a stale copy.
        locked = Actor.objects.select_for_update().get(pk=actor.pk)
        if not (permissions.can_edit(by, locked) or permissions.is_moderator(by)):
            raise ActorServiceError(_("You cannot edit this organisation."))
        names = [name for name in values if name != "logo"]
        before = {name: _snapshot(locked, name) for name in names}
        before["logo"] = locked.logo.name or ""
        for name, value in values.items():
            if name in M2M_FIELDS:
                continue
            if name == "logo":
                if value is False or value is None or value == "":
                    locked.logo = ""
                elif isinstance(value, File) and not getattr(value, "_committed", False):
                    locked.logo = value
                continue
            setattr(locked, name, value)
        try:
            with transaction.atomic():
                locked.save()
        except IntegrityError as error:
            _delete_uploaded_logo(locked, only_new=before["logo"])
            duplicate = _duplicate_error(error, values, exclude=locked.pk)
            if duplicate is None:
                raise
            raise duplicate from error
        for name in M2M_FIELDS:
            if name in values:
                getattr(locked, name).set(values[name])
        after = {name: _snapshot(locked, name) for name in names}
        after["logo"] = locked.logo.name or ""
        changes = {
            name: [before[name], after[name]] for name in before if before[name] != after[name]
        }
        if before["logo"] and before["logo"] != after["logo"]:
            # The replaced (or cleared) logo would stay in storage, and public, for ever.
            # Deleted only once the new name is committed: a rollback keeps the old one.
            old_logo, storage = before["logo"], locked.logo.storage
            transaction.on_commit(lambda: storage.delete(old_logo))
        if changes:
            ActorLogEntry.objects.create(
                actor=locked, user=by, action=LogAction.EDITED, changes=changes
            )
    for field in Actor._meta.concrete_fields:
        if not getattr(field, "generated", False):
            setattr(actor, field.attname, getattr(locked, field.attname))
    return changes


def unique_slug(name: str, *, offset: int = 0) -> str:
    """A readable slug for the name that no actor has and no URL of the app uses."""
    base = slugify(_transliterate(name))[:200].strip("-") or "actor"
    if base in RESERVED_SLUGS:
        base = f"{base}-org"
    taken = set(
        Actor.objects.filter(slug__regex=rf"^{re.escape(base)}(-[0-9]+)?$").values_list(
            "slug", flat=True
        )
    )
    number = 1 + offset
    candidate = base if offset == 0 else f"{base}-{number}"
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def find_duplicate(
    *,
    cvr: str = "",
    name: str = "",
    municipality: Any = None,
    country: str = "",
    exclude: int | None = None,
) -> Actor | None:
    """The actor a registration would duplicate: same CVR, or same name in the municipality
    (for actors abroad, which have no municipality: the same name in the same country)."""
    query = Q(pk__in=[])
    if cvr:
        query |= Q(cvr=cvr)
    if name and municipality is not None:
        # The same folding as the actor_name_municipality_unique constraint: lower() in SQL.
        query |= Q(lower_name=Lower(Value(name.strip())), municipality=municipality)
    elif name and country:
        query |= Q(
            lower_name=Lower(Value(name.strip())), municipality__isnull=True, country=country
        )
    actors = (
        Actor.objects.annotate(lower_name=Lower("name"))
        .filter(query)
        .select_related("municipality")
    )
    if exclude is not None:
        actors = actors.exclude(pk=exclude)
    return actors.order_by("pk").first()


# --- Members, invitations and join requests -------------------------------------------------


def invite_member(
    *, actor: Actor, by: User, email: str, role: str = Membership.Role.EDITOR, language: str
) -> Invitation:
    """An owner invites someone by e-mail; inviting the same address again sends a new link."""
    email = email.strip()
    if not permissions.can_manage_members(by, actor):
        raise MembershipError(_("Only an owner of the organisation can invite members."))
    if not permissions.can_invite(by, actor):
        raise MembershipError(
            _("You can invite members once a moderator has approved the organisation.")
        )
    if actor.memberships.filter(user__email__iexact=email).exists():
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
            actor.invitations.filter(email__iexact=email, accepted_at__isnull=True).delete()
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
                recipients=owners or _moderators(),
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


# --- Helpers ----------------------------------------------------------------------------------


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


def _snapshot(actor: Actor, name: str) -> Any:
    """A JSON-safe, readable value of one field, for the edit log."""
    if name in M2M_FIELDS:
        return sorted(str(item) for item in getattr(actor, name).all())
    field = Actor._meta.get_field(name)
    if field.is_relation:
        related = getattr(actor, name)
        return str(related) if related is not None else None
    value = getattr(actor, field.attname)
    if value is not None and not isinstance(value, str | int | float | bool):
        value = str(value)
    return value


def _constraint_name(error: IntegrityError) -> str:
    diag = getattr(error.__cause__, "diag", None)
    return getattr(diag, "constraint_name", "") or ""


def _duplicate_error(
    error: IntegrityError, values: dict[str, Any], *, exclude: int | None = None
) -> DuplicateActorError | None:
    """The domain error for a broken uniqueness rule of actors, or None for anything else."""
    constraint = _constraint_name(error)
    if constraint not in ("actor_cvr_unique", "actor_name_municipality_unique"):
        return None
    existing = find_duplicate(
        cvr=values.get("cvr", "") if constraint == "actor_cvr_unique" else "",
        name=values.get("name", "") if constraint != "actor_cvr_unique" else "",
        municipality=values.get("municipality"),
        exclude=exclude,
    )
    if constraint == "actor_cvr_unique":
        message = _("An organisation with this CVR number is already registered.")
    else:
        message = _("An organisation with this name is already registered in this municipality.")
    return DuplicateActorError(message, existing=existing)


def _delete_uploaded_logo(actor: Actor, *, only_new: str | None = None) -> None:
    """A rolled-back save must not leave its logo file behind in storage."""
    name = actor.logo.name if actor.logo else ""
    if name and name != only_new and getattr(actor.logo, "_committed", False):
        actor.logo.storage.delete(name)


_DANISH_LETTERS = str.maketrans(
    {"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa", "ß": "ss"}
)


def _transliterate(text: str) -> str:
    return text.translate(_DANISH_LETTERS)


def _members(actor: Actor) -> list[Recipient]:
    users = User.objects.filter(memberships__actor=actor).order_by("email")
    return [mail.recipient(user) for user in users]


def _moderators() -> list[Recipient]:
    users = (
        User.objects.filter(is_active=True, groups__name=staff.MODERATORS)
        .distinct()
        .order_by("email")
    )
    return [mail.recipient(user) for user in users]

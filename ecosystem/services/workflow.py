"""The actor workflow: a table read top to bottom, applied by common.workflow, and who
its mail goes to."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from common import mail
from common.mail import Recipient
from common.workflow import Transition, Workflow, apply_transition, names_the_state
from ecosystem import permissions, staff
from ecosystem.models import (
    Actor,
    ActorLogEntry,
    User,
)
from ecosystem.services.errors import ActorTransitionError

Status = Actor.Status
LogAction = ActorLogEntry.Action


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


def _transition_recipients(actor: Actor, transition: Transition) -> list[Recipient]:
    if transition.notify == "moderators":
        return moderator_recipients()
    return member_recipients(actor)


ACTOR_WORKFLOW = Workflow(
    model=Actor,
    transitions=WORKFLOW,
    may=permissions.can_take_transition,
    log_model=ActorLogEntry,
    error=ActorTransitionError,
    recipients=_transition_recipients,
    mail_folder="ecosystem/email",
    refusals={
        permissions.BY_MODERATOR: _("Only a moderator can do this."),
        permissions.BY_MEMBER: _("Only the organisation's members can do this."),
    },
    on_apply=_set_dates,
    wrong_state=names_the_state,
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
    return apply_transition(
        ACTOR_WORKFLOW, actor, action, by=by, reason=reason, language=language or ""
    )


def allowed_actions(*, actor: Actor, user: User) -> list[str]:
    """The workflow steps this user may take on this actor now (for buttons and admin)."""
    return ACTOR_WORKFLOW.allowed(actor, user)


def member_recipients(actor: Actor) -> list[Recipient]:
    users = User.objects.filter(memberships__actor=actor).order_by("email")
    return [mail.recipient(user) for user in users]


def group_recipients(*groups: str, staff_only: bool = False) -> list[Recipient]:
    """The active people in any of the staff `groups` (with `staff_only`, only those who
    may still use the admin), each once, by e-mail address: whom a workflow mails."""
    users = User.objects.filter(is_active=True, groups__name__in=groups)
    if staff_only:
        users = users.filter(is_staff=True)
    return [mail.recipient(user) for user in users.distinct().order_by("email")]


def moderator_recipients() -> list[Recipient]:
    return group_recipients(staff.MODERATORS)

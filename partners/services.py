"""Operations on partner applications: the workflow table, drafts, renewal reminders.

Every write people cause goes through here, in one transaction, with a log row and mail
sent only after commit. Views stay HTTP-only; these functions take the acting user and
plain values and raise `PartnerError` with a message fit to show.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common import mail
from common.mail import Recipient
from common.workflow import DomainError, Transition, Workflow, apply_transition
from ecosystem import staff
from ecosystem.models import Actor, Membership, Partnership, User
from ecosystem.services import group_recipients
from partners import permissions
from partners.models import (
    OPEN_STATES,
    TERM_DAYS,
    PartnerApplication,
    PartnerLogEntry,
    Status,
)

LogAction = PartnerLogEntry.Action
BY_OWNER = permissions.BY_OWNER
BY_STAFF = permissions.BY_STAFF

# The reminder goes this many days before a partnership ends.
REMINDER_DAYS = 30

# The fields a member fills in.
FIELDS = ("tier", "fee_dkk", "in_kind", "co_hosts_events", "other_contribution", "motivation")


class PartnerError(DomainError):
    """A rule of the partner programme was broken."""


# --- The partner workflow: a table read top to bottom, applied by common.workflow --------

# fmt: off
TRANSITIONS: dict[str, Transition] = {
    "submit": Transition(
        source=Status.DRAFT, target=Status.SUBMITTED, by=BY_OWNER,
        log=LogAction.SUBMITTED, label=_("Send the application"),
        not_allowed=_("only a draft can be sent."),
        mail="partner_submitted", notify="staff",
    ),
    "resubmit": Transition(
        source=Status.RETURNED, target=Status.SUBMITTED, by=BY_OWNER,
        log=LogAction.SUBMITTED, label=_("Send the changed application"),
        not_allowed=_("only an application returned for changes can be sent again."),
        mail="partner_submitted", notify="staff",
    ),
    "approve": Transition(
        source=Status.SUBMITTED, target=Status.APPROVED, by=BY_STAFF,
        log=LogAction.APPROVED, label=_("Approve as partner"),
        not_allowed=_("only a submitted application can be approved."),
        mail="partner_approved",
    ),
    "reject": Transition(
        source=Status.SUBMITTED, target=Status.REJECTED, by=BY_STAFF,
        log=LogAction.REJECTED, label=_("Reject with a reason"),
        not_allowed=_("only a submitted application can be rejected."),
        mail="partner_rejected", needs_reason=True,
    ),
    "return": Transition(
        source=Status.SUBMITTED, target=Status.RETURNED, by=BY_STAFF,
        log=LogAction.RETURNED, label=_("Return for changes"),
        not_allowed=_("only a submitted application can be returned for changes."),
        mail="partner_returned", needs_reason=True,
    ),
    # The applicant may withdraw at any moment before a decision; staff hear of it only
    # once they had the application.
    "withdraw": Transition(
        source=(Status.DRAFT, Status.SUBMITTED, Status.RETURNED), target=Status.WITHDRAWN,
        by=BY_OWNER, log=LogAction.WITHDRAWN, label=_("Withdraw the application"),
        not_allowed=_("an application can be withdrawn only before a decision."),
        mail="partner_withdrawn", notify="staff", silent_from=(Status.DRAFT,),
    ),
}
# fmt: on

# What staff decide, as the admin offers it.
DECISIONS = ("approve", "reject", "return")


def term_for(actor: Actor, today: date | None = None) -> tuple[date, date]:
    """The dates of a new term: from today, or from the day after a current partnership
    ends (a renewal continues the old term instead of overlapping it), for a year."""
    today = today or timezone.localdate()
    last_end = (
        Partnership.objects.current(today)
        .filter(actor=actor, ends_on__isnull=False)
        .order_by("-ends_on")
        .values_list("ends_on", flat=True)
        .first()
    )
    starts_on = max(today, last_end + timedelta(days=1)) if last_end else today
    return starts_on, starts_on + timedelta(days=TERM_DAYS)


def _on_apply(application: PartnerApplication, transition: Transition, reason: str, now):
    if transition.target == Status.SUBMITTED:
        application.submitted_at = now
        application.decision_reason = ""
    if transition.source == Status.SUBMITTED and transition.by == BY_STAFF:
        application.decided_at = now
        application.decision_reason = reason
    if transition.target == Status.APPROVED:
        # The partner status the library checks (ecosystem.permissions.is_partner): the
        # actor's members get partner-only resources from today.
        starts_on, ends_on = term_for(application.actor, timezone.localdate(now))
        application.partnership = Partnership.objects.create(
            actor=application.actor,
            starts_on=starts_on,
            ends_on=ends_on,
            note=str(application.get_tier_display())[:300],
        )
    return ["submitted_at", "decided_at", "decision_reason", "partnership"]


def _recipients(application: PartnerApplication, transition: Transition) -> list[Recipient]:
    if transition.notify == "staff":
        return staff_recipients()
    return owner_recipients(application.actor)


def _wrong_state(application: PartnerApplication, transition: Transition):
    return _("The application of “%(name)s” is %(status)s: %(problem)s") % {
        "name": application.actor.name,
        "status": application.get_status_display().lower(),
        "problem": transition.not_allowed,
    }


PARTNER_WORKFLOW = Workflow(
    model=PartnerApplication,
    transitions=TRANSITIONS,
    may=permissions.may,
    log_model=PartnerLogEntry,
    error=PartnerError,
    recipients=_recipients,
    mail_folder="partners/email",
    refusals={
        BY_STAFF: _("Only the centre's staff can do this."),
        BY_OWNER: _("Only the organisation's owners can do this."),
    },
    on_apply=_on_apply,
    wrong_state=_wrong_state,
    unknown=_("This is not a step a partner application can take."),
    reason_needed=_("Write a message: the organisation receives it by e-mail."),
)


def transition_application(
    *, application: PartnerApplication, action: str, by: User, reason: str = "", language=""
) -> PartnerApplication:
    """Apply one step of the partner workflow, or raise PartnerError (nothing changes)."""
    return apply_transition(
        PARTNER_WORKFLOW, application, action, by=by, reason=reason, language=language or ""
    )


def allowed_actions(*, application: PartnerApplication, user: User) -> list[str]:
    return PARTNER_WORKFLOW.allowed(application, user)


def withdraw_action(application: PartnerApplication) -> str:
    return "withdraw"


def submit_action(application: PartnerApplication) -> str:
    return "resubmit" if application.status == Status.RETURNED else "submit"


# --- Drafts --------------------------------------------------------------------------------


def create_application(*, actor: Actor, by: User, values: dict[str, Any]) -> PartnerApplication:
    """A new draft for `actor`, or PartnerError when the user may not apply for it or the
    actor already has an open application."""
    if not permissions.applicant_actors(by).filter(pk=actor.pk).exists():
        raise PartnerError(_("Only an owner of a published organisation can apply."))
    try:
        with transaction.atomic():
            application = PartnerApplication.objects.create(
                actor=actor, applicant=by, **{name: values[name] for name in FIELDS}
            )
            PartnerLogEntry.objects.create(
                application=application,
                user=by,
                action=LogAction.CREATED,
                to_status=application.status,
            )
    except IntegrityError as error:
        # The race: two owners start an application at once; the database keeps one.
        raise PartnerError(open_application_message(actor)) from error
    return application


def open_application_message(actor: Actor):
    return _("%(name)s already has an application in progress. Continue that one.") % {
        "name": actor.name
    }


def open_application(actor: Actor) -> PartnerApplication | None:
    return PartnerApplication.objects.filter(actor=actor, status__in=OPEN_STATES).first()


def save_draft(*, application: PartnerApplication, by: User, values: dict[str, Any]) -> None:
    with transaction.atomic():
        locked = PartnerApplication.objects.select_for_update().get(pk=application.pk)
        if not permissions.can_edit(by, locked):
            raise PartnerError(
                _("The application cannot be changed while it is %(status)s.")
                % {"status": locked.get_status_display().lower()}
            )
        changed = [name for name in FIELDS if getattr(locked, name) != values[name]]
        for name in FIELDS:
            setattr(locked, name, values[name])
            setattr(application, name, values[name])
        locked.save()
        if changed:
            PartnerLogEntry.objects.create(
                application=locked,
                user=by,
                action=LogAction.EDITED,
                from_status=locked.status,
                to_status=locked.status,
                note=", ".join(changed),
            )


def missing_for_submit(application: PartnerApplication) -> list[str]:
    """What must be filled in before staff can decide."""
    missing = []
    if not application.motivation.strip():
        missing.append(str(_("Why do you want to become a partner?")))
    if not (
        application.fee_dkk
        or application.in_kind.strip()
        or application.co_hosts_events
        or application.other_contribution.strip()
    ):
        missing.append(str(_("At least one contribution")))
    return missing


def submit(*, application: PartnerApplication, by: User, language: str = "") -> None:
    missing = missing_for_submit(application)
    if missing:
        raise PartnerError(
            _("Fill in before you send: %(fields)s.") % {"fields": ", ".join(missing)}
        )
    transition_application(
        application=application, action=submit_action(application), by=by, language=language
    )


# --- Recipients ----------------------------------------------------------------------------


def owner_recipients(actor: Actor) -> list[Recipient]:
    users = User.objects.filter(
        is_active=True, memberships__actor=actor, memberships__role=Membership.Role.OWNER
    ).order_by("email")
    return [mail.recipient(user) for user in users]


def staff_recipients() -> list[Recipient]:
    return group_recipients(staff.MODERATORS, staff.EDITORS, staff_only=True)


# --- Renewals ------------------------------------------------------------------------------


def renewal_due(today: date | None = None, days: int = REMINDER_DAYS):
    """Approved applications whose partnership holds today and ends within `days`, not yet
    reminded for that end date, and not already renewed by a later partnership."""
    today = today or timezone.localdate()
    later = Partnership.objects.filter(
        actor_id=OuterRef("actor_id"), starts_on__gt=OuterRef("partnership__ends_on")
    )
    return (
        PartnerApplication.objects.filter(
            status=Status.APPROVED,
            partnership__starts_on__lte=today,
            partnership__ends_on__gte=today,
            partnership__ends_on__lte=today + timedelta(days=days),
        )
        .exclude(reminded_for=F("partnership__ends_on"))
        .exclude(Exists(later))
        .exclude(Q(actor__status=Actor.Status.ARCHIVED))
        .select_related("actor", "partnership")
        .order_by("partnership__ends_on", "pk")
    )


def send_renewal_reminder(application: PartnerApplication, *, language: str = "da") -> bool:
    """Mail the actor's owners once per term; True if this call sent it.

    The race: two cron runs at once both find the application due. The conditional
    update lets exactly one of them mark it and send."""
    ends_on = application.partnership.ends_on
    with transaction.atomic():
        marked = (
            PartnerApplication.objects.filter(pk=application.pk)
            .exclude(reminded_for=ends_on)
            .update(reminded_for=ends_on)
        )
        if not marked:
            return False
        application.reminded_for = ends_on
        PartnerLogEntry.objects.create(
            application=application,
            action=LogAction.REMINDED,
            from_status=application.status,
            to_status=application.status,
            note=ends_on.isoformat(),
        )
        mail.send_after_commit(
            template="partners/email/partner_renewal.txt",
            recipients=owner_recipients(application.actor),
            language=language,
            context={"partnerapplication": application, "ends_on": ends_on},
        )
    return True

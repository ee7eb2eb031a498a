"""Operations on case applications: the workflow table, drafts, assignment, partner relay.

Every write that people cause goes through here, in one transaction, with a log row and
mail sent only after commit. Views stay HTTP-only; these functions take the acting user
and plain values and raise `CaseError` with a message fit to show.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

from django.core.files.base import File
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from common import mail
from common.mail import Recipient
from common.workflow import (
    DomainError,
    Transition,
    Workflow,
    apply_transition,
    names_the_state,
)
from ecosystem import staff
from ecosystem.models import Actor, User
from ecosystem.services import group_recipients
from validation import permissions, review
from validation.models import (
    CaseApplication,
    CaseLogEntry,
    CaseSubmission,
    InterestMessage,
    Status,
)

LogAction = CaseLogEntry.Action
BY_MEMBER = permissions.BY_MEMBER
BY_VALIDATOR = permissions.BY_VALIDATOR

# Relayed "express interest" messages one person may send per day, to all cases together.
INTEREST_MESSAGES_PER_DAY = 5

# Fields of the application that are many-to-many relations: set after the row exists.
M2M_FIELDS = ("partners", "themes", "target_groups", "sdgs")


class CaseError(DomainError):
    """A rule of the case application was broken."""


class EditConflict(CaseError):
    """Someone saved the application after this editor opened it."""

    def __init__(self, message: Any, *, current: CaseApplication, by: User | None) -> None:
        super().__init__(message)
        self.current = current
        self.by = by


# --- The case workflow: a table read top to bottom, applied by common.workflow ------------

# fmt: off
TRANSITIONS: dict[str, Transition] = {
    "submit": Transition(
        source=Status.DRAFT, target=Status.SUBMITTED, by=BY_MEMBER,
        log=LogAction.SUBMITTED, label=_("Send for validation"),
        not_allowed=_("only a draft can be sent for validation."),
        mail="case_submitted", notify="validators",
    ),
    "start_review": Transition(
        source=Status.SUBMITTED, target=Status.IN_REVIEW, by=BY_VALIDATOR,
        log=LogAction.REVIEW_STARTED, label=_("Start the review"),
        not_allowed=_("only a submitted application can be taken into review."),
        mail="case_in_review",
    ),
    # Deciding straight from "submitted" or "resubmitted": the review starts with the
    # decision, is logged as started, and the applicant gets the decision's mail only.
    "start_review_with_decision": Transition(
        source=Status.SUBMITTED, target=Status.IN_REVIEW, by=BY_VALIDATOR,
        log=LogAction.REVIEW_STARTED, label=_("Start the review"),
        not_allowed=_("only a submitted application can be taken into review."),
    ),
    "resume_review_with_decision": Transition(
        source=Status.RESUBMITTED, target=Status.IN_REVIEW, by=BY_VALIDATOR,
        log=LogAction.REVIEW_STARTED, label=_("Review the changes"),
        not_allowed=_("only a resubmitted application can be taken into review again."),
    ),
    "request_changes": Transition(
        source=Status.IN_REVIEW, target=Status.CHANGES_REQUESTED, by=BY_VALIDATOR,
        log=LogAction.CHANGES_REQUESTED, label=_("Request changes"),
        not_allowed=_("changes can be requested only during a review."),
        mail="case_changes_requested", needs_reason=True,
    ),
    "resubmit": Transition(
        source=Status.CHANGES_REQUESTED, target=Status.RESUBMITTED, by=BY_MEMBER,
        log=LogAction.RESUBMITTED, label=_("Send the changed application"),
        not_allowed=_("only an application with changes requested can be sent again."),
        mail="case_resubmitted", notify="validators",
    ),
    "resume_review": Transition(
        source=Status.RESUBMITTED, target=Status.IN_REVIEW, by=BY_VALIDATOR,
        log=LogAction.REVIEW_STARTED, label=_("Review the changes"),
        not_allowed=_("only a resubmitted application can be taken into review again."),
        mail="case_in_review",
    ),
    "validate": Transition(
        source=Status.IN_REVIEW, target=Status.VALIDATED, by=BY_VALIDATOR,
        log=LogAction.VALIDATED, label=_("Validate"),
        not_allowed=_("only an application in review can be validated."),
        mail="case_validated",
    ),
    "reject": Transition(
        source=Status.IN_REVIEW, target=Status.REJECTED, by=BY_VALIDATOR,
        log=LogAction.REJECTED, label=_("Reject with reasons"),
        not_allowed=_("only an application in review can be rejected."),
        mail="case_rejected", needs_reason=True,
    ),
    "publish_on_sim": Transition(
        source=Status.VALIDATED, target=Status.PUBLISHED, by=BY_VALIDATOR,
        log=LogAction.PUBLISHED, label=_("Record the publication on SIM"),
        not_allowed=_("only a validated case can be published on SIM."),
        mail="case_published",
    ),
    # The applicant may withdraw at any moment before a decision.
    "withdraw": Transition(
        source=(
            Status.DRAFT, Status.SUBMITTED, Status.IN_REVIEW,
            Status.CHANGES_REQUESTED, Status.RESUBMITTED,
        ),
        target=Status.WITHDRAWN, by=BY_MEMBER,
        log=LogAction.WITHDRAWN, label=_("Withdraw the application"),
        not_allowed=_("an application can be withdrawn only before a decision."),
        mail="case_withdrawn", notify="validators",
    ),
}
# fmt: on

# What a validator decides; each leaves exactly one decision in the log.
DECISIONS = ("request_changes", "validate", "reject")


def _on_apply(case: CaseApplication, transition: Transition, reason: str, now) -> list[str]:
    if transition.target in (Status.SUBMITTED, Status.RESUBMITTED):
        case.submitted_at = now
    if transition.target in (Status.CHANGES_REQUESTED, Status.VALIDATED, Status.REJECTED):
        case.decided_at = now
    if transition.target == Status.VALIDATED:
        case.validated_at = now
        # A draft's slug is a token; the public case gets a readable one from its title.
        if case.slug.startswith("draft-"):
            case.slug = unique_slug(case.title, exclude=case.pk)
    return ["submitted_at", "decided_at", "validated_at", "slug"]


def _recipients(case: CaseApplication, transition: Transition) -> list[Recipient]:
    if transition.notify == "validators":
        if case.assigned_to_id and case.assigned_to.is_active:
            return [mail.recipient(case.assigned_to)]
        return validators()
    return members(case.actor)


CASE_WORKFLOW = Workflow(
    model=CaseApplication,
    transitions=TRANSITIONS,
    may=permissions.may,
    log_model=CaseLogEntry,
    error=CaseError,
    recipients=_recipients,
    mail_folder="validation/email",
    refusals={
        BY_VALIDATOR: _("Only a validator can do this."),
        BY_MEMBER: _("Only the lead organisation's members can do this."),
    },
    on_apply=_on_apply,
    wrong_state=names_the_state,
    unknown=_("This is not a step a case application can take."),
    reason_needed=_("Write a message: the applicant receives it by e-mail."),
)


def transition_case(
    *, case: CaseApplication, action: str, by: User, reason: str = "", language: str = ""
) -> CaseApplication:
    """Apply one step of the case workflow, or raise CaseError (nothing changes then)."""
    return apply_transition(CASE_WORKFLOW, case, action, by=by, reason=reason, language=language)


def allowed_actions(*, case: CaseApplication, user: User) -> list[str]:
    return CASE_WORKFLOW.allowed(case, user)


# The step that starts the review when a validator decides without starting it first.
IMPLICIT_START = {
    Status.SUBMITTED: "start_review_with_decision",
    Status.RESUBMITTED: "resume_review_with_decision",
}


def allowed_decisions(*, case: CaseApplication, user: User) -> list[str]:
    """The decisions a validator may take now, also from "submitted" or "resubmitted",
    where the review starts with the decision (decide_case)."""
    if case.status in IMPLICIT_START:
        if IMPLICIT_START[case.status] not in allowed_actions(case=case, user=user):
            return []
        in_review = CaseApplication(pk=case.pk, actor_id=case.actor_id, status=Status.IN_REVIEW)
        return [a for a in allowed_actions(case=in_review, user=user) if a in DECISIONS]
    return [a for a in allowed_actions(case=case, user=user) if a in DECISIONS]


def decide_case(
    *, case: CaseApplication, action: str, by: User, reason: str = "", language: str = ""
) -> CaseApplication:
    """One decision in one step: from "submitted" or "resubmitted" the review starts first
    (logged as started), in the same transaction as the decision, so that two validators
    deciding at once leave one decision and nothing of the other's."""
    if action not in DECISIONS:
        raise CaseError(CASE_WORKFLOW.unknown)
    with transaction.atomic():
        # The race: both validators read "submitted". The first to lock the row starts the
        # review and decides; the second finds it decided, and its whole step rolls back.
        locked = CaseApplication.objects.select_for_update().get(pk=case.pk)
        if locked.status not in (*IMPLICIT_START, Status.IN_REVIEW):
            raise CaseError(decided_first_message(locked))
        if locked.status in IMPLICIT_START:
            transition_case(
                case=locked, action=IMPLICIT_START[locked.status], by=by, language=language
            )
        locked = transition_case(
            case=locked, action=action, by=by, reason=reason, language=language
        )
    for name in ("status", "submitted_at", "decided_at", "validated_at", "slug"):
        setattr(case, name, getattr(locked, name))
    return locked


def withdraw_action(case: CaseApplication) -> str:
    return "withdraw"


def decided_first_message(case: CaseApplication):
    """What the validator whose decision came second is told: who decided, and what."""
    last = (
        case.log_entries.filter(to_status=case.status).select_related("user").first()
        if case.pk
        else None
    )
    who = (last.user.get_full_name() or last.user.email) if last and last.user else None
    values = {"title": str(case), "status": case.get_status_display().lower(), "who": who}
    if who:
        return (
            _("%(who)s decided first: “%(title)s” is %(status)s. Your decision was not saved.")
            % values
        )
    return _(
        "Another decision came first: “%(title)s” is %(status)s. Your decision was not saved."
    ) % (values)


def submit_application(*, case: CaseApplication, by: User, language: str) -> CaseApplication:
    """Send a draft, or an application with changes requested, to the validators, once
    nothing required is missing."""
    missing = missing_fields(case)
    if missing:
        raise CaseError(_("Fill in what is missing before you send the application."))
    action = "resubmit" if case.status == Status.CHANGES_REQUESTED else "submit"
    with transaction.atomic():
        case = transition_case(case=case, action=action, by=by, language=language)
        # What was sent, as it was sent: the applicant reads it back, and the validator
        # sees what changed since the previous submission (validation/review.py).
        CaseSubmission.objects.create(
            case=case,
            number=case.submissions.count() + 1,
            submitted_by=by,
            submitted_at=case.submitted_at,
            data=review.snapshot_of(case),
        )
        # A receipt for the member who sent it; the validators have their own mail (19.9).
        mail.send_after_commit(
            template="validation/email/case_received.txt",
            recipients=[mail.recipient(by)],
            language=language,
            context={"caseapplication": case, "by": by},
        )
    return case


def record_sim_publication(
    *, case: CaseApplication, by: User, sim_url: str, published_on: date, language: str = ""
) -> CaseApplication:
    """Staff record where and when SIM published the case; the step and the link together."""
    if not sim_url:
        raise CaseError(_("Give the case's link on SIM."))
    with transaction.atomic():
        CaseApplication.objects.filter(pk=case.pk, status=Status.VALIDATED).update(
            sim_url=sim_url, sim_published_on=published_on
        )
        case = transition_case(case=case, action="publish_on_sim", by=by, language=language)
    return case


# --- What must be filled in before submitting -------------------------------------------

# Field → what the checklist says is missing. English texts are required; SIM is English.
REQUIRED = {
    "title": _("a title"),
    "summary": _("a short summary in English"),
    "problem": _("the problem addressed, in English"),
    "solution": _("the innovative solution, in English"),
    "results": _("the key results and benefits, in English"),
    "lessons": _("the lessons learned, in English"),
    "countries": _("at least one country where it runs"),
    "level": _("the level of action"),
    "themes": _("at least one theme (ESF+ policy area)"),
    "stage": _("the stage"),
    "contact_name": _("a contact person"),
    "contact_email": _("the contact person's e-mail"),
    "consent_portal": _("consent to publication on the portal"),
    "consent_sim": _("consent to publication on SIM"),
}


def missing_fields(case: CaseApplication) -> list[tuple[str, Any]]:
    """(field, what is missing) for each required field left empty, in form order."""
    missing = []
    for name, label in REQUIRED.items():
        if name == "themes":
            value = case.pk and case.themes.exists()
        else:
            value = getattr(case, name)
        if isinstance(value, str):
            value = value.strip()
        if not value:
            missing.append((name, label))
    return missing


# --- Drafts -----------------------------------------------------------------------------


def create_application(
    *, actor: Actor, by: User, token: uuid.UUID, values: dict[str, Any]
) -> CaseApplication:
    """A new draft for `actor`. The form's token makes a double submit create one draft:
    the second attempt returns the first."""
    if not permissions.applicant_actors(by).filter(pk=actor.pk).exists():
        raise CaseError(_("You can apply only for an organisation you are a member of."))
    existing = CaseApplication.objects.filter(creation_token=token).first()
    if existing is not None:
        return existing
    values = dict(values)
    relations = {name: values.pop(name) for name in M2M_FIELDS if name in values}
    image = values.pop("image", None)
    values.pop("version", None)
    try:
        with transaction.atomic():
            case = CaseApplication(
                actor=actor,
                created_by=by,
                creation_token=token,
                slug=f"draft-{token.hex}",
                **values,
            )
            if isinstance(image, File):
                case.image = image
            case.save()
            for name, items in relations.items():
                getattr(case, name).set(items)
            CaseLogEntry.objects.create(case=case, user=by, action=LogAction.CREATED)
    except IntegrityError:
        existing = CaseApplication.objects.filter(creation_token=token).first()
        if existing is None:
            raise
        return existing
    return case


def save_draft(
    *, case: CaseApplication, by: User, version: int, values: dict[str, Any]
) -> CaseApplication:
    """Save a member's edit if nobody saved since `version`; else raise EditConflict and
    change nothing, so that the second editor is told instead of overwriting the first."""
    values = dict(values)
    values.pop("version", None)
    with transaction.atomic():
        # The race this lock prevents: two members both read version N and both save N+1.
        locked = CaseApplication.objects.select_for_update().get(pk=case.pk)
        if not permissions.can_edit(by, locked):
            raise CaseError(
                _("This application cannot be edited now: it is %(status)s.")
                % {"status": locked.get_status_display().lower()}
            )
        if locked.version != version:
            last = locked.log_entries.filter(action=LogAction.EDITED).select_related("user").first()
            raise EditConflict(
                _(
                    "Someone else saved this application while you were editing it. "
                    "Nothing of yours was saved yet: compare, then save again."
                ),
                current=locked,
                by=last.user if last else None,
            )
        for name, value in values.items():
            if name in M2M_FIELDS:
                continue
            if name == "image":
                if value is False:
                    locked.image = ""
                elif isinstance(value, File) and not getattr(value, "_committed", False):
                    locked.image = value
                continue
            setattr(locked, name, value)
        locked.version = locked.version + 1
        locked.save()
        for name in M2M_FIELDS:
            if name in values:
                getattr(locked, name).set(values[name])
        CaseLogEntry.objects.create(case=locked, user=by, action=LogAction.EDITED)
    for field in CaseApplication._meta.concrete_fields:
        if not getattr(field, "generated", False):
            setattr(case, field.attname, getattr(locked, field.attname))
    return case


def unique_slug(title: str, *, exclude: int | None = None) -> str:
    base = slugify(title)[:200].strip("-") or "case"
    if base in RESERVED_SLUGS:
        base = f"{base}-case"
    taken = set(
        CaseApplication.objects.filter(slug__startswith=base)
        .exclude(pk=exclude)
        .values_list("slug", flat=True)
    )
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


# First path segments of validation/urls.py that a case's slug must never take.
RESERVED_SLUGS = frozenset({"mine", "new", "applications", "export", "open-data"})


# --- Assignment -------------------------------------------------------------------------


def assign_validator(
    *, case: CaseApplication, validator: User | None, by: User, language: str = ""
) -> CaseApplication:
    """Give the application to a validator, who is told by e-mail."""
    if not permissions.is_validator(by):
        raise CaseError(_("Only a validator can do this."))
    if validator is not None and not permissions.is_validator(validator):
        raise CaseError(_("Only a member of the validators group can be assigned."))
    with transaction.atomic():
        locked = CaseApplication.objects.select_for_update().get(pk=case.pk)
        if locked.assigned_to_id == (validator.pk if validator else None):
            return locked
        locked.assigned_to = validator
        locked.save(update_fields=["assigned_to", "updated_at"])
        CaseLogEntry.objects.create(
            case=locked,
            user=by,
            action=LogAction.ASSIGNED,
            note=validator.get_full_name() or validator.email if validator else "",
        )
        # Assigning yourself tells nobody: you know.
        if validator is not None and validator.pk != by.pk:
            mail.send_after_commit(
                template="validation/email/case_assigned.txt",
                recipients=[mail.recipient(validator)],
                language=language,
                context={"caseapplication": locked, "by": by},
            )
    case.assigned_to = validator
    return locked


# --- Finding partners: the express-interest relay ------------------------------------------


def express_interest(
    *, case: CaseApplication, by: User, actor: Actor, message: str, language: str
) -> InterestMessage:
    """Relay a member of another organisation's message to the case's contact.

    Neither side sees the other's address: the mail to the contact names the sender's
    organisation, not their address, and comes from the portal. The contact answers
    through the portal's link, and only that answer reveals the contact to the sender.
    """
    if not permissions.can_express_interest(by, case):
        raise CaseError(_("Only members of other organisations can contact this case."))
    if not permissions.applicant_actors(by).filter(pk=actor.pk).exclude(pk=case.actor_id).exists():
        raise CaseError(_("Choose an organisation you are a member of."))
    since = timezone.now() - timedelta(days=1)
    with transaction.atomic():
        # Lock the sender's row: two messages sent at once must both count against the limit.
        User.objects.select_for_update().filter(pk=by.pk).first()
        if InterestMessage.objects.filter(sender=by, created_at__gte=since).count() >= (
            INTEREST_MESSAGES_PER_DAY
        ):
            raise CaseError(
                _("You have sent the most messages allowed in one day. Try again tomorrow.")
            )
        interest = InterestMessage.objects.create(
            case=case, sender=by, sender_actor=actor, message=message.strip()
        )
        contact = case.contact_email or ""
        recipients = [contact] if contact else members(case.actor)
        mail.send_after_commit(
            template="validation/email/interest.txt",
            recipients=recipients,
            language="en",
            context={"case": case, "interest": interest, "sender_actor": actor},
        )
        mail.send_after_commit(
            template="validation/email/interest_sent.txt",
            recipients=[mail.recipient(by)],
            language=language,
            context={"case": case, "interest": interest},
        )
    return interest


def answer_interest(*, interest: InterestMessage, answer: str, language: str = "") -> None:
    """The contact's answer goes to the sender with the contact's address: only now does
    either side learn an address, and only because the contact chose to answer."""
    with transaction.atomic():
        locked = (
            InterestMessage.objects.select_for_update()
            .select_related("case", "sender", "sender_actor")
            .get(pk=interest.pk)
        )
        if locked.answered_at is not None:
            raise CaseError(_("This message has already been answered."))
        locked.answer = answer.strip()
        locked.answered_at = timezone.now()
        locked.save(update_fields=["answer", "answered_at"])
        mail.send_after_commit(
            template="validation/email/interest_answered.txt",
            recipients=[mail.recipient(locked.sender)],
            language=language,
            context={"case": locked.case, "interest": locked},
        )


# --- Recipients -----------------------------------------------------------------------------


def members(actor: Actor) -> list[Recipient]:
    users = User.objects.filter(memberships__actor=actor, is_active=True).order_by("email")
    return [mail.recipient(user) for user in users]


def validators() -> list[Recipient]:
    return group_recipients(staff.VALIDATORS)

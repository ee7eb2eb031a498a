"""Workflows: a table of transitions per app, and one function that applies them.

An app declares a `Workflow`: its model, its table of `Transition`s (read top to bottom:
from which state, to which, who may, what is logged, the button's label, which mail), the
permission function that decides who may take a step (the app's permissions module), and
how it writes its log row and whom it mails. `apply_transition()` does the rest, the same
way for every app:

1. looks the step up (an unknown step is refused);
2. locks the row (SELECT ... FOR UPDATE), so two people acting at once (two moderators,
   a double-clicked button) cannot both take a step from the same state;
3. checks the role on the locked row, then the state;
4. sets the new state and whatever the app's `on_apply` adds, saves, writes the app's log
   row (the history people read);
5. queues the mail, which is sent only once the transaction commits.
It raises `TransitionError` with a message fit to show; it never touches HTTP.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common import mail


class TransitionError(Exception):
    """The workflow does not allow this step, or not for this user; the message is
    translatable and safe to show."""

    def __init__(self, message: Any) -> None:
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True)
class Transition:
    source: str
    target: str
    by: str  # a role the workflow's `may` understands, e.g. "member", "moderator"
    log: str  # the action written to the app's log
    label: Any  # the button's label
    not_allowed: Any  # why the step is refused when the row is in another state
    mail: str = ""  # the mail's template name, under the workflow's mail folder
    notify: str = ""  # whom the mail goes to; the workflow's `recipients` decides
    needs_reason: bool = False


@dataclass(frozen=True)
class Workflow:
    model: type[models.Model]
    transitions: dict[str, Transition]
    # may(user, row, role) -> bool: the app's permission rule for a role.
    may: Callable[[Any, Any, str], bool]
    # write_log(row, transition, user, old_state, reason): the app's history row.
    write_log: Callable[..., Any]
    # recipients(row, transition) -> [Recipient | address]
    recipients: Callable[[Any, Transition], list]
    mail_folder: str  # e.g. "ecosystem/email"
    # Why a role may not take a step: role → message.
    refusals: dict[str, Any] = field(default_factory=dict)
    # on_apply(row, transition, reason, now) -> more fields it changed (dates, reasons).
    on_apply: Callable[..., list[str]] | None = None
    # wrong_state(row, transition) -> message, when the row is in another state;
    # by default the transition's `not_allowed`.
    wrong_state: Callable[[Any, Transition], Any] | None = None
    # attachments(row, transition) -> [(filename, content, mimetype)] for the mail.
    attachments: Callable[[Any, Transition], list] | None = None
    state_field: str = "status"
    unknown: Any = _("This step is not possible.")
    reason_needed: Any = _("Give a reason.")

    def allowed(self, row: Any, user: Any) -> list[str]:
        """The steps this user may take on this row now (for buttons and the admin)."""
        state = getattr(row, self.state_field)
        return [
            action
            for action, transition in self.transitions.items()
            if state == transition.source and self.may(user, row, transition.by)
        ]


def apply_transition(
    workflow: Workflow,
    row: Any,
    action: str,
    *,
    by: Any,
    reason: str = "",
    language: str = "",
    context: dict[str, Any] | None = None,
) -> Any:
    """Take one step of `workflow` on `row`, or raise TransitionError.

    Returns the locked, saved row; `row` itself is updated in place too. `language` is
    that of the request that caused the step: the mail's language for recipients who
    have none of their own.
    """
    transition = workflow.transitions.get(action)
    if transition is None:
        raise TransitionError(workflow.unknown)
    reason = reason.strip()
    if transition.needs_reason and not reason:
        raise TransitionError(workflow.reason_needed)
    state_field = workflow.state_field

    with transaction.atomic():
        # The race this lock prevents: two requests both read the old state and both
        # apply a step from it (approve and reject together, or twice the same mail).
        locked = workflow.model._default_manager.select_for_update().get(pk=row.pk)
        if not workflow.may(by, locked, transition.by):
            raise TransitionError(
                workflow.refusals.get(transition.by, _("You may not take this step."))
            )
        old_state = getattr(locked, state_field)
        if old_state != transition.source:
            if workflow.wrong_state is not None:
                raise TransitionError(workflow.wrong_state(locked, transition))
            raise TransitionError(transition.not_allowed)
        setattr(locked, state_field, transition.target)
        changed = [state_field]
        if workflow.on_apply is not None:
            changed += workflow.on_apply(locked, transition, reason, timezone.now())
        if any(f.name == "updated_at" for f in workflow.model._meta.concrete_fields):
            changed.append("updated_at")
        locked.save(update_fields=list(dict.fromkeys(changed)))
        workflow.write_log(locked, transition, by, old_state, reason)
        if transition.mail:
            mail.send_after_commit(
                template=f"{workflow.mail_folder}/{transition.mail}.txt",
                recipients=workflow.recipients(locked, transition),
                language=language,
                attachments=(
                    workflow.attachments(locked, transition) if workflow.attachments else ()
                ),
                context={
                    **(context or {}),
                    workflow.model._meta.model_name: locked,
                    "by": by,
                    "reason": reason,
                    "transition": transition,
                },
            )
        for name in dict.fromkeys(changed):
            setattr(row, name, getattr(locked, name))
    return locked
